//! Issue 20 §2: a value set outside its uncertainty range widens the range
//! (said on the Δ line, taken back by the same undo as the edit), and every
//! state the workbench reaches can be saved — whichever path set the value:
//! typing, ←/→, doubling, the model picker, refreshed prices, the reviewer
//! toggle, undo/redo, pinning a what-if.

use crate::common;
use crate::common::EXAMPLES;
use crate::common::ui::with_catalog;

use common::ui::{ACME, ch, key as press, open, screen, select, sized, typed, value};
use common::{builtin, scenario};
use runcost::app::entry::edit_text;
use runcost::app::keymap::{Key, KeyChord};
use runcost::app::rows::{Row, Toggle};
use runcost::app::{Analysis, App, Mode, Msg, StatusKind};
use runcost::codec::parse_plan;
use runcost::model::fields::Field;
use runcost::model::{Pricing, Reviewers, Scenario, validate};

fn app_of(plan: Scenario) -> App {
    let mut app = sized(open(plan, ACME, Some("/plans")), 120, 40);
    // Every section unfolded, so every input has its row.
    app.update(Msg::Key(KeyChord::ch('+')));
    // The band is asked for, not computed: these tests are about the plan.
    app.session.analysis = Analysis::Background;
    app
}

fn field(plan: &Scenario, path: &str) -> Field {
    Field::all(plan)
        .into_iter()
        .find(|f| f.path() == path)
        .unwrap_or_else(|| panic!("{path} is not an input of {}", plan.name))
}

/// Enter on the input, `text` typed over its value, Enter.
fn enter_value(app: &mut App, f: Field, text: &str) {
    select(app, Row::Field(f));
    press(app, Key::Enter);
    assert!(matches!(app.mode(), Mode::Edit(_)), "the edit box opened");
    typed(app, text);
    press(app, Key::Enter);
    if let Mode::Edit(e) = app.mode() {
        panic!("{text} for {} was refused: {:?}", f.path(), e.error);
    }
    assert!(
        matches!(app.mode(), Mode::Normal),
        "{text} for {}",
        f.path()
    );
}

/// Every range of the plan contains its input's value, and validation
/// (what Ctrl-S, `check` and reports apply) accepts the plan.
fn in_step(app: &App, what: &str) {
    let plan = &app.doc().plan;
    for r in &plan.uncertainty {
        let v = field(plan, &r.field.path()).get(plan).unwrap();
        assert!(
            r.low <= v && v <= r.high,
            "{what}: {} is {v}, outside {}–{}",
            r.field,
            r.low,
            r.high
        );
    }
    assert_eq!(validate(plan), [], "{what}");
}

/// Ctrl-S writes the plan (the file it writes reads back as it is now).
fn saves(app: &mut App, what: &str) {
    let effects = app.update(Msg::Key(KeyChord::ctrl('s')));
    let (_, text) = common::ui::save_asked(&effects)
        .unwrap_or_else(|| panic!("{what}: not saved: {:?}", app.status));
    let back = parse_plan(text.as_bytes(), &builtin())
        .unwrap_or_else(|e| panic!("{what}: {}", e.render("saved")));
    assert_eq!(back.uncertainty, app.doc().plan.uncertainty, "{what}");
}

/// [`in_step`], then [`saves`].
fn in_step_and_saved(app: &mut App, what: &str) {
    in_step(app, what);
    saves(app, what);
}

fn followed(app: &App) -> Vec<String> {
    app.last_change
        .as_ref()
        .map(|c| c.ranges_followed.clone())
        .unwrap_or_default()
}

#[test]
fn the_reproduction_widens_the_range_says_so_saves_and_undoes_in_one_step() {
    let mut a = app_of(scenario("support-assistant"));
    let f = field(&a.doc().plan, "risk.cost_per_uncaught_error");
    assert_eq!((value(&a, f), a.range_of(f)), (18.0, Some((10.0, 40.0))));
    let steps = a.doc().history_len().0;

    enter_value(&mut a, f, "100");
    assert_eq!(value(&a, f), 100.0);
    assert_eq!(a.range_of(f), Some((10.0, 100.0)), "the range follows");
    assert_eq!(
        followed(&a),
        ["range widened to 10–100"],
        "the Δ line says it"
    );
    for (w, h) in [(120, 40), (160, 48)] {
        let s = screen(&a, w, h);
        assert!(s.contains("Δ Cost per uncaught error"), "{s}");
        assert!(s.contains("(range widened to"), "{w}×{h}: {s}");
    }
    in_step_and_saved(&mut a, "after typing 100");
    assert_ne!(
        a.status.as_ref().map(|s| s.kind),
        Some(StatusKind::Error),
        "{:?}",
        a.status
    );

    // One step: the same undo takes back the value and the widening.
    assert_eq!(a.doc().history_len().0, steps + 1);
    ch(&mut a, 'u');
    assert_eq!((value(&a, f), a.range_of(f)), (18.0, Some((10.0, 40.0))));
    assert_eq!(a.doc().plan, scenario("support-assistant"));
    a.update(Msg::Key(KeyChord::ctrl('r')));
    assert_eq!((value(&a, f), a.range_of(f)), (100.0, Some((10.0, 100.0))));
    in_step(&a, "after redo");

    // Below the range: the low end follows, the high end goes back to the
    // range as opened (it was widened only to take 100).
    enter_value(&mut a, f, "4");
    assert_eq!(a.range_of(f), Some((4.0, 40.0)));
    assert_eq!(followed(&a), ["range now 4–40"]);
    in_step(&a, "after typing 4");
    enter_value(&mut a, f, "50");
    assert_eq!(a.range_of(f), Some((10.0, 50.0)));
    assert_eq!(followed(&a), ["range now 10–50"]);
    // A value inside the range as opened brings it back, and says so.
    enter_value(&mut a, f, "20");
    assert_eq!(a.range_of(f), Some((10.0, 40.0)));
    assert_eq!(followed(&a), ["range back to 10–40"]);
    // A value inside a range that was never widened says nothing about it.
    enter_value(&mut a, f, "30");
    assert_eq!(a.range_of(f), Some((10.0, 40.0)));
    assert!(followed(&a).is_empty());
}

/// Values outside [low, high] that the input allows: below and above.
fn outside(f: Field, low: f64, high: f64) -> Vec<f64> {
    let whole = |v: f64| if f.check(v).is_ok() { v } else { v.round() };
    [
        whole(low / 2.0),
        whole(low - 1.0),
        whole(high * 2.0),
        whole(high + 1.0),
        whole(high + (100.0 - high) / 2.0),
    ]
    .into_iter()
    .filter(|v| (*v < low || *v > high) && f.check(*v).is_ok())
    .take(2)
    .collect()
}

#[test]
fn every_ranged_input_of_every_example_follows_a_typed_value_both_ways() {
    let mut tried = 0;
    for name in EXAMPLES {
        let plan = scenario(name);
        for r in &plan.uncertainty {
            let f = field(&plan, &r.field.path());
            for v in outside(f, r.low, r.high) {
                let what = format!("{name}: {} typed {v}", r.field);
                let mut a = app_of(plan.clone());
                enter_value(&mut a, f, &edit_text(v));
                assert_eq!(value(&a, f), v, "{what}");
                let (lo, hi) = a.range_of(f).expect("the range stays");
                assert_eq!((lo, hi), (r.low.min(v), r.high.max(v)), "{what}");
                assert_eq!(followed(&a).len(), 1, "{what}: {:?}", followed(&a));
                in_step_and_saved(&mut a, &what);
                ch(&mut a, 'u');
                assert_eq!(a.doc().plan, plan, "{what}: one undo restores both");
                tried += 1;
            }
        }
    }
    assert!(tried >= 40, "only {tried} values tried");
}

#[test]
fn stepping_and_doubling_past_a_range_keep_every_state_savable() {
    for name in ["support-assistant", "claims-agent", "compliance-review"] {
        let plan = scenario(name);
        for r in &plan.uncertainty {
            let f = field(&plan, &r.field.path());
            let mut a = app_of(plan.clone());
            select(&mut a, Row::Field(f));
            let what = format!("{name}: {} stepped", r.field);
            let (mut least, mut most) = (value(&a, f), value(&a, f));
            for k in [Key::Right, Key::Left] {
                // Past the range's end by a few steps (or to the input's limit).
                let mut beyond = 0;
                for _ in 0..40 {
                    let before = value(&a, f);
                    press(&mut a, k);
                    in_step(&a, &what);
                    let v = value(&a, f);
                    (least, most) = (least.min(v), most.max(v));
                    if v < r.low || v > r.high {
                        beyond += 1;
                    }
                    if v == before || beyond == 3 {
                        break;
                    }
                }
            }
            assert!(
                least < r.low || most > r.high,
                "{what}: never left the range"
            );
            // The range holds the range as opened and the value now: it
            // widened on the way out and came back with the value.
            let v = value(&a, f);
            assert!(least < v || most > v, "{what}: went somewhere");
            assert_eq!(
                a.range_of(f),
                Some((r.low.min(v), r.high.max(v))),
                "{what}: the range is the original plus the value"
            );
            // Doubling and halving from there.
            ch(&mut a, '*');
            in_step(&a, &format!("{what}, doubled"));
            ch(&mut a, '%');
            ch(&mut a, '%');
            in_step(&a, &format!("{what}, halved"));
            saves(&mut a, &what);
        }
    }
}

#[test]
fn the_picker_widens_a_price_range_and_drops_it_for_a_self_hosted_model() {
    let mut plan = scenario("support-assistant");
    let Some(Pricing::Api(p)) = plan.models[0].pricing.clone() else {
        panic!("an API model first")
    };
    plan.uncertainty.push(common::uncertain(
        "models[0].pricing.input_per_mtok",
        p.input_per_mtok * 0.8,
        p.input_per_mtok * 1.2,
    ));
    let catalog = builtin();
    let pricier = catalog
        .models
        .iter()
        .find(|m| {
            matches!(&m.pricing, Pricing::Api(a) if a.input_per_mtok > p.input_per_mtok * 2.0)
                && plan.models.iter().all(|x| x.id != m.id)
        })
        .expect("a pricier API model");
    let hosted = catalog
        .models
        .iter()
        .find(|m| {
            // An id no other id contains, so typing it leaves this model alone.
            matches!(m.pricing, Pricing::SelfHosted(_))
                && catalog
                    .models
                    .iter()
                    .all(|o| o.id == m.id || !o.id.contains(&m.id))
        })
        .expect("a self-hosted model");
    let mut a = app_of(plan.clone());
    let price = field(&plan, "models[0].pricing.input_per_mtok");

    select(&mut a, Row::Model(0));
    press(&mut a, Key::Enter);
    typed(&mut a, &pricier.id);
    press(&mut a, Key::Enter);
    assert_eq!(a.doc().plan.models[0].id, pricier.id);
    let Pricing::Api(new) = &pricier.pricing else {
        unreachable!()
    };
    assert_eq!(
        a.range_of(price),
        Some((p.input_per_mtok * 0.8, new.input_per_mtok))
    );
    assert!(
        followed(&a)[0].contains("range widened to"),
        "{:?}",
        followed(&a)
    );
    in_step_and_saved(&mut a, "a pricier model");

    select(&mut a, Row::Model(0));
    press(&mut a, Key::Enter);
    typed(&mut a, &hosted.id);
    press(&mut a, Key::Enter);
    assert_eq!(a.doc().plan.models[0].id, hosted.id);
    assert!(
        a.doc()
            .plan
            .uncertainty
            .iter()
            .all(|r| !r.field.path().starts_with("models[0].pricing.input")),
        "the range of a price the model no longer has is gone"
    );
    assert_eq!(
        followed(&a),
        ["range on models[0].pricing.input_per_mtok removed: the input no longer applies"]
    );
    in_step_and_saved(&mut a, "a self-hosted model");
    ch(&mut a, 'u');
    ch(&mut a, 'u');
    assert_eq!(a.doc().plan, plan, "two undos: back to the plan as opened");
}

#[test]
fn refreshed_prices_widen_the_range_of_a_changed_price() {
    let mut catalog = builtin();
    let entry = catalog
        .models
        .iter_mut()
        .find(|m| m.id == "gpt-5.4-mini")
        .expect("in the catalog");
    let Pricing::Api(a) = &mut entry.pricing else {
        panic!()
    };
    let plan_price = 0.75;
    a.input_per_mtok = 1.5;
    let mut plan = scenario("support-assistant");
    assert_eq!(plan.models[0].id, "gpt-5.4-mini");
    let Some(Pricing::Api(p)) = &plan.models[0].pricing else {
        panic!()
    };
    assert_eq!(p.input_per_mtok, plan_price);
    plan.uncertainty.push(common::uncertain(
        "models[0].pricing.input_per_mtok",
        0.6,
        0.9,
    ));
    let mut app = with_catalog(plan.clone(), "/p.ron", catalog);
    assert!(!app.price_changes().is_empty());
    ch(&mut app, 'p');
    let price = field(&plan, "models[0].pricing.input_per_mtok");
    assert_eq!(value(&app, price), 1.5);
    assert_eq!(app.range_of(price), Some((0.6, 1.5)));
    assert!(followed(&app)[0].contains("gpt-5.4-mini: input price range widened to 0.6–1.5"));
    in_step(&app, "refreshed prices");
    ch(&mut app, 'u');
    assert_eq!(app.doc().plan, plan);
}

#[test]
fn staffing_reviewers_back_to_auto_drops_the_range_of_the_staffed_count() {
    let mut plan = scenario("support-assistant");
    plan.oversight.reviewers = Reviewers::Fixed(2.0);
    plan.uncertainty
        .push(common::uncertain("oversight.reviewers", 1.0, 3.0));
    assert_eq!(validate(&plan), []);
    let mut a = app_of(plan.clone());
    select(&mut a, Row::Toggle(Toggle::Reviewers));
    press(&mut a, Key::Enter);
    assert_eq!(a.doc().plan.oversight.reviewers, Reviewers::Auto);
    assert_eq!(
        followed(&a),
        ["range on oversight.reviewers removed: the input no longer applies"]
    );
    in_step_and_saved(&mut a, "reviewers on Auto");
    ch(&mut a, 'u');
    assert_eq!(a.doc().plan, plan);
}

#[test]
fn a_pinned_what_if_and_the_plan_it_leaves_can_both_be_saved() {
    let mut a = app_of(scenario("support-assistant"));
    let f = field(&a.doc().plan, "risk.cost_per_uncaught_error");
    enter_value(&mut a, f, "100");
    ch(&mut a, 'V');
    assert_eq!(a.session.len(), 2, "the what-if is pinned");
    for i in 0..2 {
        let d = a.session.get(i);
        assert_eq!(validate(&d.plan), [], "{}", d.plan.name);
    }
    let pinned = (0..2)
        .map(|i| a.session.get(i))
        .find(|d| d.plan.name.contains("what-if"))
        .unwrap();
    assert_eq!(pinned.plan.risk.cost_per_uncaught_error, 100.0);
    assert!(
        pinned
            .plan
            .uncertainty
            .iter()
            .any(|r| r.field == "risk.cost_per_uncaught_error" && r.high == 100.0)
    );
}

/// Issue 20 round 2: ranges only ever widened. A range widened to follow its
/// value is the smallest one holding its original and the value, so moving
/// the value back restores the original exactly (said on the Δ line), for
/// every ranged input of the example, whichever way the value moved.
#[test]
fn moving_a_value_back_restores_the_range_it_had() {
    let plan = scenario("support-assistant");
    for r in plan.uncertainty.clone() {
        let mut a = app_of(plan.clone());
        let f = field(&a.doc().plan, &r.field.path());
        let v0 = value(&a, f);
        select(&mut a, Row::Field(f));
        // `*` then `%`, and 30 × → then 30 × ←.
        for keys in [&['*', '%'][..], &[]] {
            if keys.is_empty() {
                for _ in 0..30 {
                    press(&mut a, Key::Right);
                }
                let far = value(&a, f);
                for _ in 0..30 {
                    press(&mut a, Key::Left);
                }
                if value(&a, f) != v0 || far == v0 {
                    continue; // the steps do not retrace exactly: not this test
                }
            } else {
                ch(&mut a, keys[0]);
                let far = a.range_of(f);
                ch(&mut a, keys[1]);
                if value(&a, f) != v0 || far == Some((r.low, r.high)) {
                    continue;
                }
            }
            assert_eq!(a.range_of(f), Some((r.low, r.high)), "{}", r.field);
            in_step_and_saved(&mut a, &r.field.path());
            assert_eq!(a.doc().plan, plan, "{}: the plan is as opened", r.field);
        }
    }
}

#[test]
fn the_reproductions_say_the_range_is_back_and_undo_redo_stay_consistent() {
    let plan = scenario("support-assistant");
    let mut a = app_of(plan.clone());
    let g = field(&plan, "workload.monthly_growth_pct");
    select(&mut a, Row::Field(g));
    ch(&mut a, '*');
    assert_eq!(a.range_of(g), Some((2.0, 12.0)));
    ch(&mut a, '%');
    assert_eq!((value(&a, g), a.range_of(g)), (6.0, Some((2.0, 9.0))));
    assert_eq!(followed(&a), ["range back to 2–9"]);
    assert_eq!(a.doc().plan, plan);

    let f = field(&plan, "risk.cost_per_uncaught_error");
    select(&mut a, Row::Field(f));
    for _ in 0..30 {
        press(&mut a, Key::Right);
    }
    let far = a.range_of(f).unwrap();
    assert!(far.1 > 1000.0, "{far:?}");
    let mut said = false;
    for _ in 0..30 {
        press(&mut a, Key::Left);
        if followed(&a) == ["range back to 10–40"] {
            said = true;
            let s = screen(&a, 160, 48);
            assert!(s.contains("range back to 10–40"), "{s}");
        }
    }
    assert!(said, "the Δ line said the range is back");
    // The steps do not retrace exactly ($18 → $15): inside 10–40 either way.
    assert!((10.0..=40.0).contains(&value(&a, f)), "{}", value(&a, f));
    assert_eq!(a.range_of(f), Some((10.0, 40.0)));
    saves(&mut a, "back at 18");

    // Undo walks back through the widened states and redo returns: every
    // state is the one the edits reached, and the next edit follows from the
    // original again (not from a stale wider range).
    let mut states = Vec::new();
    for _ in 0..5 {
        states.push(a.doc().plan.clone());
        ch(&mut a, 'u');
        in_step(&a, "after undo");
    }
    assert!(
        a.range_of(f).unwrap().1 > 40.0,
        "undo brings back the widening"
    );
    for s in states.iter().rev() {
        a.update(Msg::Key(KeyChord::ctrl('r')));
        assert_eq!(&a.doc().plan, s);
    }
    assert_eq!(a.range_of(f), Some((10.0, 40.0)));
    for _ in 0..5 {
        ch(&mut a, 'u');
    }
    assert!(a.range_of(f).unwrap().1 > 40.0);
    enter_value(&mut a, f, "18");
    assert_eq!(a.range_of(f), Some((10.0, 40.0)));
    assert_eq!(followed(&a), ["range back to 10–40"]);
}

#[test]
fn a_range_set_with_r_while_widened_is_the_new_original() {
    let plan = scenario("support-assistant");
    let mut a = app_of(plan.clone());
    let f = field(&plan, "risk.cost_per_uncaught_error");
    enter_value(&mut a, f, "100");
    assert_eq!(a.range_of(f), Some((10.0, 100.0)));
    select(&mut a, Row::Field(f));
    ch(&mut a, 'r');
    // The edit box holds the range selected: typing replaces it.
    typed(&mut a, "5 – 120");
    press(&mut a, Key::Enter);
    assert_eq!(a.range_of(f), Some((5.0, 120.0)));
    enter_value(&mut a, f, "200");
    assert_eq!(a.range_of(f), Some((5.0, 200.0)));
    enter_value(&mut a, f, "18");
    assert_eq!(
        a.range_of(f),
        Some((5.0, 120.0)),
        "back to the range set with r"
    );
    // Undo of the `r` brings the old original back with the old range.
    for _ in 0..3 {
        ch(&mut a, 'u');
    }
    assert_eq!(a.range_of(f), Some((10.0, 100.0)));
    enter_value(&mut a, f, "18");
    assert_eq!(a.range_of(f), Some((10.0, 40.0)));
}
