//! The headline figures: the one list of what a plan's projection leads with,
//! with each figure's label, short label, value and kind. The reports, the
//! comparison, the workbench and presentation mode all take them from here.

use super::projection::Projection;
use super::scenario::Scenario;

/// The article's range for yearly upkeep (maintenance, and here model changes
/// too) as a share of the build cost, percent: outside it, a figure is flagged.
pub const UPKEEP_RANGE_PCT: (f64, f64) = (15.0, 25.0);

/// One headline figure of a projection.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Figure {
    /// Build cost plus what is billed or paid over the horizon: the figure
    /// the CFO signs (version 3 leads with it for every plan).
    CashTco,
    /// What is billed or paid over the horizon.
    CashRunCost,
    /// The expected cost of wrong answers over the horizon: an estimate,
    /// never summed into cash.
    ExpectedErrorCost,
    /// Wrong answers' expected cost less today's process's avoided: above 0
    /// the system costs more in wrong answers than today (an estimate).
    QualityImpact,
    /// The most full-time people the saved time stands for in a month.
    FteSaved,
    /// Cash run cost per request.
    CashCostPerRequest,
    /// Net over cash TCO.
    RoiOnCash,
    Month1,
    RunCost,
    Build,
    Tco,
    CostPerRequest,
    Value,
    Net,
    Roi,
    Payback,
    RunToBuild,
    /// Net present value at the plan's discount rate (version 2).
    Npv,
    /// Payback counted from the start of the build (version 2).
    PaybackFromStart,
    /// Maintenance plus model changes a year, % of the build (version 2).
    Upkeep,
    /// Today's wrong outcomes avoided, the part of the value that is not
    /// labour (version 2).
    ErrorsAvoided,
}

/// What a figure's number is, for formatting it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    /// An amount of the plan's currency.
    Money,
    /// An amount per request (small: shown with more places).
    MoneyPerRequest,
    /// A percentage (ROI).
    Percent,
    /// A plan month (payback).
    Month,
    /// A ratio ("5.3×").
    Ratio,
    /// A percentage of the build cost a year (upkeep), flagged outside
    /// [`UPKEEP_RANGE_PCT`].
    PercentOfBuild,
    /// Full-time equivalents of people.
    Fte,
}

/// A value against the baseline's: the absolute change and, where the
/// baseline is not zero, the relative change in percent.
#[derive(Debug, Clone, Copy, PartialEq, serde::Serialize)]
pub struct Delta {
    pub abs: f64,
    pub pct: Option<f64>,
}

impl Delta {
    pub fn between(base: f64, value: f64) -> Self {
        let abs = value - base;
        Delta {
            abs,
            pct: (base != 0.0).then(|| abs / base.abs() * 100.0),
        }
    }
}

impl Figure {
    /// Every headline figure, in the reports' order.
    pub const ALL: [Figure; 21] = [
        Figure::CashTco,
        Figure::ExpectedErrorCost,
        Figure::QualityImpact,
        Figure::Month1,
        Figure::CashRunCost,
        Figure::RunCost,
        Figure::Build,
        Figure::Tco,
        Figure::CashCostPerRequest,
        Figure::CostPerRequest,
        Figure::Value,
        Figure::FteSaved,
        Figure::ErrorsAvoided,
        Figure::Net,
        Figure::Npv,
        Figure::RoiOnCash,
        Figure::Roi,
        Figure::Payback,
        Figure::PaybackFromStart,
        Figure::RunToBuild,
        Figure::Upkeep,
    ];

    /// The figures of format version 2 (spec §5). A version-1 plan does not
    /// show them: at version-1 defaults NPV equals the net, payback from the
    /// start equals payback and nothing is avoided, and its reports stay as
    /// they were.
    pub const V2: [Figure; 4] = [
        Figure::ErrorsAvoided,
        Figure::Npv,
        Figure::PaybackFromStart,
        Figure::Upkeep,
    ];

    /// The figures a comparison puts side by side, in display order.
    pub const COMPARED: [Figure; 12] = [
        Figure::CashTco,
        Figure::ExpectedErrorCost,
        Figure::QualityImpact,
        Figure::FteSaved,
        Figure::Month1,
        Figure::RunCost,
        Figure::Build,
        Figure::Tco,
        Figure::CostPerRequest,
        Figure::Value,
        Figure::Roi,
        Figure::Payback,
    ];

    /// Whether a plan's reports show this figure: every figure for a
    /// version-2 plan, the version-1 figures for a version-1 plan.
    pub fn applies(self, s: &Scenario) -> bool {
        !Figure::V2.contains(&self) || s.format_version() >= 2
    }

    /// The headline figures a plan's reports show, in order.
    pub fn shown(s: &Scenario) -> impl Iterator<Item = Figure> + '_ {
        Figure::ALL.into_iter().filter(|f| f.applies(s))
    }

    /// The figures a comparison of these plans puts side by side: the
    /// compared figures, with NPV and upkeep when any plan is version 2.
    pub fn compared(plans: &[&Scenario]) -> Vec<Figure> {
        let mut v = Figure::COMPARED.to_vec();
        if plans.iter().any(|s| s.format_version() >= 2) {
            v.extend([Figure::Npv, Figure::Upkeep]);
        }
        v
    }

    /// Whether the figure is an estimate of expected losses rather than cash:
    /// shown beside cash TCO, labelled so, never summed into it.
    pub fn is_estimate(self) -> bool {
        matches!(self, Figure::ExpectedErrorCost | Figure::QualityImpact)
    }

    /// Whether the figure's value lies outside its industry range (upkeep
    /// outside 15–25 % of the build a year).
    pub fn flagged(self, p: &Projection) -> bool {
        let (lo, hi) = UPKEEP_RANGE_PCT;
        self.kind() == Kind::PercentOfBuild && self.value(p).is_some_and(|v| v < lo || v > hi)
    }

    /// The label a report prints in full.
    pub fn label(self) -> &'static str {
        match self {
            Figure::CashTco => "Cash TCO (build + billed and paid)",
            Figure::CashRunCost => "Cash run cost (horizon)",
            Figure::ExpectedErrorCost => "Expected cost of wrong answers (estimate)",
            Figure::QualityImpact => "Net quality impact vs today (estimate)",
            Figure::FteSaved => "Saved time in people (peak FTE)",
            Figure::CashCostPerRequest => "Cash cost per request",
            Figure::RoiOnCash => "ROI on cash",
            Figure::Month1 => "Month-1 run cost",
            Figure::RunCost => "Run cost with expected losses",
            Figure::Build => "Build cost",
            Figure::Tco => "TCO with expected losses",
            Figure::CostPerRequest => "Cost per request",
            Figure::Value => "Value delivered",
            Figure::Net => "Net (value − TCO with expected losses)",
            Figure::Roi => "ROI",
            Figure::Payback => "Payback",
            Figure::RunToBuild => "Run cost ÷ build cost",
            Figure::Npv => "Net present value",
            Figure::PaybackFromStart => "Payback from start of build",
            Figure::Upkeep => "Upkeep a year (% of build)",
            Figure::ErrorsAvoided => "Errors avoided vs today",
        }
    }

    /// The label where columns are narrow: the workbench, presentation mode
    /// and the comparison.
    pub fn short_label(self) -> &'static str {
        match self {
            Figure::CashTco => "Cash TCO",
            Figure::CashRunCost => "Cash run",
            Figure::ExpectedErrorCost => "Exp. errors",
            Figure::QualityImpact => "Quality cost",
            Figure::FteSaved => "FTE saved",
            Figure::CashCostPerRequest => "Cash/request",
            Figure::RoiOnCash => "ROI on cash",
            Figure::Month1 => "Month 1",
            Figure::RunCost => "Run cost",
            Figure::Build => "Build",
            Figure::Tco => "TCO",
            Figure::CostPerRequest => "Per request",
            Figure::Value => "Value",
            Figure::Net => "Net",
            Figure::Roi => "ROI",
            Figure::Payback => "Payback",
            Figure::RunToBuild => "Run ÷ build",
            Figure::Npv => "NPV",
            Figure::PaybackFromStart => "From start",
            Figure::Upkeep => "Upkeep/yr",
            Figure::ErrorsAvoided => "Errs avoided",
        }
    }

    /// The key used in JSON and CSV output.
    pub fn key(self) -> &'static str {
        match self {
            Figure::CashTco => "cash_tco",
            Figure::CashRunCost => "cash_run_cost",
            Figure::ExpectedErrorCost => "expected_error_cost",
            Figure::QualityImpact => "quality_impact",
            Figure::FteSaved => "peak_fte_saved",
            Figure::CashCostPerRequest => "cash_cost_per_request",
            Figure::RoiOnCash => "roi_on_cash_pct",
            Figure::Month1 => "month1_cost",
            Figure::RunCost => "run_cost",
            Figure::Build => "build_cost",
            Figure::Tco => "tco",
            Figure::CostPerRequest => "cost_per_request",
            Figure::Value => "value",
            Figure::Net => "net",
            Figure::Roi => "roi_pct",
            Figure::Payback => "payback_month",
            Figure::RunToBuild => "run_to_build",
            Figure::Npv => "npv",
            Figure::PaybackFromStart => "payback_month_from_start",
            Figure::Upkeep => "upkeep_pct_of_build_per_year",
            Figure::ErrorsAvoided => "errors_avoided",
        }
    }

    pub fn kind(self) -> Kind {
        match self {
            Figure::CostPerRequest | Figure::CashCostPerRequest => Kind::MoneyPerRequest,
            Figure::Roi | Figure::RoiOnCash => Kind::Percent,
            Figure::FteSaved => Kind::Fte,
            Figure::Payback | Figure::PaybackFromStart => Kind::Month,
            Figure::RunToBuild => Kind::Ratio,
            Figure::Upkeep => Kind::PercentOfBuild,
            _ => Kind::Money,
        }
    }

    /// Whether a higher value is better news (value, net, ROI) rather than
    /// worse (costs).
    pub fn higher_is_better(self) -> bool {
        matches!(
            self,
            Figure::Value
                | Figure::Net
                | Figure::Roi
                | Figure::RoiOnCash
                | Figure::Npv
                | Figure::ErrorsAvoided
                | Figure::FteSaved
        )
    }

    /// The figure's value for a projection; `None` where it is undefined
    /// (no ROI without cost, no payback within the horizon, …).
    pub fn value(self, p: &Projection) -> Option<f64> {
        let t = &p.totals;
        match self {
            Figure::CashTco => Some(t.cash_tco),
            Figure::CashRunCost => Some(t.cash_run_cost),
            Figure::ExpectedErrorCost => Some(t.expected_error_cost),
            Figure::QualityImpact => Some(t.quality_impact),
            Figure::FteSaved => Some(t.peak_fte_saved),
            Figure::CashCostPerRequest => t.cash_cost_per_request,
            Figure::RoiOnCash => t.roi_on_cash_pct,
            Figure::Month1 => Some(p.first().map_or(0.0, |m| m.total)),
            Figure::RunCost => Some(t.run_cost),
            Figure::Build => Some(t.build_cost),
            Figure::Tco => Some(t.tco),
            Figure::CostPerRequest => t.cost_per_request,
            Figure::Value => Some(t.value),
            Figure::Net => Some(t.net),
            Figure::Roi => t.roi_pct,
            Figure::Payback => t.payback_month.map(f64::from),
            Figure::RunToBuild => t.run_to_build_ratio(),
            Figure::Npv => Some(t.npv),
            Figure::PaybackFromStart => t.payback_month_from_start.map(f64::from),
            Figure::Upkeep => t.upkeep_pct_of_build_per_year,
            Figure::ErrorsAvoided => Some(t.errors_avoided),
        }
    }

    /// The change from the baseline. ROI changes in percentage points,
    /// payback in months and a ratio in itself, so none has a relative change.
    pub fn delta(self, base: &Projection, p: &Projection) -> Option<Delta> {
        let (b, v) = (self.value(base)?, self.value(p)?);
        let d = Delta::between(b, v);
        Some(match self.kind() {
            Kind::Percent | Kind::Month | Kind::Ratio | Kind::PercentOfBuild => {
                Delta { pct: None, ..d }
            }
            Kind::Money | Kind::MoneyPerRequest | Kind::Fte => d,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_figure_has_its_own_labels_and_key() {
        let mut seen = std::collections::HashSet::new();
        for f in Figure::ALL {
            assert!(seen.insert(f.label()), "label {} twice", f.label());
            assert!(seen.insert(f.key()), "key {} twice", f.key());
            assert!(!f.short_label().is_empty());
            assert!(f.short_label().chars().count() <= 12, "{}", f.short_label());
        }
        let shorts: std::collections::HashSet<_> =
            Figure::ALL.iter().map(|f| f.short_label()).collect();
        assert_eq!(shorts.len(), Figure::ALL.len());
        assert!(Figure::COMPARED.iter().all(|f| Figure::ALL.contains(f)));
    }
}
