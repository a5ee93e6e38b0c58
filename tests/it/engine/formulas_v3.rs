//! The version-3 formulas of spec §6, one edge at a time, each against the
//! formula worked by hand: commitments on a zero share, uplifts, cache
//! reads and writes filling the whole input, a team cap of 0, people lines
//! that start late or end early, falling salaries, price steps in the first
//! and the last month, a ceiling below today's volume, flagged review,
//! prefill speed, and cases touching every settable input.

use crate::common::{self, close, entry};
use runcost::model::cases::{plan_of, project_cases};
use runcost::model::fields::Field;
use runcost::model::scenario::{Case, CaseValue};
use runcost::model::{
    ApiPricing, Person, PriceJump, Pricing, Scenario, SelfHostedPricing, Tool, project, validate,
};

/// 1,000 requests a day for 30 days on one API model: 1,000 input tokens
/// at $2/M and 200 output at $10/M, $0.004 a call, $120 a month.
fn base() -> Scenario {
    let mut s = Scenario::minimal(
        "v3",
        entry(
            "m",
            100.0,
            Pricing::Api(ApiPricing {
                input_per_mtok: 2.0,
                cached_input_per_mtok: Some(0.2),
                cache_write_per_mtok: Some(2.5),
                output_per_mtok: 10.0,
                ..ApiPricing::default()
            }),
        ),
    );
    s.workload.requests_per_day = 1000.0;
    s.workload.input_tokens = 1000.0;
    s.workload.output_tokens = 200.0;
    s
}

fn month_inference(s: &Scenario, m: usize) -> f64 {
    project(s).months[m - 1].inference
}

#[test]
fn the_base_costs_what_the_spec_says() {
    let s = base();
    assert!(validate(&s).is_empty(), "{:?}", validate(&s));
    close(month_inference(&s, 1), 120.0, "month 1");
    // A cache-write price is a version-3 field; without it the plan is
    // the version-1 plan it always was.
    assert_eq!(s.format_version(), 3);
    let mut older = s.clone();
    if let Some(Pricing::Api(a)) = &mut older.models[0].pricing {
        a.cache_write_per_mtok = None;
    }
    assert_eq!(older.format_version(), 1);
    assert_eq!(project(&older).totals, project(&s).totals);
}

#[test]
fn a_zero_share_with_a_commitment_costs_the_commitment_and_sizes_no_gpus() {
    let mut s = base();
    let mut hosted = entry(
        "h",
        0.0,
        Pricing::SelfHosted(SelfHostedPricing {
            gpu_hourly: 2.0,
            tokens_per_second_per_gpu: 1000.0,
            utilization_pct: 50.0,
            min_gpus: 2,
            ..SelfHostedPricing::default()
        }),
    );
    hosted.commitment_monthly = 5000.0;
    s.models.push(hosted);
    let p = project(&s);
    close(p.months[0].inference, 120.0 + 5000.0, "inference");
    assert_eq!(p.months[0].gpus, 0.0, "a zero share runs no GPU");
    close(p.model_month(1, 1).cost, 5000.0, "the commitment alone");
    // Above the commitment the traffic's own cost is billed.
    s.models[0].commitment_monthly = 100.0;
    close(project(&s).months[0].inference, 120.0 + 5000.0, "120 > 100");
    s.models[0].commitment_monthly = 200.0;
    close(project(&s).months[0].inference, 200.0 + 5000.0, "200 > 120");
    assert_eq!(s.format_version(), 3);
}

#[test]
fn a_discount_below_zero_is_an_uplift_and_needs_version_3() {
    let mut s = base();
    s.models[0].discount_pct = -10.0;
    assert!(validate(&s).is_empty(), "{:?}", validate(&s));
    close(month_inference(&s, 1), 132.0, "10 % more");
    assert_eq!(s.format_version(), 3);
    s.models[0].discount_pct = -100.0;
    close(month_inference(&s, 1), 240.0, "double");
    s.models[0].discount_pct = -100.5;
    let problems = validate(&s);
    assert!(
        problems
            .iter()
            .any(|p| p.path == "models[0].discount_pct" && p.allowed.contains("-100")),
        "{problems:?}"
    );
}

#[test]
fn cache_reads_and_writes_can_fill_the_whole_input_but_not_more() {
    let mut s = base();
    s.workload.cached_input_pct = 60.0;
    s.workload.cache_write_pct = 40.0;
    assert!(validate(&s).is_empty(), "{:?}", validate(&s));
    // 600 read at $0.2, 400 written at $2.5, none at the input price.
    let per_call = (600.0 * 0.2 + 400.0 * 2.5 + 200.0 * 10.0) / 1e6;
    close(
        month_inference(&s, 1),
        30_000.0 * per_call,
        "reads + writes",
    );
    // No write price of its own: the input price.
    if let Some(Pricing::Api(a)) = &mut s.models[0].pricing {
        a.cache_write_per_mtok = None;
    }
    let per_call = (600.0 * 0.2 + 400.0 * 2.0 + 200.0 * 10.0) / 1e6;
    close(month_inference(&s, 1), 30_000.0 * per_call, "input price");
    s.workload.cache_write_pct = 40.5;
    let problems = validate(&s);
    assert!(
        problems
            .iter()
            .any(|p| p.path == "workload.cache_write_pct" && p.allowed.contains("at most 40")),
        "{problems:?}"
    );
}

#[test]
fn a_team_cap_of_zero_leaves_no_time_value() {
    let mut s = base();
    s.value.minutes_saved_per_request = 6.0;
    s.value.labour_hourly_cost = 50.0;
    let p = project(&s);
    // 30,000 requests × 0.1 h = 3,000 h a month, $150,000, 3000/140 FTE.
    close(p.months[0].time_value, 150_000.0, "uncapped");
    close(p.months[0].fte_saved, 3000.0 / 140.0, "fte");
    s.value.team_fte = Some(0.0);
    let p = project(&s);
    assert_eq!(p.months[0].time_value, 0.0);
    assert_eq!(p.totals.peak_fte_saved, 0.0);
    assert_eq!(p.totals.value, p.totals.errors_avoided);
    // A team of 10 caps the hours at 1,400 a month.
    s.value.team_fte = Some(10.0);
    let p = project(&s);
    close(p.months[0].time_value, 1400.0 * 50.0, "capped");
    close(p.totals.peak_fte_saved, 10.0, "ten people at most");
    assert_eq!(s.format_version(), 3);
}

#[test]
fn people_are_paid_only_in_their_months_and_raises_compound_yearly() {
    let mut s = base();
    s.people = vec![
        Person {
            role: "Security review".into(),
            fte: 1.0,
            annual_cost: 120_000.0,
            from_month: 4,
            until_month: Some(6),
        },
        Person {
            role: "Evaluation".into(),
            fte: 0.5,
            annual_cost: 144_000.0,
            from_month: 1,
            until_month: None,
        },
    ];
    assert!(validate(&s).is_empty(), "{:?}", validate(&s));
    let p = project(&s);
    let people: Vec<f64> = p.months.iter().map(|m| m.people).collect();
    close(people[0], 6000.0, "month 1: evaluation only");
    close(people[3], 16_000.0, "month 4: both");
    close(people[5], 16_000.0, "month 6: both");
    close(people[6], 6000.0, "month 7: security ended");
    close(p.totals.people, 12.0 * 6000.0 + 3.0 * 10_000.0, "total");
    assert_eq!(p.months[0].cash, p.months[0].total - p.months[0].errors);
    // Salaries that fall 10 % a year: w_m = 0.9^((m−1)/12), on people and
    // on oversight alike.
    s.oversight.salary_growth_pct_per_year = -10.0;
    s.oversight.owner_fte = 1.0;
    s.oversight.owner_annual_cost = 120_000.0;
    let p = project(&s);
    let w12 = 0.9f64.powf(11.0 / 12.0);
    close(p.months[11].people, 6000.0 * w12, "people, month 12");
    close(p.months[11].oversight, 10_000.0 * w12, "owner, month 12");
    close(p.months[0].oversight, 10_000.0, "month 1 is not raised");
    // A role ending before it starts, or after the horizon, is refused.
    s.people[0].until_month = Some(3);
    let problems = validate(&s);
    assert!(
        problems.iter().any(|p| p.path == "people[0].until_month"),
        "{problems:?}"
    );
    s.people[0].until_month = Some(13);
    assert!(
        validate(&s)
            .iter()
            .any(|p| p.path == "people[0].until_month" && p.allowed.contains("at most 12"))
    );
}

#[test]
fn price_steps_in_the_first_and_the_last_month() {
    let mut s = base();
    s.change.price_steps = vec![
        PriceJump {
            month: 1,
            pct: 20.0,
        },
        PriceJump {
            month: 12,
            pct: -50.0,
        },
    ];
    assert!(validate(&s).is_empty(), "{:?}", validate(&s));
    let p = project(&s);
    close(p.months[0].inference, 144.0, "month 1 at +20 %");
    close(p.months[10].inference, 144.0, "month 11 still");
    close(p.months[11].inference, 72.0, "month 12 halves it");
    // Steps out of order or past the horizon are refused.
    s.change.price_steps[1].month = 1;
    assert!(
        validate(&s)
            .iter()
            .any(|p| p.path == "change.price_steps[1].month")
    );
    s.change.price_steps = vec![PriceJump {
        month: 13,
        pct: 5.0,
    }];
    assert!(
        validate(&s)
            .iter()
            .any(|p| p.path == "change.price_steps[0].month")
    );
    s.change.price_steps[0] = PriceJump {
        month: 3,
        pct: -100.0,
    };
    assert!(
        validate(&s)
            .iter()
            .any(|p| p.path == "change.price_steps[0].pct")
    );
}

#[test]
fn a_ceiling_below_todays_volume_holds_every_month() {
    let mut s = base();
    s.workload.monthly_growth_pct = 10.0;
    s.workload.max_requests_per_day = Some(500.0);
    let p = project(&s);
    for m in &p.months {
        close(m.requests, 15_000.0, "ceiling");
    }
    // Tool fees follow the requests.
    s.workload.tools = vec![Tool {
        name: "web search".into(),
        per_request: 2.0,
        price_per_thousand: 10.0,
    }];
    let p = project(&s);
    close(p.months[0].tools, 15_000.0 * 2.0 * 10.0 / 1000.0, "tools");
    close(
        p.totals.cash_run_cost,
        p.totals.run_cost - p.totals.errors,
        "cash",
    );
    s.workload.max_requests_per_day = Some(0.0);
    assert!(
        validate(&s)
            .iter()
            .any(|p| p.path == "workload.max_requests_per_day")
    );
}

#[test]
fn flagged_review_catches_the_recalls_share_of_wrong_answers() {
    let mut s = base();
    s.risk.error_rate_pct = 10.0;
    s.risk.review_catch_pct = 100.0;
    s.oversight.review_pct = 5.0;
    s.oversight.minutes_per_review = 1.0;
    // Random sample: 5 % of 3,000 wrong answers are caught.
    close(project(&s).months[0].uncaught_errors, 2850.0, "random");
    s.oversight.flagged_recall_pct = Some(60.0);
    let p = project(&s);
    close(p.months[0].uncaught_errors, 1200.0, "60 % recall");
    // Reviewers still follow the reviewed share.
    close(
        p.months[0].reviewer_fte_needed,
        1500.0 / 60.0 / 140.0,
        "need",
    );
}

#[test]
fn prefill_speed_sizes_gpus_on_input_and_output_separately() {
    let mut s = base();
    s.models[0].pricing = Some(Pricing::SelfHosted(SelfHostedPricing {
        gpu_hourly: 2.0,
        tokens_per_second_per_gpu: 10.0,
        utilization_pct: 100.0,
        ..SelfHostedPricing::default()
    }));
    // Decode speed on everything: 30,000 × 1,200 / 10 / 3600 = 1,000 GPU-h.
    close(project(&s).months[0].gpus, 2.0, "1000 h → 2 GPUs");
    if let Some(Pricing::SelfHosted(h)) = &mut s.models[0].pricing {
        h.input_tokens_per_second_per_gpu = Some(1000.0);
    }
    // 30,000 × (1,000/1,000 + 200/10) / 3600 = 175 GPU-h: 1 GPU.
    close(project(&s).months[0].gpus, 1.0, "prefill");
    assert_eq!(s.format_version(), 3);
}

#[test]
fn a_case_on_every_settable_input_equals_the_plan_with_it_set() {
    let mut s = common::scenario("support-assistant");
    s.people.push(Person {
        role: "Eval".into(),
        fte: 0.5,
        annual_cost: 150_000.0,
        from_month: 2,
        until_month: None,
    });
    s.workload.tools.push(Tool {
        name: "search".into(),
        per_request: 1.0,
        price_per_thousand: 5.0,
    });
    s.change.price_steps.push(PriceJump {
        month: 6,
        pct: 10.0,
    });
    let mut checked = 0;
    for f in Field::all(&s) {
        if f == Field::Horizon
            || matches!(
                f,
                Field::Model(_, runcost::model::fields::ModelField::Share)
            )
        {
            continue;
        }
        let Some(now) = f.get(&s) else { continue };
        // A value the input allows, away from the plan's.
        let v = f.stepped(now, 1.0, 1.0);
        let v = if v == now {
            f.stepped(now, -1.0, 1.0)
        } else {
            v
        };
        if v == now || f.check(v).is_err() {
            continue;
        }
        let case = Case {
            name: "probe".into(),
            set: vec![CaseValue {
                field: f.into(),
                value: v,
            }],
        };
        let mut direct = s.clone();
        assert!(f.set(&mut direct, v), "{}", f.path());
        if !validate(&direct).is_empty() {
            continue;
        }
        let via_case = plan_of(&s, &case).expect("the case applies");
        assert_eq!(
            project(&via_case).totals,
            project(&direct).totals,
            "{}",
            f.path()
        );
        let mut with_case = s.clone();
        with_case.cases = vec![case];
        assert!(
            validate(&with_case).is_empty(),
            "{}: {:?}",
            f.path(),
            validate(&with_case)
        );
        assert_eq!(project_cases(&with_case)[0].totals, project(&direct).totals);
        checked += 1;
    }
    assert!(checked > 40, "only {checked} inputs checked");
}

#[test]
fn cases_that_break_the_plan_are_refused_naming_the_case_and_the_field() {
    let mut s = base();
    let case = |field: &str, value: f64| Case {
        name: "Cautious".into(),
        set: vec![CaseValue {
            field: runcost::model::fields::Target::parse(field),
            value,
        }],
    };
    for (field, value, path) in [
        ("horizon_months", 24.0, "cases[0].set[0].field"),
        ("value.realization_pct", 150.0, "cases[0].set[0].value"),
        ("workload.no_such_input", 1.0, "cases[0].set[0].field"),
        ("models[3].share_pct", 10.0, "cases[0].set[0].field"),
        ("build.months", 1.5, "cases[0].set[0].value"),
        (
            "models[0].share_pct",
            50.0,
            "cases[0] (\"Cautious\"): models[].share_pct",
        ),
    ] {
        s.cases = vec![case(field, value)];
        let problems = validate(&s);
        assert!(
            problems.iter().any(|p| p.path == path),
            "{field} = {value}: {problems:?}"
        );
    }
    // While the plan itself is invalid, its cases do not repeat its problems.
    s.cases = vec![case("value.realization_pct", 50.0)];
    s.value.team_fte = Some(-1.0);
    let problems = validate(&s);
    assert_eq!(problems.len(), 1, "{problems:?}");
    assert_eq!(problems[0].path, "value.team_fte");
    s.value.team_fte = None;
    s.cases = (0..9)
        .map(|i| Case {
            name: format!("c{i}"),
            set: Vec::new(),
        })
        .collect();
    assert!(validate(&s).iter().any(|p| p.path == "cases"));
    s.cases = vec![
        case("value.realization_pct", 50.0),
        case("value.realization_pct", 40.0),
    ];
    assert!(validate(&s).iter().any(|p| p.path == "cases[1].name"));
    // A case that sets nothing is the plan again under another name.
    s.cases = vec![
        case("value.realization_pct", 50.0),
        Case {
            name: "Same".into(),
            set: Vec::new(),
        },
    ];
    let problems = validate(&s);
    let empty = problems
        .iter()
        .find(|p| p.path == "cases[1].set")
        .unwrap_or_else(|| panic!("{problems:?}"));
    assert_eq!(empty.value, "[]");
    assert!(
        empty.allowed.contains("at least one input"),
        "{}",
        empty.allowed
    );
}

#[test]
fn the_tornado_moves_a_version_3_input_only_where_the_plan_sets_it() {
    use runcost::model::analysis::sensitivity::drivers;
    use runcost::model::fields::PlanField;
    let mut s = base();
    s.value.minutes_saved_per_request = 6.0;
    s.value.labour_hourly_cost = 50.0;
    let optional = [
        Field::Plan(PlanField::TeamFte),
        Field::Plan(PlanField::MaxRequestsPerDay),
        Field::Plan(PlanField::FlaggedRecall),
    ];
    // Absent, each shows a stand-in (no cap, no ceiling, a random sample)
    // that the tornado must not take 20 % of.
    let d = drivers(&s);
    for f in optional {
        assert!(f.falls_back(&s) && !d.contains(&f), "{}", f.path());
    }
    s.value.team_fte = Some(10.0);
    s.workload.max_requests_per_day = Some(800.0);
    s.oversight.flagged_recall_pct = Some(30.0);
    let d = drivers(&s);
    for f in optional {
        assert!(d.contains(&f), "{}", f.path());
    }
}

#[test]
fn check_warns_of_a_recall_below_a_random_sample_and_of_a_lumpy_tier() {
    use runcost::model::validate::warnings;
    let mut s = base();
    s.oversight.review_pct = 20.0;
    s.oversight.flagged_recall_pct = Some(10.0);
    s.risk.error_costs =
        common::error_costs(&[("minor", 99.99, 5.0), ("ruin", 0.01, 50_000_000.0)]);
    let w = warnings(&s).join("\n");
    assert!(w.contains("oversight.flagged_recall_pct is 10 %"), "{w}");
    assert!(
        w.contains("risk.error_costs[1] (\"ruin\")") && w.contains("lumpy"),
        "{w}"
    );
    s.oversight.flagged_recall_pct = Some(40.0);
    s.risk.error_costs = common::error_costs(&[("minor", 90.0, 5.0), ("major", 10.0, 500.0)]);
    assert!(warnings(&s).is_empty(), "{:?}", warnings(&s));
}

#[test]
fn a_case_may_staff_reviewers_in_a_plan_that_sizes_them_automatically() {
    let mut s = base();
    s.oversight.review_pct = 10.0;
    s.oversight.minutes_per_review = 3.0;
    s.oversight.reviewer_annual_cost = 60_000.0;
    assert_eq!(s.oversight.reviewers, runcost::model::Reviewers::Auto);
    s.cases = vec![Case {
        name: "Two reviewers".into(),
        set: vec![CaseValue {
            field: runcost::model::fields::Target::parse("oversight.reviewers"),
            value: 2.0,
        }],
    }];
    assert!(validate(&s).is_empty(), "{:?}", validate(&s));
    let case = plan_of(&s, &s.cases[0]).unwrap();
    assert_eq!(
        case.oversight.reviewers,
        runcost::model::Reviewers::Fixed(2.0)
    );
    close(
        project_cases(&s)[0].totals.oversight,
        12.0 * 2.0 * 5000.0,
        "two reviewers a year",
    );
}
