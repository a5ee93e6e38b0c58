//! `project(&Scenario) -> Projection`: the monthly cost model of spec §2 with
//! the version-2 lines of §5, exactly. Every version-2 input at its default
//! gives the §2 numbers bit for bit.
//!
//! Everything is computed in `f64` and nothing is rounded here; totals are sums
//! of the unrounded months. The only allocations are the output vectors, and
//! [`project_into`] reuses them, so the projection can run thousands of times
//! per key press (sensitivity, Monte Carlo).
//!
//! The types are here; the month-by-month formula is in `month.rs`, and what
//! a model's calls cost and the error-rate helpers in `rates.rs`.

mod month;
mod rates;

pub use month::{project, project_into};
pub use rates::{base_error_rate, self_hosted_gpus, update_period};

use serde::Serialize;

/// Hours in a month of always-on GPUs, as the spec bills them.
pub const HOURS_PER_MONTH: f64 = 730.0;

/// The cost categories of a month, in the order reports show them.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Category {
    Inference,
    Retrieval,
    Infrastructure,
    Maintenance,
    Oversight,
    Errors,
    Change,
    /// Per-use tool fees (version 3).
    Tools,
    /// The rest of the team (version 3).
    People,
}

impl Category {
    pub const ALL: [Category; 9] = [
        Category::Inference,
        Category::Retrieval,
        Category::Infrastructure,
        Category::Maintenance,
        Category::Oversight,
        Category::Errors,
        Category::Change,
        Category::Tools,
        Category::People,
    ];

    /// The categories a plan can have: tools and people only where the plan
    /// lists any (a plan without them shows the lines it always had).
    pub fn of_plan(s: &crate::model::Scenario) -> Vec<Category> {
        Category::ALL
            .into_iter()
            .filter(|c| match c {
                Category::Tools => !s.workload.tools.is_empty(),
                Category::People => !s.people.is_empty(),
                _ => true,
            })
            .collect()
    }

    /// Whether the category is billed or paid (every line but the expected
    /// cost of wrong answers, spec §6).
    pub fn is_cash(self) -> bool {
        self != Category::Errors
    }

    pub fn label(self) -> &'static str {
        match self {
            Category::Inference => "Inference",
            Category::Retrieval => "Retrieval",
            Category::Infrastructure => "Infrastructure",
            Category::Maintenance => "Maintenance",
            Category::Oversight => "Oversight",
            Category::Errors => "Errors",
            Category::Change => "Change",
            Category::Tools => "Tools",
            Category::People => "People",
        }
    }

    /// The label on the workbench's screen, where a client reads it: the
    /// errors line is the cost of wrong answers that got through.
    pub fn screen_label(self) -> &'static str {
        match self {
            // The one line that is an estimate, not a bill, says so.
            Category::Errors => "Errors (est.)",
            other => other.label(),
        }
    }

    /// The JSON key of the category (spec §3).
    pub fn key(self) -> &'static str {
        match self {
            Category::Inference => "inference",
            Category::Retrieval => "retrieval",
            Category::Infrastructure => "infrastructure",
            Category::Maintenance => "maintenance",
            Category::Oversight => "oversight",
            Category::Errors => "errors",
            Category::Change => "change",
            Category::Tools => "tools",
            Category::People => "people",
        }
    }
}

/// `category(c)` for a type that has one field per [`Category`], named by
/// its key: a month and the horizon totals.
macro_rules! by_category {
    ($t:ty) => {
        impl $t {
            pub fn category(&self, c: Category) -> f64 {
                match c {
                    Category::Inference => self.inference,
                    Category::Retrieval => self.retrieval,
                    Category::Infrastructure => self.infrastructure,
                    Category::Maintenance => self.maintenance,
                    Category::Oversight => self.oversight,
                    Category::Errors => self.errors,
                    Category::Change => self.change,
                    Category::Tools => self.tools,
                    Category::People => self.people,
                }
            }
        }
    };
}

/// One month of the projection. Field names are the spec's JSON keys.
#[derive(Debug, Clone, Copy, PartialEq, Default, Serialize)]
pub struct Month {
    pub month: u32,
    pub requests: f64,
    pub calls: f64,
    pub inference: f64,
    pub retrieval: f64,
    pub infrastructure: f64,
    pub maintenance: f64,
    pub oversight: f64,
    pub errors: f64,
    pub change: f64,
    pub total: f64,
    pub value: f64,
    pub net: f64,
    pub cumulative_net: f64,
    pub reviewer_fte_needed: f64,
    pub review_coverage_pct: f64,
    /// Reviewer FTEs paid for this month (Auto: the need; Fixed: the number).
    pub reviewer_fte_staffed: f64,
    /// Wrong answers that reach someone downstream.
    pub uncaught_errors: f64,
    /// Adoption a_m in percent (100 without a ramp; spec §5).
    pub adoption_pct: f64,
    /// The wrong-answer rate err_m after drift, percent.
    pub error_rate_pct: f64,
    /// Cost of today's process's wrong outcomes avoided (part of `value`).
    pub errors_avoided: f64,
    /// Whole GPUs running over all self-hosted models (0 when none).
    pub gpus: f64,
    /// Per-use tool fees (version 3).
    pub tools: f64,
    /// The rest of the team (version 3).
    pub people: f64,
    /// What is billed or paid: `total - errors` (spec §6).
    pub cash: f64,
    /// `errors - errors_avoided`: above 0, wrong answers cost more than today's.
    pub quality_impact: f64,
    /// The saved time's worth (the value without errors avoided).
    pub time_value: f64,
    /// The saved hours as full-time people.
    pub fte_saved: f64,
}

by_category!(Month);

/// Horizon totals (spec §2, "Horizon totals").
#[derive(Debug, Clone, Copy, PartialEq, Default, Serialize)]
pub struct Totals {
    pub run_cost: f64,
    pub build_cost: f64,
    pub tco: f64,
    pub value: f64,
    pub net: f64,
    pub roi_pct: Option<f64>,
    pub payback_month: Option<u32>,
    pub cost_per_request: Option<f64>,
    pub peak_reviewer_fte: f64,
    /// Σ requests over the horizon.
    pub requests: f64,
    pub inference: f64,
    pub retrieval: f64,
    pub infrastructure: f64,
    pub maintenance: f64,
    pub oversight: f64,
    pub errors: f64,
    pub change: f64,
    /// Net present value at the plan's discount rate, build cost included
    /// (spec §5).
    pub npv: f64,
    /// Payback counted from the start of the build (`payback_month + build.months`).
    pub payback_month_from_start: Option<u32>,
    /// Maintenance plus model-change cost a year as a share of the build cost
    /// (`None` without a build cost).
    pub upkeep_pct_of_build_per_year: Option<f64>,
    /// Σ errors avoided against today's process.
    pub errors_avoided: f64,
    /// Σ cash: the run cost without the expected cost of wrong answers.
    pub cash_run_cost: f64,
    /// Build cost plus the cash run cost: what the CFO signs.
    pub cash_tco: f64,
    /// Σ errors: the expected cost of wrong answers, an estimate.
    pub expected_error_cost: f64,
    /// Σ quality impact against today's process.
    pub quality_impact: f64,
    /// Σ time value.
    pub time_value: f64,
    /// The most full-time people the saved hours stand for in a month.
    pub peak_fte_saved: f64,
    /// Net over cash TCO, percent (`None` without cash TCO).
    pub roi_on_cash_pct: Option<f64>,
    /// Cash run cost per request (`None` without requests).
    pub cash_cost_per_request: Option<f64>,
    /// Σ wrong answers that reach someone downstream.
    pub uncaught_errors: f64,
    /// Σ tool fees (version 3).
    pub tools: f64,
    /// Σ the rest of the team (version 3).
    pub people: f64,
}

by_category!(Totals);

impl Totals {
    /// A category's share of the horizon run cost, in percent (0 without run cost).
    pub fn share_pct(&self, c: Category) -> f64 {
        if self.run_cost > 0.0 {
            self.category(c) / self.run_cost * 100.0
        } else {
            0.0
        }
    }

    /// Run cost over the horizon divided by the build cost (`None` without a build cost).
    pub fn run_to_build_ratio(&self) -> Option<f64> {
        (self.build_cost > 0.0).then(|| self.run_cost / self.build_cost)
    }
}

/// The cost of one model of the mix in one month.
#[derive(Debug, Clone, Copy, PartialEq, Default, Serialize)]
pub struct ModelMonth {
    pub cost: f64,
    /// Whole GPUs running (self-hosted only; 0 for API models).
    pub gpus: f64,
}

#[derive(Debug, Clone, PartialEq, Default)]
pub struct Projection {
    pub months: Vec<Month>,
    pub totals: Totals,
    /// Per-model lines, month-major: `per_model[(m-1) * models + i]`.
    pub per_model: Vec<ModelMonth>,
    /// Number of models in the mix (the stride of `per_model`).
    pub models: usize,
}

impl Projection {
    /// Model `i`'s line for month `m` (1-based).
    pub fn model_month(&self, m: usize, i: usize) -> ModelMonth {
        self.per_model
            .get((m.saturating_sub(1)) * self.models + i)
            .copied()
            .unwrap_or_default()
    }

    /// The whole GPUs model `i` runs, month by month: its first month and
    /// its peak (the first month it is reached). `None` when the model runs
    /// no GPU in any month (an API model, a zero share, no months).
    pub fn model_gpus(&self, i: usize) -> Option<GpuProfile> {
        if i >= self.models {
            return None;
        }
        let mut profile: Option<GpuProfile> = None;
        for m in 1..=self.months.len() {
            let gpus = self.model_month(m, i).gpus;
            let p = profile.get_or_insert(GpuProfile {
                first: gpus,
                peak: gpus,
                peak_month: m as u32,
                months: self.months.len() as u32,
            });
            if gpus > p.peak {
                p.peak = gpus;
                p.peak_month = m as u32;
            }
        }
        profile.filter(|p| p.peak > 0.0)
    }

    pub fn first(&self) -> Option<&Month> {
        self.months.first()
    }

    pub fn last(&self) -> Option<&Month> {
        self.months.last()
    }

    /// The first figure that is not a finite number (inputs too large to
    /// multiply out), month by month and then the horizon totals; `None` when
    /// every figure is finite.
    pub fn overflow(&self) -> Option<Overflow> {
        for m in &self.months {
            let figures = [
                ("requests", m.requests),
                ("calls", m.calls),
                ("inference", m.inference),
                ("retrieval", m.retrieval),
                ("infrastructure", m.infrastructure),
                ("maintenance", m.maintenance),
                ("oversight", m.oversight),
                ("errors", m.errors),
                ("change", m.change),
                ("total", m.total),
                ("value", m.value),
                ("net", m.net),
                ("cumulative net", m.cumulative_net),
                ("reviewers needed", m.reviewer_fte_needed),
                ("review coverage", m.review_coverage_pct),
                ("uncaught errors", m.uncaught_errors),
            ];
            if let Some((figure, _)) = figures.iter().find(|(_, v)| !v.is_finite()) {
                return Some(Overflow {
                    month: Some(m.month),
                    figure,
                });
            }
        }
        let t = &self.totals;
        let totals = [
            ("requests", t.requests),
            ("run cost", t.run_cost),
            ("TCO", t.tco),
            ("value", t.value),
            ("net", t.net),
            ("ROI", t.roi_pct.unwrap_or(0.0)),
            ("cost per request", t.cost_per_request.unwrap_or(0.0)),
        ];
        totals
            .iter()
            .find(|(_, v)| !v.is_finite())
            .map(|(figure, _)| Overflow {
                month: None,
                figure,
            })
    }
}

/// What a self-hosted model's sizing gives over the horizon
/// ([`Projection::model_gpus`]).
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct GpuProfile {
    /// Whole GPUs in month 1.
    pub first: f64,
    /// The most GPUs in any month.
    pub peak: f64,
    /// The first month (1-based) that runs `peak` GPUs.
    pub peak_month: u32,
    /// Months in the horizon.
    pub months: u32,
}

/// Where a projection stops being finite: a figure of a month, or of the
/// horizon totals (`month: None`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Overflow {
    pub month: Option<u32>,
    pub figure: &'static str,
}

impl std::fmt::Display for Overflow {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self.month {
            Some(m) => write!(f, "month {m}'s {}", self.figure),
            None => write!(f, "the horizon's {}", self.figure),
        }
    }
}
