//! Every numeric input of a plan, declared once. Each input is one entry of
//! the table below — a key (`PlanField`, `ModelField`, `InfraField`,
//! `TierField`) and its [`FieldSpec`]: the path in the file, labels, unit,
//! section, allowed range, step, a line of help and the accessors. The
//! workbench's input pane, validation, the report's assumptions table,
//! comparisons, sensitivity and the Monte Carlo all walk [`Field::all`], so a
//! new entry appears everywhere at once (see docs/adding-an-input.md).

use super::pricing::{ApiPricing, LongContext, Pricing, SelfHostedPricing};
use super::scenario::{ErrorCost, InfraItem, ModelEntry, Reviewers, Scenario};
use super::validate::Range;

/// The groups inputs are shown in.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Section {
    Volume,
    Tokens,
    Models,
    Retrieval,
    Infrastructure,
    Build,
    Oversight,
    Risk,
    Change,
    Value,
    Horizon,
}

impl Section {
    pub const ALL: [Section; 11] = [
        Section::Volume,
        Section::Tokens,
        Section::Models,
        Section::Retrieval,
        Section::Infrastructure,
        Section::Build,
        Section::Oversight,
        Section::Risk,
        Section::Change,
        Section::Value,
        Section::Horizon,
    ];

    pub fn label(self) -> &'static str {
        match self {
            Section::Volume => "Volume",
            Section::Tokens => "Tokens & caching",
            Section::Models => "Model mix",
            Section::Retrieval => "Retrieval",
            Section::Infrastructure => "Infrastructure",
            Section::Build => "Build & maintenance",
            Section::Oversight => "Oversight",
            Section::Risk => "Risk",
            Section::Change => "Change",
            Section::Value => "Value",
            Section::Horizon => "Horizon",
        }
    }
}

/// How a lever moves on ←/→.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Step {
    /// By a share of the value (0.10 = ±10 %), at least `floor`.
    Relative { share: f64, floor: f64 },
    /// By a fixed amount (percentage points, whole units).
    Absolute(f64),
}

const MONEY: Step = Step::Relative {
    share: 0.10,
    floor: 1.0,
};
const PRICE: Step = Step::Relative {
    share: 0.10,
    floor: 0.001,
};
const VOLUME: Step = Step::Relative {
    share: 0.10,
    floor: 10.0,
};
const COUNT: Step = Step::Relative {
    share: 0.10,
    floor: 0.1,
};
const POINT: Step = Step::Absolute(1.0);
const WHOLE: Step = Step::Absolute(1.0);

/// Everything the program knows about one input. For an input of a model,
/// an infrastructure line or a severity tier, `path` is relative to its line
/// (`share_pct`) and the accessors take the line's index; plan-wide inputs
/// ignore the index.
#[derive(Clone, Copy)]
pub struct FieldSpec {
    /// The serde path in the plan file (checked against the serialized plan
    /// by a test).
    pub path: &'static str,
    pub label: &'static str,
    /// At most 18 characters, for narrow panes.
    pub short_label: &'static str,
    /// Shown after the value; a unit starting with `$` is money.
    pub unit: &'static str,
    /// One line saying what the input means, shown when it is edited.
    pub help: &'static str,
    pub section: Section,
    pub range: Range,
    pub step: Step,
    /// The value in the plan, or `None` where the input does not apply (an
    /// API price on a self-hosted model, staffed reviewers under Auto, …).
    pub get: fn(&Scenario, usize) -> Option<f64>,
    /// Sets the value where the input applies; returns whether it did.
    pub set: fn(&mut Scenario, usize, f64) -> bool,
    /// Whether the value `get` shows is not written in the plan but falls
    /// back to another input (a cached price to the input price, a model's
    /// error rate to the plan's). Validation checks only values in the plan.
    pub falls_back: fn(&Scenario, usize) -> bool,
    /// Said next to a value that falls back, e.g. "(plan rate)"; may be empty.
    pub fallback_note: &'static str,
}

/// The `falls_back` of inputs that are always in the plan.
fn never(_: &Scenario, _: usize) -> bool {
    false
}

/// Declares a key enum and its `ALL` list (display order) from one list of
/// names, so a new key is written once; its spec arm is then required by
/// the exhaustive `spec` match.
macro_rules! keys {
    ($(#[$m:meta])* $name:ident { $($v:ident),* $(,)? }) => {
        $(#[$m])*
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
        pub enum $name { $($v),* }
        impl $name {
            /// Every key, in display order within its section.
            pub const ALL: &'static [$name] = &[$($name::$v),*];
        }
    };
}

/// One numeric input. Indexed variants point into the model mix, the
/// infrastructure lines or the severity tiers.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Field {
    Plan(PlanField),
    Model(usize, ModelField),
    Infra(usize, InfraField),
    Tier(usize, TierField),
}

// ---------------------------------------------------------------------------
// The table: one key and one spec per input.
// ---------------------------------------------------------------------------

keys! {
    /// An input of the plan as a whole.
    PlanField {
        RequestsPerDay, DaysPerMonth, MonthlyGrowth, RampMonths, RampStartPct,
        CallsPerRequest, InputTokens, OutputTokens, ReasoningTokens, CachedInput, BatchShare,
        Overhead,
        EmbeddingPrice, CorpusTokens, RefreshPct, QueryTokens, SearchesPerRequest,
        VectorDbMonthly, VectorDbPerMillion, RerankPerThousand,
        BuildCost, MaintenancePct, BuildMonths,
        ReviewPct, MinutesPerReview, FixedReviewers, ReviewerAnnualCost, ProductiveHours,
        OwnerFte, OwnerAnnualCost,
        ErrorRate, CatchRate, CostPerError, DriftPerMonth,
        UpdatesPerYear, RetuneCost, PriceChange,
        MinutesSaved, LabourHourly, BaselineErrorRate, Realization, DiscountRate,
        Horizon,
    }
}

/// A plan-wide spec: `get` and `set` ignore the index.
macro_rules! plan {
    ($path:literal, $label:literal, $short:literal, $unit:literal, $section:ident,
     $range:ident, $step:expr, $help:literal, |$s:ident| $slot:expr) => {
        FieldSpec {
            path: $path,
            label: $label,
            short_label: $short,
            unit: $unit,
            help: $help,
            section: Section::$section,
            range: Range::$range,
            step: $step,
            get: |$s, _| Some($slot),
            set: |$s, _, v| {
                $slot = v;
                true
            },
            falls_back: never,
            fallback_note: "",
        }
    };
}

impl PlanField {
    pub fn spec(self) -> FieldSpec {
        use PlanField::*;
        match self {
            RequestsPerDay => plan!(
                "workload.requests_per_day",
                "Requests per day",
                "Requests/day",
                "req/day",
                Volume,
                NonNegative,
                VOLUME,
                "Requests the system answers on an active day, at go-live.",
                |s| s.workload.requests_per_day
            ),
            DaysPerMonth => plan!(
                "workload.days_per_month",
                "Active days per month",
                "Days/month",
                "days",
                Volume,
                DaysPerMonth,
                WHOLE,
                "Days a month the system is in use (30 for every day, about 21 for working days).",
                |s| s.workload.days_per_month
            ),
            MonthlyGrowth => plan!(
                "workload.monthly_growth_pct",
                "Monthly growth",
                "Growth",
                "%/month",
                Volume,
                Growth,
                POINT,
                "How much the request volume grows each month, compounded.",
                |s| s.workload.monthly_growth_pct
            ),
            RampMonths => FieldSpec {
                path: "workload.ramp_months",
                label: "Adoption ramp",
                short_label: "Ramp",
                unit: "months",
                help: "Months after go-live until every user is on board (0 = all from month 1).",
                section: Section::Volume,
                range: Range::WholeMonths,
                step: WHOLE,
                get: |s, _| Some(s.workload.ramp_months as f64),
                set: |s, _, v| {
                    s.workload.ramp_months = whole(v);
                    true
                },
                falls_back: never,
                fallback_note: "",
            },
            RampStartPct => plan!(
                "workload.ramp_start_pct",
                "Adoption in first month",
                "Ramp start",
                "%",
                Volume,
                Percent,
                POINT,
                "Share of the full volume in the first live month when there is a ramp.",
                |s| s.workload.ramp_start_pct
            ),
            CallsPerRequest => plan!(
                "workload.calls_per_request",
                "Model calls per request",
                "Calls/request",
                "calls",
                Tokens,
                CallsPerRequest,
                Step::Absolute(0.5),
                "Model calls one request makes (agent steps, turns); token figures are per call.",
                |s| s.workload.calls_per_request
            ),
            InputTokens => plan!(
                "workload.input_tokens",
                "Input tokens per request",
                "Input tokens",
                "tokens",
                Tokens,
                NonNegative,
                VOLUME,
                "Prompt tokens sent per call: instructions, context and the question.",
                |s| s.workload.input_tokens
            ),
            OutputTokens => plan!(
                "workload.output_tokens",
                "Output tokens per request",
                "Output tokens",
                "tokens",
                Tokens,
                NonNegative,
                VOLUME,
                "Tokens the model writes per call.",
                |s| s.workload.output_tokens
            ),
            ReasoningTokens => plan!(
                "workload.reasoning_tokens",
                "Reasoning tokens per request",
                "Reasoning tokens",
                "tokens",
                Tokens,
                NonNegative,
                VOLUME,
                "Hidden thinking tokens per call, billed as output.",
                |s| s.workload.reasoning_tokens
            ),
            CachedInput => plan!(
                "workload.cached_input_pct",
                "Cached share of input",
                "Cached input",
                "%",
                Tokens,
                Percent,
                POINT,
                "Share of input tokens served from the provider's prompt cache.",
                |s| s.workload.cached_input_pct
            ),
            BatchShare => plan!(
                "workload.batch_pct",
                "Share sent via batch API",
                "Batch share",
                "%",
                Tokens,
                Percent,
                POINT,
                "Share of calls sent through the cheaper, slower batch API.",
                |s| s.workload.batch_pct
            ),
            Overhead => plan!(
                "workload.overhead_pct",
                "Extra calls (retries, guards)",
                "Extra calls",
                "%",
                Tokens,
                Percent,
                POINT,
                "Calls added for retries, guardrails and evaluations, in percent.",
                |s| s.workload.overhead_pct
            ),
            EmbeddingPrice => FieldSpec {
                path: "retrieval.embedding.per_mtok",
                label: "Embedding price",
                short_label: "Embedding price",
                unit: "$/1M tok",
                help: "What the embedding model charges per million tokens.",
                section: Section::Retrieval,
                range: Range::NonNegative,
                step: PRICE,
                get: |s, _| Some(s.retrieval.embedding.per_mtok.unwrap_or(0.0)),
                set: |s, _, v| {
                    s.retrieval.embedding.per_mtok = Some(v);
                    true
                },
                falls_back: |s, _| s.retrieval.embedding.per_mtok.is_none(),
                fallback_note: "",
            },
            CorpusTokens => plan!(
                "retrieval.corpus_tokens",
                "Corpus size",
                "Corpus",
                "tokens",
                Retrieval,
                NonNegative,
                VOLUME,
                "Tokens in the document collection embedded for search.",
                |s| s.retrieval.corpus_tokens
            ),
            RefreshPct => plan!(
                "retrieval.refresh_pct_per_month",
                "Corpus re-embedded monthly",
                "Re-embedded",
                "%/month",
                Retrieval,
                Percent,
                POINT,
                "Share of the corpus that changes and is embedded again each month.",
                |s| s.retrieval.refresh_pct_per_month
            ),
            QueryTokens => plan!(
                "retrieval.query_tokens",
                "Tokens per search query",
                "Query tokens",
                "tokens",
                Retrieval,
                NonNegative,
                VOLUME,
                "Tokens embedded per search query.",
                |s| s.retrieval.query_tokens
            ),
            SearchesPerRequest => plan!(
                "retrieval.searches_per_request",
                "Searches per request",
                "Searches",
                "per request",
                Retrieval,
                NonNegative,
                COUNT,
                "Vector searches one request runs.",
                |s| s.retrieval.searches_per_request
            ),
            VectorDbMonthly => plan!(
                "retrieval.vector_db_monthly",
                "Vector DB base",
                "Vector DB base",
                "$/month",
                Retrieval,
                NonNegative,
                MONEY,
                "The vector database's fixed monthly fee.",
                |s| s.retrieval.vector_db_monthly
            ),
            VectorDbPerMillion => plan!(
                "retrieval.vector_db_per_million_queries",
                "Vector DB per 1M queries",
                "Vector DB usage",
                "$/1M queries",
                Retrieval,
                NonNegative,
                MONEY,
                "The vector database's usage fee per million queries.",
                |s| s.retrieval.vector_db_per_million_queries
            ),
            RerankPerThousand => plan!(
                "retrieval.rerank_per_thousand_searches",
                "Re-ranking per 1k searches",
                "Re-ranking",
                "$/1k searches",
                Retrieval,
                NonNegative,
                MONEY,
                "What re-ranking the search results costs per thousand searches.",
                |s| s.retrieval.rerank_per_thousand_searches
            ),
            BuildCost => plan!(
                "build.initial_cost",
                "Build cost",
                "Build cost",
                "$ once",
                Build,
                NonNegative,
                MONEY,
                "One-off cost of building the system, paid before go-live.",
                |s| s.build.initial_cost
            ),
            MaintenancePct => plan!(
                "build.maintenance_pct_per_year",
                "Maintenance rate",
                "Maintenance",
                "% of build/yr",
                Build,
                Percent,
                POINT,
                "Yearly upkeep as a share of the build cost (15–25 % is usual).",
                |s| s.build.maintenance_pct_per_year
            ),
            BuildMonths => FieldSpec {
                path: "build.months",
                label: "Months of building",
                short_label: "Build months",
                unit: "months",
                help: "Months of building before go-live; month 1 is the first live month.",
                section: Section::Build,
                range: Range::WholeMonths,
                step: WHOLE,
                get: |s, _| Some(s.build.months as f64),
                set: |s, _, v| {
                    s.build.months = whole(v);
                    true
                },
                falls_back: never,
                fallback_note: "",
            },
            ReviewPct => plan!(
                "oversight.review_pct",
                "Share of answers reviewed",
                "Reviewed",
                "%",
                Oversight,
                Percent,
                POINT,
                "Share of answers a person checks before they reach the user.",
                |s| s.oversight.review_pct
            ),
            MinutesPerReview => plan!(
                "oversight.minutes_per_review",
                "Minutes per review",
                "Min per review",
                "min",
                Oversight,
                NonNegative,
                COUNT,
                "Minutes a reviewer spends on one answer.",
                |s| s.oversight.minutes_per_review
            ),
            FixedReviewers => FieldSpec {
                path: "oversight.reviewers",
                label: "Reviewers staffed",
                short_label: "Reviewers",
                unit: "FTE",
                help: "Full-time reviewers staffed, whatever the review load.",
                section: Section::Oversight,
                range: Range::NonNegative,
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
            },
            ReviewerAnnualCost => plan!(
                "oversight.reviewer_annual_cost",
                "Reviewer cost (loaded)",
                "Reviewer cost",
                "$/FTE-year",
                Oversight,
                NonNegative,
                MONEY,
                "A reviewer's yearly cost with overheads.",
                |s| s.oversight.reviewer_annual_cost
            ),
            ProductiveHours => plan!(
                "oversight.productive_hours_per_month",
                "Productive hours per FTE",
                "Hours per FTE",
                "h/month",
                Oversight,
                Positive,
                MONEY,
                "Hours a month one full-time person actually reviews.",
                |s| s.oversight.productive_hours_per_month
            ),
            OwnerFte => plan!(
                "oversight.owner_fte",
                "Owner / engineer time",
                "Owner time",
                "FTE",
                Oversight,
                NonNegative,
                COUNT,
                "Time of the people who own and run the system, in full-time equivalents.",
                |s| s.oversight.owner_fte
            ),
            OwnerAnnualCost => plan!(
                "oversight.owner_annual_cost",
                "Owner cost (loaded)",
                "Owner cost",
                "$/FTE-year",
                Oversight,
                NonNegative,
                MONEY,
                "An owner's yearly cost with overheads.",
                |s| s.oversight.owner_annual_cost
            ),
            ErrorRate => plan!(
                "risk.error_rate_pct",
                "Wrong-answer rate",
                "Wrong answers",
                "%",
                Risk,
                Percent,
                POINT,
                "Share of answers that are wrong (each model may set its own).",
                |s| s.risk.error_rate_pct
            ),
            CatchRate => plan!(
                "risk.review_catch_pct",
                "Review catches",
                "Review catches",
                "%",
                Risk,
                Percent,
                POINT,
                "Share of the wrong answers a review catches.",
                |s| s.risk.review_catch_pct
            ),
            CostPerError => plan!(
                "risk.cost_per_uncaught_error",
                "Cost per uncaught error",
                "Cost per error",
                "$/error",
                Risk,
                NonNegative,
                MONEY,
                "What one wrong answer that reaches the user costs (severity tiers replace it).",
                |s| s.risk.cost_per_uncaught_error
            ),
            DriftPerMonth => plan!(
                "risk.drift_pct_per_month",
                "Error drift",
                "Error drift",
                "%/month",
                Risk,
                Drift,
                Step::Absolute(0.5),
                "Monthly growth of the wrong-answer rate; each model update resets it.",
                |s| s.risk.drift_pct_per_month
            ),
            UpdatesPerYear => plan!(
                "change.model_updates_per_year",
                "Model updates per year",
                "Model updates",
                "per year",
                Change,
                NonNegative,
                COUNT,
                "Model changes a year that need the system re-tuned.",
                |s| s.change.model_updates_per_year
            ),
            RetuneCost => plan!(
                "change.retune_cost_per_update",
                "Re-tune cost per update",
                "Re-tune cost",
                "$/update",
                Change,
                NonNegative,
                MONEY,
                "What re-testing and re-tuning costs after each model update.",
                |s| s.change.retune_cost_per_update
            ),
            PriceChange => plan!(
                "change.price_change_pct_per_year",
                "Token price change",
                "Price change",
                "%/year",
                Change,
                Growth,
                POINT,
                "Yearly change of token prices (negative: prices fall).",
                |s| s.change.price_change_pct_per_year
            ),
            MinutesSaved => plan!(
                "value.minutes_saved_per_request",
                "Minutes saved per request",
                "Minutes saved",
                "min/request",
                Value,
                NonNegative,
                COUNT,
                "Minutes of work one answered request saves.",
                |s| s.value.minutes_saved_per_request
            ),
            LabourHourly => plan!(
                "value.labour_hourly_cost",
                "Labour cost saved",
                "Labour cost",
                "$/hour",
                Value,
                NonNegative,
                MONEY,
                "Hourly cost of the work saved.",
                |s| s.value.labour_hourly_cost
            ),
            BaselineErrorRate => plan!(
                "value.baseline_error_rate_pct",
                "Today's error rate",
                "Baseline errors",
                "%",
                Value,
                Percent,
                POINT,
                "Wrong-outcome rate of today's process for the same requests.",
                |s| s.value.baseline_error_rate_pct
            ),
            Realization => plan!(
                "value.realization_pct",
                "Saved time realised",
                "Realised",
                "%",
                Value,
                Percent,
                POINT,
                "Share of the saved time that turns into money.",
                |s| s.value.realization_pct
            ),
            DiscountRate => plan!(
                "value.discount_rate_pct_per_year",
                "Discount rate",
                "Discount rate",
                "%/year",
                Value,
                Percent,
                POINT,
                "Yearly rate the net present value discounts future months by.",
                |s| s.value.discount_rate_pct_per_year
            ),
            Horizon => FieldSpec {
                path: "horizon_months",
                label: "Horizon",
                short_label: "Horizon",
                unit: "months",
                help: "Months the projection and its totals cover.",
                section: Section::Horizon,
                range: Range::Horizon,
                step: WHOLE,
                get: |s, _| Some(s.horizon_months as f64),
                set: |s, _, v| {
                    s.horizon_months = whole(v);
                    true
                },
                falls_back: never,
                fallback_note: "",
            },
        }
    }
}

keys! {
    /// An input of one model of the mix.
    ModelField {
        Share, Discount,
        ApiInput, ApiCached, ApiOutput, ApiBatchDiscount,
        LongAbove, LongInput, LongCached, LongOutput,
        GpuHourly, GpuThroughput, GpuUtilization, MinGpus,
        PeakToAverage, GpusPerReplica, SpareReplicas,
        ErrorRate, TokenFactor,
    }
}

/// A model spec reading one `f64` of the model (`$m`), of its API pricing
/// (`$a`), long-context tier (`$t`) or self-hosted pricing (`$h`).
macro_rules! model {
    ($path:literal, $label:literal, $short:literal, $unit:literal, $range:ident, $step:expr,
     $help:literal, $reach:ident / $reach_mut:ident, |$x:ident| $slot:expr) => {
        FieldSpec {
            path: $path,
            label: $label,
            short_label: $short,
            unit: $unit,
            help: $help,
            section: Section::Models,
            range: Range::$range,
            step: $step,
            get: |s, i| {
                let $x = $reach(s, i)?;
                Some($slot)
            },
            set: |s, i, v| {
                let Some($x) = $reach_mut(s, i) else {
                    return false;
                };
                $slot = v;
                true
            },
            falls_back: never,
            fallback_note: "",
        }
    };
}

impl ModelField {
    pub fn spec(self) -> FieldSpec {
        use ModelField::*;
        match self {
            Share => model!(
                "share_pct",
                "Share of traffic",
                "Share",
                "%",
                Percent,
                POINT,
                "Share of the requests routed to this model; the mix sums to 100 %.",
                entry / entry_mut,
                |m| m.share_pct
            ),
            Discount => model!(
                "discount_pct",
                "Negotiated discount",
                "Discount",
                "%",
                Percent,
                POINT,
                "Discount off this model's list prices.",
                entry / entry_mut,
                |m| m.discount_pct
            ),
            ApiInput => model!(
                "pricing.input_per_mtok",
                "Input price",
                "Input",
                "$/1M tok",
                NonNegative,
                PRICE,
                "Price per million input tokens.",
                api / api_mut,
                |a| a.input_per_mtok
            ),
            ApiCached => FieldSpec {
                path: "pricing.cached_input_per_mtok",
                label: "Cached input price",
                short_label: "Cached input",
                unit: "$/1M tok",
                help: "Price per million cached input tokens (absent: the input price).",
                section: Section::Models,
                range: Range::NonNegative,
                step: PRICE,
                get: |s, i| {
                    let a = api(s, i)?;
                    Some(a.cached_input_per_mtok.unwrap_or(a.input_per_mtok))
                },
                set: |s, i, v| {
                    api_mut(s, i)
                        .map(|a| a.cached_input_per_mtok = Some(v))
                        .is_some()
                },
                falls_back: |s, i| api(s, i).is_some_and(|a| a.cached_input_per_mtok.is_none()),
                fallback_note: "",
            },
            ApiOutput => model!(
                "pricing.output_per_mtok",
                "Output price",
                "Output",
                "$/1M tok",
                NonNegative,
                PRICE,
                "Price per million output (and reasoning) tokens.",
                api / api_mut,
                |a| a.output_per_mtok
            ),
            ApiBatchDiscount => model!(
                "pricing.batch_discount_pct",
                "Batch discount",
                "Batch discount",
                "%",
                Percent,
                POINT,
                "Discount on calls sent through the batch API.",
                api / api_mut,
                |a| a.batch_discount_pct
            ),
            LongAbove => model!(
                "pricing.long_context.above_tokens",
                "Long-context tier above",
                "Long ctx above",
                "input tokens",
                NonNegative,
                VOLUME,
                "Requests with more input tokens than this pay the long-context prices.",
                long / long_mut,
                |t| t.above_tokens
            ),
            LongInput => model!(
                "pricing.long_context.input_per_mtok",
                "Long-context input price",
                "Long ctx input",
                "$/1M tok",
                NonNegative,
                PRICE,
                "Input price per million tokens above the long-context threshold.",
                long / long_mut,
                |t| t.input_per_mtok
            ),
            LongCached => FieldSpec {
                path: "pricing.long_context.cached_input_per_mtok",
                label: "Long-context cached price",
                short_label: "Long ctx cached",
                unit: "$/1M tok",
                help: "Cached input price above the long-context threshold (absent: its input price).",
                section: Section::Models,
                range: Range::NonNegative,
                step: PRICE,
                get: |s, i| {
                    let t = long(s, i)?;
                    Some(t.cached_input_per_mtok.unwrap_or(t.input_per_mtok))
                },
                set: |s, i, v| {
                    long_mut(s, i)
                        .map(|t| t.cached_input_per_mtok = Some(v))
                        .is_some()
                },
                falls_back: |s, i| long(s, i).is_some_and(|t| t.cached_input_per_mtok.is_none()),
                fallback_note: "",
            },
            LongOutput => model!(
                "pricing.long_context.output_per_mtok",
                "Long-context output price",
                "Long ctx output",
                "$/1M tok",
                NonNegative,
                PRICE,
                "Output price per million tokens above the long-context threshold.",
                long / long_mut,
                |t| t.output_per_mtok
            ),
            GpuHourly => model!(
                "pricing.gpu_hourly",
                "GPU price",
                "GPU price",
                "$/GPU-hour",
                NonNegative,
                PRICE,
                "What one GPU costs per hour, rented or owned.",
                hosted / hosted_mut,
                |h| h.gpu_hourly
            ),
            GpuThroughput => model!(
                "pricing.tokens_per_second_per_gpu",
                "Throughput per GPU",
                "Throughput",
                "tok/s",
                Positive,
                VOLUME,
                "Tokens one GPU serves per second at full load.",
                hosted / hosted_mut,
                |h| h.tokens_per_second_per_gpu
            ),
            GpuUtilization => model!(
                "pricing.utilization_pct",
                "GPU utilisation",
                "Utilisation",
                "%",
                PositivePercent,
                POINT,
                "How busy the GPUs are on average; idle time is paid too.",
                hosted / hosted_mut,
                |h| h.utilization_pct
            ),
            MinGpus => FieldSpec {
                path: "pricing.min_gpus",
                label: "Minimum GPUs",
                short_label: "Min GPUs",
                unit: "GPUs",
                help: "GPUs kept running however low the traffic.",
                section: Section::Models,
                range: Range::WholeNonNegative,
                step: WHOLE,
                get: |s, i| Some(hosted(s, i)?.min_gpus as f64),
                set: |s, i, v| hosted_mut(s, i).map(|h| h.min_gpus = whole(v)).is_some(),
                falls_back: never,
                fallback_note: "",
            },
            PeakToAverage => model!(
                "pricing.peak_to_average",
                "Peak to average traffic",
                "Peak/average",
                "×",
                PeakToAverage,
                Step::Absolute(0.1),
                "Busiest hour's traffic ÷ the month's average; GPUs are sized for the peak.",
                hosted / hosted_mut,
                |h| h.peak_to_average
            ),
            GpusPerReplica => FieldSpec {
                path: "pricing.gpus_per_replica",
                label: "GPUs per replica",
                short_label: "GPUs/replica",
                unit: "GPUs",
                help: "GPUs that hold one copy of the model; capacity comes in whole replicas.",
                section: Section::Models,
                range: Range::GpusPerReplica,
                step: WHOLE,
                get: |s, i| Some(hosted(s, i)?.gpus_per_replica as f64),
                set: |s, i, v| {
                    hosted_mut(s, i)
                        .map(|h| h.gpus_per_replica = whole(v))
                        .is_some()
                },
                falls_back: never,
                fallback_note: "",
            },
            SpareReplicas => FieldSpec {
                path: "pricing.spare_replicas",
                label: "Spare replicas",
                short_label: "Spares",
                unit: "replicas",
                help: "Replicas kept running for failover (N+1).",
                section: Section::Models,
                range: Range::SpareReplicas,
                step: WHOLE,
                get: |s, i| Some(hosted(s, i)?.spare_replicas as f64),
                set: |s, i, v| {
                    hosted_mut(s, i)
                        .map(|h| h.spare_replicas = whole(v))
                        .is_some()
                },
                falls_back: never,
                fallback_note: "",
            },
            ErrorRate => FieldSpec {
                path: "error_rate_pct",
                label: "Wrong-answer rate",
                short_label: "Wrong answers",
                unit: "%",
                help: "This model's wrong-answer rate; unset, it is the plan's rate (Risk).",
                section: Section::Models,
                range: Range::Percent,
                step: POINT,
                get: |s, i| {
                    let m = s.models.get(i)?;
                    Some(m.error_rate_pct.unwrap_or(s.risk.error_rate_pct))
                },
                // The plan's own rate means "inherit": stepping back to it
                // leaves the model unset (and a version-1 plan version 1).
                set: |s, i, v| {
                    let plan = s.risk.error_rate_pct;
                    s.models
                        .get_mut(i)
                        .map(|m| m.error_rate_pct = (v != plan).then_some(v))
                        .is_some()
                },
                falls_back: |s, i| s.models.get(i).is_some_and(|m| m.error_rate_pct.is_none()),
                fallback_note: "(plan rate)",
            },
            TokenFactor => model!(
                "token_factor",
                "Token factor",
                "Token factor",
                "×",
                TokenFactor,
                Step::Absolute(0.05),
                "This model's tokens for the same text relative to the plan's (tokenizers differ).",
                entry / entry_mut,
                |m| m.token_factor
            ),
        }
    }
}

keys! {
    /// An input of one infrastructure line.
    InfraField { Monthly, PerThousand }
}

impl InfraField {
    pub fn spec(self) -> FieldSpec {
        match self {
            InfraField::Monthly => FieldSpec {
                path: "monthly",
                label: "Monthly fixed",
                short_label: "Monthly",
                unit: "$/month",
                help: "What this line costs every month, whatever the traffic.",
                section: Section::Infrastructure,
                range: Range::NonNegative,
                step: MONEY,
                get: |s, i| Some(line(s, i)?.monthly),
                set: |s, i, v| line_mut(s, i).map(|x| x.monthly = v).is_some(),
                falls_back: never,
                fallback_note: "",
            },
            InfraField::PerThousand => FieldSpec {
                path: "per_thousand_requests",
                label: "Per 1k requests",
                short_label: "Per 1k requests",
                unit: "$/1k req",
                help: "What this line costs per thousand requests.",
                section: Section::Infrastructure,
                range: Range::NonNegative,
                step: MONEY,
                get: |s, i| Some(line(s, i)?.per_thousand_requests),
                set: |s, i, v| {
                    line_mut(s, i)
                        .map(|x| x.per_thousand_requests = v)
                        .is_some()
                },
                falls_back: never,
                fallback_note: "",
            },
        }
    }
}

keys! {
    /// An input of one severity tier of the cost of an uncaught error.
    TierField { Share, Cost }
}

impl TierField {
    pub fn spec(self) -> FieldSpec {
        match self {
            TierField::Share => FieldSpec {
                path: "share_pct",
                label: "Share of errors",
                short_label: "Share",
                unit: "%",
                help: "Share of the uncaught errors in this severity tier; the tiers sum to 100 %.",
                section: Section::Risk,
                range: Range::Percent,
                step: POINT,
                get: |s, j| Some(tier(s, j)?.share_pct),
                set: |s, j, v| tier_mut(s, j).map(|t| t.share_pct = v).is_some(),
                falls_back: never,
                fallback_note: "",
            },
            TierField::Cost => FieldSpec {
                path: "cost",
                label: "Cost per error",
                short_label: "Cost",
                unit: "$/error",
                help: "What one uncaught error of this severity costs.",
                section: Section::Risk,
                range: Range::NonNegative,
                step: MONEY,
                get: |s, j| Some(tier(s, j)?.cost),
                set: |s, j, v| tier_mut(s, j).map(|t| t.cost = v).is_some(),
                falls_back: never,
                fallback_note: "",
            },
        }
    }
}

// ---------------------------------------------------------------------------
// Reading the table.
// ---------------------------------------------------------------------------

impl Field {
    /// The spec of this input, from the table.
    pub fn spec(self) -> FieldSpec {
        match self {
            Field::Plan(k) => k.spec(),
            Field::Model(_, k) => k.spec(),
            Field::Infra(_, k) => k.spec(),
            Field::Tier(_, k) => k.spec(),
        }
    }

    /// All inputs that exist in this plan, in display order: section by
    /// section, the plan's own inputs first, then each model's, each
    /// infrastructure line's and each severity tier's, in table order. An
    /// input exists where its `get` answers (an API price only on an API
    /// model, staffed reviewers only under Fixed).
    pub fn all(s: &Scenario) -> Vec<Field> {
        let mut v = Vec::with_capacity(
            PlanField::ALL.len()
                + s.models.len() * ModelField::ALL.len()
                + s.infrastructure.len() * InfraField::ALL.len()
                + s.risk.error_costs.len() * TierField::ALL.len(),
        );
        let mut push = |f: Field| {
            if f.get(s).is_some() {
                v.push(f);
            }
        };
        for section in Section::ALL {
            let here = |f: &Field| f.section() == section;
            for f in PlanField::ALL.iter().map(|k| Field::Plan(*k)) {
                if here(&f) {
                    push(f);
                }
            }
            for i in 0..s.models.len() {
                for f in ModelField::ALL.iter().map(|k| Field::Model(i, *k)) {
                    if here(&f) {
                        push(f);
                    }
                }
            }
            for i in 0..s.infrastructure.len() {
                for f in InfraField::ALL.iter().map(|k| Field::Infra(i, *k)) {
                    if here(&f) {
                        push(f);
                    }
                }
            }
            for j in 0..s.risk.error_costs.len() {
                for f in TierField::ALL.iter().map(|k| Field::Tier(j, *k)) {
                    if here(&f) {
                        push(f);
                    }
                }
            }
        }
        v
    }

    pub fn section(self) -> Section {
        self.spec().section
    }

    /// The model, infrastructure line or severity tier this field belongs
    /// to, if any.
    pub fn index(self) -> Option<usize> {
        match self {
            Field::Plan(_) => None,
            Field::Model(i, _) | Field::Infra(i, _) | Field::Tier(i, _) => Some(i),
        }
    }

    /// The field's path in the plan file, as validation messages name it.
    pub fn path(self) -> String {
        let tail = self.spec().path;
        match self {
            Field::Plan(_) => tail.to_string(),
            Field::Model(i, _) => format!("models[{i}].{tail}"),
            Field::Infra(i, _) => format!("infrastructure[{i}].{tail}"),
            Field::Tier(j, _) => format!("risk.error_costs[{j}].{tail}"),
        }
    }

    /// A short human label; model, infrastructure and tier fields are
    /// labelled without their line's name, which the caller shows.
    pub fn label(self) -> &'static str {
        self.spec().label
    }

    /// The label as it reads after a model or line name ("gpt-5.4-mini: share of
    /// traffic"): the first letter lowered unless the word is an acronym (GPU).
    pub fn label_after_name(self) -> String {
        let label = self.label();
        let mut chars = label.chars();
        match (chars.next(), chars.next()) {
            (Some(a), Some(b)) if a.is_uppercase() && b.is_lowercase() => {
                a.to_lowercase().chain(label.chars().skip(1)).collect()
            }
            _ => label.to_string(),
        }
    }

    /// A label of at most 18 characters for narrow panes.
    pub fn short_label(self) -> &'static str {
        self.spec().short_label
    }

    /// The unit shown after the value.
    pub fn unit(self) -> &'static str {
        self.spec().unit
    }

    /// One line saying what the input means.
    pub fn help(self) -> &'static str {
        self.spec().help
    }

    /// Whether the value is an amount of money (shown with the currency).
    pub fn is_money(self) -> bool {
        self.unit().starts_with('$')
    }

    pub fn range(self) -> Range {
        self.spec().range
    }

    pub fn step(self) -> Step {
        self.spec().step
    }

    /// The value in the plan (or what it falls back to), or `None` where the
    /// field does not apply (an API price on a self-hosted model, staffed
    /// reviewers under Auto, …).
    pub fn get(self, s: &Scenario) -> Option<f64> {
        let (i, spec) = self.indexed();
        (spec.get)(s, i)
    }

    /// Sets the value if the field applies to this plan; returns whether it did.
    /// The caller checks the range first (see [`Field::check`]).
    pub fn set(self, s: &mut Scenario, v: f64) -> bool {
        let (i, spec) = self.indexed();
        (spec.set)(s, i, v)
    }

    /// Whether the value [`Field::get`] shows is not written in the plan but
    /// falls back to another input (see [`FieldSpec::falls_back`]).
    pub fn falls_back(self, s: &Scenario) -> bool {
        let (i, spec) = self.indexed();
        (spec.falls_back)(s, i)
    }

    /// Said next to a value that falls back ("(plan rate)"); may be empty.
    pub fn fallback_note(self) -> &'static str {
        self.spec().fallback_note
    }

    fn indexed(self) -> (usize, FieldSpec) {
        (self.index().unwrap_or(0), self.spec())
    }

    /// `Ok(())` when `v` is allowed for this field, else the sentence saying
    /// what is allowed.
    pub fn check(self, v: f64) -> Result<(), &'static str> {
        let range = self.range();
        if range.allows(v) {
            Ok(())
        } else {
            Err(range.describe())
        }
    }

    /// The value one step up (`dir` = 1) or down (`dir` = -1), `times` steps at
    /// once, clamped into the allowed range.
    pub fn stepped(self, current: f64, dir: f64, times: f64) -> f64 {
        let raw = match self.step() {
            // Fractional steps (0.5 calls, 0.05 of a token factor) land on
            // their grid, so a step up and one down return to the start.
            Step::Absolute(d) if d.fract() != 0.0 => {
                round_to_significant(current + dir * d * times, 12)
            }
            Step::Absolute(d) => current + dir * d * times,
            Step::Relative { share, floor } => {
                let d = (current.abs() * share).max(floor);
                let next = current + dir * d * times;
                // Keep relative steps on round-ish numbers near the start value.
                round_to_significant(next, 4)
            }
        };
        self.clamp(raw)
    }

    fn clamp(self, v: f64) -> f64 {
        let least_step = || match self.step() {
            Step::Relative { floor, .. } => floor,
            Step::Absolute(d) => d,
        };
        match self.range() {
            Range::NonNegative | Range::Positive => {
                let v = v.max(0.0);
                if self.range() == Range::Positive && v == 0.0 {
                    least_step()
                } else {
                    v
                }
            }
            Range::Percent => v.clamp(0.0, 100.0),
            Range::PositivePercent => v.clamp(1.0, 100.0),
            Range::Growth => v.clamp(-99.0, 1000.0),
            Range::DaysPerMonth => v.round().clamp(1.0, 31.0),
            Range::Horizon => v.round().clamp(1.0, 60.0),
            Range::WholeNonNegative => v.round().max(0.0),
            // Above 0: never step onto 0, stop one step above it.
            r @ (Range::CallsPerRequest | Range::TokenFactor) if v <= 0.0 => r.clamp(least_step()),
            r => r.clamp(v),
        }
    }
}

/// The names existing callers use for the version-1 inputs, kept so the
/// table's keys could be introduced without touching every caller.
#[allow(non_upper_case_globals, non_snake_case)]
impl Field {
    pub const RequestsPerDay: Field = Field::Plan(PlanField::RequestsPerDay);
    pub const MonthlyGrowth: Field = Field::Plan(PlanField::MonthlyGrowth);
    pub const CachedInput: Field = Field::Plan(PlanField::CachedInput);
    pub const CorpusTokens: Field = Field::Plan(PlanField::CorpusTokens);
    pub const BuildCost: Field = Field::Plan(PlanField::BuildCost);
    pub const MaintenancePct: Field = Field::Plan(PlanField::MaintenancePct);
    pub const MinutesPerReview: Field = Field::Plan(PlanField::MinutesPerReview);
    pub const FixedReviewers: Field = Field::Plan(PlanField::FixedReviewers);
    pub const RetuneCost: Field = Field::Plan(PlanField::RetuneCost);
    pub const LabourHourly: Field = Field::Plan(PlanField::LabourHourly);
    pub const Horizon: Field = Field::Plan(PlanField::Horizon);
    pub fn ModelShare(i: usize) -> Field {
        Field::Model(i, ModelField::Share)
    }
    pub fn InfraMonthly(i: usize) -> Field {
        Field::Infra(i, InfraField::Monthly)
    }
}

/// A typed value as a whole count for a `u32` field (the range was checked).
fn whole(v: f64) -> u32 {
    v.clamp(0.0, u32::MAX as f64) as u32
}

fn round_to_significant(v: f64, digits: i32) -> f64 {
    if v == 0.0 || !v.is_finite() {
        return v;
    }
    let magnitude = v.abs().log10().floor() as i32;
    let factor = 10f64.powi(digits - 1 - magnitude);
    (v * factor).round() / factor
}

fn entry(s: &Scenario, i: usize) -> Option<&ModelEntry> {
    s.models.get(i)
}

fn entry_mut(s: &mut Scenario, i: usize) -> Option<&mut ModelEntry> {
    s.models.get_mut(i)
}

fn api(s: &Scenario, i: usize) -> Option<&ApiPricing> {
    match s.models.get(i)?.pricing.as_ref()? {
        Pricing::Api(a) => Some(a),
        Pricing::SelfHosted(_) => None,
    }
}

fn api_mut(s: &mut Scenario, i: usize) -> Option<&mut ApiPricing> {
    match s.models.get_mut(i)?.pricing.as_mut()? {
        Pricing::Api(a) => Some(a),
        Pricing::SelfHosted(_) => None,
    }
}

fn long(s: &Scenario, i: usize) -> Option<&LongContext> {
    api(s, i)?.long_context.as_ref()
}

fn long_mut(s: &mut Scenario, i: usize) -> Option<&mut LongContext> {
    api_mut(s, i)?.long_context.as_mut()
}

fn hosted(s: &Scenario, i: usize) -> Option<&SelfHostedPricing> {
    match s.models.get(i)?.pricing.as_ref()? {
        Pricing::SelfHosted(h) => Some(h),
        Pricing::Api(_) => None,
    }
}

fn hosted_mut(s: &mut Scenario, i: usize) -> Option<&mut SelfHostedPricing> {
    match s.models.get_mut(i)?.pricing.as_mut()? {
        Pricing::SelfHosted(h) => Some(h),
        Pricing::Api(_) => None,
    }
}

fn line(s: &Scenario, i: usize) -> Option<&InfraItem> {
    s.infrastructure.get(i)
}

fn line_mut(s: &mut Scenario, i: usize) -> Option<&mut InfraItem> {
    s.infrastructure.get_mut(i)
}

fn tier(s: &Scenario, j: usize) -> Option<&ErrorCost> {
    s.risk.error_costs.get(j)
}

fn tier_mut(s: &mut Scenario, j: usize) -> Option<&mut ErrorCost> {
    s.risk.error_costs.get_mut(j)
}
