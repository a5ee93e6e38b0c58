//! One hand-computed case per formula line of the cost model (spec §2).

use crate::common;

use common::{close, entry, zero_plan};
use runcost::model::{
    ApiPricing, InfraItem, LongContext, Pricing, Reviewers, SelfHostedPricing, project,
};

fn api(input: f64, cached: Option<f64>, output: f64, batch: f64) -> Pricing {
    Pricing::Api(ApiPricing {
        cache_write_per_mtok: None,
        input_per_mtok: input,
        cached_input_per_mtok: cached,
        output_per_mtok: output,
        batch_discount_pct: batch,
        long_context: None,
    })
}

fn hosted(hourly: f64, tps: f64, util: f64, min: u32) -> Pricing {
    Pricing::SelfHosted(SelfHostedPricing {
        gpu_hourly: hourly,
        tokens_per_second_per_gpu: tps,
        utilization_pct: util,
        min_gpus: min,
        ..SelfHostedPricing::default()
    })
}

#[test]
fn requests_grow_and_calls_add_overhead() {
    let mut s = zero_plan();
    s.workload.requests_per_day = 100.0;
    s.workload.days_per_month = 30.0;
    s.workload.monthly_growth_pct = 10.0;
    s.workload.overhead_pct = 10.0;
    let p = project(&s);
    close(p.months[0].requests, 3000.0, "req_1");
    close(p.months[0].calls, 3300.0, "calls_1");
    close(p.months[2].requests, 3000.0 * 1.21, "req_3 = req_1 × 1.1²");
}

#[test]
fn negative_growth_shrinks_volume() {
    let mut s = zero_plan();
    s.workload.requests_per_day = 100.0;
    s.workload.monthly_growth_pct = -50.0;
    let p = project(&s);
    close(p.months[1].requests, 1500.0, "req_2");
    close(p.months[3].requests, 375.0, "req_4");
}

#[test]
fn api_cost_applies_cache_reasoning_batch_and_discount() {
    let mut s = zero_plan();
    s.workload.requests_per_day = 100.0;
    s.workload.overhead_pct = 10.0;
    s.workload.input_tokens = 1000.0;
    s.workload.output_tokens = 200.0;
    s.workload.reasoning_tokens = 100.0;
    s.workload.cached_input_pct = 50.0;
    s.workload.batch_pct = 50.0;
    s.models = vec![entry("a", 100.0, api(2.0, Some(0.5), 10.0, 50.0))];
    s.models[0].discount_pct = 20.0;
    // per call (1000·.5·2 + 1000·.5·.5 + 300·10)/1e6 = 0.00425
    // × 3300 calls × (1 − .5·.5) × (1 − .2) = 8.415
    close(project(&s).months[0].inference, 8.415, "inference");
}

#[test]
fn missing_cached_price_bills_cached_input_at_the_input_price() {
    let mut s = zero_plan();
    s.workload.requests_per_day = 1000.0;
    s.workload.input_tokens = 1000.0;
    s.workload.cached_input_pct = 80.0;
    s.models = vec![entry("a", 100.0, api(3.0, None, 0.0, 0.0))];
    // 30,000 calls × 1000 tokens × $3/M, whatever the cached share.
    close(project(&s).months[0].inference, 90.0, "inference");
}

#[test]
fn long_context_tier_applies_above_the_threshold_only() {
    let mut s = zero_plan();
    s.workload.requests_per_day = 10.0;
    s.workload.input_tokens = 250_000.0;
    s.workload.output_tokens = 1000.0;
    let mut pricing = ApiPricing {
        cache_write_per_mtok: None,
        input_per_mtok: 2.0,
        cached_input_per_mtok: Some(0.2),
        output_per_mtok: 12.0,
        batch_discount_pct: 0.0,
        long_context: Some(LongContext {
            cache_write_per_mtok: None,
            above_tokens: 200_000.0,
            input_per_mtok: 4.0,
            cached_input_per_mtok: None,
            output_per_mtok: 18.0,
        }),
    };
    s.workload.cached_input_pct = 50.0;
    s.models = vec![entry("a", 100.0, Pricing::Api(pricing.clone()))];
    // Tier cached price absent → the tier's input price: (250000·4 + 1000·18)/1e6 = 1.018
    close(project(&s).months[0].inference, 300.0 * 1.018, "tier");

    s.workload.input_tokens = 200_000.0; // at the threshold, not above: base prices
    // (100000·2 + 100000·0.2 + 1000·12)/1e6 = 0.232
    close(
        project(&s).months[0].inference,
        300.0 * 0.232,
        "at threshold",
    );

    pricing.long_context = None;
    s.workload.input_tokens = 250_000.0;
    s.models[0].pricing = Some(Pricing::Api(pricing));
    // (125000·2 + 125000·.2 + 1000·12)/1e6 = 0.287
    close(project(&s).months[0].inference, 300.0 * 0.287, "no tier");
}

#[test]
fn token_price_drift_compounds_yearly_from_month_one() {
    let mut s = zero_plan();
    s.workload.requests_per_day = 1000.0;
    s.workload.input_tokens = 1000.0;
    s.change.price_change_pct_per_year = 20.0;
    s.horizon_months = 13;
    s.models = vec![entry("a", 100.0, api(1.0, None, 0.0, 0.0))];
    let p = project(&s);
    close(p.months[0].inference, 30.0, "month 1 undrifted");
    close(
        p.months[6].inference,
        30.0 * 1.2f64.sqrt(),
        "month 7 = half a year",
    );
    close(p.months[12].inference, 36.0, "month 13 = one year");
}

#[test]
fn self_hosted_bills_whole_always_on_gpus() {
    let mut s = zero_plan();
    s.workload.requests_per_day = 100_000.0;
    s.workload.input_tokens = 800.0;
    s.workload.output_tokens = 200.0;
    // Caching, batching and drift do not touch GPUs.
    s.workload.cached_input_pct = 90.0;
    s.workload.batch_pct = 100.0;
    s.change.price_change_pct_per_year = -50.0;
    s.models = vec![entry("gpu", 100.0, hosted(2.0, 1000.0, 50.0, 1))];
    // 3e9 tokens / (1000 · 3600 · 0.5) = 1666.7 GPU-hours → 2.28 GPUs → 3 GPUs
    let p = project(&s);
    close(p.months[0].inference, 3.0 * 730.0 * 2.0, "3 GPUs");
    assert_eq!(p.model_month(1, 0).gpus, 3.0);
    close(p.months[5].inference, 3.0 * 730.0 * 2.0, "no drift on GPUs");

    s.models[0].pricing = Some(hosted(2.0, 1000.0, 50.0, 4));
    close(
        project(&s).months[0].inference,
        4.0 * 730.0 * 2.0,
        "minimum GPUs",
    );

    s.workload.requests_per_day = 0.0;
    close(
        project(&s).months[0].inference,
        4.0 * 730.0 * 2.0,
        "idle GPUs still bill",
    );
}

#[test]
fn a_mix_entry_with_zero_share_costs_nothing_even_with_minimum_gpus() {
    let mut s = zero_plan();
    s.workload.requests_per_day = 100.0;
    s.workload.input_tokens = 1000.0;
    s.models = vec![
        entry("a", 100.0, api(1.0, None, 0.0, 0.0)),
        entry("gpu", 0.0, hosted(2.0, 1000.0, 50.0, 4)),
    ];
    close(project(&s).months[0].inference, 3.0, "only the API model");
}

#[test]
fn three_model_mix_sums_api_and_self_hosted_lines() {
    let mut s = zero_plan();
    s.workload.requests_per_day = 1000.0;
    s.workload.input_tokens = 1000.0;
    s.workload.output_tokens = 1000.0;
    s.models = vec![
        entry("a", 50.0, api(1.0, None, 2.0, 0.0)),
        entry("b", 30.0, api(3.0, None, 15.0, 0.0)),
        entry("gpu", 20.0, hosted(1.0, 10_000.0, 100.0, 1)),
    ];
    let p = project(&s);
    let a = 30_000.0 * 0.5 * 0.003;
    let b = 30_000.0 * 0.3 * 0.018;
    close(p.model_month(1, 0).cost, a, "model a");
    close(p.model_month(1, 1).cost, b, "model b");
    close(p.model_month(1, 2).cost, 730.0, "one GPU");
    close(p.months[0].inference, a + b + 730.0, "sum");
}

#[test]
fn retrieval_embeds_the_corpus_in_month_one_then_refreshes() {
    let mut s = zero_plan();
    s.workload.requests_per_day = 100.0;
    let r = &mut s.retrieval;
    r.enabled = true;
    r.embedding.per_mtok = Some(0.1);
    r.corpus_tokens = 1_000_000.0;
    r.refresh_pct_per_month = 10.0;
    r.query_tokens = 50.0;
    r.searches_per_request = 2.0;
    r.vector_db_monthly = 70.0;
    r.vector_db_per_million_queries = 8.0;
    r.rerank_per_thousand_searches = 2.0;
    let p = project(&s);
    // 6000 searches: embeddings (1e6 + 3e5)·0.1/1e6 = 0.13; DB 70.048; rerank 12
    close(p.months[0].retrieval, 0.13 + 70.048 + 12.0, "month 1");
    // refresh (1e5 + 3e5)·0.1/1e6 = 0.04
    close(p.months[1].retrieval, 0.04 + 70.048 + 12.0, "month 2");

    s.retrieval.enabled = false;
    close(project(&s).months[0].retrieval, 0.0, "disabled");
}

#[test]
fn infrastructure_lines_add_fixed_and_per_request_costs() {
    let mut s = zero_plan();
    s.workload.requests_per_day = 100.0;
    s.infrastructure = vec![
        InfraItem {
            name: "a".into(),
            monthly: 100.0,
            per_thousand_requests: 0.5,
        },
        InfraItem {
            name: "b".into(),
            monthly: 50.0,
            per_thousand_requests: 0.0,
        },
    ];
    close(
        project(&s).months[0].infrastructure,
        151.5,
        "infrastructure",
    );
}

#[test]
fn maintenance_is_a_yearly_share_of_the_build_cost() {
    let mut s = zero_plan();
    s.build.initial_cost = 120_000.0;
    s.build.maintenance_pct_per_year = 20.0;
    let p = project(&s);
    close(p.months[0].maintenance, 2000.0, "maintenance");
    close(p.totals.build_cost, 120_000.0, "build");
}

fn oversight_plan(reviewers: Reviewers) -> runcost::model::Scenario {
    let mut s = zero_plan();
    s.workload.requests_per_day = 100.0;
    let o = &mut s.oversight;
    o.review_pct = 10.0;
    o.minutes_per_review = 6.0;
    o.reviewers = reviewers;
    o.reviewer_annual_cost = 60_000.0;
    o.productive_hours_per_month = 150.0;
    o.owner_fte = 0.5;
    o.owner_annual_cost = 120_000.0;
    s.risk.error_rate_pct = 10.0;
    s.risk.review_catch_pct = 80.0;
    s.risk.cost_per_uncaught_error = 5.0;
    s
}

#[test]
fn auto_staffing_pays_for_exactly_the_review_load() {
    let p = project(&oversight_plan(Reviewers::Auto));
    let m = &p.months[0];
    // 3000 req · 10 % · 6 min = 30 h → 0.2 FTE
    close(m.reviewer_fte_needed, 0.2, "needed FTE");
    close(m.review_coverage_pct, 100.0, "coverage");
    close(m.oversight, 0.2 * 5000.0 + 5000.0, "oversight");
    // 300 errors · (1 − .1 · 1 · .8) = 276 uncaught · $5
    close(m.errors, 1380.0, "errors");
    close(p.totals.peak_reviewer_fte, 0.2, "peak FTE");
}

#[test]
fn understaffed_fixed_review_lowers_coverage_and_raises_error_cost() {
    let p = project(&oversight_plan(Reviewers::Fixed(0.1)));
    let m = &p.months[0];
    close(m.review_coverage_pct, 50.0, "coverage");
    close(m.oversight, 0.1 * 5000.0 + 5000.0, "oversight");
    // 300 · (1 − .1 · .5 · .8) = 288 uncaught
    close(m.errors, 1440.0, "errors");

    let over = project(&oversight_plan(Reviewers::Fixed(1.0)));
    close(
        over.months[0].review_coverage_pct,
        100.0,
        "overstaffed coverage caps at 100",
    );
    close(
        over.months[0].oversight,
        5000.0 + 5000.0,
        "overstaffing is still paid",
    );
}

#[test]
fn no_review_need_means_full_coverage() {
    let mut s = oversight_plan(Reviewers::Fixed(0.0));
    s.oversight.review_pct = 0.0;
    let m = project(&s).months[0];
    close(m.review_coverage_pct, 100.0, "coverage");
    close(m.errors, 1500.0, "every error reaches someone");
}

#[test]
fn change_cost_spreads_updates_over_the_year() {
    let mut s = zero_plan();
    s.change.model_updates_per_year = 2.0;
    s.change.retune_cost_per_update = 6000.0;
    close(project(&s).months[0].change, 1000.0, "change");
}

#[test]
fn value_net_cumulative_roi_and_payback() {
    let mut s = zero_plan();
    s.workload.requests_per_day = 100.0;
    s.value.minutes_saved_per_request = 4.0;
    s.value.labour_hourly_cost = 30.0;
    s.build.initial_cost = 10_000.0;
    s.infrastructure = vec![InfraItem {
        name: "x".into(),
        monthly: 1000.0,
        per_thousand_requests: 0.0,
    }];
    s.horizon_months = 6;
    let p = project(&s);
    // value 3000 · 4/60 · 30 = 6000; net 5000/month
    close(p.months[0].value, 6000.0, "value");
    close(p.months[0].net, 5000.0, "net");
    close(
        p.months[0].cumulative_net,
        -5000.0,
        "cumulative after build",
    );
    close(p.months[1].cumulative_net, 0.0, "break-even");
    assert_eq!(
        p.totals.payback_month,
        Some(2),
        "payback when cumulative reaches 0"
    );
    close(p.totals.run_cost, 6000.0, "run cost");
    close(p.totals.tco, 16_000.0, "tco");
    close(p.totals.net, 36_000.0 - 16_000.0, "net");
    close(
        p.totals.roi_pct.unwrap(),
        20_000.0 / 16_000.0 * 100.0,
        "roi",
    );
    close(
        p.totals.cost_per_request.unwrap(),
        6000.0 / 18_000.0,
        "cost per request",
    );
}

#[test]
fn empty_plan_has_no_roi_no_cost_per_request_and_pays_back_at_once() {
    let p = project(&zero_plan());
    assert_eq!(p.totals.roi_pct, None, "ROI is null when TCO is 0");
    assert_eq!(p.totals.cost_per_request, None, "null without requests");
    assert_eq!(
        p.totals.payback_month,
        Some(1),
        "cumulative net 0 ≥ 0 in month 1"
    );
    assert_eq!(p.months.len(), 12);
}

#[test]
fn no_value_means_no_payback_and_minus_100_roi() {
    let mut s = zero_plan();
    s.build.initial_cost = 1000.0;
    let p = project(&s);
    assert_eq!(p.totals.payback_month, None);
    close(p.totals.roi_pct.unwrap(), -100.0, "roi");
}

#[test]
fn horizon_sets_the_number_of_months() {
    let mut s = zero_plan();
    s.horizon_months = 1;
    assert_eq!(project(&s).months.len(), 1);
    s.horizon_months = 60;
    let p = project(&s);
    assert_eq!(p.months.len(), 60);
    assert_eq!(p.months[59].month, 60);
}
