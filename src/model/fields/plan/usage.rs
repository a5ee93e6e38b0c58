//! The plan-wide inputs of use: volume, tokens and caching, retrieval.

use super::*;

pub(super) const REQUESTS_PER_DAY: FieldSpec = plan! {
    "workload.requests_per_day", "Requests per day", "Requests/day",
    Unit::Plain("req/day"), Volume, RequestsPerDay, VOLUME,
    "Requests the system answers on an active day, at go-live.",
    |s| s.workload.requests_per_day, default 0.0, since 1
};

pub(super) const DAYS_PER_MONTH: FieldSpec = plan! {
    "workload.days_per_month", "Active days per month", "Days/month",
    Unit::Plain("days"), Volume, DaysPerMonth, WHOLE,
    "Days a month the system is in use (30 for every day, about 21 for working days).",
    |s| s.workload.days_per_month, default 30.0, since 1
};

pub(super) const MONTHLY_GROWTH: FieldSpec = plan! {
    "workload.monthly_growth_pct", "Monthly growth", "Growth",
    Unit::Plain("%/month"), Volume, Growth, POINT,
    "How much the request volume grows each month, compounded.",
    |s| s.workload.monthly_growth_pct, default 0.0, since 1
};

pub(super) const MAX_REQUESTS_PER_DAY: FieldSpec = optional! {
    "workload.max_requests_per_day", "Volume ceiling", "Ceiling",
    Unit::Plain("req/day"), Volume, RequestCeiling, VOLUME,
    "Where growth levels off (the market, the team's queue): requests a day never exceed it.",
    scenario / scenario_mut, |s| s.workload.max_requests_per_day,
    fallback |p| p.workload.requests_per_day, note "(none)", since 3
};

pub(super) const RAMP_MONTHS: FieldSpec = plan! {
    whole "workload.ramp_months", "Adoption ramp", "Ramp",
    Unit::Plain("months"), Volume, WholeMonths, WHOLE,
    "Months after go-live until every user is on board (0 = all from month 1).",
    |s| s.workload.ramp_months, default 0.0, since 2
};

pub(super) const RAMP_START_PCT: FieldSpec = plan! {
    "workload.ramp_start_pct", "Adoption in first month", "Ramp start",
    Unit::Plain("%"), Volume, Percent, POINT,
    "Share of the full volume in the first live month when there is a ramp.",
    |s| s.workload.ramp_start_pct, default 0.0, since 2
};

pub(super) const CALLS_PER_REQUEST: FieldSpec = plan! {
    "workload.calls_per_request", "Model calls per request", "Calls/request",
    Unit::Plain("calls"), Tokens, CallsPerRequest, Step::Absolute(0.5),
    "Model calls one request makes (agent steps, turns); token figures are per call.",
    |s| s.workload.calls_per_request, default 1.0, since 2
};

pub(super) const INPUT_TOKENS: FieldSpec = plan! {
    "workload.input_tokens", "Input tokens per request", "Input tokens",
    Unit::Plain("tokens"), Tokens, Tokens, VOLUME,
    "Prompt tokens sent per call: instructions, context and the question.",
    |s| s.workload.input_tokens, default 0.0, since 1
};

pub(super) const OUTPUT_TOKENS: FieldSpec = plan! {
    "workload.output_tokens", "Output tokens per request", "Output tokens",
    Unit::Plain("tokens"), Tokens, Tokens, VOLUME,
    "Tokens the model writes per call.",
    |s| s.workload.output_tokens, default 0.0, since 1
};

pub(super) const REASONING_TOKENS: FieldSpec = plan! {
    "workload.reasoning_tokens", "Reasoning tokens per request", "Reasoning tokens",
    Unit::Plain("tokens"), Tokens, Tokens, VOLUME,
    "Hidden thinking tokens per call, billed as output.",
    |s| s.workload.reasoning_tokens, default 0.0, since 1
};

pub(super) const CACHED_INPUT: FieldSpec = plan! {
    "workload.cached_input_pct", "Cached share of input", "Cached input",
    Unit::Plain("%"), Tokens, Percent, POINT,
    "Share of input tokens served from the provider's prompt cache.",
    |s| s.workload.cached_input_pct, default 0.0, since 1
};

pub(super) const CACHE_WRITE: FieldSpec = plan! {
    "workload.cache_write_pct", "Input written to cache", "Cache writes",
    Unit::Plain("%"), Tokens, Percent, POINT,
    "Share of each call's input written into the prompt cache, billed at the write price.",
    |s| s.workload.cache_write_pct, default 0.0, since 3
};

pub(super) const BATCH_SHARE: FieldSpec = plan! {
    "workload.batch_pct", "Share sent via batch API", "Batch share",
    Unit::Plain("%"), Tokens, Percent, POINT,
    "Share of calls sent through the cheaper, slower batch API.",
    |s| s.workload.batch_pct, default 0.0, since 1
};

pub(super) const OVERHEAD: FieldSpec = plan! {
    "workload.overhead_pct", "Extra calls (retries, guards)", "Extra calls",
    Unit::Plain("%"), Tokens, Percent, POINT,
    "Calls added for retries, guardrails and evaluations, in percent.",
    |s| s.workload.overhead_pct, default 0.0, since 1
};

pub(super) const EMBEDDING_PRICE: FieldSpec = FieldSpec {
    path: "retrieval.embedding.per_mtok",
    label: "Embedding price",
    short_label: "Embedding price",
    unit: Unit::Price("/1M tok"),
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
    default: None,
    version: 1,
};

pub(super) const CORPUS_TOKENS: FieldSpec = plan! {
    "retrieval.corpus_tokens", "Corpus size", "Corpus",
    Unit::Plain("tokens"), Retrieval, CorpusTokens, VOLUME,
    "Tokens in the document collection embedded for search.",
    |s| s.retrieval.corpus_tokens, default 0.0, since 1
};

pub(super) const REFRESH_PCT: FieldSpec = plan! {
    "retrieval.refresh_pct_per_month", "Corpus re-embedded monthly", "Re-embedded",
    Unit::Plain("%/month"), Retrieval, Percent, POINT,
    "Share of the corpus that changes and is embedded again each month.",
    |s| s.retrieval.refresh_pct_per_month, default 0.0, since 1
};

pub(super) const QUERY_TOKENS: FieldSpec = plan! {
    "retrieval.query_tokens", "Tokens per search query", "Query tokens",
    Unit::Plain("tokens"), Retrieval, Tokens, VOLUME,
    "Tokens embedded per search query.",
    |s| s.retrieval.query_tokens, default 0.0, since 1
};

pub(super) const SEARCHES_PER_REQUEST: FieldSpec = plan! {
    "retrieval.searches_per_request", "Searches per request", "Searches",
    Unit::Plain("per request"), Retrieval, Searches, COUNT,
    "Vector searches one request runs.",
    |s| s.retrieval.searches_per_request, default 0.0, since 1
};

pub(super) const VECTOR_DB_MONTHLY: FieldSpec = plan! {
    "retrieval.vector_db_monthly", "Vector DB base", "Vector DB base",
    Unit::Money("/month"), Retrieval, MonthlyAmount, MONEY,
    "The vector database's fixed monthly fee.",
    |s| s.retrieval.vector_db_monthly, default 0.0, since 1
};

pub(super) const VECTOR_DB_PER_MILLION: FieldSpec = plan! {
    "retrieval.vector_db_per_million_queries", "Vector DB per 1M queries", "Vector DB usage",
    Unit::Price("/1M queries"), Retrieval, PerMillionQueries, MONEY,
    "The vector database's usage fee per million queries.",
    |s| s.retrieval.vector_db_per_million_queries, default 0.0, since 1
};

pub(super) const RERANK_PER_THOUSAND: FieldSpec = plan! {
    "retrieval.rerank_per_thousand_searches", "Re-ranking per 1k searches", "Re-ranking",
    Unit::Price("/1k searches"), Retrieval, PerThousandSearches, MONEY,
    "What re-ranking the search results costs per thousand searches.",
    |s| s.retrieval.rerank_per_thousand_searches, default 0.0, since 1
};
