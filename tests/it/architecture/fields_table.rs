//! The one table of inputs (issue 11 part 1, issue 12's inputs): each
//! input's path is the one in the serialized plan, and an entry in the table
//! is all it takes for an input to reach the workbench, the report, the
//! tornado and validation. Version-2 inputs stepped back to their default
//! leave a version-1 plan version 1.

use crate::common;

use std::path::PathBuf;

use common::{builtin, fixture, load, scenario};
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use runcost::app::keymap::{Key, KeyChord};
use runcost::app::rows::{self, Row};
use runcost::app::{App, Document, Effect, Msg};
use runcost::codec::write_plan;
use runcost::model::analysis::sensitivity::{drivers, sensitivity};
use runcost::model::analysis::set_keeping_mix;
use runcost::model::analysis::uncertainty::simulate;
use runcost::model::fields::{Field, ModelField, PlanField, Section};
use runcost::model::validate::source_targets;
use runcost::model::{
    ErrorCost, LongContext, Pricing, Reviewers, Scenario, UncertainRange, project, validate,
};
use runcost::ui::{self, Theme};
use serde_json::Value as Json;

/// A plan where every kind of input exists: API models with a cached price
/// and a long-context tier, a self-hosted model, infrastructure, fixed
/// reviewers, severity tiers, a priced embedding.
/// A shipped example as it was in format version 1 (the examples are version 2
/// now; their version-1 forms are kept in `fixtures/v1-written/`).
fn v1(name: &str) -> Scenario {
    let s = load(&fixture(&format!("v1-written/scenarios-{name}.ron")));
    assert_eq!(s.format_version(), 1, "{name}");
    s
}

fn every_kind() -> Scenario {
    let mut s = scenario("support-assistant");
    let hosted = scenario("support-self-hosted")
        .models
        .into_iter()
        .find(|m| matches!(m.pricing, Some(Pricing::SelfHosted(_))))
        .expect("a self-hosted model");
    s.models.push(hosted);
    if let Some(Pricing::Api(a)) = &mut s.models[0].pricing {
        a.cached_input_per_mtok = Some(0.1);
        a.long_context = Some(LongContext {
            cache_write_per_mtok: None,
            above_tokens: 200_000.0,
            input_per_mtok: 1.0,
            cached_input_per_mtok: Some(0.2),
            output_per_mtok: 3.0,
        });
    }
    s.oversight.reviewers = Reviewers::Fixed(2.0);
    s.retrieval.enabled = true;
    s.retrieval.embedding.per_mtok = Some(0.02);
    s.risk.error_costs = vec![
        ErrorCost {
            name: "minor".into(),
            share_pct: 80.0,
            cost: 5.0,
        },
        ErrorCost {
            name: "major".into(),
            share_pct: 20.0,
            cost: 500.0,
        },
    ];
    assert!(!s.infrastructure.is_empty());
    s
}

fn whole(f: Field) -> bool {
    f.range().whole || f.range() == runcost::model::Range::DaysPerMonth
}

/// Every input set to a value of its own (allowed, and not its default).
/// The plan without what keeps inference from following the calls: a
/// monthly commitment above the traffic's cost, a ceiling on the volume.
fn uncommitted(mut s: Scenario) -> Scenario {
    for m in &mut s.models {
        m.commitment_monthly = 0.0;
    }
    s.workload.max_requests_per_day = None;
    s
}

fn distinct(mut s: Scenario) -> Scenario {
    for (k, f) in Field::all(&s).into_iter().enumerate() {
        let v = if whole(f) {
            f.range().clamp((k % 29 + 2) as f64)
        } else {
            1.0 + (k + 1) as f64 * 0.11
        };
        assert!(f.check(v).is_ok(), "{}: {v}", f.path());
        assert!(f.set(&mut s, v), "{} does not apply", f.path());
    }
    s
}

/// The value at a dotted path (`models[1].pricing.gpu_hourly`) of the
/// serialized plan; enum wrappers (`{"Api": {...}}`, `{"Fixed": 2}`) are
/// looked through.
fn at<'a>(mut v: &'a Json, path: &str) -> Option<&'a Json> {
    fn unwrap(v: &Json) -> &Json {
        match v.as_object() {
            Some(o) if o.len() == 1 && o.keys().all(|k| k.starts_with(char::is_uppercase)) => {
                o.values().next().unwrap()
            }
            _ => v,
        }
    }
    for part in path.split('.') {
        let (name, index) = match part.split_once('[') {
            Some((n, rest)) => (n, Some(rest.trim_end_matches(']').parse::<usize>().ok()?)),
            None => (part, None),
        };
        v = unwrap(v).get(name)?;
        if let Some(i) = index {
            v = v.get(i)?;
        }
    }
    Some(unwrap(v))
}

#[test]
fn every_path_in_the_table_is_where_serde_writes_the_value_get_reads() {
    let s = distinct(every_kind());
    let json = serde_json::to_value(&s).unwrap();
    let fields = Field::all(&s);
    // Every kind of key is exercised.
    for k in PlanField::ALL {
        assert!(fields.contains(&Field::Plan(*k)), "{k:?} not in the plan");
    }
    for k in ModelField::ALL {
        assert!(
            fields
                .iter()
                .any(|f| matches!(f, Field::Model(_, m) if m == k)),
            "{k:?} not in the plan"
        );
    }
    assert!(fields.iter().any(|f| matches!(f, Field::Infra(..))));
    assert!(fields.iter().any(|f| matches!(f, Field::Tier(..))));
    for f in fields {
        let got = f.get(&s).unwrap();
        let found = at(&json, &f.path())
            .unwrap_or_else(|| panic!("{} is not a path of the serialized plan", f.path()));
        assert_eq!(
            found.as_f64(),
            Some(got),
            "{}: get reads {got}, the file has {found}",
            f.path()
        );
    }
}

#[test]
fn a_table_entry_reaches_the_workbench_the_report_the_tornado_and_validation() {
    let s = distinct(every_kind());
    let shown = rows::build(&s, &[]);
    let report = runcost::report::markdown::assumptions(&s);
    let driven = drivers(&s);
    for f in Field::all(&s) {
        assert!(
            shown.contains(&Row::Field(f)),
            "{} not in the workbench",
            f.path()
        );
        assert!(
            report.contains(f.label()),
            "{} ({}) not in the assumptions table",
            f.path(),
            f.label()
        );
        assert!(!f.help().is_empty(), "{} has no help line", f.path());
        assert!(f.short_label().chars().count() <= 18, "{}", f.path());
        if f != Field::Horizon {
            assert!(driven.contains(&f), "{} is no sensitivity driver", f.path());
        }
        assert!(
            source_targets(&s).contains(&f.into()),
            "{} cannot be given a source",
            f.path()
        );
        // Validation checks it against its range: a value outside it is named.
        let mut bad = s.clone();
        f.set(&mut bad, f64::INFINITY);
        let stored = f.get(&bad).unwrap();
        if f.range().allows(stored) {
            continue; // a whole count stored as u32 cannot be out of range
        }
        let problems = validate(&bad);
        assert!(
            problems
                .iter()
                .any(|p| p.path == f.path() && p.allowed == f.range().explain(stored)),
            "{} out of range is not reported: {problems:?}",
            f.path()
        );
    }
}

#[test]
fn the_v2_inputs_are_in_the_table_with_their_sections() {
    let s = every_kind();
    let paths: Vec<(String, Section)> = Field::all(&s)
        .into_iter()
        .map(|f| (f.path(), f.section()))
        .collect();
    let has = |p: &str, sec: Section| {
        assert!(
            paths.contains(&(p.to_string(), sec)),
            "{p} not in {sec:?}: {paths:?}"
        )
    };
    has("workload.calls_per_request", Section::Tokens);
    has("workload.ramp_months", Section::Volume);
    has("workload.ramp_start_pct", Section::Volume);
    has("models[0].error_rate_pct", Section::Models);
    has("models[0].token_factor", Section::Models);
    has("models[2].pricing.peak_to_average", Section::Models);
    has("models[2].pricing.gpus_per_replica", Section::Models);
    has("models[2].pricing.spare_replicas", Section::Models);
    has("build.months", Section::Build);
    has("risk.drift_pct_per_month", Section::Risk);
    has("risk.error_costs[1].share_pct", Section::Risk);
    has("risk.error_costs[1].cost", Section::Risk);
    has("value.baseline_error_rate_pct", Section::Value);
    has("value.realization_pct", Section::Value);
    has("value.discount_rate_pct_per_year", Section::Value);
    // Sizing inputs only under a self-hosted model.
    assert!(
        !paths
            .iter()
            .any(|(p, _)| p == "models[0].pricing.peak_to_average")
    );
    // Every version-2 input path of the plan is a table path (or the tier
    // list as a whole, or the sources).
    let all: Vec<String> = paths.into_iter().map(|(p, _)| p).collect();
    for (p, _) in s.v2_inputs() {
        assert!(
            all.contains(&p) || p == "sources" || p == "risk.error_costs",
            "{p} has no table entry"
        );
    }
}

#[test]
fn a_model_error_rate_inherits_the_plan_rate_until_set_and_returns_to_it() {
    let mut s = v1("support-assistant");
    let f = Field::Model(0, ModelField::ErrorRate);
    let plan_rate = s.risk.error_rate_pct;
    assert_eq!(f.get(&s), Some(plan_rate));
    assert!(f.falls_back(&s));
    assert_eq!(f.fallback_note(), "(plan rate)");
    let up = f.stepped(plan_rate, 1.0, 1.0);
    f.set(&mut s, up);
    assert_eq!(s.models[0].error_rate_pct, Some(up));
    assert_eq!(s.format_version(), 2);
    f.set(&mut s, f.stepped(up, -1.0, 1.0));
    assert_eq!(
        s.models[0].error_rate_pct, None,
        "back at the plan's rate: inherited"
    );
    assert_eq!(s.format_version(), 1);
    // The inherited rate is checked once, at the plan's path.
    s.risk.error_rate_pct = 150.0;
    let problems = validate(&s);
    assert!(problems.iter().any(|p| p.path == "risk.error_rate_pct"));
    assert!(
        !problems
            .iter()
            .any(|p| p.path.ends_with("].error_rate_pct"))
    );
}

/// Every version-2 input of every version-1 plan, stepped one way and back,
/// returns exactly to its default and leaves the written file unchanged.
#[test]
fn stepping_a_v2_input_and_back_leaves_a_v1_plan_version_1() {
    for name in [
        "support-assistant",
        "support-self-hosted",
        "compliance-review",
        "doc-processing-small",
    ] {
        let original = v1(name);
        assert_eq!(original.format_version(), 1, "{name}");
        let golden = write_plan(&original);
        let v2: Vec<String> = original.v2_inputs().into_iter().map(|(p, _)| p).collect();
        let fields: Vec<Field> = Field::all(&original)
            .into_iter()
            .filter(|f| v2.contains(&f.path()))
            .collect();
        assert!(fields.len() >= 8, "{name}: {fields:?}");
        for f in fields {
            let mut s = original.clone();
            let v = f.get(&s).unwrap();
            let dir = if f.stepped(v, 1.0, 1.0) != v {
                1.0
            } else {
                -1.0
            };
            let moved = f.stepped(v, dir, 1.0);
            assert_ne!(moved, v, "{name}: {} does not move", f.path());
            f.set(&mut s, moved);
            assert_eq!(s.format_version(), 2, "{name}: {}", f.path());
            let back = f.stepped(moved, -dir, 1.0);
            assert_eq!(back, v, "{name}: {} steps back to {back}", f.path());
            f.set(&mut s, back);
            assert_eq!(write_plan(&s), golden, "{name}: {} left a trace", f.path());
        }
    }
}

fn app_with(plan: Scenario) -> App {
    let doc = Document::opened(plan, Some(PathBuf::from("/work/plan.ron")));
    let mut app = App::new(doc, builtin(), Some(PathBuf::from("/plans")));
    app.update(Msg::Resize {
        width: 120,
        height: 40,
    });
    app
}

fn select(app: &mut App, f: Field) {
    app.selected = app
        .rows
        .iter()
        .position(|r| *r == Row::Field(f))
        .unwrap_or_else(|| panic!("{} not shown", f.path()));
}

fn press(app: &mut App, k: Key) {
    app.update(Msg::Key(KeyChord::plain(k)));
}

fn saved_text(app: &mut App) -> String {
    let effects = app.update(Msg::Key(KeyChord::ctrl('s')));
    effects
        .into_iter()
        .find_map(|e| match e {
            Effect::Save { text, .. } => Some(text),
            _ => None,
        })
        .expect("Ctrl-S saves")
}

#[test]
fn a_v1_plan_edited_and_saved_in_the_workbench_is_still_version_1() {
    let original = v1("support-self-hosted");
    let mut a = app_with(original.clone());
    // Walk over and display every input, step each version-2 one there and
    // back, then edit a version-1 input.
    for f in Field::all(&original) {
        select(&mut a, f);
    }
    for f in [
        Field::Plan(PlanField::CallsPerRequest),
        Field::Plan(PlanField::Realization),
        Field::Model(0, ModelField::ErrorRate),
        Field::Model(0, ModelField::TokenFactor),
    ] {
        select(&mut a, f);
        press(&mut a, Key::Left);
        press(&mut a, Key::Right);
    }
    select(&mut a, Field::RequestsPerDay);
    press(&mut a, Key::Right);
    let text = saved_text(&mut a);
    assert!(text.contains("    version: 1,\n"), "{text}");
    let mut expected = original.clone();
    Field::RequestsPerDay.set(
        &mut expected,
        Field::RequestsPerDay.stepped(original.workload.requests_per_day, 1.0, 1.0),
    );
    assert_eq!(text, write_plan(&expected));
}

#[test]
fn a_v2_plan_edited_and_saved_in_the_workbench_stays_version_2() {
    let plan = load(&fixture("spec/v2-support-baseline-ramp.ron"));
    assert_eq!(plan.format_version(), 2);
    let mut a = app_with(plan);
    select(&mut a, Field::RequestsPerDay);
    press(&mut a, Key::Right);
    assert!(saved_text(&mut a).contains("    version: 2,\n"));
}

#[test]
fn the_inputs_pane_shows_an_inherited_model_rate_as_the_plan_rate() {
    let mut a = app_with(v1("support-assistant"));
    select(&mut a, Field::Model(0, ModelField::ErrorRate));
    let mut t = Terminal::new(TestBackend::new(120, 40)).unwrap();
    t.draw(|f| ui::render(f, &a, &Theme::plain())).unwrap();
    let screen: String = t
        .backend()
        .buffer()
        .content()
        .iter()
        .map(|c| c.symbol())
        .collect();
    assert!(screen.contains("(plan rate)"), "{screen}");
    // Set, it is the model's own.
    press(&mut a, Key::Right);
    t.draw(|f| ui::render(f, &a, &Theme::plain())).unwrap();
    let screen: String = t
        .backend()
        .buffer()
        .content()
        .iter()
        .map(|c| c.symbol())
        .collect();
    assert!(!screen.contains("(plan rate)"));
}

#[test]
fn the_tornado_of_a_v2_plan_moves_calls_per_request_and_its_fast_path_is_exact() {
    for plan in [
        load(&fixture("spec/v2-support-baseline-ramp.ron")),
        load(&fixture("spec/v2-claims-agent-gpus.ron")),
        uncommitted(distinct(every_kind())),
    ] {
        let swings = sensitivity(&plan, 20.0);
        let calls = swings
            .iter()
            .find(|w| w.path == "workload.calls_per_request")
            .expect("calls per request is a driver");
        assert!(calls.swing > 0.0, "more calls cost more");
        // The per-line fast path agrees with a whole projection, for the
        // new inputs of models as for the others.
        for w in &swings {
            // An input that cannot move the TCO (a sole model's share, a
            // replaced input) is flat by design: no projection to match.
            if runcost::model::inert::cannot_move(&plan, w.field) {
                assert_eq!(w.swing, 0.0, "{}", w.path);
                continue;
            }
            for (x, tco) in [(w.low_value, w.tco_low), (w.high_value, w.tco_high)] {
                let mut s = plan.clone();
                set_keeping_mix(&mut s, w.field, x);
                let full = project(&s).totals.tco;
                assert!(
                    (full - tco).abs() <= 1e-6 * full.abs().max(1.0),
                    "{} at {x}: tornado {tco}, projection {full}",
                    w.path
                );
            }
        }
    }
}

#[test]
fn an_uncertainty_range_on_a_v2_input_validates_and_simulates() {
    let mut s = load(&fixture("spec/v2-support-baseline-ramp.ron"));
    s.value.realization_pct = 60.0;
    s.uncertainty = vec![UncertainRange {
        field: "value.realization_pct".into(),
        low: 40.0,
        high: 80.0,
    }];
    assert_eq!(validate(&s), vec![]);
    let sim = simulate(&s, 200, 7);
    let again = simulate(&s, 200, 7);
    assert_eq!(format!("{sim:?}"), format!("{again:?}"));
    // Out of the field's range, the range is refused with the table's words.
    s.uncertainty[0].high = 120.0;
    let problems = validate(&s);
    assert!(
        problems
            .iter()
            .any(|p| p.path == "uncertainty[0].high" && p.allowed.contains("0 to 100")),
        "{problems:?}"
    );
    // A range on calls per request too.
    s.uncertainty = vec![UncertainRange {
        field: "workload.calls_per_request".into(),
        low: 0.5,
        high: s.workload.calls_per_request * 2.0,
    }];
    assert_eq!(validate(&s), vec![]);
}

/// Each entry's default is what serde gives a plan that leaves the input
/// out: a plan that writes nothing but the required parts has every input of
/// the table at its table default (or falling back, where the table says so).
#[test]
fn the_table_defaults_are_the_serde_defaults() {
    let s: Scenario = ron::from_str(
        r#"Scenario(
            version: 2,
            name: "defaults",
            workload: (),
            models: [
                (id: "api", pricing: Some(Api(long_context: Some(())))),
                (id: "gpu", pricing: Some(SelfHosted())),
            ],
            infrastructure: [()],
            risk: (error_costs: [(name: "tier")]),
        )"#,
    )
    .expect("a plan of defaults");
    let fields = Field::in_table_order(&s);
    for f in &fields {
        match f.default() {
            Some(d) => {
                assert_eq!(f.get(&s), Some(d), "{}", f.path());
                assert!(!f.falls_back(&s), "{}", f.path());
                assert!(!f.is_set(&s), "{}", f.path());
            }
            None => assert!(f.falls_back(&s), "{} has no default", f.path()),
        }
    }
    // Staffed reviewers do not exist under the default staffing (Auto).
    assert_eq!(Field::FixedReviewers.default(), None);
    assert_eq!(Field::FixedReviewers.get(&s), None);
    // Every entry of the table is in that plan but the staffed reviewers.
    use runcost::model::fields::{InfraField, TierField};
    for k in PlanField::ALL
        .iter()
        .filter(|k| **k != PlanField::FixedReviewers)
    {
        assert!(fields.contains(&Field::Plan(*k)), "{k:?}");
    }
    for k in ModelField::ALL {
        let either = [Field::Model(0, *k), Field::Model(1, *k)];
        assert!(either.iter().any(|f| fields.contains(f)), "{k:?}");
    }
    for k in InfraField::ALL {
        assert!(fields.contains(&Field::Infra(0, *k)), "{k:?}");
    }
    for k in TierField::ALL {
        assert!(fields.contains(&Field::Tier(0, *k)), "{k:?}");
    }
}

/// The version-2 inputs are listed in the order the plan file writes them,
/// so a version-1 file that sets several hears of them top to bottom.
#[test]
fn the_v2_inputs_are_listed_in_file_order() {
    let s: Scenario = ron::from_str(
        r#"Scenario(
            version: 2,
            name: "order",
            workload: (),
            models: [
                (id: "api", pricing: Some(Api())),
                (id: "gpu", pricing: Some(SelfHosted())),
            ],
            risk: (error_costs: [(name: "tier")]),
        )"#,
    )
    .expect("a plan");
    let paths: Vec<String> = s.v2_inputs().into_iter().map(|(p, _)| p).collect();
    assert_eq!(
        paths,
        [
            "workload.calls_per_request",
            "workload.ramp_months",
            "workload.ramp_start_pct",
            "models[0].error_rate_pct",
            "models[0].token_factor",
            "models[1].error_rate_pct",
            "models[1].token_factor",
            "models[1].pricing.peak_to_average",
            "models[1].pricing.gpus_per_replica",
            "models[1].pricing.spare_replicas",
            "build.months",
            "risk.drift_pct_per_month",
            "risk.error_costs",
            "risk.error_costs[0].share_pct",
            "risk.error_costs[0].cost",
            "value.baseline_error_rate_pct",
            "value.realization_pct",
            "value.discount_rate_pct_per_year",
            "sources",
        ]
    );
    assert_eq!(s.v2_fields_set(), ["risk.error_costs"]);
}

/// The report's assumptions are the table's: every row that sets a figure is
/// an input of the table (or the severity tiers as a whole) under its
/// section and label, and every row that describes is a model, or a
/// non-numeric input of the table under its label.
#[test]
fn every_assumptions_row_comes_from_the_table_with_its_label() {
    use runcost::model::fields::TextInput;
    use runcost::report::assumptions::rows;
    let tiers = TextInput::ErrorCosts;
    for s in [
        every_kind(),
        distinct(every_kind()),
        v1("support-self-hosted"),
    ] {
        let fields = Field::all(&s);
        let rows = rows(&s);
        assert!(rows.iter().filter(|a| a.path.is_some()).count() >= fields.len() / 2);
        for a in rows {
            match a.path.as_deref() {
                Some(p) if p == tiers.path() => {
                    assert_eq!(a.label, tiers.spec().label);
                    assert_eq!(a.section, Section::Risk.label());
                    assert!(!s.risk.error_costs.is_empty());
                }
                Some(p) => {
                    let f = fields.iter().find(|f| f.path() == p);
                    let f = f.unwrap_or_else(|| panic!("{p} is no input of the table"));
                    assert_eq!(a.section, f.section().label(), "{p}");
                    assert!(a.label.ends_with(f.label()), "{p}: {}", a.label);
                }
                None => {
                    let texts = [TextInput::Retrieval, TextInput::Staffing].map(|t| t.spec().label);
                    let model = s.models.iter().any(|m| m.id == a.label);
                    assert!(model || texts.contains(&a.label.as_str()), "{a:?}");
                    assert!(Section::ALL.iter().any(|x| x.label() == a.section), "{a:?}");
                }
            }
        }
    }
}
