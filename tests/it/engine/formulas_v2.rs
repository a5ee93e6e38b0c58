//! One hand-computed case per formula line of cost model version 2 (spec §5).

use crate::common;

use common::{close, entry, zero_plan};
use runcost::model::projection::{base_error_rate, update_period};
use runcost::model::{ApiPricing, LongContext, Pricing, Scenario, SelfHostedPricing, project};

fn api(input: f64, output: f64) -> Pricing {
    Pricing::Api(ApiPricing {
        cache_write_per_mtok: None,
        input_per_mtok: input,
        cached_input_per_mtok: None,
        output_per_mtok: output,
        batch_discount_pct: 0.0,
        long_context: None,
    })
}

/// One GPU-hour per 3,600 tokens: tokens_per_second 1 at 100 % utilisation.
fn hosted(min: u32, peak: f64, per_replica: u32, spares: u32) -> Pricing {
    Pricing::SelfHosted(SelfHostedPricing {
        input_tokens_per_second_per_gpu: None,
        gpu_hourly: 2.0,
        tokens_per_second_per_gpu: 1.0,
        utilization_pct: 100.0,
        min_gpus: min,
        peak_to_average: peak,
        gpus_per_replica: per_replica,
        spare_replicas: spares,
    })
}

/// 100 requests a day × 30 days = 3,000 requests a month, nothing else.
fn plan() -> Scenario {
    let mut s = zero_plan();
    s.workload.requests_per_day = 100.0;
    s.workload.days_per_month = 30.0;
    s
}

#[test]
fn adoption_ramps_linearly_from_the_start_share_and_caps_at_100() {
    let mut s = plan();
    s.horizon_months = 6;
    s.workload.ramp_months = 4;
    s.workload.ramp_start_pct = 20.0;
    let p = project(&s);
    // a_m = min(1, 0.2 + 0.8 (m−1)/4): 0.2, 0.4, 0.6, 0.8, 1, 1
    for (m, a) in [0.2, 0.4, 0.6, 0.8, 1.0, 1.0].iter().enumerate() {
        close(p.months[m].adoption_pct, a * 100.0, "adoption_pct");
        close(p.months[m].requests, 3000.0 * a, "req_m = base × a_m");
    }
}

#[test]
fn no_ramp_means_full_adoption_whatever_the_start_share() {
    let mut s = plan();
    s.workload.ramp_start_pct = 30.0; // ignored while ramp_months is 0
    let p = project(&s);
    assert_eq!(p.months[0].adoption_pct, 100.0);
    assert_eq!(p.months[0].requests, 3000.0);
}

#[test]
fn calls_multiply_by_calls_per_request_then_overhead() {
    let mut s = plan();
    s.workload.calls_per_request = 6.0;
    s.workload.overhead_pct = 10.0;
    // 3000 × 6 × 1.1
    close(project(&s).months[0].calls, 19_800.0, "calls");
}

#[test]
fn token_factor_scales_this_models_tokens_only() {
    let mut s = plan();
    s.workload.input_tokens = 1000.0;
    s.workload.output_tokens = 100.0;
    s.models = vec![
        entry("a", 50.0, api(1.0, 2.0)),
        entry("b", 50.0, api(1.0, 2.0)),
    ];
    s.models[1].token_factor = 1.3;
    let p = project(&s);
    // a: (1000·1 + 100·2)/1e6 × 1500 calls = 1.8
    // b: (1300·1 + 130·2)/1e6 × 1500 calls = 2.34
    close(p.model_month(1, 0).cost, 1.8, "model a");
    close(p.model_month(1, 1).cost, 2.34, "model b");
}

#[test]
fn long_context_test_uses_the_scaled_input() {
    let mut s = plan();
    s.workload.input_tokens = 1000.0;
    let tiered = Pricing::Api(ApiPricing {
        cache_write_per_mtok: None,
        input_per_mtok: 1.0,
        cached_input_per_mtok: None,
        output_per_mtok: 0.0,
        batch_discount_pct: 0.0,
        long_context: Some(LongContext {
            cache_write_per_mtok: None,
            above_tokens: 1200.0,
            input_per_mtok: 10.0,
            cached_input_per_mtok: None,
            output_per_mtok: 0.0,
        }),
    });
    s.models = vec![entry("a", 100.0, tiered)];
    // 1000 tokens ≤ 1200: base price, 3000 × 1000 × $1/M = 3
    close(project(&s).months[0].inference, 3.0, "below the tier");
    // × 1.3 = 1300 tokens > 1200: tier price, 3000 × 1300 × $10/M = 39
    s.models[0].token_factor = 1.3;
    close(project(&s).months[0].inference, 39.0, "above the tier");
}

#[test]
fn self_hosted_gpus_come_in_whole_replicas_sized_for_the_peak_plus_spares() {
    let mut s = plan();
    s.workload.requests_per_day = 73.0; // 2,190 calls of 3,600 tokens = 2,190 GPU-hours
    s.workload.input_tokens = 3600.0;
    s.models = vec![entry("h", 100.0, hosted(4, 2.5, 4, 1))];
    let p = project(&s);
    // average 3 GPUs; peak 7.5 → 1.875 replicas → 2; min ceil(4/4) = 1; + 1 spare = 3
    // replicas × 4 = 12 GPUs × 730 h × $2
    assert_eq!(p.months[0].gpus, 12.0);
    assert_eq!(p.model_month(1, 0).gpus, 12.0);
    close(p.months[0].inference, 12.0 * 730.0 * 2.0, "cost");

    // Sized on the average: ceil(3/4) = 1 replica + 1 spare = 8 GPUs.
    s.models[0].pricing = Some(hosted(4, 1.0, 4, 1));
    assert_eq!(project(&s).months[0].gpus, 8.0);

    // The minimum rounds up to whole replicas: ceil(9/4) = 3 replicas = 12 GPUs.
    s.models[0].pricing = Some(hosted(9, 1.0, 4, 0));
    assert_eq!(project(&s).months[0].gpus, 12.0);

    // v1 sizing: max(min, ceil(average)) = max(1, 3) = 3.
    s.models[0].pricing = Some(hosted(1, 1.0, 1, 0));
    assert_eq!(project(&s).months[0].gpus, 3.0);
}

#[test]
fn month_gpus_sum_the_self_hosted_models_and_are_zero_without_any() {
    let mut s = plan();
    s.workload.requests_per_day = 73.0;
    s.workload.input_tokens = 3600.0;
    s.models = vec![
        entry("h1", 50.0, hosted(0, 1.0, 1, 0)), // 1,095 GPU-hours → 2 GPUs
        entry("h2", 25.0, hosted(0, 1.0, 2, 1)), // 547.5 → ceil(0.375) = 1 + 1 spare → 4 GPUs
        entry("a", 25.0, api(1.0, 0.0)),
    ];
    assert_eq!(project(&s).months[0].gpus, 6.0);
    assert_eq!(project(&plan()).months[0].gpus, 0.0);
}

#[test]
fn base_error_rate_weights_per_model_rates_by_share() {
    let mut s = plan();
    s.risk.error_rate_pct = 2.0;
    s.risk.cost_per_uncaught_error = 10.0;
    s.models = vec![
        entry("a", 75.0, api(0.0, 0.0)),
        entry("b", 25.0, api(0.0, 0.0)),
    ];
    s.models[0].error_rate_pct = Some(4.0);
    // 0.75 × 4 + 0.25 × 2 (b falls back to the plan's rate) = 3.5 %
    close(base_error_rate(&s), 3.5, "e_base");
    let p = project(&s);
    close(p.months[0].error_rate_pct, 3.5, "err_1");
    // no review: 3000 × 3.5 % × $10
    close(p.months[0].errors, 1050.0, "errors");
}

#[test]
fn base_error_rate_divides_by_the_sum_of_shares() {
    let mut s = plan();
    s.models = vec![
        entry("a", 60.0, api(0.0, 0.0)),
        entry("b", 40.005, api(0.0, 0.0)),
    ];
    s.models[0].error_rate_pct = Some(1.0);
    s.models[1].error_rate_pct = Some(1.0);
    // Shares sum to 100.005 (within the tolerance): the mean of equal rates is that rate.
    close(base_error_rate(&s), 1.0, "e_base");
}

#[test]
fn the_error_rate_drifts_and_each_model_update_resets_it() {
    let mut s = plan();
    s.horizon_months = 7;
    s.risk.error_rate_pct = 2.0;
    s.risk.drift_pct_per_month = 10.0;
    s.change.model_updates_per_year = 4.0; // P = 3
    let p = project(&s);
    let expected = [2.0, 2.2, 2.42, 2.0, 2.2, 2.42, 2.0];
    for (m, e) in expected.iter().enumerate() {
        close(p.months[m].error_rate_pct, *e, "err_m");
    }
    // No updates: it keeps drifting, 2 × 1.1^6 in month 7.
    s.change.model_updates_per_year = 0.0;
    close(
        project(&s).months[6].error_rate_pct,
        2.0 * 1.771561,
        "err_7 without resets",
    );
}

#[test]
fn a_negative_drift_decays_the_rate() {
    let mut s = plan();
    s.risk.error_rate_pct = 4.0;
    s.risk.drift_pct_per_month = -50.0;
    let p = project(&s);
    close(p.months[2].error_rate_pct, 1.0, "4 × 0.5²");
}

#[test]
fn the_drifted_rate_is_capped_at_100_percent() {
    let mut s = plan();
    s.risk.error_rate_pct = 60.0;
    s.risk.drift_pct_per_month = 100.0;
    s.risk.cost_per_uncaught_error = 1.0;
    let p = project(&s);
    assert_eq!(p.months[0].error_rate_pct, 60.0);
    assert_eq!(p.months[1].error_rate_pct, 100.0);
    close(p.months[1].errors, 3000.0, "every request wrong, $1 each");
}

#[test]
fn the_update_period_rounds_12_over_updates_to_whole_months() {
    assert_eq!(update_period(0.0), None);
    assert_eq!(update_period(4.0), Some(3));
    assert_eq!(update_period(5.0), Some(2)); // floor(2.4 + 0.5)
    assert_eq!(update_period(8.0), Some(2)); // floor(1.5 + 0.5)
    assert_eq!(update_period(0.5), Some(24));
    assert_eq!(update_period(30.0), Some(1)); // floor(0.9) = 0 → at least 1
}

#[test]
fn severity_tiers_replace_the_single_cost_per_error() {
    let mut s = plan();
    s.risk.error_rate_pct = 1.0;
    s.risk.cost_per_uncaught_error = 1000.0;
    s.risk.error_costs = common::error_costs(&[("minor", 80.0, 5.0), ("refund", 20.0, 100.0)]);
    // C = 0.8 × 5 + 0.2 × 100 = 24; 30 uncaught errors × 24
    close(s.risk.cost_per_error(), 24.0, "C");
    close(project(&s).months[0].errors, 720.0, "errors");
}

#[test]
fn errors_avoided_and_realization_make_up_the_value() {
    let mut s = plan();
    s.risk.cost_per_uncaught_error = 24.0;
    s.value.baseline_error_rate_pct = 3.0;
    s.value.minutes_saved_per_request = 6.0;
    s.value.labour_hourly_cost = 40.0;
    s.value.realization_pct = 50.0;
    s.horizon_months = 2;
    let p = project(&s);
    // avoided: 3000 × 3 % × $24 = 2160; labour: 3000 × 6/60 × $40 × 50 % = 6000
    close(p.months[0].errors_avoided, 2160.0, "errors_avoided_1");
    close(p.months[0].value, 8160.0, "value_1");
    close(p.totals.errors_avoided, 4320.0, "errors_avoided total");
    close(p.totals.value, 16_320.0, "value total");
}

#[test]
fn npv_discounts_each_month_from_the_start_of_the_build() {
    let mut s = plan();
    s.horizon_months = 3;
    s.build.initial_cost = 1000.0;
    s.build.months = 2;
    s.value.minutes_saved_per_request = 1.0;
    s.value.labour_hourly_cost = 20.0; // 3000 × 1/60 × 20 = $1,000 a month, no costs
    s.value.discount_rate_pct_per_year = 12.682503013196978; // r = 1 % a month
    let t = project(&s).totals;
    // −1000 + 1000/1.01³ + 1000/1.01⁴ + 1000/1.01⁵
    close(t.npv, 1883.0361800172, "npv");
    // Payback in month 1 of operation, month 3 counted from the start of the build.
    assert_eq!(t.payback_month, Some(1));
    assert_eq!(t.payback_month_from_start, Some(3));

    // Without a discount rate the NPV is the plain net.
    s.value.discount_rate_pct_per_year = 0.0;
    let t = project(&s).totals;
    close(t.npv, 2000.0, "undiscounted npv");
    close(t.npv, t.net, "npv = net");
}

#[test]
fn payback_from_start_is_null_without_payback() {
    let mut s = plan();
    s.build.initial_cost = 1000.0;
    s.build.months = 4;
    let t = project(&s).totals;
    assert_eq!(t.payback_month, None);
    assert_eq!(t.payback_month_from_start, None);
}

#[test]
fn upkeep_is_maintenance_plus_change_a_year_over_the_build_cost() {
    let mut s = plan();
    s.horizon_months = 7;
    s.build.initial_cost = 100_000.0;
    s.build.maintenance_pct_per_year = 18.0; // 1,500 a month
    s.change.model_updates_per_year = 4.0;
    s.change.retune_cost_per_update = 15_000.0; // 5,000 a month
    // (1500 + 5000) × 12 / 100000 = 78 % a year, whatever the horizon
    let t = project(&s).totals;
    close(t.upkeep_pct_of_build_per_year.unwrap(), 78.0, "upkeep");
    s.build.initial_cost = 0.0;
    assert_eq!(project(&s).totals.upkeep_pct_of_build_per_year, None);
}

#[test]
fn the_json_report_carries_the_new_keys_with_nulls_where_the_spec_says() {
    let mut s = plan();
    s.workload.ramp_months = 2;
    s.workload.ramp_start_pct = 50.0;
    s.build.months = 3;
    s.oversight.owner_fte = 1.0;
    s.oversight.owner_annual_cost = 1200.0; // a cost and no value: no payback
    let p = project(&s);
    let v: serde_json::Value =
        serde_json::from_str(&runcost::report::json::render(&s, &p).unwrap()).unwrap();
    let m = &v["months"][0];
    assert_eq!(m["adoption_pct"], 50.0);
    assert_eq!(m["error_rate_pct"], 0.0);
    assert_eq!(m["errors_avoided"], 0.0);
    assert_eq!(m["gpus"], 0.0);
    let t = &v["totals"];
    assert_eq!(t["npv"], -1200.0); // 12 months × −$100
    assert_eq!(t["errors_avoided"], 0.0);
    assert!(t["payback_month_from_start"].is_null(), "{t}");
    assert!(t["upkeep_pct_of_build_per_year"].is_null(), "{t}");
    // With a build cost and payback: numbers.
    s.build.initial_cost = 100.0;
    s.build.maintenance_pct_per_year = 12.0;
    s.value.minutes_saved_per_request = 1.0;
    s.value.labour_hourly_cost = 60.0;
    let p = project(&s);
    let v: serde_json::Value =
        serde_json::from_str(&runcost::report::json::render(&s, &p).unwrap()).unwrap();
    assert_eq!(v["totals"]["payback_month_from_start"], 4);
    close(
        v["totals"]["upkeep_pct_of_build_per_year"]
            .as_f64()
            .unwrap(),
        12.0,
        "upkeep",
    );
}
