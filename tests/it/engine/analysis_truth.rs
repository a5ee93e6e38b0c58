//! The analyses say something true: break-even never weighs a model the plan
//! already self-hosts against itself, the payback sentence never asks for a
//! negative number of minutes, and every row of the tornado (and of the
//! tables that list inputs) names whose input it is, once.

use crate::common;
use crate::common::{EXAMPLES, stdout as text};

use std::collections::HashSet;

use common::{builtin, fixture, load, runcost, scenario};
use runcost::model::analysis::breakeven::{
    Against, MinutesToPayBack, NoTimeValue, hosting, minutes_to_pay_back,
};
use runcost::model::analysis::sensitivity::sensitivity;
use runcost::model::fields::Field;
use runcost::model::{InfraItem, ModelEntry, Pricing, Scenario, project};
use runcost::report::breakeven::{breakeven_text, payback_sentence};

// ---------------------------------------------------------------------------
// Break-even: an option the plan already uses.
// ---------------------------------------------------------------------------

#[test]
fn breakeven_on_the_self_hosted_example_does_not_compare_its_model_with_itself() {
    // The self-hosted support plan as it shipped before version 3, on a
    // listed model (today's example sizes a model of its own).
    let file = fixture("fuzz/support-self-hosted.ron");
    let out = text(&runcost(&["breakeven", file.to_str().unwrap()]));
    assert!(!out.contains("$865,708, the mix $865,708"), "{out}");
    let line = out
        .lines()
        .find(|l| l.contains("llama-3.3-70b-4xh100 "))
        .expect("the plan's own model is listed");
    assert_eq!(
        line.trim(),
        "Not compared: llama-3.3-70b-4xh100 is what the plan already self-hosts (100.0 % of the traffic), and the plan has no API model to weigh it against."
    );
    // Listed apart: after the options that are compared.
    let others = out.find("llama-3.3-70b-4xh100-aws").unwrap();
    assert!(out.find(line).unwrap() > others, "{out}");
    // The client report does not offer it as a break-even either.
    let s = load(&file);
    let md = runcost::report::client::markdown(&s, &project(&s), &builtin(), "2026-12-07");
    assert!(
        !md.contains("llama-3.3-70b-4xh100 and the plan's model mix"),
        "{md}"
    );
}

#[test]
fn no_example_weighs_an_option_it_uses_against_a_mix_that_contains_it() {
    let catalog = builtin();
    for name in EXAMPLES {
        let s = scenario(name);
        for h in hosting(&s, &catalog) {
            let uses = s
                .models
                .iter()
                .any(|m| m.id == h.option && m.share_pct > 0.0);
            assert_eq!(uses, h.against != Against::Mix, "{name}: {}", h.option);
            assert_eq!(uses, h.plan_share_pct > 0.0, "{name}: {}", h.option);
            if h.against == Against::Nothing {
                assert!(h.requests_per_day.is_none() && h.cheaper_above.is_none());
            }
        }
    }
}

#[test]
fn an_option_the_plan_self_hosts_in_part_is_weighed_against_its_api_models_alone() {
    // The spec's support assistant: gpt-5-mini for 80 %, Llama 3.1 8B on an
    // H100 for 20 %.
    let s = load(&fixture("spec/support-assistant.ron"));
    let catalog = builtin();
    let found = hosting(&s, &catalog);
    let h = common::hosted(&found, "llama-3.1-8b-h100");
    assert_eq!(h.against, Against::ApiModels);
    assert_eq!(h.plan_share_pct, 20.0);
    let rpd = h.requests_per_day.expect("a break-even volume");
    // All traffic on the option against all of it on the API models.
    let option = catalog.model("llama-3.1-8b-h100").unwrap();
    let at = |v: f64, hosted: bool| {
        let mut x = s.clone();
        x.workload.requests_per_day = v;
        if hosted {
            x.models = vec![ModelEntry::sole(
                option.id.clone(),
                Some(option.pricing.clone()),
            )];
        } else {
            x.models
                .retain(|m| matches!(m.pricing, Some(Pricing::Api(_))));
            x.models[0].share_pct = 100.0;
        }
        project(&x).totals.inference
    };
    // Whole GPUs make the costs step: the break-even is where the sign
    // changes, just below and just above it.
    let (below, above) = (rpd * (1.0 - 1e-9), rpd * (1.0 + 1e-9));
    assert!(at(below, true) > at(below, false), "below: the APIs");
    assert!(at(above, true) < at(above, false), "above: self-hosted");
    common::close(
        h.plan_inference,
        at(s.workload.requests_per_day, false),
        "API side",
    );
    let text = breakeven_text(&s, &found, minutes_to_pay_back(&s), None);
    let line = text
        .lines()
        .find(|l| l.contains("llama-3.1-8b-h100"))
        .unwrap();
    assert!(
        line.contains("already self-hosted for 20.0 % of the traffic; against the plan's API models alone: break-even at"),
        "{line}"
    );
    // An option at 0 % of the mix is an option like any other.
    let mut zero = s.clone();
    zero.models[1].share_pct = 0.0;
    zero.models[0].share_pct = 100.0;
    let h = common::hosted(&hosting(&zero, &catalog), "llama-3.1-8b-h100").clone();
    assert_eq!(h.against, Against::Mix);
}

// ---------------------------------------------------------------------------
// The payback sentence.
// ---------------------------------------------------------------------------

#[test]
fn plans_that_pay_back_on_errors_avoided_alone_say_so_instead_of_negative_minutes() {
    // Two examples with today's process erring more (within their ranges):
    // then the errors the system avoids cover the TCO on their own.
    for (name, was, now) in [
        (
            "doc-processing-scale",
            "baseline_error_rate_pct: 3.0,",
            "baseline_error_rate_pct: 5.0,",
        ),
        (
            "compliance-review",
            "baseline_error_rate_pct: 1.5,",
            "baseline_error_rate_pct: 3.0,",
        ),
    ] {
        let original =
            std::fs::read_to_string(common::root().join(format!("scenarios/{name}.ron"))).unwrap();
        let worse = original.replacen(was, now, 1);
        assert_ne!(
            worse, original,
            "{name}: the baseline moved; update this test"
        );
        let (_dir, file) = common::scratch_file("worse.ron", worse);
        let s = load(&file);
        let m = minutes_to_pay_back(&s);
        let MinutesToPayBack::ErrorsAvoidedAlone {
            errors_avoided,
            tco,
        } = m
        else {
            panic!("{name}: {m:?}")
        };
        assert!(errors_avoided >= tco);
        // True: with no minute saved at all it still pays back.
        let mut none = s.clone();
        none.value.minutes_saved_per_request = 0.0;
        let p = project(&none);
        assert!(p.totals.net >= 0.0, "{name}: {}", p.totals.net);
        assert!(p.totals.payback_month.is_some());
        let out = text(&runcost(&["breakeven", file.to_str().unwrap()]));
        assert!(
            out.contains("on the errors it avoids alone, even if no request saves a minute"),
            "{out}"
        );
        assert!(
            !out.contains("at least −") && !out.contains("at least -"),
            "{out}"
        );
    }
}

#[test]
fn no_example_is_told_a_negative_or_impossible_number_of_minutes() {
    let catalog = builtin();
    for (name, s) in common::named_examples(&EXAMPLES) {
        let m = minutes_to_pay_back(&s);
        if let Some(x) = m.minutes() {
            assert!(x >= 0.0, "{name}: {m:?}");
        }
        let text = breakeven_text(&s, &hosting(&s, &catalog), m, None);
        assert!(!text.contains("at least −"), "{name}: {text}");
        let json =
            runcost::report::breakeven::breakeven_json(&hosting(&s, &catalog), m, None).unwrap();
        let v: serde_json::Value = serde_json::from_str(&json).unwrap();
        assert!(
            v["minutes_saved_to_pay_back"]
                .as_f64()
                .is_some_and(|x| x >= 0.0)
        );
        assert!(v["payback"]["finding"].is_string());
    }
}

fn payback_of(s: &Scenario) -> (MinutesToPayBack, String) {
    let m = minutes_to_pay_back(s);
    (m, payback_sentence(s, m, "Pays back"))
}

#[test]
fn every_case_of_the_payback_sentence_says_what_is_true() {
    // Enough minutes: the figure, and that many minutes break even exactly.
    let s = scenario("support-assistant");
    let (m, said) = payback_of(&s);
    let MinutesToPayBack::AtLeast { minutes } = m else {
        panic!("{m:?}")
    };
    let printed = runcost::numbers::number_up(minutes, 2);
    assert!(
        said.starts_with(&format!(
            "Pays back within 12 months if each request saves at least {printed} minutes"
        )),
        "{said}"
    );
    let mut x = s.clone();
    x.value.minutes_saved_per_request = minutes;
    assert!(project(&x).totals.net.abs() < 1e-6 * project(&x).totals.tco);
    // Rounded up: one hundredth of a minute less does not pay back.
    x.value.minutes_saved_per_request = printed.parse::<f64>().unwrap() - 0.01;
    assert!(project(&x).totals.net < 0.0, "{said}");

    // A team too small for its saved hours to cover the TCO, however many
    // minutes a request saves: said, not a figure that would not pay back.
    let mut small = s.clone();
    small.value.team_fte = Some(0.05);
    let (m, said) = payback_of(&small);
    let MinutesToPayBack::TeamCannotCover {
        team_fte,
        most_time_value,
        uncovered,
    } = m
    else {
        panic!("{m:?}")
    };
    assert_eq!(team_fte, 0.05);
    assert!(most_time_value < uncovered);
    assert!(
        said.contains("however many minutes a request saves") && said.contains("0.05 FTE"),
        "{said}"
    );
    let mut all_day = small.clone();
    all_day.value.minutes_saved_per_request = 10_000.0;
    assert!(project(&all_day).totals.net < 0.0, "{said}");
    // A team large enough, but capped in some months: the figure is the
    // engine's own break-even, above the uncapped one.
    let uncapped = minutes;
    let peak_hours = project(&s)
        .months
        .iter()
        .map(|m| m.requests * s.value.realization_pct / 100.0 / 60.0)
        .fold(0.0, f64::max);
    let mut capped = s.clone();
    // A team whose hours the peak month more than fills at the uncapped minutes.
    capped.value.team_fte =
        Some(peak_hours * uncapped * 0.8 / s.oversight.productive_hours_per_month);
    let (m, said) = payback_of(&capped);
    let MinutesToPayBack::AtLeast { minutes } = m else {
        panic!("{m:?}")
    };
    assert!(minutes > uncapped, "{minutes} vs {uncapped}");
    let mut at = capped.clone();
    at.value.minutes_saved_per_request = minutes;
    assert!(
        project(&at).totals.net.abs() < 1e-6 * project(&at).totals.tco,
        "{said}"
    );

    // No labour cost, errors avoided short of the TCO: saved time is worth nothing.
    let mut free = s.clone();
    free.value.labour_hourly_cost = 0.0;
    let (m, said) = payback_of(&free);
    assert_eq!(
        m,
        MinutesToPayBack::NoTimeValue {
            why: NoTimeValue::NoLabourCost
        }
    );
    assert_eq!(
        said,
        "Saved time does not pay it back within 12 months: the labour cost saved (value.labour_hourly_cost) is 0."
    );
    // None of it realised.
    let mut unrealised = s.clone();
    unrealised.value.realization_pct = 0.0;
    assert!(
        payback_of(&unrealised)
            .1
            .contains("none of the saved time is realised")
    );
    // No requests at all.
    let mut idle = s.clone();
    idle.workload.requests_per_day = 0.0;
    assert!(payback_of(&idle).1.ends_with("the plan has no requests."));

    // No labour cost, but today's errors avoided cover the TCO: that is
    // what pays it back, not "no payback".
    let mut errors = scenario("compliance-review");
    errors.value.baseline_error_rate_pct = 3.0;
    errors.value.labour_hourly_cost = 0.0;
    assert!(matches!(
        payback_of(&errors).0,
        MinutesToPayBack::ErrorsAvoidedAlone { .. }
    ));

    // Labour worth a tenth of a cent an hour: more minutes than a plan may say.
    // (With no team to cap it: the team's hours would be what falls short.)
    let mut cheap = s.clone();
    cheap.value.labour_hourly_cost = 0.001;
    assert!(matches!(
        payback_of(&cheap).0,
        MinutesToPayBack::TeamCannotCover { .. }
    ));
    cheap.value.team_fte = None;
    let (m, said) = payback_of(&cheap);
    let MinutesToPayBack::BeyondBound { minutes, most } = m else {
        panic!("{m:?}")
    };
    assert!(minutes > most && most == 10_000.0);
    assert_eq!(
        said,
        "Saved time does not pay it back within 12 months: each request would have to save more than 10,000 minutes (the plan assumes 5)."
    );

    // A plan that costs nothing has nothing to pay back.
    let zero = common::zero_plan();
    let (_, said) = payback_of(&zero);
    assert!(
        said == "Nothing to pay back: the plan costs nothing over 12 months."
            || said.contains("no requests"),
        "{said}"
    );
    let mut zero = zero;
    zero.workload.requests_per_day = 100.0;
    zero.value.labour_hourly_cost = 30.0;
    zero.value.realization_pct = 100.0;
    assert_eq!(
        payback_of(&zero).1,
        "Nothing to pay back: the plan costs nothing over 12 months."
    );
}

// ---------------------------------------------------------------------------
// Row labels: unique, and saying whose input each is.
// ---------------------------------------------------------------------------

/// A plan whose lines share names and whose tiers name themselves.
fn shared_names() -> Scenario {
    let mut s = scenario("compliance-review");
    let first = s.infrastructure[0].clone();
    s.infrastructure.push(InfraItem {
        monthly: first.monthly + 1.0,
        ..first
    });
    s.infrastructure.push(InfraItem {
        name: String::new(),
        monthly: 5.0,
        per_thousand_requests: 0.0,
    });
    s
}

#[test]
fn every_sensitivity_row_and_every_input_label_is_unique_and_names_its_owner() {
    let mut plans: Vec<(String, Scenario)> = EXAMPLES
        .iter()
        .map(|n| (n.to_string(), scenario(n)))
        .collect();
    plans.push(("shared names".into(), shared_names()));
    for (name, s) in &plans {
        let mut seen = HashSet::new();
        for f in Field::all(s) {
            let label = f.label_in(s);
            assert!(seen.insert(label.clone()), "{name}: {label:?} twice");
            match f {
                Field::Tier(j, _) => assert!(
                    label.starts_with(&format!("Severity tier {}: ", s.risk.error_costs[j].name)),
                    "{name}: {label}"
                ),
                Field::Model(i, _) => {
                    assert!(label.starts_with(&format!("{}: ", s.models[i].id)))
                }
                Field::Infra(..) | Field::Tool(..) | Field::Person(..) | Field::PriceStep(..) => {
                    assert!(label.contains(": "), "{label}")
                }
                Field::Plan(_) => assert_eq!(label, f.label()),
            }
        }
        let rows: Vec<String> = sensitivity(s, 20.0).into_iter().map(|w| w.label).collect();
        let unique: HashSet<&String> = rows.iter().collect();
        assert_eq!(unique.len(), rows.len(), "{name}: {rows:?}");
    }
    let s = shared_names();
    let labels: Vec<String> = Field::all(&s)
        .into_iter()
        .filter(|f| matches!(f, Field::Infra(..)))
        .map(|f| f.label_in(&s))
        .collect();
    let n = s.infrastructure.len();
    let name = &s.infrastructure[0].name;
    assert!(labels.contains(&format!("{name} (infrastructure line 1): monthly fixed")));
    assert!(labels.contains(&format!(
        "{name} (infrastructure line {}): monthly fixed",
        n - 1
    )));
    assert!(labels.contains(&format!("Infrastructure line {n}: monthly fixed")));
}

#[test]
fn the_sensitivity_cli_names_each_severity_tier() {
    let file = common::root().join("scenarios/compliance-review.ron");
    let s = scenario("compliance-review");
    assert!(s.risk.error_costs.len() >= 3);
    for format in ["table", "csv", "md", "json"] {
        let out = text(&runcost(&[
            "sensitivity",
            "-f",
            format,
            file.to_str().unwrap(),
        ]));
        // A tier at share 0 (the enforcement tail, kept for a case) moves
        // nothing, so the table leaves it out like every flat input.
        for t in s.risk.error_costs.iter().filter(|t| t.share_pct > 0.0) {
            assert!(
                out.contains(&format!("Severity tier {}: cost per error", t.name)),
                "{format}: {} missing\n{out}",
                t.name
            );
        }
        let bare = out
            .lines()
            .filter(|l| {
                let l = l.trim_start_matches(['|', ' ', '"']);
                l.starts_with("Cost per error") || l.starts_with("label\": \"Cost per error")
            })
            .count();
        assert_eq!(bare, 0, "{format}: a bare \"Cost per error\" row\n{out}");
    }
}

#[test]
fn the_assumptions_table_and_the_comparison_name_each_tier_too() {
    let s = scenario("compliance-review");
    let md = runcost::report::markdown::render(&s, &project(&s), "2026-11-28");
    for t in &s.risk.error_costs {
        assert!(
            md.contains(&format!("Severity tier {} — Cost per error", t.name)),
            "{}\n{md}",
            t.name
        );
    }
    let mut other = s.clone();
    for t in &mut other.risk.error_costs {
        t.cost *= 2.0;
    }
    let diffs = runcost::model::compare::differences(&[&s, &other]);
    let labels: Vec<&str> = diffs.iter().map(|d| d.label.as_str()).collect();
    let unique: HashSet<&&str> = labels.iter().collect();
    assert_eq!(unique.len(), labels.len(), "{labels:?}");
    assert!(
        labels.iter().all(|l| l.starts_with("Severity tier ")),
        "{labels:?}"
    );
}
