//! Variants and comparison: in the workbench (messages in, state out), in the
//! model (self-comparison is neutral) and on the command line.

use crate::common;
use crate::common::example;

use std::path::PathBuf;

use common::ui::{ch, key as press, open, select, sized, typed};
use common::{builtin, root, runcost, scenario};
use proptest::prelude::*;
use runcost::app::keymap::{Key, KeyChord};
use runcost::app::rows::Row;
use runcost::app::{App, Effect, Mode, Msg, Pending};
use runcost::model::compare::{Figure, differences};
use runcost::model::fields::Field;
use runcost::model::project;

fn app() -> App {
    sized(
        open(
            scenario("support-assistant"),
            "/work/support.ron",
            Some("/plans"),
        ),
        160,
        48,
    )
}

fn raise_volume(a: &mut App) {
    select(a, Row::Field(Field::RequestsPerDay));
    press(a, Key::Right);
}

#[test]
fn a_variant_is_named_at_once_edited_and_proposed_next_to_the_original() {
    let mut a = app();
    ch(&mut a, 'v');
    assert_eq!(a.session.len(), 2);
    assert_eq!(a.session.active_index(), 1);
    assert!(
        matches!(a.mode(), Mode::Edit(_)),
        "the name is up for editing"
    );
    a.update(Msg::Key(KeyChord::ctrl('u')));
    typed(&mut a, "Support bot — mini model");
    press(&mut a, Key::Enter);
    assert_eq!(a.doc().plan.name, "Support bot — mini model");
    assert_eq!(
        a.doc().path,
        Some(PathBuf::from("/work/support-bot-mini-model.ron")),
        "next to the original, named after the variant"
    );
    assert!(a.doc().is_dirty(), "unsaved until saved");
    raise_volume(&mut a);
    assert_eq!(
        a.session.get(0).plan.workload.requests_per_day,
        2500.0,
        "the original is untouched"
    );
    assert_eq!(a.session.get(1).plan.workload.requests_per_day, 3000.0);
    assert_eq!(*a.session.projection(1), project(&a.session.get(1).plan));

    // Its first save never overwrites an existing file.
    let variant = a.session.id(1);
    let effects = a.update(Msg::Key(KeyChord::ctrl('s')));
    assert!(
        matches!(
            &effects[..],
            [Effect::Save {
                doc,
                create_new: true,
                ..
            }] if *doc == variant
        ),
        "{effects:?}"
    );
}

#[test]
fn compare_shows_the_open_plans_and_follows_edits_and_the_baseline() {
    let mut a = app();
    ch(&mut a, 'c');
    assert!(
        matches!(a.mode(), Mode::Normal),
        "one plan: nothing to compare"
    );
    assert!(
        a.status
            .as_ref()
            .unwrap()
            .text
            .contains("v makes a variant")
    );

    ch(&mut a, 'v');
    press(&mut a, Key::Enter);
    raise_volume(&mut a);
    ch(&mut a, 'c');
    let Mode::Compare(c) = a.mode() else {
        panic!("compare view")
    };
    assert_eq!(c.baseline, 0);
    assert_eq!(c.focus, 1, "the cursor starts on the plan being edited");
    assert!(
        c.differences
            .iter()
            .any(|d| d.path == "workload.requests_per_day")
    );
    assert!(
        !c.differences.iter().any(|d| d.path == "name"),
        "names are not inputs"
    );
    let tco_delta = Figure::Tco
        .delta(a.session.projection(0), a.session.projection(1))
        .unwrap();
    assert!(tco_delta.abs > 0.0);

    // Focus the baseline column, make it the baseline… the other one.
    press(&mut a, Key::Right);
    ch(&mut a, 'b');
    let Mode::Compare(c) = a.mode() else { panic!() };
    assert_eq!(c.baseline, 1);

    // Enter edits the focused plan; c comes back with the edit reflected.
    press(&mut a, Key::Left);
    press(&mut a, Key::Enter);
    assert!(matches!(a.mode(), Mode::Normal));
    assert_eq!(a.session.active_index(), 0);
    raise_volume(&mut a);
    ch(&mut a, 'c');
    let Mode::Compare(c) = a.mode() else { panic!() };
    assert!(
        !c.differences
            .iter()
            .any(|d| d.path == "workload.requests_per_day"),
        "both at 3,000 now: {:?}",
        c.differences.iter().map(|d| &d.path).collect::<Vec<_>>()
    );
    ch(&mut a, 'g');
    let Mode::Compare(c) = a.mode() else { panic!() };
    assert!(c.chart);
    press(&mut a, Key::Esc);
    assert!(matches!(a.mode(), Mode::Normal));
}

#[test]
fn plans_marked_in_the_browser_open_side_by_side() {
    let mut a = app();
    a.update(Msg::Key(KeyChord::ctrl('o')));
    let plans = [
        "support-assistant",
        "support-self-hosted",
        "compliance-review",
    ]
    .iter()
    .map(|n| {
        runcost::store::plans::summarize(
            &root().join(format!("scenarios/{n}.ron")),
            &builtin(),
            None,
        )
    })
    .collect();
    a.update(Msg::PlanList(plans));
    ch(&mut a, ' ');
    ch(&mut a, ' ');
    let effects = press(&mut a, Key::Enter);
    let [Effect::OpenMany(paths)] = &effects[..] else {
        panic!("{effects:?}")
    };
    assert_eq!(paths.len(), 2);
    let results = paths
        .iter()
        .map(|p| {
            (
                p.clone(),
                Ok(Box::new(
                    runcost::store::plans::open_plan_on(p, &builtin(), None).unwrap(),
                )),
            )
        })
        .collect();
    a.update(Msg::OpenedMany(results));
    assert_eq!(a.session.len(), 2);
    assert!(matches!(a.mode(), Mode::Compare(_)));
    assert_eq!(
        a.session.get(1).plan.name,
        "Support assistant (self-hosted 70B)"
    );
}

#[test]
fn closing_and_switching_plans_guard_unsaved_work() {
    let mut a = app();
    ch(&mut a, 'v');
    press(&mut a, Key::Enter);
    ch(&mut a, '<');
    assert_eq!(a.session.active_index(), 0);
    ch(&mut a, '>');
    assert_eq!(a.session.active_index(), 1);
    let variant = a.session.id(1);
    ch(&mut a, 'x');
    assert!(
        matches!(a.mode(), Mode::Confirm(Pending::Close(id)) if *id == variant),
        "the variant is unsaved"
    );
    ch(&mut a, 'd');
    assert_eq!(a.session.len(), 1);
    assert_eq!(a.session.active_index(), 0);
    ch(&mut a, 'x');
    assert_eq!(a.session.len(), 1, "the last plan stays open");

    // Quitting with several dirty plans names them all and saves them all.
    ch(&mut a, 'v');
    press(&mut a, Key::Enter);
    raise_volume(&mut a);
    ch(&mut a, '<');
    raise_volume(&mut a);
    ch(&mut a, 'q');
    let Mode::Confirm(p) = a.mode() else { panic!() };
    assert_eq!(a.confirm_names(p).len(), 2);
    let effects = ch(&mut a, 's');
    assert_eq!(
        effects
            .iter()
            .filter(|e| matches!(e, Effect::Save { .. }))
            .count(),
        2
    );
    let mut quit = false;
    for e in effects {
        if let Effect::Save {
            doc,
            generation,
            path,
            ..
        } = e
        {
            let after = a.update(Msg::Saved {
                doc,
                generation,
                path,
                result: Ok(()),
            });
            quit |= after.contains(&Effect::Quit);
        }
    }
    assert!(quit, "quits once both are saved");
}

#[test]
fn at_most_four_plans_are_open() {
    let mut a = app();
    for _ in 0..3 {
        ch(&mut a, 'v');
        press(&mut a, Key::Enter);
    }
    assert_eq!(a.session.len(), 4);
    ch(&mut a, 'v');
    assert_eq!(a.session.len(), 4);
    assert!(a.status.as_ref().unwrap().text.contains("at most 4"));
}

proptest! {
    #[test]
    fn comparing_a_plan_with_itself_is_neutral(name in prop::sample::select(vec![
        "support-assistant", "support-self-hosted", "doc-processing-small", "doc-processing-scale", "compliance-review",
    ]), volume in 0.0..100_000.0f64) {
        let mut s = scenario(name);
        s.workload.requests_per_day = volume;
        let p = project(&s);
        for f in Figure::ALL {
            if let Some(d) = f.delta(&p, &p) {
                prop_assert_eq!(d.abs, 0.0);
                prop_assert!(d.pct.is_none_or(|x| x == 0.0));
            }
        }
        prop_assert!(differences(&[&s, &s.clone()]).is_empty());
    }
}

#[test]
fn cli_compare_in_every_format() {
    let a = example("support-assistant");
    let b = example("support-self-hosted");
    let c = example("doc-processing-small");
    for (format, args) in [
        ("table", vec![a.as_str(), b.as_str()]),
        ("md", vec![a.as_str(), b.as_str(), c.as_str()]),
        ("csv", vec![a.as_str(), b.as_str()]),
        ("json", vec![a.as_str(), b.as_str()]),
    ] {
        let mut full = vec!["compare"];
        full.extend(&args);
        full.extend(["--format", format]);
        let out = runcost(&full);
        assert_eq!(
            out.status.code(),
            Some(0),
            "{}",
            String::from_utf8_lossy(&out.stderr)
        );
        let text =
            String::from_utf8_lossy(&out.stdout).replace(&root().display().to_string(), "<root>");
        insta::assert_snapshot!(format!("compare-{format}"), text);
    }
}

#[test]
fn cli_compare_json_has_totals_deltas_and_differences() {
    let out = runcost(&[
        "compare",
        &example("support-assistant"),
        &example("support-self-hosted"),
        "-f",
        "json",
    ]);
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let plans = v["plans"].as_array().unwrap();
    assert_eq!(plans.len(), 2);
    assert_eq!(plans[0]["deltas"]["tco"]["abs"], 0.0);
    let a = plans[0]["totals"]["tco"].as_f64().unwrap();
    let b = plans[1]["totals"]["tco"].as_f64().unwrap();
    assert_eq!(plans[1]["deltas"]["tco"]["abs"].as_f64().unwrap(), b - a);
    assert!(plans[1]["totals"]["payback_month"].is_number());
    let diffs = v["differences"].as_array().unwrap();
    assert!(diffs.iter().any(|d| d["path"] == "build.initial_cost"
        && d["values"][0] == 140000.0
        && d["values"][1] == 185000.0));
}

#[test]
fn cli_compare_refuses_bad_arguments_with_exit_2() {
    let a = example("support-assistant");
    for args in [
        vec!["compare", a.as_str()],
        vec![
            "compare",
            a.as_str(),
            a.as_str(),
            a.as_str(),
            a.as_str(),
            a.as_str(),
        ],
    ] {
        let out = runcost(&args);
        assert_eq!(out.status.code(), Some(2));
        assert!(String::from_utf8_lossy(&out.stderr).contains("compare takes 2 to 4 plan files"));
    }
    let out = runcost(&["compare", a.as_str(), "/nope.ron"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("/nope.ron: no such file"));
    let bad = root()
        .join("tests/fixtures/invalid/nan.ron")
        .display()
        .to_string();
    let out = runcost(&["compare", a.as_str(), &bad]);
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("workload.requests_per_day is NaN"));
}
