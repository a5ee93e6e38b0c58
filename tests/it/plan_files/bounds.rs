//! Every input is bounded (docs/scenario-format.md, "Input bounds"), and
//! inside the bounds every analysis and every output format stays finite
//! and readable: plans generated at the bounds are run through the
//! projection, sensitivity (±20 % and ±99 %), the Monte Carlo, break-even,
//! the budget search, comparison, every report format and the workbench's
//! screens, and no output holds `inf`, `NaN`, a null where a figure belongs
//! or a number of twenty digits.

use crate::common;
use common::ui::workbench;

use std::path::{Path, PathBuf};

use common::ui::select;
use common::{builtin, fixture, root, runcost, scenario};
use proptest::prelude::*;
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use runcost::app::keymap::{Key, KeyChord};
use runcost::app::{App, Document, Msg};
use runcost::model::analysis::breakeven::{hosting, minutes_to_pay_back, volume_for_budget};
use runcost::model::analysis::sensitivity::sensitivity;
use runcost::model::analysis::set_keeping_mix;
use runcost::model::analysis::uncertainty::simulate;
use runcost::model::catalog_rules::check_model;
use runcost::model::fields::{Field, ModelField, TierField};
use runcost::model::validate::{Range, SMALLEST, validate};
use runcost::model::{
    InfraItem, LongContext, Person, PriceJump, Pricing, Projection, Reviewers, Scenario, Tool,
    UncertainRange, project,
};
use runcost::report::analysis as ra;
use runcost::report::compare::Entry;
use runcost::report::{self, Format};
use runcost::ui::{self, Theme};

// ---------------------------------------------------------------------------
// A plan with every kind of input, and that plan at the bounds.
// ---------------------------------------------------------------------------

/// The support assistant with every kind of input there is: two API models
/// (one with a long-context tier and a dated price), a self-hosted model,
/// retrieval, two infrastructure lines of the same name, staffed reviewers,
/// severity tiers and every version-2 input.
fn rich() -> Scenario {
    let catalog = builtin();
    let mut s = scenario("support-assistant");
    s.version = 2;
    s.start = Some("2027-01".into());
    s.uncertainty.clear();
    if let Some(Pricing::Api(a)) = &mut s.models[0].pricing {
        a.long_context = Some(LongContext {
            cache_write_per_mtok: None,
            above_tokens: 200_000.0,
            input_per_mtok: 1.5,
            cached_input_per_mtok: Some(0.15),
            output_per_mtok: 9.0,
        });
    }
    let flash = catalog
        .model("gemini-3.8-flash")
        .expect("a model with dated prices");
    s.models[1].schedule = flash.schedule.clone();
    let hosted = catalog.model("llama-3.3-70b-4xh100").unwrap();
    let mut m = s.models[0].clone();
    m.id = hosted.id.clone();
    m.pricing = Some(hosted.pricing.clone());
    m.schedule = Vec::new();
    m.share_pct = 10.0;
    s.models[0].share_pct = 75.0;
    s.models.push(m);
    s.infrastructure.push(InfraItem {
        name: s.infrastructure[0].name.clone(),
        monthly: 10.0,
        per_thousand_requests: 0.01,
    });
    s.oversight.reviewers = Reviewers::Fixed(2.0);
    s.risk.error_costs = common::error_costs(&[("minor", 80.0, 5.0), ("legal", 20.0, 2500.0)]);
    s.risk.cost_per_uncaught_error = 0.0;
    s.risk.drift_pct_per_month = 1.0;
    s.workload.ramp_months = 3;
    s.build.months = 2;
    // Every version-3 input and list.
    s.version = 3;
    s.workload.cache_write_pct = 5.0;
    s.workload.max_requests_per_day = Some(50_000.0);
    s.workload.tools = vec![Tool {
        name: "search".into(),
        per_request: 1.0,
        price_per_thousand: 10.0,
    }];
    s.models[0].commitment_monthly = 100.0;
    s.models[1].discount_pct = -10.0;
    s.oversight.salary_growth_pct_per_year = 3.0;
    s.oversight.flagged_recall_pct = Some(20.0);
    s.value.team_fte = Some(40.0);
    s.change.price_steps = vec![PriceJump {
        month: 6,
        pct: 20.0,
    }];
    s.people = vec![Person {
        role: "Eval".into(),
        fte: 0.5,
        annual_cost: 150_000.0,
        from_month: 2,
        until_month: Some(10),
    }];
    if let Some(Pricing::SelfHosted(h)) = &mut s.models[2].pricing {
        h.input_tokens_per_second_per_gpu = Some(20_000.0);
    }
    assert!(validate(&s).is_empty(), "{:?}", validate(&s));
    s
}

/// Where in its range an input is put.
#[derive(Debug, Clone, Copy)]
enum End {
    /// The least value allowed (0 for most; −99 % growth).
    Least,
    /// The smallest value above 0 ([`SMALLEST`]) where 0 is allowed.
    Smallest,
    /// The largest value allowed.
    Most,
    /// Somewhere in between (a share of the way from least to most).
    Between(f64),
}

fn at(f: Field, end: End) -> f64 {
    let r = f.range();
    let b = r;
    let v = match end {
        End::Least => r.least(),
        End::Smallest if b.floor => SMALLEST,
        End::Smallest => r.least(),
        End::Most => b.hi,
        End::Between(x) => r.least() + (b.hi - r.least()) * x,
    };
    r.clamp(v)
}

/// `base` with each input at its end; shares of the mix and of the tiers
/// put back to 100 %, and ranges on `ranged` inputs from their least to
/// their most.
fn plan_at(base: &Scenario, ends: &[End], ranged: &[usize]) -> Scenario {
    let mut s = base.clone();
    let fields = Field::all(base);
    for (k, f) in fields.iter().enumerate() {
        let end = ends[k % ends.len()];
        f.set(&mut s, at(*f, end));
    }
    normalise(&mut s);
    // Ranges over the whole of what each input allows.
    let fields = Field::all(&s);
    for &k in ranged {
        let f = fields[k % fields.len()];
        if f == Field::Horizon || s.uncertainty.iter().any(|u| u.field == f.path()) {
            continue;
        }
        let r = f.range();
        s.uncertainty.push(UncertainRange {
            field: f.into(),
            low: r.least(),
            high: r.hi,
        });
    }
    // A range must contain the plan's value: a value the shares moved is
    // inside [least, most] anyway.
    s
}

/// Shares of the mix and of the severity tiers summing to 100; cache reads
/// and writes within the input; months of the team and of price steps
/// within the horizon.
fn normalise(s: &mut Scenario) {
    let room = 100.0 - s.workload.cached_input_pct;
    let w = &mut s.workload.cache_write_pct;
    *w = w.min(room);
    if *w < SMALLEST {
        *w = 0.0;
    }
    let h = s.horizon_months;
    for p in &mut s.people {
        p.from_month = p.from_month.min(h);
        if let Some(u) = &mut p.until_month {
            *u = (*u).clamp(p.from_month, h);
        }
    }
    for st in &mut s.change.price_steps {
        st.month = st.month.min(h);
    }
    let total: f64 = s.models.iter().map(|m| m.share_pct).sum();
    let n = s.models.len() as f64;
    for m in &mut s.models {
        m.share_pct = if total > 0.0 {
            m.share_pct / total * 100.0
        } else {
            100.0 / n
        };
        if m.share_pct < SMALLEST {
            m.share_pct = 0.0;
        }
    }
    let total: f64 = s.risk.error_costs.iter().map(|t| t.share_pct).sum();
    let n = s.risk.error_costs.len() as f64;
    for t in &mut s.risk.error_costs {
        t.share_pct = if total > 0.0 {
            t.share_pct / total * 100.0
        } else {
            100.0 / n
        };
        if t.share_pct < SMALLEST {
            t.share_pct = 0.0;
        }
    }
}

// ---------------------------------------------------------------------------
// What every output must be.
// ---------------------------------------------------------------------------

/// Keys whose null means "this figure does not exist" (the spec's nulls:
/// no ROI without cost, no payback within the horizon, …), never "too large".
const NULL_MEANS_NONE: &[&str] = &[
    "roi_pct",
    "payback_month",
    "payback_month_from_start",
    "cost_per_request",
    "cash_cost_per_request",
    "roi_on_cash_pct",
    "upkeep_pct_of_build_per_year",
    "run_to_build",
    "start",
    "error_rate_pct",
    "requests_per_day",
    "gpus",
    "cheaper_above",
    "budget",
    "max_requests_per_day",
    "minutes_saved_to_pay_back",
    "pct",
    "delta",
    // An input a compared plan does not have.
    "values",
];

fn json_nulls(v: &serde_json::Value, key: &str, out: &mut Vec<String>) {
    match v {
        serde_json::Value::Null => out.push(key.to_string()),
        serde_json::Value::Array(a) => a.iter().for_each(|x| json_nulls(x, key, out)),
        serde_json::Value::Object(o) => o.iter().for_each(|(k, x)| json_nulls(x, k, out)),
        serde_json::Value::Number(n) => {
            assert!(n.as_f64().is_some_and(f64::is_finite), "{key}: {n}")
        }
        _ => {}
    }
}

/// A JSON document holds only finite numbers, and nulls only where a figure
/// does not exist.
fn json_ok(what: &str, text: &str) {
    machine_ok(what, text);
    let v: serde_json::Value =
        serde_json::from_str(text).unwrap_or_else(|e| panic!("{what}: {e}\n{text}"));
    let mut nulls = Vec::new();
    json_nulls(&v, "", &mut nulls);
    for k in nulls {
        assert!(
            NULL_MEANS_NONE.contains(&k.as_str()),
            "{what}: \"{k}\": null where a figure belongs"
        );
    }
}

/// Text for a person: no infinity, no NaN, no number of twenty digits or
/// more (with or without separators), and no "n/a" unless `na_allowed`.
fn text_ok(what: &str, text: &str, na_allowed: bool) {
    words_ok(what, text, na_allowed);
    digits_ok(what, text, |c| c == ',');
}

/// CSV or JSON: plain numbers, none with twenty digits before its point.
fn machine_ok(what: &str, text: &str) {
    words_ok(what, text, false);
    digits_ok(what, text, |_| false);
    let mut int_digits = 0;
    let mut after_point = false;
    for c in text.chars() {
        match c {
            '0'..='9' if !after_point => int_digits += 1,
            '0'..='9' => {}
            '.' => after_point = true,
            _ => {
                int_digits = 0;
                after_point = false;
            }
        }
        assert!(
            int_digits < 20,
            "{what}: a number of twenty digits in\n{text}"
        );
    }
}

fn words_ok(what: &str, text: &str, na_allowed: bool) {
    let words = text
        .split(|c: char| !(c.is_alphanumeric() || c == '/'))
        .map(str::to_lowercase);
    for w in words {
        assert!(
            !["inf", "infinity", "nan"].contains(&w.as_str()),
            "{what}: {w:?} in\n{text}"
        );
        if !na_allowed {
            assert!(w != "n/a", "{what}: n/a in\n{text}");
        }
    }
    assert!(!text.contains('∞'), "{what}: ∞ in\n{text}");
}

/// No run of twenty digits, `groups` characters (thousands separators)
/// counting as part of the number; digits after a decimal point count only
/// in person-readable text.
fn digits_ok(what: &str, text: &str, groups: impl Fn(char) -> bool) {
    let mut run = 0;
    let mut fraction = false;
    for (i, c) in text.char_indices() {
        if c.is_ascii_digit() {
            if !fraction {
                run += 1;
            }
        } else if c == '.' {
            run = 0;
            fraction = !groups(',');
        } else if !groups(c) {
            run = 0;
            fraction = false;
        }
        if run >= 20 {
            let from = text[..i].rfind(char::is_whitespace).unwrap_or(0);
            let to = text[i..]
                .find(char::is_whitespace)
                .map_or(text.len(), |e| i + e);
            panic!(
                "{what}: a number of twenty digits: {}\nin\n{text}",
                &text[from..to]
            );
        }
    }
}

fn finite(what: &str, v: f64) {
    assert!(v.is_finite(), "{what} is {v}");
}

fn projection_ok(p: &Projection) {
    for m in &p.months {
        for (k, v) in [
            ("requests", m.requests),
            ("calls", m.calls),
            ("total", m.total),
            ("value", m.value),
            ("net", m.net),
            ("cumulative net", m.cumulative_net),
            ("reviewers needed", m.reviewer_fte_needed),
            ("reviewers staffed", m.reviewer_fte_staffed),
            ("coverage", m.review_coverage_pct),
            ("gpus", m.gpus),
            ("errors avoided", m.errors_avoided),
            ("error rate", m.error_rate_pct),
        ] {
            finite(&format!("month {} {k}", m.month), v);
        }
    }
    let t = &p.totals;
    for (k, v) in [
        ("tco", t.tco),
        ("run cost", t.run_cost),
        ("value", t.value),
        ("net", t.net),
        ("npv", t.npv),
        ("requests", t.requests),
        ("errors avoided", t.errors_avoided),
    ] {
        finite(k, v);
    }
    // A ratio is there whenever what it divides by is not 0, and finite.
    assert_eq!(t.roi_pct.is_some(), t.tco != 0.0);
    assert_eq!(t.cost_per_request.is_some(), t.requests != 0.0);
    for v in [
        t.roi_pct,
        t.cost_per_request,
        t.run_to_build_ratio(),
        t.upkeep_pct_of_build_per_year,
    ]
    .into_iter()
    .flatten()
    {
        finite("a ratio", v);
    }
}

/// Whether the plan's own reports may say "n/a": only for a ratio that does
/// not exist.
fn na_allowed(p: &Projection) -> bool {
    let t = &p.totals;
    t.roi_pct.is_none()
        || t.cost_per_request.is_none()
        || t.run_to_build_ratio().is_none()
        || t.upkeep_pct_of_build_per_year.is_none()
}

/// Everything runcost can show for `s`, checked.
fn every_output_is_finite(s: &Scenario, draws: usize, screens: bool) {
    assert!(validate(s).is_empty(), "{:?}", validate(s));
    let catalog = builtin();
    let p = project(s);
    projection_ok(&p);
    let na = na_allowed(&p);

    for f in [Format::Table, Format::Md, Format::Csv, Format::Json] {
        let text = report::render(f, s, &p, &catalog.as_of).unwrap();
        match f {
            Format::Json => json_ok("report json", &text),
            Format::Csv => machine_ok("report csv", &text),
            _ => text_ok(&format!("report {f:?}"), &text, na),
        }
    }
    let md = report::client::markdown(s, &p, &catalog, "2026-12-07");
    text_ok("client md", &md, na);
    let html = report::client::html(s, &p, &catalog, "2026-12-07");
    text_ok("client html", &html, na);

    for pct in [20.0, 99.0] {
        let swings = sensitivity(s, pct);
        for w in &swings {
            for v in [
                w.value,
                w.low_value,
                w.high_value,
                w.tco_low,
                w.tco_high,
                w.swing,
            ] {
                finite(&w.path, v);
            }
        }
        text_ok(
            "sensitivity table",
            &ra::sensitivity_table(s, &swings, ra::On::tco(pct), usize::MAX, None),
            false,
        );
        text_ok(
            "sensitivity md",
            &ra::sensitivity_md(s, &swings, ra::On::tco(pct), usize::MAX),
            false,
        );
        machine_ok(
            "sensitivity csv",
            &ra::sensitivity_csv(&swings, runcost::model::analysis::metric::Metric::Tco).unwrap(),
        );
        let json = ra::sensitivity_json(&swings, ra::On::tco(pct)).unwrap();
        json_ok("sensitivity json", &json);
    }

    let sim = simulate(s, draws, 7);
    assert_eq!(sim.overflowed, 0);
    for b in std::iter::once(&sim.tco).chain(&sim.monthly_total) {
        for v in [b.p10, b.p50, b.p90] {
            finite("a band", v);
        }
    }
    text_ok(
        "simulate",
        &ra::simulation_table(s, &sim, runcost::model::analysis::metric::Metric::Tco, None),
        false,
    );
    json_ok(
        "simulate json",
        &ra::simulation_json(&sim, runcost::model::analysis::metric::Metric::Tco).unwrap(),
    );

    let found = hosting(s, &catalog);
    for h in &found {
        for v in [
            h.plan_inference,
            h.option_inference,
            h.plan_errors,
            h.option_errors,
            h.option_error_rate_pct,
            h.peak_to_average,
        ] {
            finite(&h.option, v);
        }
        for v in [h.requests_per_day, h.gpus].into_iter().flatten() {
            finite(&h.option, v);
        }
    }
    let minutes = minutes_to_pay_back(s);
    if let Some(m) = minutes.minutes() {
        finite("minutes", m);
        assert!(m >= 0.0, "{minutes:?}");
    }
    for budget in [0.0, 1e6, runcost::cmd::analysis::MAX_BUDGET] {
        let v = volume_for_budget(s, budget);
        let text =
            runcost::report::breakeven::breakeven_text(s, &found, minutes, Some((budget, v)));
        text_ok("breakeven", &text, false);
        assert!(
            !text.contains("−0") && !text.contains("at least -"),
            "{text}"
        );
        json_ok(
            "breakeven json",
            &runcost::report::breakeven::breakeven_json(&found, minutes, Some((budget, v)))
                .unwrap(),
        );
    }

    let base = scenario("support-assistant");
    let pb = project(&base);
    for pair in [[(&base, &pb), (s, &p)], [(s, &p), (&base, &pb)]] {
        let entries: Vec<Entry> = pair
            .iter()
            .map(|(plan, projection)| Entry {
                file: "plan.ron".into(),
                plan,
                projection,
            })
            .collect();
        text_ok(
            "compare table",
            &report::compare::table(&entries, None),
            true,
        );
        text_ok("compare md", &report::compare::markdown(&entries), true);
        machine_ok("compare csv", &report::compare::csv(&entries).unwrap());
        json_ok("compare json", &report::compare::json(&entries).unwrap());
    }

    if screens {
        workbench_screens(s, na);
    }
}

/// The workbench on the plan: the main screen, the tornado, the break-even
/// panel, presentation mode and the compare view, each drawn.
fn workbench_screens(s: &Scenario, na: bool) {
    for keys in ["", "t", "B", "P", "vc"] {
        let mut app = App::new(Document::opened(s.clone(), None), builtin(), None);
        app.update(Msg::Resize {
            width: 160,
            height: 48,
        });
        for c in keys.chars() {
            app.update(Msg::Key(KeyChord::ch(c)));
            if c == 'v' {
                app.update(Msg::Key(KeyChord::plain(Key::Enter)));
            }
        }
        let mut t = Terminal::new(TestBackend::new(160, 48)).unwrap();
        t.draw(|f| ui::render(f, &app, &Theme::plain())).unwrap();
        let screen = format!("{}", t.backend());
        text_ok(&format!("workbench {keys:?}"), &screen, na || keys == "vc");
    }
}

#[test]
fn a_plan_with_every_input_at_its_most_stays_finite_everywhere() {
    let base = rich();
    let s = plan_at(&base, &[End::Most], &[]);
    every_output_is_finite(&s, 200, true);
    // And with a range over the whole of every input at once.
    let all: Vec<usize> = (0..Field::all(&s).len()).collect();
    // (The horizon takes no range; `plan_at` leaves it out.)
    let ranged = plan_at(&base, &[End::Most], &all);
    every_output_is_finite(&ranged, 100, false);
}

#[test]
fn a_plan_with_every_input_at_its_least_or_smallest_stays_finite_everywhere() {
    let base = rich();
    every_output_is_finite(&plan_at(&base, &[End::Least], &[]), 100, true);
    every_output_is_finite(&plan_at(&base, &[End::Smallest], &[]), 100, true);
    // The smallest amounts against the largest volumes: ratios divide by
    // tiny figures.
    let mixed = plan_at(&base, &[End::Smallest, End::Most, End::Least], &[0, 5, 17]);
    every_output_is_finite(&mixed, 100, true);
}

fn end() -> impl Strategy<Value = End> {
    prop_oneof![
        1 => Just(End::Least),
        1 => Just(End::Smallest),
        3 => Just(End::Most),
        1 => (0.0..1.0f64).prop_map(End::Between),
    ]
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 24, ..ProptestConfig::default() })]

    #[test]
    fn plans_at_the_bounds_give_finite_readable_output_in_every_format(
        ends in proptest::collection::vec(end(), 1..90),
        ranged in proptest::collection::vec(0usize..200, 0..6),
    ) {
        let s = plan_at(&rich(), &ends, &ranged);
        every_output_is_finite(&s, 50, false);
    }
}

// ---------------------------------------------------------------------------
// The reproduction, and inputs of the same kind.
// ---------------------------------------------------------------------------

struct Dir(tempfile::TempDir);

impl Dir {
    fn new() -> Self {
        Dir(tempfile::tempdir().unwrap())
    }

    fn plan(&self, name: &str, s: &Scenario) -> PathBuf {
        let path = self.0.path().join(name);
        std::fs::write(&path, runcost::codec::write_plan(s)).unwrap();
        path
    }
}

fn run(args: &[&str]) -> (Option<i32>, String, String) {
    let out = runcost(args);
    (
        out.status.code(),
        String::from_utf8_lossy(&out.stdout).into_owned(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

#[test]
fn an_output_price_of_4_9e305_is_refused_naming_the_field_value_and_range() {
    let d = Dir::new();
    let mut s = scenario("support-assistant");
    s.uncertainty.clear();
    let Some(Pricing::Api(a)) = &mut s.models[0].pricing else {
        panic!("an API model")
    };
    a.output_per_mtok = 4.9e305;
    let file = d.plan("big.ron", &s);
    let f = file.to_str().unwrap();
    for args in [
        vec!["check", f],
        vec!["sensitivity", "-f", "csv", f],
        vec!["sensitivity", "-f", "json", f],
        vec!["sensitivity", f],
        vec!["simulate", f],
        vec!["breakeven", f],
        vec!["report", f],
    ] {
        let (code, out, err) = run(&args);
        assert_eq!(code, Some(2), "{args:?}: {out}");
        assert!(out.is_empty(), "{args:?}: nothing on stdout: {out}");
        assert!(
            err.contains(
                "models[0].pricing.output_per_mtok is 4.9e305; must be a price from 0 to 10,000 per 1M tokens"
            ),
            "{args:?}: {err}"
        );
        text_ok("the refusal", &err, false);
    }
}

#[test]
fn a_price_at_its_bound_gives_finite_readable_analyses_and_check_output() {
    let d = Dir::new();
    let mut s = scenario("support-assistant");
    s.uncertainty.clear();
    let Some(Pricing::Api(a)) = &mut s.models[0].pricing else {
        panic!("an API model")
    };
    a.output_per_mtok = Range::TokenPrice.hi;
    s.workload.requests_per_day = Range::RequestsPerDay.hi;
    // No volume ceiling: the volume grows to the most a plan may have.
    s.workload.max_requests_per_day = None;
    s.workload.output_tokens = Range::Tokens.hi;
    s.workload.monthly_growth_pct = Range::Growth.hi;
    s.horizon_months = 60;
    let file = d.plan("most.ron", &s);
    let f = file.to_str().unwrap();
    for args in [
        vec!["check", f],
        vec!["sensitivity", "-f", "csv", f],
        vec!["sensitivity", "-f", "json", f],
        vec!["sensitivity", "-f", "md", f],
        vec!["sensitivity", f],
        vec!["simulate", "--draws", "50", f],
        vec!["breakeven", f, "--budget", "1e12"],
        vec!["breakeven", "-f", "json", f],
        vec!["report", f],
        vec!["report", "-f", "csv", f],
        vec!["report", "-f", "json", f],
        vec!["report", "-f", "md", f],
        vec!["report", "-f", "html", f],
        vec![
            "compare",
            f,
            &root()
                .join("scenarios/support-assistant.ron")
                .to_string_lossy(),
        ],
    ] {
        let (code, out, err) = run(&args);
        assert_eq!(code, Some(0), "{args:?}: {err}");
        if args.contains(&"json") {
            json_ok(&format!("{args:?}"), &out);
        } else if args.contains(&"csv") {
            machine_ok(&format!("{args:?}"), &out);
        } else {
            text_ok(&format!("{args:?}"), &out, args[0] == "compare");
        }
        text_ok(&format!("{args:?} stderr"), &err, false);
    }
    // `check` says the snapshot differs from the catalog, readably.
    let (_, out, _) = run(&["check", f]);
    assert!(out.contains("output $10,000.00 → $4.50"), "{out}");
    // The change, far past a trillion, in short power form (−$2.073e79).
    let change = out
        .split("would change the TCO by −$")
        .nth(1)
        .and_then(|rest| rest.split(' ').next())
        .unwrap_or_else(|| panic!("{out}"));
    let (mantissa, exponent) = change.split_once('e').unwrap_or_else(|| panic!("{change}"));
    assert!(
        mantissa.len() == 5
            && mantissa.parse::<f64>().is_ok()
            && exponent.parse::<u32>().unwrap() > 12,
        "{change}"
    );
}

#[test]
fn every_kind_of_input_is_refused_above_its_bound_with_field_value_and_range() {
    let base = rich();
    for f in Field::all(&base) {
        let b = f.range();
        let mut s = base.clone();
        let over = if b.whole { b.hi + 1.0 } else { b.hi * 1.5 };
        if !f.set(&mut s, over) || f.get(&s) != Some(over) {
            continue;
        }
        let problems = validate(&s);
        let p = problems
            .iter()
            .find(|p| p.path == f.path())
            .unwrap_or_else(|| panic!("{} at {over} is not refused: {problems:?}", f.path()));
        assert_eq!(p.allowed, f.range().describe(), "{}", f.path());
        assert!(
            p.allowed.contains(&runcost::model::validate::bound(b.hi)),
            "{}: {}",
            f.path(),
            p.allowed
        );
        assert!(!p.value.is_empty());
        // Typed in the workbench, the same words.
        assert_eq!(f.check(over), Err(f.range().describe()));
    }
    // Above 0 but below the smallest: said so.
    let mut s = base.clone();
    s.build.initial_cost = 1e-9;
    let p = &validate(&s)[0];
    assert_eq!(p.path, "build.initial_cost");
    assert_eq!(
        p.allowed,
        "must be 0, or an amount from 0.000001 to 10,000,000,000"
    );
}

#[test]
fn uncertainty_bounds_are_held_to_the_input_bounds_at_each_end() {
    let mut s = rich();
    s.uncertainty = vec![common::uncertain(
        "models[0].pricing.output_per_mtok",
        1.0,
        1e200,
    )];
    let p = validate(&s);
    assert_eq!(p.len(), 1, "{p:?}");
    assert_eq!(p[0].path, "uncertainty[0].high");
    assert_eq!(p[0].value, "1e200");
    assert!(
        p[0].allowed
            == "the range of models[0].pricing.output_per_mtok must be a price from 0 to 10,000 per 1M tokens",
        "{}",
        p[0].allowed
    );
}

#[test]
fn dated_prices_are_held_to_the_same_bounds_as_prices() {
    let mut s = rich();
    let mut sp = s.models[1].schedule[0].clone();
    let Pricing::Api(a) = &mut sp.pricing else {
        panic!("an API price")
    };
    a.output_per_mtok = 4.9e305;
    a.batch_discount_pct = 120.0;
    a.long_context = Some(LongContext {
        cache_write_per_mtok: None,
        above_tokens: 1e9,
        input_per_mtok: 1.0,
        cached_input_per_mtok: None,
        output_per_mtok: 1.0,
    });
    s.models[1].schedule[0] = sp;
    let paths: Vec<String> = validate(&s).into_iter().map(|p| p.path).collect();
    assert_eq!(
        paths,
        [
            "models[1].schedule[0].pricing.output_per_mtok",
            "models[1].schedule[0].pricing.batch_discount_pct",
            "models[1].schedule[0].pricing.long_context.above_tokens",
        ]
    );
}

#[test]
fn catalog_entries_a_plan_takes_prices_from_are_held_to_the_bounds() {
    let catalog = builtin();
    let mut api = catalog.model("gpt-5.4-mini").unwrap().clone();
    let Pricing::Api(a) = &mut api.pricing else {
        panic!()
    };
    a.output_per_mtok = 4.9e305;
    let p = check_model(&api);
    assert_eq!(p.len(), 1, "{p:?}");
    assert_eq!(p[0].path, "pricing.output_per_mtok");
    assert_eq!(
        p[0].allowed,
        "must be a price from 0 to 10,000 per 1M tokens"
    );

    let mut gpu = catalog.model("llama-3.3-70b-4xh100").unwrap().clone();
    let Pricing::SelfHosted(h) = &mut gpu.pricing else {
        panic!()
    };
    h.gpu_hourly = 5_000.0;
    h.min_gpus = 2_000_000;
    let paths: Vec<String> = check_model(&gpu).into_iter().map(|p| p.path).collect();
    assert_eq!(paths, ["pricing.gpu_hourly", "pricing.min_gpus"]);
    // Every built-in entry is within the bounds.
    for m in &catalog.models {
        assert!(check_model(m).is_empty(), "{}: {:?}", m.id, check_model(m));
    }
}

#[test]
fn the_budget_flag_is_bounded_and_a_budget_past_every_volume_says_so() {
    let file = root().join("scenarios/support-assistant.ron");
    let f = file.to_str().unwrap();
    let (code, _, err) = run(&["breakeven", f, "--budget", "1e300"]);
    assert_eq!(code, Some(2));
    assert!(
        err.contains("--budget 1e300: must be a monthly amount from 0 to 1,000,000,000,000"),
        "{err}"
    );
    let (code, out, err) = run(&["breakeven", f, "--budget", "1e12"]);
    assert_eq!(code, Some(0), "{err}");
    assert!(
        out.contains("holds even 10,000,000,000 requests/day (the most a plan may have)"),
        "{out}"
    );
}

// ---------------------------------------------------------------------------
// Every shipped plan is inside the bounds, with room to grow.
// ---------------------------------------------------------------------------

fn shipped() -> Vec<(String, Scenario)> {
    let catalog = builtin();
    let mut out = Vec::new();
    let mut dirs: Vec<PathBuf> = vec![
        root().join("scenarios"),
        fixture("spec"),
        fixture("v1-written"),
        fixture("fuzz"),
    ];
    dirs.sort();
    for dir in dirs {
        let mut files: Vec<PathBuf> = std::fs::read_dir(&dir)
            .unwrap()
            .map(|e| e.unwrap().path())
            .filter(|p| p.extension().is_some_and(|e| e == "ron"))
            .filter(|p| !file_name(p).starts_with("invalid-"))
            .collect();
        files.sort();
        for p in files {
            out.push((p.display().to_string(), common::load(&p)));
        }
    }
    for u in runcost::store::use_cases::USE_CASES {
        let plan = runcost::store::use_cases::load(u, &catalog, &[]).unwrap();
        out.push((format!("template {}", u.name), plan));
    }
    assert!(out.len() >= 30, "{}", out.len());
    out
}

fn file_name(p: &Path) -> String {
    p.file_name().unwrap().to_string_lossy().into_owned()
}

#[test]
fn every_shipped_plan_is_inside_the_bounds_with_a_tenfold_headroom() {
    for (name, s) in shipped() {
        assert!(validate(&s).is_empty(), "{name}: {:?}", validate(&s));
        for f in Field::all(&s) {
            let v = f.get(&s).unwrap();
            let b = f.range();
            // Percentages, day counts and the like are bounded by what they
            // are; a bound of a volume, price or amount is far above any
            // shipped figure.
            let natural = [
                Range::Percent,
                Range::PositivePercent,
                Range::DaysPerMonth,
                Range::Horizon,
                Range::WholeMonths,
                Range::Growth,
                Range::Drift,
                Range::SignedPercent,
                Range::SalaryGrowth,
                Range::PlanMonth,
                Range::HoursPerMonth,
                Range::TokenFactor,
                Range::PeakToAverage,
                Range::GpusPerReplica,
                Range::SpareReplicas,
                Range::UpdatesPerYear,
            ]
            .contains(&f.range());
            if !natural {
                assert!(
                    v * 10.0 <= b.hi,
                    "{name}: {} = {v} is within a tenth of its bound {}",
                    f.path(),
                    b.hi
                );
            }
        }
        for u in &s.uncertainty {
            let f = Field::all(&s)
                .into_iter()
                .find(|f| u.field == f.path())
                .unwrap();
            assert!(f.check(u.low).is_ok() && f.check(u.high).is_ok(), "{name}");
        }
    }
}

#[test]
fn every_shipped_plan_gives_finite_readable_output() {
    for (name, s) in shipped() {
        eprintln!("{name}");
        every_output_is_finite(&s, 20, false);
    }
}

// ---------------------------------------------------------------------------
// The workbench refuses what validation refuses, in the same words.
// ---------------------------------------------------------------------------

#[test]
fn the_workbench_refuses_a_typed_value_above_its_bound_and_doubling_stops_at_it() {
    let mut app = workbench(Document::opened(scenario("support-assistant"), None), None);
    app.update(Msg::Resize {
        width: 160,
        height: 48,
    });
    let f = Field::Model(0, ModelField::ApiOutput);
    select(&mut app, runcost::app::rows::Row::Field(f));
    app.update(Msg::Key(KeyChord::plain(Key::Enter)));
    for _ in 0..10 {
        app.update(Msg::Key(KeyChord::plain(Key::Backspace)));
    }
    for c in "4.9e305".chars() {
        app.update(Msg::Key(KeyChord::ch(c)));
    }
    app.update(Msg::Key(KeyChord::plain(Key::Enter)));
    assert_eq!(f.get(&app.doc().plan), Some(4.5), "not taken");
    let mut t = Terminal::new(TestBackend::new(160, 48)).unwrap();
    t.draw(|fr| ui::render(fr, &app, &Theme::plain())).unwrap();
    let screen = format!("{}", t.backend());
    assert!(
        screen.contains("must be a price from 0 to 10,000 per 1M tokens"),
        "{screen}"
    );
    // × 2 on a value at its bound keeps it there and says why.
    app.update(Msg::Key(KeyChord::plain(Key::Esc)));
    let rpd = runcost::app::rows::Row::Field(Field::RequestsPerDay);
    app.selected = app.rows.iter().position(|r| *r == rpd).unwrap();
    for _ in 0..30 {
        app.update(Msg::Key(KeyChord::ch('*')));
    }
    assert_eq!(
        app.doc().plan.workload.requests_per_day,
        Range::RequestsPerDay.hi
    );
    let status = app
        .status
        .as_ref()
        .map(|s| s.text.clone())
        .unwrap_or_default();
    assert!(
        status.contains("must be from 0 to 10,000,000,000 requests a day"),
        "{status}"
    );
    assert!(validate(&app.doc().plan).is_empty());
    // A tier's cost can be stepped, never past its bound.
    let mut s = rich();
    let tier = Field::Tier(1, TierField::Cost);
    tier.set(&mut s, Range::ErrorCost.hi);
    assert_eq!(
        tier.stepped(Range::ErrorCost.hi, 1.0, 3.0),
        Range::ErrorCost.hi
    );
    // Moving a share keeps the mix within its bounds too.
    set_keeping_mix(&mut s, Field::ModelShare(0), 250.0);
    assert!(validate(&s).is_empty(), "{:?}", validate(&s));
}

#[test]
fn the_horizon_takes_no_range_and_a_file_that_gives_one_is_refused_not_a_panic() {
    let d = Dir::new();
    let mut s = scenario("support-assistant");
    s.uncertainty
        .push(common::uncertain("horizon_months", 6.0, 24.0));
    let file = d.plan("horizon.ron", &s);
    for cmd in ["check", "simulate", "report"] {
        let (code, _, err) = run(&[cmd, file.to_str().unwrap()]);
        assert_eq!(code, Some(2), "{cmd}: {err}");
        assert!(
            err.contains("uncertainty[7].field is \"horizon_months\"; cannot take a range"),
            "{cmd}: {err}"
        );
        assert!(!err.contains("panicked"), "{err}");
    }
    let mut app = workbench(Document::opened(scenario("support-assistant"), None), None);
    select(&mut app, runcost::app::rows::Row::Field(Field::Horizon));
    app.update(Msg::Key(KeyChord::ch('r')));
    assert!(matches!(app.mode(), runcost::app::Mode::Normal));
    assert!(
        app.doc()
            .plan
            .uncertainty
            .iter()
            .all(|u| u.field != "horizon_months")
    );
}

#[test]
fn the_docs_table_of_input_bounds_gives_every_input_its_bound() {
    let doc = std::fs::read_to_string(root().join("docs/scenario-format.md")).unwrap();
    let section = doc
        .split("## Input bounds")
        .nth(1)
        .and_then(|s| s.split("\n## ").next())
        .expect("an Input bounds section");
    let rows: Vec<&str> = section.lines().filter(|l| l.starts_with("| ")).collect();
    let s = rich();
    for f in Field::all(&s) {
        let path = f.path();
        let last = path.rsplit('.').next().unwrap();
        let named = |r: &&&str| {
            r.split('|').nth(2).is_some_and(|cell| {
                cell.split(['`', ',', ' '])
                    .any(|w| w == last || w.ends_with(&format!(".{last}")) || w == path)
            })
        };
        let row = rows
            .iter()
            .find(named)
            .or_else(|| {
                matches!(f.range(), Range::Percent | Range::PositivePercent)
                    .then(|| rows.iter().find(|r| r.starts_with("| percentages")))
                    .flatten()
            })
            .unwrap_or_else(|| panic!("{path} is not in the table of input bounds"));
        let hi = runcost::model::validate::bound(f.range().hi);
        assert!(row.contains(&hi), "{path}: the docs row lacks {hi}: {row}");
    }
}
