//! The table of plan-wide inputs.

use super::*;

// ---------------------------------------------------------------------------
// The table: one key and one spec per input.
// ---------------------------------------------------------------------------

keys! {
    /// An input of the plan as a whole.
    PlanField {
        RequestsPerDay, DaysPerMonth, MonthlyGrowth, MaxRequestsPerDay, CallsPerRequest,
        RampMonths, RampStartPct,
        InputTokens, OutputTokens, ReasoningTokens, CachedInput, CacheWrite, BatchShare,
        Overhead,
        EmbeddingPrice, CorpusTokens, RefreshPct, QueryTokens, SearchesPerRequest,
        VectorDbMonthly, VectorDbPerMillion, RerankPerThousand,
        BuildCost, MaintenancePct, BuildMonths,
        ReviewPct, FlaggedRecall, MinutesPerReview, FixedReviewers, ReviewerAnnualCost,
        ProductiveHours, OwnerFte, OwnerAnnualCost, SalaryGrowth,
        ErrorRate, CatchRate, CostPerError, DriftPerMonth,
        UpdatesPerYear, RetuneCost, PriceChange,
        MinutesSaved, LabourHourly, TeamFte, BaselineErrorRate, Realization, DiscountRate,
        Horizon,
    }
}

/// A plan-wide spec (see `spec!`): `get` and `set` ignore the index.
/// `plan! { whole … }` is an input kept as a whole count (`u32`) in the plan.
macro_rules! plan {
    ($($whole:ident)? $path:literal, $label:literal, $short:literal, $unit:expr,
     $section:ident, $range:ident, $step:expr, $help:literal, |$s:ident| $slot:expr,
     default $default:literal, since $version:literal) => {
        spec!($($whole)? $path, $label, $short, $unit, $section, $range, $step, $help,
              scenario / scenario_mut, |$s| $slot, default $default, since $version)
    };
}

mod running;
mod usage;

impl PlanField {
    pub fn spec(self) -> FieldSpec {
        use PlanField::*;
        match self {
            RequestsPerDay => usage::REQUESTS_PER_DAY,
            DaysPerMonth => usage::DAYS_PER_MONTH,
            MonthlyGrowth => usage::MONTHLY_GROWTH,
            MaxRequestsPerDay => usage::MAX_REQUESTS_PER_DAY,
            RampMonths => usage::RAMP_MONTHS,
            RampStartPct => usage::RAMP_START_PCT,
            CallsPerRequest => usage::CALLS_PER_REQUEST,
            InputTokens => usage::INPUT_TOKENS,
            OutputTokens => usage::OUTPUT_TOKENS,
            ReasoningTokens => usage::REASONING_TOKENS,
            CachedInput => usage::CACHED_INPUT,
            CacheWrite => usage::CACHE_WRITE,
            BatchShare => usage::BATCH_SHARE,
            Overhead => usage::OVERHEAD,
            EmbeddingPrice => usage::EMBEDDING_PRICE,
            CorpusTokens => usage::CORPUS_TOKENS,
            RefreshPct => usage::REFRESH_PCT,
            QueryTokens => usage::QUERY_TOKENS,
            SearchesPerRequest => usage::SEARCHES_PER_REQUEST,
            VectorDbMonthly => usage::VECTOR_DB_MONTHLY,
            VectorDbPerMillion => usage::VECTOR_DB_PER_MILLION,
            RerankPerThousand => usage::RERANK_PER_THOUSAND,
            BuildCost => running::BUILD_COST,
            MaintenancePct => running::MAINTENANCE_PCT,
            BuildMonths => running::BUILD_MONTHS,
            ReviewPct => running::REVIEW_PCT,
            FlaggedRecall => running::FLAGGED_RECALL,
            MinutesPerReview => running::MINUTES_PER_REVIEW,
            FixedReviewers => running::FIXED_REVIEWERS,
            ReviewerAnnualCost => running::REVIEWER_ANNUAL_COST,
            ProductiveHours => running::PRODUCTIVE_HOURS,
            OwnerFte => running::OWNER_FTE,
            OwnerAnnualCost => running::OWNER_ANNUAL_COST,
            SalaryGrowth => running::SALARY_GROWTH,
            ErrorRate => running::ERROR_RATE,
            CatchRate => running::CATCH_RATE,
            CostPerError => running::COST_PER_ERROR,
            DriftPerMonth => running::DRIFT_PER_MONTH,
            UpdatesPerYear => running::UPDATES_PER_YEAR,
            RetuneCost => running::RETUNE_COST,
            PriceChange => running::PRICE_CHANGE,
            MinutesSaved => running::MINUTES_SAVED,
            LabourHourly => running::LABOUR_HOURLY,
            TeamFte => running::TEAM_FTE,
            BaselineErrorRate => running::BASELINE_ERROR_RATE,
            Realization => running::REALIZATION,
            DiscountRate => running::DISCOUNT_RATE,
            Horizon => running::HORIZON,
        }
    }
}
