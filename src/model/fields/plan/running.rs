//! The plan-wide inputs of running it: build, oversight, risk, change, value, horizon.

use super::*;

pub(super) const BUILD_COST: FieldSpec = plan! {
    "build.initial_cost", "Build cost", "Build cost",
    Unit::Money("once"), Build, OneOffAmount, MONEY,
    "One-off cost of building the system, paid before go-live.",
    |s| s.build.initial_cost, default 0.0, since 1
};

pub(super) const MAINTENANCE_PCT: FieldSpec = plan! {
    "build.maintenance_pct_per_year", "Maintenance rate", "Maintenance",
    Unit::Plain("% of build/yr"), Build, Percent, POINT,
    "Yearly upkeep as a share of the build cost (15–25 % is usual).",
    |s| s.build.maintenance_pct_per_year, default 0.0, since 1
};

pub(super) const BUILD_MONTHS: FieldSpec = plan! {
    whole "build.months", "Months of building", "Build months",
    Unit::Plain("months"), Build, WholeMonths, WHOLE,
    "Months of building before go-live; month 1 is the first live month.",
    |s| s.build.months, default 0.0, since 2
};

pub(super) const REVIEW_PCT: FieldSpec = plan! {
    "oversight.review_pct", "Share of answers reviewed", "Reviewed",
    Unit::Plain("%"), Oversight, Percent, POINT,
    "Share of answers a person checks before they reach the user.",
    |s| s.oversight.review_pct, default 0.0, since 1
};

pub(super) const FLAGGED_RECALL: FieldSpec = optional! {
    "oversight.flagged_recall_pct", "Wrong answers among the reviewed", "Flagged recall",
    Unit::Plain("%"), Oversight, Percent, POINT,
    "Review targets flagged answers: the share of all wrong answers among those reviewed (unset: a random sample).",
    scenario / scenario_mut, |s| s.oversight.flagged_recall_pct,
    fallback |p| p.oversight.review_pct, note "(random sample)", since 3
};

pub(super) const MINUTES_PER_REVIEW: FieldSpec = plan! {
    "oversight.minutes_per_review", "Minutes per review", "Min per review",
    Unit::Plain("min"), Oversight, Minutes, COUNT,
    "Minutes a reviewer spends on one answer.",
    |s| s.oversight.minutes_per_review, default 0.0, since 1
};

pub(super) const FIXED_REVIEWERS: FieldSpec = FieldSpec {
    path: "oversight.reviewers",
    label: "Reviewers staffed",
    short_label: "Reviewers",
    unit: Unit::Plain("FTE"),
    help: "Full-time reviewers staffed, whatever the review load.",
    section: Section::Oversight,
    range: Range::Fte,
    step: COUNT,
    get: |s, _| match s.oversight.reviewers {
        Reviewers::Fixed(x) => Some(x),
        Reviewers::Auto => None,
    },
    set: |s, _, v| match &mut s.oversight.reviewers {
        Reviewers::Fixed(x) => {
            *x = v;
            true
        }
        Reviewers::Auto => false,
    },
    falls_back: never,
    fallback_note: "",
    default: None,
    version: 1,
};

pub(super) const REVIEWER_ANNUAL_COST: FieldSpec = plan! {
    "oversight.reviewer_annual_cost", "Reviewer cost (loaded)", "Reviewer cost",
    Unit::Money("/FTE-year"), Oversight, AnnualCost, MONEY,
    "A reviewer's yearly cost with overheads.",
    |s| s.oversight.reviewer_annual_cost, default 0.0, since 1
};

pub(super) const PRODUCTIVE_HOURS: FieldSpec = plan! {
    "oversight.productive_hours_per_month", "Productive hours per FTE", "Hours per FTE",
    Unit::Plain("h/month"), Oversight, HoursPerMonth, MONEY,
    "Hours a month one full-time person actually reviews.",
    |s| s.oversight.productive_hours_per_month, default 140.0, since 1
};

pub(super) const OWNER_FTE: FieldSpec = plan! {
    "oversight.owner_fte", "Owner / engineer time", "Owner time",
    Unit::Plain("FTE"), Oversight, Fte, COUNT,
    "Time of the people who own and run the system, in full-time equivalents.",
    |s| s.oversight.owner_fte, default 0.0, since 1
};

pub(super) const OWNER_ANNUAL_COST: FieldSpec = plan! {
    "oversight.owner_annual_cost", "Owner cost (loaded)", "Owner cost",
    Unit::Money("/FTE-year"), Oversight, AnnualCost, MONEY,
    "An owner's yearly cost with overheads.",
    |s| s.oversight.owner_annual_cost, default 0.0, since 1
};

pub(super) const SALARY_GROWTH: FieldSpec = plan! {
    "oversight.salary_growth_pct_per_year", "Yearly raises", "Raises",
    Unit::Plain("%/year"), Oversight, SalaryGrowth, POINT,
    "Yearly raise applied to every people cost: reviewers, owners and the team.",
    |s| s.oversight.salary_growth_pct_per_year, default 0.0, since 3
};

pub(super) const ERROR_RATE: FieldSpec = plan! {
    "risk.error_rate_pct", "Wrong-answer rate", "Wrong answers",
    Unit::Plain("%"), Risk, Percent, POINT,
    "Share of answers that are wrong (each model may set its own).",
    |s| s.risk.error_rate_pct, default 0.0, since 1
};

pub(super) const CATCH_RATE: FieldSpec = plan! {
    "risk.review_catch_pct", "Review catches", "Review catches",
    Unit::Plain("%"), Risk, Percent, POINT,
    "Share of the wrong answers a review catches.",
    |s| s.risk.review_catch_pct, default 0.0, since 1
};

pub(super) const COST_PER_ERROR: FieldSpec = plan! {
    "risk.cost_per_uncaught_error", "Cost per uncaught error", "Cost per error",
    Unit::Money("/error"), Risk, ErrorCost, MONEY,
    "What one wrong answer that reaches the user costs (severity tiers replace it).",
    |s| s.risk.cost_per_uncaught_error, default 0.0, since 1
};

pub(super) const DRIFT_PER_MONTH: FieldSpec = plan! {
    "risk.drift_pct_per_month", "Error drift", "Error drift",
    Unit::Plain("%/month"), Risk, Drift, Step::Absolute(0.5),
    "Monthly growth of the wrong-answer rate; each model update resets it.",
    |s| s.risk.drift_pct_per_month, default 0.0, since 2
};

pub(super) const UPDATES_PER_YEAR: FieldSpec = plan! {
    "change.model_updates_per_year", "Model updates per year", "Model updates",
    Unit::Plain("per year"), Change, UpdatesPerYear, COUNT,
    "Model changes a year that need the system re-tuned.",
    |s| s.change.model_updates_per_year, default 0.0, since 1
};

pub(super) const RETUNE_COST: FieldSpec = plan! {
    "change.retune_cost_per_update", "Re-tune cost per update", "Re-tune cost",
    Unit::Money("/update"), Change, OneOffAmount, MONEY,
    "What re-testing and re-tuning costs after each model update.",
    |s| s.change.retune_cost_per_update, default 0.0, since 1
};

pub(super) const PRICE_CHANGE: FieldSpec = plan! {
    "change.price_change_pct_per_year", "Token price change", "Price change",
    Unit::Plain("%/year"), Change, Growth, POINT,
    "Yearly change of token prices (negative: prices fall).",
    |s| s.change.price_change_pct_per_year, default 0.0, since 1
};

pub(super) const MINUTES_SAVED: FieldSpec = plan! {
    "value.minutes_saved_per_request", "Minutes saved per request", "Minutes saved",
    Unit::Plain("min/request"), Value, Minutes, COUNT,
    "Minutes of work one answered request saves.",
    |s| s.value.minutes_saved_per_request, default 0.0, since 1
};

pub(super) const LABOUR_HOURLY: FieldSpec = plan! {
    "value.labour_hourly_cost", "Labour cost saved", "Labour cost",
    Unit::Price("/hour"), Value, HourlyCost, MONEY,
    "Hourly cost of the work saved.",
    |s| s.value.labour_hourly_cost, default 0.0, since 1
};

pub(super) const TEAM_FTE: FieldSpec = optional! {
    "value.team_fte", "Team whose time is saved", "Team",
    Unit::Plain("FTE"), Value, Fte, COUNT,
    "The people whose time the system saves: saved hours never exceed their productive hours (unset: no cap).",
    scenario / scenario_mut, |s| s.value.team_fte,
    fallback |_p| 0.0, note "(no cap)", since 3
};

pub(super) const BASELINE_ERROR_RATE: FieldSpec = plan! {
    "value.baseline_error_rate_pct", "Today's error rate", "Baseline errors",
    Unit::Plain("%"), Value, Percent, POINT,
    "Wrong-outcome rate of today's process for the same requests.",
    |s| s.value.baseline_error_rate_pct, default 0.0, since 2
};

pub(super) const REALIZATION: FieldSpec = plan! {
    "value.realization_pct", "Saved time realised", "Realised",
    Unit::Plain("%"), Value, Percent, POINT,
    "Share of the saved time that turns into money.",
    |s| s.value.realization_pct, default 100.0, since 2
};

pub(super) const DISCOUNT_RATE: FieldSpec = plan! {
    "value.discount_rate_pct_per_year", "Discount rate", "Discount rate",
    Unit::Plain("%/year"), Value, Percent, POINT,
    "Yearly rate the net present value discounts future months by.",
    |s| s.value.discount_rate_pct_per_year, default 0.0, since 2
};

pub(super) const HORIZON: FieldSpec = plan! {
    whole "horizon_months", "Horizon", "Horizon",
    Unit::Plain("months"), Horizon, Horizon, WHOLE,
    "Months the projection and its totals cover.",
    |s| s.horizon_months, default 12.0, since 1
};
