//! Every numeric input of a plan, named once: its path in the file, a label, a
//! unit, the allowed range and the step a lever moves by. The workbench's input
//! pane, the report's assumptions table, comparisons and sensitivity analysis all
//! walk this one list, so a new input appears everywhere at once.

use super::pricing::Pricing;
use super::scenario::{Reviewers, Scenario};
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

/// One numeric input. Indexed variants point into the model mix or the
/// infrastructure lines.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Field {
    RequestsPerDay,
    DaysPerMonth,
    MonthlyGrowth,
    InputTokens,
    OutputTokens,
    ReasoningTokens,
    CachedInput,
    BatchShare,
    Overhead,
    ModelShare(usize),
    ModelDiscount(usize),
    ApiInput(usize),
    ApiCached(usize),
    ApiOutput(usize),
    ApiBatchDiscount(usize),
    LongAbove(usize),
    LongInput(usize),
    LongCached(usize),
    LongOutput(usize),
    GpuHourly(usize),
    GpuThroughput(usize),
    GpuUtilization(usize),
    MinGpus(usize),
    EmbeddingPrice,
    CorpusTokens,
    RefreshPct,
    QueryTokens,
    SearchesPerRequest,
    VectorDbMonthly,
    VectorDbPerMillion,
    RerankPerThousand,
    InfraMonthly(usize),
    InfraPerThousand(usize),
    BuildCost,
    MaintenancePct,
    ReviewPct,
    MinutesPerReview,
    FixedReviewers,
    ReviewerAnnualCost,
    ProductiveHours,
    OwnerFte,
    OwnerAnnualCost,
    ErrorRate,
    CatchRate,
    CostPerError,
    UpdatesPerYear,
    RetuneCost,
    PriceChange,
    MinutesSaved,
    LabourHourly,
    Horizon,
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
const POINT: Step = Step::Absolute(1.0);
const WHOLE: Step = Step::Absolute(1.0);

impl Field {
    /// All inputs that exist in this plan, in display order.
    pub fn all(s: &Scenario) -> Vec<Field> {
        use Field::*;
        let mut v = vec![
            RequestsPerDay,
            DaysPerMonth,
            MonthlyGrowth,
            InputTokens,
            OutputTokens,
            ReasoningTokens,
            CachedInput,
            BatchShare,
            Overhead,
        ];
        for (i, m) in s.models.iter().enumerate() {
            v.push(ModelShare(i));
            v.push(ModelDiscount(i));
            match &m.pricing {
                Some(Pricing::Api(a)) => {
                    v.extend([ApiInput(i), ApiCached(i), ApiOutput(i), ApiBatchDiscount(i)]);
                    if a.long_context.is_some() {
                        v.extend([LongAbove(i), LongInput(i), LongCached(i), LongOutput(i)]);
                    }
                }
                Some(Pricing::SelfHosted(_)) => {
                    v.extend([
                        GpuHourly(i),
                        GpuThroughput(i),
                        GpuUtilization(i),
                        MinGpus(i),
                    ]);
                }
                None => {}
            }
        }
        v.extend([
            EmbeddingPrice,
            CorpusTokens,
            RefreshPct,
            QueryTokens,
            SearchesPerRequest,
            VectorDbMonthly,
            VectorDbPerMillion,
            RerankPerThousand,
        ]);
        for i in 0..s.infrastructure.len() {
            v.push(InfraMonthly(i));
            v.push(InfraPerThousand(i));
        }
        v.extend([BuildCost, MaintenancePct, ReviewPct, MinutesPerReview]);
        if matches!(s.oversight.reviewers, Reviewers::Fixed(_)) {
            v.push(FixedReviewers);
        }
        v.extend([
            ReviewerAnnualCost,
            ProductiveHours,
            OwnerFte,
            OwnerAnnualCost,
            ErrorRate,
            CatchRate,
            CostPerError,
            UpdatesPerYear,
            RetuneCost,
            PriceChange,
            MinutesSaved,
            LabourHourly,
            Horizon,
        ]);
        v
    }

    pub fn section(self) -> Section {
        use Field::*;
        match self {
            RequestsPerDay | DaysPerMonth | MonthlyGrowth => Section::Volume,
            InputTokens | OutputTokens | ReasoningTokens | CachedInput | BatchShare | Overhead => {
                Section::Tokens
            }
            ModelShare(_) | ModelDiscount(_) | ApiInput(_) | ApiCached(_) | ApiOutput(_)
            | ApiBatchDiscount(_) | LongAbove(_) | LongInput(_) | LongCached(_) | LongOutput(_)
            | GpuHourly(_) | GpuThroughput(_) | GpuUtilization(_) | MinGpus(_) => Section::Models,
            EmbeddingPrice | CorpusTokens | RefreshPct | QueryTokens | SearchesPerRequest
            | VectorDbMonthly | VectorDbPerMillion | RerankPerThousand => Section::Retrieval,
            InfraMonthly(_) | InfraPerThousand(_) => Section::Infrastructure,
            BuildCost | MaintenancePct => Section::Build,
            ReviewPct | MinutesPerReview | FixedReviewers | ReviewerAnnualCost
            | ProductiveHours | OwnerFte | OwnerAnnualCost => Section::Oversight,
            ErrorRate | CatchRate | CostPerError => Section::Risk,
            UpdatesPerYear | RetuneCost | PriceChange => Section::Change,
            MinutesSaved | LabourHourly => Section::Value,
            Horizon => Section::Horizon,
        }
    }

    /// The model or infrastructure line this field belongs to, if any.
    pub fn index(self) -> Option<usize> {
        use Field::*;
        match self {
            ModelShare(i) | ModelDiscount(i) | ApiInput(i) | ApiCached(i) | ApiOutput(i)
            | ApiBatchDiscount(i) | LongAbove(i) | LongInput(i) | LongCached(i) | LongOutput(i)
            | GpuHourly(i) | GpuThroughput(i) | GpuUtilization(i) | MinGpus(i)
            | InfraMonthly(i) | InfraPerThousand(i) => Some(i),
            _ => None,
        }
    }

    /// The field's path in the plan file, as validation messages name it.
    pub fn path(self) -> String {
        use Field::*;
        match self {
            RequestsPerDay => "workload.requests_per_day".into(),
            DaysPerMonth => "workload.days_per_month".into(),
            MonthlyGrowth => "workload.monthly_growth_pct".into(),
            InputTokens => "workload.input_tokens".into(),
            OutputTokens => "workload.output_tokens".into(),
            ReasoningTokens => "workload.reasoning_tokens".into(),
            CachedInput => "workload.cached_input_pct".into(),
            BatchShare => "workload.batch_pct".into(),
            Overhead => "workload.overhead_pct".into(),
            ModelShare(i) => format!("models[{i}].share_pct"),
            ModelDiscount(i) => format!("models[{i}].discount_pct"),
            ApiInput(i) => format!("models[{i}].pricing.input_per_mtok"),
            ApiCached(i) => format!("models[{i}].pricing.cached_input_per_mtok"),
            ApiOutput(i) => format!("models[{i}].pricing.output_per_mtok"),
            ApiBatchDiscount(i) => format!("models[{i}].pricing.batch_discount_pct"),
            LongAbove(i) => format!("models[{i}].pricing.long_context.above_tokens"),
            LongInput(i) => format!("models[{i}].pricing.long_context.input_per_mtok"),
            LongCached(i) => format!("models[{i}].pricing.long_context.cached_input_per_mtok"),
            LongOutput(i) => format!("models[{i}].pricing.long_context.output_per_mtok"),
            GpuHourly(i) => format!("models[{i}].pricing.gpu_hourly"),
            GpuThroughput(i) => format!("models[{i}].pricing.tokens_per_second_per_gpu"),
            GpuUtilization(i) => format!("models[{i}].pricing.utilization_pct"),
            MinGpus(i) => format!("models[{i}].pricing.min_gpus"),
            EmbeddingPrice => "retrieval.embedding.per_mtok".into(),
            CorpusTokens => "retrieval.corpus_tokens".into(),
            RefreshPct => "retrieval.refresh_pct_per_month".into(),
            QueryTokens => "retrieval.query_tokens".into(),
            SearchesPerRequest => "retrieval.searches_per_request".into(),
            VectorDbMonthly => "retrieval.vector_db_monthly".into(),
            VectorDbPerMillion => "retrieval.vector_db_per_million_queries".into(),
            RerankPerThousand => "retrieval.rerank_per_thousand_searches".into(),
            InfraMonthly(i) => format!("infrastructure[{i}].monthly"),
            InfraPerThousand(i) => format!("infrastructure[{i}].per_thousand_requests"),
            BuildCost => "build.initial_cost".into(),
            MaintenancePct => "build.maintenance_pct_per_year".into(),
            ReviewPct => "oversight.review_pct".into(),
            MinutesPerReview => "oversight.minutes_per_review".into(),
            FixedReviewers => "oversight.reviewers".into(),
            ReviewerAnnualCost => "oversight.reviewer_annual_cost".into(),
            ProductiveHours => "oversight.productive_hours_per_month".into(),
            OwnerFte => "oversight.owner_fte".into(),
            OwnerAnnualCost => "oversight.owner_annual_cost".into(),
            ErrorRate => "risk.error_rate_pct".into(),
            CatchRate => "risk.review_catch_pct".into(),
            CostPerError => "risk.cost_per_uncaught_error".into(),
            UpdatesPerYear => "change.model_updates_per_year".into(),
            RetuneCost => "change.retune_cost_per_update".into(),
            PriceChange => "change.price_change_pct_per_year".into(),
            MinutesSaved => "value.minutes_saved_per_request".into(),
            LabourHourly => "value.labour_hourly_cost".into(),
            Horizon => "horizon_months".into(),
        }
    }

    /// A short human label; model and infrastructure fields are labelled
    /// without their line's name, which the caller shows as a heading.
    pub fn label(self) -> &'static str {
        use Field::*;
        match self {
            RequestsPerDay => "Requests per day",
            DaysPerMonth => "Active days per month",
            MonthlyGrowth => "Monthly growth",
            InputTokens => "Input tokens per request",
            OutputTokens => "Output tokens per request",
            ReasoningTokens => "Reasoning tokens per request",
            CachedInput => "Cached share of input",
            BatchShare => "Share sent via batch API",
            Overhead => "Extra calls (retries, guards)",
            ModelShare(_) => "Share of traffic",
            ModelDiscount(_) => "Negotiated discount",
            ApiInput(_) => "Input price",
            ApiCached(_) => "Cached input price",
            ApiOutput(_) => "Output price",
            ApiBatchDiscount(_) => "Batch discount",
            LongAbove(_) => "Long-context tier above",
            LongInput(_) => "Long-context input price",
            LongCached(_) => "Long-context cached price",
            LongOutput(_) => "Long-context output price",
            GpuHourly(_) => "GPU price",
            GpuThroughput(_) => "Throughput per GPU",
            GpuUtilization(_) => "GPU utilisation",
            MinGpus(_) => "Minimum GPUs",
            EmbeddingPrice => "Embedding price",
            CorpusTokens => "Corpus size",
            RefreshPct => "Corpus re-embedded monthly",
            QueryTokens => "Tokens per search query",
            SearchesPerRequest => "Searches per request",
            VectorDbMonthly => "Vector DB base",
            VectorDbPerMillion => "Vector DB per 1M queries",
            RerankPerThousand => "Re-ranking per 1k searches",
            InfraMonthly(_) => "Monthly fixed",
            InfraPerThousand(_) => "Per 1k requests",
            BuildCost => "Build cost",
            MaintenancePct => "Maintenance rate",
            ReviewPct => "Share of answers reviewed",
            MinutesPerReview => "Minutes per review",
            FixedReviewers => "Reviewers staffed",
            ReviewerAnnualCost => "Reviewer cost (loaded)",
            ProductiveHours => "Productive hours per FTE",
            OwnerFte => "Owner / engineer time",
            OwnerAnnualCost => "Owner cost (loaded)",
            ErrorRate => "Wrong-answer rate",
            CatchRate => "Review catches",
            CostPerError => "Cost per uncaught error",
            UpdatesPerYear => "Model updates per year",
            RetuneCost => "Re-tune cost per update",
            PriceChange => "Token price change",
            MinutesSaved => "Minutes saved per request",
            LabourHourly => "Labour cost saved",
            Horizon => "Horizon",
        }
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
        use Field::*;
        match self {
            RequestsPerDay => "Requests/day",
            DaysPerMonth => "Days/month",
            MonthlyGrowth => "Growth",
            InputTokens => "Input tokens",
            OutputTokens => "Output tokens",
            ReasoningTokens => "Reasoning tokens",
            CachedInput => "Cached input",
            BatchShare => "Batch share",
            Overhead => "Extra calls",
            ModelShare(_) => "Share",
            ModelDiscount(_) => "Discount",
            ApiInput(_) => "Input",
            ApiCached(_) => "Cached input",
            ApiOutput(_) => "Output",
            ApiBatchDiscount(_) => "Batch discount",
            LongAbove(_) => "Long ctx above",
            LongInput(_) => "Long ctx input",
            LongCached(_) => "Long ctx cached",
            LongOutput(_) => "Long ctx output",
            GpuHourly(_) => "GPU price",
            GpuThroughput(_) => "Throughput",
            GpuUtilization(_) => "Utilisation",
            MinGpus(_) => "Min GPUs",
            EmbeddingPrice => "Embedding price",
            CorpusTokens => "Corpus",
            RefreshPct => "Re-embedded",
            QueryTokens => "Query tokens",
            SearchesPerRequest => "Searches",
            VectorDbMonthly => "Vector DB base",
            VectorDbPerMillion => "Vector DB usage",
            RerankPerThousand => "Re-ranking",
            InfraMonthly(_) => "Monthly",
            InfraPerThousand(_) => "Per 1k requests",
            BuildCost => "Build cost",
            MaintenancePct => "Maintenance",
            ReviewPct => "Reviewed",
            MinutesPerReview => "Min per review",
            FixedReviewers => "Reviewers",
            ReviewerAnnualCost => "Reviewer cost",
            ProductiveHours => "Hours per FTE",
            OwnerFte => "Owner time",
            OwnerAnnualCost => "Owner cost",
            ErrorRate => "Wrong answers",
            CatchRate => "Review catches",
            CostPerError => "Cost per error",
            UpdatesPerYear => "Model updates",
            RetuneCost => "Re-tune cost",
            PriceChange => "Price change",
            MinutesSaved => "Minutes saved",
            LabourHourly => "Labour cost",
            Horizon => "Horizon",
        }
    }

    /// The unit shown after the value.
    pub fn unit(self) -> &'static str {
        use Field::*;
        match self {
            RequestsPerDay => "req/day",
            DaysPerMonth => "days",
            MonthlyGrowth => "%/month",
            InputTokens | OutputTokens | ReasoningTokens | QueryTokens => "tokens",
            LongAbove(_) => "input tokens",
            CorpusTokens => "tokens",
            CachedInput | BatchShare | Overhead | ModelShare(_) | ModelDiscount(_)
            | ApiBatchDiscount(_) | ReviewPct | ErrorRate | CatchRate => "%",
            GpuUtilization(_) => "%",
            ApiInput(_) | ApiCached(_) | ApiOutput(_) | LongInput(_) | LongCached(_)
            | LongOutput(_) | EmbeddingPrice => "$/1M tok",
            GpuHourly(_) => "$/GPU-hour",
            GpuThroughput(_) => "tok/s",
            MinGpus(_) => "GPUs",
            RefreshPct => "%/month",
            SearchesPerRequest => "per request",
            VectorDbMonthly | InfraMonthly(_) => "$/month",
            VectorDbPerMillion => "$/1M queries",
            RerankPerThousand => "$/1k searches",
            InfraPerThousand(_) => "$/1k req",
            BuildCost => "$ once",
            MaintenancePct => "% of build/yr",
            MinutesPerReview => "min",
            FixedReviewers | OwnerFte => "FTE",
            ReviewerAnnualCost | OwnerAnnualCost => "$/FTE-year",
            ProductiveHours => "h/month",
            CostPerError => "$/error",
            UpdatesPerYear => "per year",
            RetuneCost => "$/update",
            PriceChange => "%/year",
            MinutesSaved => "min/request",
            LabourHourly => "$/hour",
            Horizon => "months",
        }
    }

    /// Whether the value is an amount of money (shown with the currency).
    pub fn is_money(self) -> bool {
        self.unit().starts_with('$')
    }

    pub fn range(self) -> Range {
        use Field::*;
        match self {
            DaysPerMonth => Range::DaysPerMonth,
            MonthlyGrowth | PriceChange => Range::Growth,
            CachedInput | BatchShare | Overhead | ModelShare(_) | ModelDiscount(_)
            | ApiBatchDiscount(_) | RefreshPct | MaintenancePct | ReviewPct | ErrorRate
            | CatchRate => Range::Percent,
            GpuUtilization(_) => Range::PositivePercent,
            GpuThroughput(_) | ProductiveHours => Range::Positive,
            MinGpus(_) => Range::WholeNonNegative,
            Horizon => Range::Horizon,
            _ => Range::NonNegative,
        }
    }

    pub fn step(self) -> Step {
        use Field::*;
        match self.range() {
            Range::Percent | Range::PositivePercent | Range::Growth => POINT,
            Range::Horizon | Range::DaysPerMonth | Range::WholeNonNegative => WHOLE,
            _ => match self {
                RequestsPerDay | InputTokens | OutputTokens | ReasoningTokens | QueryTokens
                | CorpusTokens | LongAbove(_) | GpuThroughput(_) => VOLUME,
                ApiInput(_) | ApiCached(_) | ApiOutput(_) | LongInput(_) | LongCached(_)
                | LongOutput(_) | EmbeddingPrice | GpuHourly(_) => PRICE,
                SearchesPerRequest | OwnerFte | FixedReviewers | UpdatesPerYear
                | MinutesPerReview | MinutesSaved => Step::Relative {
                    share: 0.10,
                    floor: 0.1,
                },
                _ => MONEY,
            },
        }
    }

    /// The value in the plan, or `None` where the field does not apply (an API
    /// price on a self-hosted model, staffed reviewers under Auto, …).
    pub fn get(self, s: &Scenario) -> Option<f64> {
        use Field::*;
        let w = &s.workload;
        let r = &s.retrieval;
        let o = &s.oversight;
        Some(match self {
            RequestsPerDay => w.requests_per_day,
            DaysPerMonth => w.days_per_month,
            MonthlyGrowth => w.monthly_growth_pct,
            InputTokens => w.input_tokens,
            OutputTokens => w.output_tokens,
            ReasoningTokens => w.reasoning_tokens,
            CachedInput => w.cached_input_pct,
            BatchShare => w.batch_pct,
            Overhead => w.overhead_pct,
            ModelShare(i) => s.models.get(i)?.share_pct,
            ModelDiscount(i) => s.models.get(i)?.discount_pct,
            ApiInput(i) => api(s, i)?.input_per_mtok,
            ApiCached(i) => {
                let a = api(s, i)?;
                a.cached_input_per_mtok.unwrap_or(a.input_per_mtok)
            }
            ApiOutput(i) => api(s, i)?.output_per_mtok,
            ApiBatchDiscount(i) => api(s, i)?.batch_discount_pct,
            LongAbove(i) => api(s, i)?.long_context.as_ref()?.above_tokens,
            LongInput(i) => api(s, i)?.long_context.as_ref()?.input_per_mtok,
            LongCached(i) => {
                let t = api(s, i)?.long_context.as_ref()?;
                t.cached_input_per_mtok.unwrap_or(t.input_per_mtok)
            }
            LongOutput(i) => api(s, i)?.long_context.as_ref()?.output_per_mtok,
            GpuHourly(i) => hosted(s, i)?.gpu_hourly,
            GpuThroughput(i) => hosted(s, i)?.tokens_per_second_per_gpu,
            GpuUtilization(i) => hosted(s, i)?.utilization_pct,
            MinGpus(i) => hosted(s, i)?.min_gpus as f64,
            EmbeddingPrice => r.embedding.per_mtok.unwrap_or(0.0),
            CorpusTokens => r.corpus_tokens,
            RefreshPct => r.refresh_pct_per_month,
            QueryTokens => r.query_tokens,
            SearchesPerRequest => r.searches_per_request,
            VectorDbMonthly => r.vector_db_monthly,
            VectorDbPerMillion => r.vector_db_per_million_queries,
            RerankPerThousand => r.rerank_per_thousand_searches,
            InfraMonthly(i) => s.infrastructure.get(i)?.monthly,
            InfraPerThousand(i) => s.infrastructure.get(i)?.per_thousand_requests,
            BuildCost => s.build.initial_cost,
            MaintenancePct => s.build.maintenance_pct_per_year,
            ReviewPct => o.review_pct,
            MinutesPerReview => o.minutes_per_review,
            FixedReviewers => match o.reviewers {
                Reviewers::Fixed(x) => x,
                Reviewers::Auto => return None,
            },
            ReviewerAnnualCost => o.reviewer_annual_cost,
            ProductiveHours => o.productive_hours_per_month,
            OwnerFte => o.owner_fte,
            OwnerAnnualCost => o.owner_annual_cost,
            ErrorRate => s.risk.error_rate_pct,
            CatchRate => s.risk.review_catch_pct,
            CostPerError => s.risk.cost_per_uncaught_error,
            UpdatesPerYear => s.change.model_updates_per_year,
            RetuneCost => s.change.retune_cost_per_update,
            PriceChange => s.change.price_change_pct_per_year,
            MinutesSaved => s.value.minutes_saved_per_request,
            LabourHourly => s.value.labour_hourly_cost,
            Horizon => s.horizon_months as f64,
        })
    }

    /// Sets the value if the field applies to this plan; returns whether it did.
    /// The caller checks the range first (see [`Field::check`]).
    pub fn set(self, s: &mut Scenario, v: f64) -> bool {
        use Field::*;
        let slot: &mut f64 = match self {
            RequestsPerDay => &mut s.workload.requests_per_day,
            DaysPerMonth => &mut s.workload.days_per_month,
            MonthlyGrowth => &mut s.workload.monthly_growth_pct,
            InputTokens => &mut s.workload.input_tokens,
            OutputTokens => &mut s.workload.output_tokens,
            ReasoningTokens => &mut s.workload.reasoning_tokens,
            CachedInput => &mut s.workload.cached_input_pct,
            BatchShare => &mut s.workload.batch_pct,
            Overhead => &mut s.workload.overhead_pct,
            ModelShare(i) => match s.models.get_mut(i) {
                Some(m) => &mut m.share_pct,
                None => return false,
            },
            ModelDiscount(i) => match s.models.get_mut(i) {
                Some(m) => &mut m.discount_pct,
                None => return false,
            },
            ApiInput(i) => match api_mut(s, i) {
                Some(a) => &mut a.input_per_mtok,
                None => return false,
            },
            ApiCached(i) => match api_mut(s, i) {
                Some(a) => {
                    a.cached_input_per_mtok = Some(v);
                    return true;
                }
                None => return false,
            },
            ApiOutput(i) => match api_mut(s, i) {
                Some(a) => &mut a.output_per_mtok,
                None => return false,
            },
            ApiBatchDiscount(i) => match api_mut(s, i) {
                Some(a) => &mut a.batch_discount_pct,
                None => return false,
            },
            LongAbove(i) | LongInput(i) | LongCached(i) | LongOutput(i) => {
                let Some(t) = api_mut(s, i).and_then(|a| a.long_context.as_mut()) else {
                    return false;
                };
                match self {
                    LongAbove(_) => &mut t.above_tokens,
                    LongInput(_) => &mut t.input_per_mtok,
                    LongCached(_) => {
                        t.cached_input_per_mtok = Some(v);
                        return true;
                    }
                    _ => &mut t.output_per_mtok,
                }
            }
            GpuHourly(i) | GpuThroughput(i) | GpuUtilization(i) | MinGpus(i) => {
                let Some(h) = hosted_mut(s, i) else {
                    return false;
                };
                match self {
                    GpuHourly(_) => &mut h.gpu_hourly,
                    GpuThroughput(_) => &mut h.tokens_per_second_per_gpu,
                    GpuUtilization(_) => &mut h.utilization_pct,
                    _ => {
                        h.min_gpus = v.clamp(0.0, u32::MAX as f64) as u32;
                        return true;
                    }
                }
            }
            EmbeddingPrice => {
                s.retrieval.embedding.per_mtok = Some(v);
                return true;
            }
            CorpusTokens => &mut s.retrieval.corpus_tokens,
            RefreshPct => &mut s.retrieval.refresh_pct_per_month,
            QueryTokens => &mut s.retrieval.query_tokens,
            SearchesPerRequest => &mut s.retrieval.searches_per_request,
            VectorDbMonthly => &mut s.retrieval.vector_db_monthly,
            VectorDbPerMillion => &mut s.retrieval.vector_db_per_million_queries,
            RerankPerThousand => &mut s.retrieval.rerank_per_thousand_searches,
            InfraMonthly(i) => match s.infrastructure.get_mut(i) {
                Some(x) => &mut x.monthly,
                None => return false,
            },
            InfraPerThousand(i) => match s.infrastructure.get_mut(i) {
                Some(x) => &mut x.per_thousand_requests,
                None => return false,
            },
            BuildCost => &mut s.build.initial_cost,
            MaintenancePct => &mut s.build.maintenance_pct_per_year,
            ReviewPct => &mut s.oversight.review_pct,
            MinutesPerReview => &mut s.oversight.minutes_per_review,
            FixedReviewers => match &mut s.oversight.reviewers {
                Reviewers::Fixed(x) => x,
                Reviewers::Auto => return false,
            },
            ReviewerAnnualCost => &mut s.oversight.reviewer_annual_cost,
            ProductiveHours => &mut s.oversight.productive_hours_per_month,
            OwnerFte => &mut s.oversight.owner_fte,
            OwnerAnnualCost => &mut s.oversight.owner_annual_cost,
            ErrorRate => &mut s.risk.error_rate_pct,
            CatchRate => &mut s.risk.review_catch_pct,
            CostPerError => &mut s.risk.cost_per_uncaught_error,
            UpdatesPerYear => &mut s.change.model_updates_per_year,
            RetuneCost => &mut s.change.retune_cost_per_update,
            PriceChange => &mut s.change.price_change_pct_per_year,
            MinutesSaved => &mut s.value.minutes_saved_per_request,
            LabourHourly => &mut s.value.labour_hourly_cost,
            Horizon => {
                s.horizon_months = v.clamp(0.0, u32::MAX as f64) as u32;
                return true;
            }
        };
        *slot = v;
        true
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
        match self.range() {
            Range::NonNegative | Range::Positive => {
                let v = v.max(0.0);
                if self.range() == Range::Positive && v == 0.0 {
                    match self.step() {
                        Step::Relative { floor, .. } => floor,
                        Step::Absolute(d) => d,
                    }
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
        }
    }
}

fn round_to_significant(v: f64, digits: i32) -> f64 {
    if v == 0.0 || !v.is_finite() {
        return v;
    }
    let magnitude = v.abs().log10().floor() as i32;
    let factor = 10f64.powi(digits - 1 - magnitude);
    (v * factor).round() / factor
}

fn api(s: &Scenario, i: usize) -> Option<&super::pricing::ApiPricing> {
    match s.models.get(i)?.pricing.as_ref()? {
        Pricing::Api(a) => Some(a),
        Pricing::SelfHosted(_) => None,
    }
}

fn api_mut(s: &mut Scenario, i: usize) -> Option<&mut super::pricing::ApiPricing> {
    match s.models.get_mut(i)?.pricing.as_mut()? {
        Pricing::Api(a) => Some(a),
        Pricing::SelfHosted(_) => None,
    }
}

fn hosted(s: &Scenario, i: usize) -> Option<&super::pricing::SelfHostedPricing> {
    match s.models.get(i)?.pricing.as_ref()? {
        Pricing::SelfHosted(h) => Some(h),
        Pricing::Api(_) => None,
    }
}

fn hosted_mut(s: &mut Scenario, i: usize) -> Option<&mut super::pricing::SelfHostedPricing> {
    match s.models.get_mut(i)?.pricing.as_mut()? {
        Pricing::SelfHosted(h) => Some(h),
        Pricing::Api(_) => None,
    }
}
