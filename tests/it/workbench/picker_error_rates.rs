//! Picking another model never keeps the old model's wrong-answer rate
//! without a word: a rate carried over is said in the Δ line and the message
//! and gets a Low source saying so; a rate the catalog knows for the new
//! model (one the user measured) replaces it, with its source; and the
//! picker ranks by the TCO change including wrong answers where the
//! candidate's rate is known, by its price alone (said) where not.
//! Messages in, state out.

use crate::common;
use common::ui::workbench;

use std::path::PathBuf;

use common::ui::select;
use common::{builtin, scenario};
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use runcost::app::keymap::{Key, KeyChord};
use runcost::app::rows::Row;
use runcost::app::{App, Document, Mode, Msg, PickTarget, StatusKind};
use runcost::model::catalog::KnownErrorRate;
use runcost::model::fields::{Field, ModelField};
use runcost::model::projection::base_error_rate;
use runcost::model::{Catalog, Confidence, Scenario, Source, project, validate};
use runcost::ui::{self, Theme};

fn app_on(plan: &str, catalog: Catalog) -> App {
    let doc = Document::opened(scenario(plan), Some(PathBuf::from("plans/p.ron")));
    let mut a = App::new(doc, catalog, None);
    a.update(Msg::Resize {
        width: 120,
        height: 40,
    });
    a
}

/// The built-in catalog with measured rates on some entries.
fn measured(rates: &[(&str, f64, &str)]) -> Catalog {
    let mut c = builtin();
    for (id, pct, source) in rates {
        let m = c
            .models
            .iter_mut()
            .find(|m| m.id == *id)
            .unwrap_or_else(|| panic!("{id} in the catalog"));
        m.error_rate = Some(KnownErrorRate {
            pct: *pct,
            source: source.to_string(),
        });
    }
    c
}

fn source(a: &App, path: &str) -> Option<Source> {
    a.doc()
        .plan
        .sources
        .iter()
        .find(|s| s.field == path)
        .cloned()
}

/// Opens the picker on mix entry `i` (or to add), filters to `id` and picks it.
fn pick(a: &mut App, target: PickTarget, id: &str) {
    match target {
        PickTarget::Replace(i) => {
            select(a, Row::Field(Field::Model(i, ModelField::Share)));
            a.update(Msg::Key(KeyChord::ch('m')));
        }
        PickTarget::Add => {
            a.update(Msg::Key(KeyChord::ch('a')));
        }
    }
    let Mode::Picker(p) = a.mode() else {
        panic!("the picker is open")
    };
    assert_eq!(p.target, target);
    a.update(Msg::Paste(id.to_string()));
    let Mode::Picker(p) = a.mode() else {
        panic!("still open")
    };
    let at = p
        .matches
        .iter()
        .position(|&k| a.catalog.models[k].id == id)
        .unwrap_or_else(|| panic!("the filter finds {id}"));
    for _ in 0..at {
        a.update(Msg::Key(KeyChord::plain(Key::Down)));
    }
    a.update(Msg::Key(KeyChord::plain(Key::Enter)));
    assert!(matches!(a.mode(), Mode::Normal));
}

fn delta(a: &App) -> String {
    a.last_change.as_ref().unwrap().what.clone()
}

fn status(a: &App) -> (StatusKind, String) {
    let s = a.status.as_ref().unwrap();
    (s.kind, s.text.clone())
}

#[test]
fn a_carried_over_rate_is_said_and_gets_a_low_source() {
    // Each model of a mix with its own measured rate and a Medium source.
    for (plan, i, old, new, rate) in [
        ("support-assistant", 0, "gpt-5.4-mini", "gpt-5.6-luna", 2.5),
        ("support-assistant", 1, "claude-sonnet-5-5", "gpt-5.5", 1.0),
        (
            "compliance-review",
            0,
            "claude-opus-5-5",
            "gemini-4-argon",
            0.8,
        ),
        // (The claims agent counts its errors per claim, plan-wide.)
        ("compliance-review", 1, "gpt-5.5", "gpt-5.4", 1.3),
    ] {
        let mut a = app_on(plan, builtin());
        let path = format!("models[{i}].error_rate_pct");
        let before = source(&a, &path).expect("a measured rate with its source");
        assert_ne!(before.confidence, Confidence::Low);
        pick(&mut a, PickTarget::Replace(i), new);
        let m = &a.doc().plan.models[i];
        assert_eq!(m.id, new);
        assert_eq!(m.error_rate_pct, Some(rate), "{plan}: the rate stays…");
        let s = source(&a, &path).unwrap();
        assert_eq!(s.confidence, Confidence::Low, "{plan}: …but says so");
        assert!(
            s.source.contains(&format!("carried over from {old}"))
                && s.source.contains(&format!("not measured for {new}")),
            "{plan}: {}",
            s.source
        );
        let d = delta(&a);
        assert!(
            d.starts_with(&format!("Model {old} → {new}"))
                && d.contains(&format!("carried over from {old}")),
            "{plan}: {d}"
        );
        let (kind, said) = status(&a);
        assert_eq!(kind, StatusKind::Warning);
        assert!(
            said.contains(&format!("{new}'s wrong-answer rate is not known")),
            "{said}"
        );
        assert!(validate(&a.doc().plan).is_empty(), "{plan}: saveable");
        // Undo takes the source back with the model.
        a.update(Msg::Key(KeyChord::ch('u')));
        assert_eq!(a.doc().plan.models[i].id, old);
        assert_eq!(source(&a, &path), Some(before));
    }
}

#[test]
fn a_model_on_the_plans_rate_keeps_it_said_and_adds_no_source() {
    let mut a = app_on("doc-processing-small", builtin());
    assert_eq!(a.doc().plan.models[0].error_rate_pct, None);
    let rate = a.doc().plan.risk.error_rate_pct;
    let sources = a.doc().plan.sources.clone();
    pick(&mut a, PickTarget::Replace(0), "gpt-5.4-mini");
    assert_eq!(a.doc().plan.models[0].error_rate_pct, None);
    assert_eq!(a.doc().plan.sources, sources);
    let shown = format!("{} %", runcost::numbers::number(rate, 2));
    assert!(
        delta(&a).ends_with(&format!("wrong answers at the plan's {shown}")),
        "{}",
        delta(&a)
    );
    assert!(status(&a).1.contains("not known"), "{}", status(&a).1);

    // Picking the model already in place (a fresh price) says nothing of rates.
    let mut b = app_on("support-assistant", builtin());
    let sources = b.doc().plan.sources.clone();
    pick(&mut b, PickTarget::Replace(0), "gpt-5.4-mini");
    assert_eq!(b.doc().plan.sources, sources);
    assert!(
        b.last_change
            .as_ref()
            .is_none_or(|c| !c.what.contains("wrong answers")),
        "{:?}",
        b.last_change.as_ref().map(|c| &c.what)
    );
}

#[test]
fn a_rate_the_catalog_knows_replaces_the_old_one_with_its_source() {
    let catalog = measured(&[("gpt-5.6-luna", 1.2, "our eval: 300 tickets, Nov 2026")]);
    let mut a = app_on("support-assistant", catalog);
    assert!(
        a.doc()
            .plan
            .uncertainty
            .iter()
            .any(|r| r.field == "models[0].error_rate_pct")
    );
    pick(&mut a, PickTarget::Replace(0), "gpt-5.6-luna");
    let plan = &a.doc().plan;
    assert_eq!(plan.models[0].error_rate_pct, Some(1.2));
    let s = source(&a, "models[0].error_rate_pct").unwrap();
    assert_eq!(
        (s.source.as_str(), s.confidence),
        ("our eval: 300 tickets, Nov 2026", Confidence::Medium)
    );
    // The old model's range (1.5–4 %) would not hold the new rate: it goes.
    assert!(
        !plan
            .uncertainty
            .iter()
            .any(|r| r.field == "models[0].error_rate_pct")
    );
    assert!(validate(plan).is_empty(), "{:?}", validate(plan));
    assert!(
        delta(&a).contains("wrong answers 2.5 % → 1.2 % (measured)"),
        "{}",
        delta(&a)
    );
    let (kind, said) = status(&a);
    assert_eq!(kind, StatusKind::Info);
    assert!(said.contains("range 1.5–4 %"), "{said}");

    // Added to the mix: at its measured rate, with its source.
    let catalog = measured(&[("gpt-5.4", 1.5, "")]);
    let mut b = app_on("support-assistant", catalog);
    pick(&mut b, PickTarget::Add, "gpt-5.4");
    let n = b.doc().plan.models.len() - 1;
    assert_eq!(b.doc().plan.models[n].error_rate_pct, Some(1.5));
    let s = source(&b, &format!("models[{n}].error_rate_pct")).unwrap();
    assert_eq!(s.source, "measured rate in the catalog entry gpt-5.4");
    // And one whose rate is not known: the plan's, said.
    // (The example no longer sets a plan-wide rate its models all replace,
    // so the fallback is given here.)
    let mut plan = scenario("support-assistant");
    plan.risk.error_rate_pct = 2.0;
    let mut c = workbench(
        Document::opened(plan, Some(PathBuf::from("plans/p.ron"))),
        None,
    );
    c.update(Msg::Resize {
        width: 120,
        height: 40,
    });
    pick(&mut c, PickTarget::Add, "gpt-5.4");
    assert!(
        status(&c).1.contains("answers at the plan's 2 %"),
        "{}",
        status(&c).1
    );
}

/// The plan with mix entry 0 replaced by catalog entry `id` at `rate`.
fn replaced(plan: &Scenario, catalog: &Catalog, id: &str, rate: Option<f64>) -> Scenario {
    let e = catalog.models.iter().find(|m| m.id == id).unwrap();
    let mut s = plan.clone();
    s.models[0].id = id.into();
    s.models[0].pricing = Some(e.pricing.clone());
    s.models[0].schedule = e.schedule.clone();
    s.models[0].error_rate_pct = rate;
    s
}

#[test]
fn candidates_rank_by_the_tco_change_with_wrong_answers_where_their_rate_is_known() {
    // An expensive model that is wrong far less often than the one in place,
    // and a cheap one whose rate is not known.
    let catalog = measured(&[("claude-opus-5-5", 0.2, "our eval")]);
    let mut a = app_on("support-assistant", catalog.clone());
    a.update(Msg::Key(KeyChord::ch('m')));
    let Mode::Picker(p) = a.mode() else {
        panic!("open")
    };
    let plan = a.doc().plan.clone();
    let now = project(&plan).totals.tco;
    let k_opus = catalog
        .models
        .iter()
        .position(|m| m.id == "claude-opus-5-5")
        .unwrap();
    let k_luna = catalog
        .models
        .iter()
        .position(|m| m.id == "gpt-5.6-luna")
        .unwrap();
    let (opus, luna) = (&p.judged[k_opus], &p.judged[k_luna]);
    assert_eq!(opus.error_rate_pct, Some(0.2));
    assert_eq!(luna.error_rate_pct, None);
    // The known rate is in the TCO change…
    let with_opus = project(&replaced(&plan, &catalog, "claude-opus-5-5", Some(0.2)));
    assert!((opus.tco_change - (with_opus.totals.tco - now)).abs() < 1e-6);
    // …and an unknown one keeps the rate in place: the change is its price.
    let with_luna = project(&replaced(&plan, &catalog, "gpt-5.6-luna", Some(2.5)));
    assert!((luna.tco_change - (with_luna.totals.tco - now)).abs() < 1e-6);
    assert!(
        opus.tco_change < luna.tco_change,
        "fewer wrong answers outweigh the price: {} vs {}",
        opus.tco_change,
        luna.tco_change
    );
    // So the list puts it first, and says what each change counts.
    assert_eq!(p.matches.first(), Some(&k_opus));
    // (The picker opens on the model in place; to the top of the list.)
    for _ in 0..p.matches.len() {
        a.update(Msg::Key(KeyChord::plain(Key::Up)));
    }
    let mut t = Terminal::new(TestBackend::new(120, 40)).unwrap();
    t.draw(|f| ui::render(f, &a, &Theme::plain())).unwrap();
    let screen = format!("{}", t.backend());
    assert!(screen.contains("wrong"), "{screen}");
    assert!(
        screen.contains("0.2 %") && screen.contains("as now"),
        "{screen}"
    );
    assert!(
        screen.contains("wrong answers at each model's measured rate"),
        "{screen}"
    );

    // To add: a candidate carrying the traffic alone, at the mix's rate now
    // when its own is not known.
    a.update(Msg::Key(KeyChord::plain(Key::Esc)));
    a.update(Msg::Key(KeyChord::ch('a')));
    let Mode::Picker(p) = a.mode() else {
        panic!("open")
    };
    let mut alone = replaced(
        &plan,
        &catalog,
        "gpt-5.6-luna",
        Some(base_error_rate(&plan)),
    );
    alone.models.truncate(1);
    alone.models[0].share_pct = 100.0;
    alone.models[0].discount_pct = 0.0;
    alone.models[0].token_factor = 1.0;
    let expect = project(&alone).totals.tco - now;
    assert!(
        (p.judged[k_luna].tco_change - expect).abs() < 1e-6,
        "{} vs {expect}",
        p.judged[k_luna].tco_change
    );
}

#[test]
fn a_catalog_rate_outside_0_to_100_is_refused_naming_the_field() {
    let mut c = measured(&[("gpt-5.6-luna", 150.0, "typo")]);
    c.models.retain(|m| m.id == "gpt-5.6-luna");
    let (kept, rejected) = c.validated();
    assert!(kept.models.is_empty());
    assert!(
        rejected
            .details
            .iter()
            .any(|d| d.contains("error_rate.pct")),
        "{:?}",
        rejected.details
    );
    // A rate written in a catalog file reads back.
    let text = r#"(as_of: "2026-12-01", models: [(id: "mine", provider: "acme",
        pricing: Api(input_per_mtok: 1.0, output_per_mtok: 2.0),
        error_rate: (pct: 1.8, source: "our eval"))], embeddings: [])"#;
    let c = runcost::codec::catalog::parse_catalog(text).unwrap();
    assert_eq!(c.models[0].error_rate.as_ref().map(|r| r.pct), Some(1.8));
}

#[test]
fn importing_the_community_price_list_keeps_a_measured_rate() {
    let json = std::fs::read_to_string(common::fixture("litellm/sample.json")).unwrap();
    let mut mine = builtin();
    mine.models.retain(|m| m.id == "gpt-5.4-mini");
    let m = &mut mine.models[0];
    m.error_rate = Some(KnownErrorRate {
        pct: 2.1,
        source: "our eval".into(),
    });
    // An older price, so the import updates the entry.
    if let runcost::model::Pricing::Api(a) = &mut m.pricing {
        a.input_per_mtok = 0.5;
    }
    let (out, report) =
        runcost::codec::litellm::import(&json, &mine, &mine, None, "2026-12-01").unwrap();
    assert!(
        report.updated.iter().any(|(id, _)| id == "gpt-5.4-mini"),
        "{:?}",
        report.updated
    );
    let m = out.models.iter().find(|m| m.id == "gpt-5.4-mini").unwrap();
    assert_eq!(m.error_rate.as_ref().map(|r| r.pct), Some(2.1));
}
