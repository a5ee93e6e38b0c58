//! The table of plan-wide inputs.

use super::*;

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
                RequestsPerDay,
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
                Tokens,
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
                Tokens,
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
                Tokens,
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
                range: Range::TokenPrice,
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
                CorpusTokens,
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
                Tokens,
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
                Searches,
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
                MonthlyAmount,
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
                PerMillionQueries,
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
                PerThousandSearches,
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
                OneOffAmount,
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
                Minutes,
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
            },
            ReviewerAnnualCost => plan!(
                "oversight.reviewer_annual_cost",
                "Reviewer cost (loaded)",
                "Reviewer cost",
                "$/FTE-year",
                Oversight,
                AnnualCost,
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
                HoursPerMonth,
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
                Fte,
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
                AnnualCost,
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
                ErrorCost,
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
                UpdatesPerYear,
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
                OneOffAmount,
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
                Minutes,
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
                HourlyCost,
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
