//! The headline figures: the one list of what a plan's projection leads with,
//! with each figure's label, short label, value and kind. The reports, the
//! comparison, the workbench and presentation mode all take them from here.

use super::projection::Projection;

/// One headline figure of a projection.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Figure {
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
    pub const ALL: [Figure; 10] = [
        Figure::Month1,
        Figure::RunCost,
        Figure::Build,
        Figure::Tco,
        Figure::CostPerRequest,
        Figure::Value,
        Figure::Net,
        Figure::Roi,
        Figure::Payback,
        Figure::RunToBuild,
    ];

    /// The figures a comparison puts side by side, in display order.
    pub const COMPARED: [Figure; 8] = [
        Figure::Month1,
        Figure::RunCost,
        Figure::Build,
        Figure::Tco,
        Figure::CostPerRequest,
        Figure::Value,
        Figure::Roi,
        Figure::Payback,
    ];

    /// The label a report prints in full.
    pub fn label(self) -> &'static str {
        match self {
            Figure::Month1 => "Month-1 run cost",
            Figure::RunCost => "Run cost (horizon)",
            Figure::Build => "Build cost",
            Figure::Tco => "Total cost of ownership",
            Figure::CostPerRequest => "Cost per request",
            Figure::Value => "Value delivered",
            Figure::Net => "Net (value − TCO)",
            Figure::Roi => "ROI",
            Figure::Payback => "Payback",
            Figure::RunToBuild => "Run cost ÷ build cost",
        }
    }

    /// The label where columns are narrow: the workbench, presentation mode
    /// and the comparison.
    pub fn short_label(self) -> &'static str {
        match self {
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
        }
    }

    /// The key used in JSON and CSV output.
    pub fn key(self) -> &'static str {
        match self {
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
        }
    }

    pub fn kind(self) -> Kind {
        match self {
            Figure::CostPerRequest => Kind::MoneyPerRequest,
            Figure::Roi => Kind::Percent,
            Figure::Payback => Kind::Month,
            Figure::RunToBuild => Kind::Ratio,
            _ => Kind::Money,
        }
    }

    /// Whether a higher value is better news (value, net, ROI) rather than
    /// worse (costs).
    pub fn higher_is_better(self) -> bool {
        matches!(self, Figure::Value | Figure::Net | Figure::Roi)
    }

    /// The figure's value for a projection; `None` where it is undefined
    /// (no ROI without cost, no payback within the horizon, …).
    pub fn value(self, p: &Projection) -> Option<f64> {
        let t = &p.totals;
        match self {
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
        }
    }

    /// The change from the baseline. ROI changes in percentage points,
    /// payback in months and a ratio in itself, so none has a relative change.
    pub fn delta(self, base: &Projection, p: &Projection) -> Option<Delta> {
        let (b, v) = (self.value(base)?, self.value(p)?);
        let d = Delta::between(b, v);
        Some(match self.kind() {
            Kind::Percent | Kind::Month | Kind::Ratio => Delta { pct: None, ..d },
            Kind::Money | Kind::MoneyPerRequest => d,
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
