//! Issue 20 §2–§3: a band is only ever shown beside the headline it belongs
//! to (while the worker recomputes it, it says "updating…" and shows no
//! figures), a TCO outside its own P10–P90 says why on the screen and in
//! the reports, and `runcost simulate` gives the report's and the
//! workbench's band for the same file and seed.

use crate::common;

use common::ui::{self, ACME, analyses_asked as asked, open, sized};
use common::{builtin, runcost, scenario};
use runcost::app::keymap::{Key, KeyChord};
use runcost::app::rows::Row;
use runcost::app::session::analyse;
use runcost::app::{Analysis, App, Effect, Mode, Msg};
use runcost::model::analysis::off_band::Side;
use runcost::model::analysis::uncertainty::{DRAWS, SEED};
use runcost::model::fields::Field;
use runcost::model::{Scenario, UncertainRange};
use runcost::numbers::money_short;

fn app_of(plan: Scenario, analysis: Analysis) -> App {
    let mut a = open(plan, ACME, None);
    a.session.analysis = analysis;
    sized(a, 120, 40)
}

fn screen(a: &App, w: u16, h: u16) -> String {
    ui::screen(a, w, h).replace('\u{a0}', " ")
}

/// The band's figures as the headline shows them, spaced and tight.
fn band_texts(p10: f64, p90: f64) -> [String; 2] {
    let (lo, hi) = (money_short(p10, "USD"), money_short(p90, "USD"));
    [format!("{lo} – {hi}"), format!("{lo}–{hi}")]
}

fn type_value(a: &mut App, f: Field, text: &str) -> Vec<Effect> {
    ui::select(a, Row::Field(f));
    a.update(Msg::Key(KeyChord::plain(Key::Enter)));
    let mut effects = Vec::new();
    for c in text.chars() {
        effects.extend(a.update(Msg::Key(KeyChord::ch(c))));
    }
    effects.extend(a.update(Msg::Key(KeyChord::plain(Key::Enter))));
    assert!(matches!(a.mode(), Mode::Normal), "{text} accepted");
    effects
}

#[test]
fn a_band_being_recomputed_is_never_drawn_beside_a_changed_headline() {
    for name in ["support-assistant", "claims-agent", "doc-processing-small"] {
        let plan = scenario(name);
        // Opened: the band of the plan as opened, computed before the first frame.
        let mut a = app_of(plan.clone(), Analysis::Inline);
        let old = a.simulation().expect("the example has ranges").clone();
        a.session.analysis = Analysis::Background;
        for (w, h) in [(120, 40), (80, 24)] {
            let s = screen(&a, w, h);
            assert!(
                band_texts(old.tco.p10, old.tco.p90)
                    .iter()
                    .any(|t| s.contains(t)),
                "{name} {w}×{h}: the band shows:\n{s}"
            );
        }

        // Four times the volume: the headline moves at once, the band is asked for.
        let f = Field::RequestsPerDay;
        let v = f.get(&a.doc().plan).unwrap();
        let first = asked(&type_value(&mut a, f, &format!("{}", v * 4.0)));
        assert_eq!(first.len(), 1, "{name}: one band asked of the worker");
        let stale_screen = |a: &App, when: &str| {
            assert!(a.band_updating(), "{name} {when}");
            assert_eq!(
                a.simulation(),
                None,
                "{name} {when}: no stale band handed out"
            );
            for (w, h) in [(120, 40), (80, 24), (160, 48)] {
                let s = screen(a, w, h);
                for t in band_texts(old.tco.p10, old.tco.p90) {
                    assert!(
                        !s.contains(&t),
                        "{name} {when} {w}×{h}: the old band {t} beside the new TCO:\n{s}"
                    );
                }
                // The band sits beside the TCO with expected losses it is of.
                let head = s.lines().find(|l| l.contains("P10–P90")).unwrap();
                assert!(head.contains("updating…"), "{name} {when} {w}×{h}:\n{s}");
                // The P90 / P10 sparkline rows stay, without a line of the old band.
                for row in s
                    .lines()
                    .filter(|l| l.contains(" P90 ") || l.contains(" P10 "))
                {
                    assert!(row.contains("updating…"), "{name} {when} {w}×{h}: {row}");
                    assert!(!row.contains('▁') && !row.contains('█'), "{row}");
                }
            }
        };
        stale_screen(&a, "after the edit");

        // A second edit before the answer; then the answer to the first.
        let second = asked(&type_value(&mut a, f, &format!("{}", v * 5.0)));
        let (doc, generation, plan1) = first[0].clone();
        a.update(Msg::Analysed {
            doc,
            generation,
            simulation: analyse(&plan1).map(Box::new),
        });
        stale_screen(&a, "after a stale answer");

        // The answer for the plan as it is now: shown, beside its headline.
        let (doc, generation, plan2) = second[0].clone();
        let fresh = analyse(&plan2).expect("a band");
        a.update(Msg::Analysed {
            doc,
            generation,
            simulation: Some(Box::new(fresh.clone())),
        });
        assert!(!a.band_updating());
        let s = screen(&a, 120, 40);
        assert!(
            band_texts(fresh.tco.p10, fresh.tco.p90)
                .iter()
                .any(|t| s.contains(t)),
            "{name}: the new band shows:\n{s}"
        );
        assert!(!s.contains("updating…"), "{name}:\n{s}");
    }
}

/// The support plan with one range, on `path`, from `low` to `high` times
/// the plan's value.
fn one_range(path: &str, low: f64, high: f64) -> Scenario {
    let mut plan = scenario("support-assistant");
    let f = Field::all(&plan)
        .into_iter()
        .find(|f| f.path() == path)
        .unwrap();
    let v = f.get(&plan).unwrap();
    plan.uncertainty = vec![UncertainRange {
        field: path.into(),
        low: v * low,
        high: v * high,
    }];
    assert_eq!(runcost::model::validate(&plan), [], "{path}");
    plan
}

#[test]
fn a_tco_outside_its_band_says_why_on_the_screen_and_in_every_report() {
    let cases = [
        // 2,500 to 4,000 a day, most likely 2,500: most draws cost more.
        (
            "workload.requests_per_day",
            1.0,
            1.6,
            Some(Side::Below),
            "low-cost",
        ),
        // 1,500 to 2,500, most likely 2,500: most cost less.
        (
            "workload.requests_per_day",
            0.6,
            1.0,
            Some(Side::Above),
            "high-cost",
        ),
        // A higher cost per error at its low end.
        (
            "risk.cost_per_uncaught_error",
            1.0,
            3.0,
            Some(Side::Below),
            "low-cost",
        ),
        // A cached share at the top of its range is the cheap end: less
        // caching in most draws costs more.
        (
            "workload.cached_input_pct",
            0.25,
            1.0,
            Some(Side::Below),
            "low-cost",
        ),
        // Symmetric: the plan's TCO sits inside, nothing to explain.
        ("workload.requests_per_day", 0.5, 1.5, None, ""),
    ];
    for (path, low, high, side, end) in cases {
        let plan = one_range(path, low, high);
        let what = format!("{path} {low}–{high}×");
        let a = app_of(plan.clone(), Analysis::Inline);
        let sim = a.simulation().expect("a band");
        let tco = a.projection().totals.tco;
        assert_eq!(sim.off_band.as_ref().map(|o| o.side), side, "{what}");
        let outside = tco < sim.tco.p10 || tco > sim.tco.p90;
        assert_eq!(
            outside,
            side.is_some(),
            "{what}: TCO {tco} vs {:?}",
            sim.tco
        );
        let md = runcost::report::client::markdown(&plan, a.projection(), &builtin(), "2026-12-07");
        let f = Field::all(&plan)
            .into_iter()
            .find(|f| f.path() == path)
            .unwrap();
        let label = runcost::model::analysis::sensitivity::label_of(&plan, f);
        let Some(side) = side else {
            assert!(!md.contains("The TCO is below") && !md.contains("The TCO is above"));
            let s = screen(&a, 120, 40);
            assert!(
                !s.contains("TCO is") && !s.contains("TCO below"),
                "{what}:\n{s}"
            );
            continue;
        };
        let (p, said) = match side {
            Side::Below => ("below P10", "most draws cost more"),
            Side::Above => ("above P90", "most draws cost less"),
        };
        let sentence = format!(
            "The TCO is {p}: the plan's value sits at the {end} end of its range ({label} "
        );
        assert!(
            md.contains(&sentence),
            "{what}: {sentence} not in the report:\n{md}"
        );
        assert!(md.contains(said), "{what}");
        let html = runcost::report::client::html(&plan, a.projection(), &builtin(), "2026-12-07");
        assert!(html.contains(&format!("The TCO is {p}")), "{what}");

        // The screen: the band marked, and the reason under the figures.
        for (w, h) in [(120, 40), (80, 24)] {
            let s = screen(&a, w, h);
            let head = s.lines().find(|l| l.contains("P10–P90")).unwrap();
            assert!(head.contains('⚠'), "{what} {w}×{h}: {head}");
            let flat: String = s
                .lines()
                .map(|l| l.trim_matches(|c| c == '│' || c == ' '))
                .collect::<Vec<_>>()
                .join(" ");
            assert!(
                flat.contains(&format!("⚠ The TCO is {p}")) || flat.contains(&format!("⚠ TCO {p}")),
                "{what} {w}×{h}:\n{s}"
            );
            assert!(flat.contains(&label), "{what} {w}×{h}: names {label}:\n{s}");
        }

        // `runcost simulate` says it too.
        let (_dir, file) = common::scratch_file("plan.ron", runcost::codec::write_plan(&plan));
        let out = runcost(&["simulate", file.to_str().unwrap()]);
        let text = String::from_utf8_lossy(&out.stdout).replace('\n', " ");
        assert!(text.contains(&format!("The TCO is {p}")), "{what}: {text}");
    }
}

#[test]
fn simulate_by_default_gives_the_reports_and_the_workbenchs_band() {
    for name in [
        "support-assistant",
        "support-self-hosted",
        "claims-agent",
        "compliance-review",
        "doc-processing-scale",
        "doc-processing-small",
    ] {
        let file = common::root().join(format!("scenarios/{name}.ron"));
        let file = file.to_str().unwrap();
        let plan = scenario(name);
        // The workbench's band and the report's: one computation.
        let workbench = analyse(&plan).expect("the example has ranges");
        assert_eq!((workbench.draws, workbench.seed), (DRAWS, SEED));
        let report = runcost::report::client::findings(&plan, &builtin())
            .band
            .expect("a band");
        assert_eq!(
            (report.p10, report.p50, report.p90),
            (workbench.tco.p10, workbench.tco.p50, workbench.tco.p90),
            "{name}"
        );
        // `simulate` without options prints exactly that band, every month too.
        let expected = runcost::report::analysis::simulation_json(
            &workbench,
            runcost::model::analysis::metric::Metric::Tco,
        )
        .unwrap();
        let out = runcost(&["simulate", file, "-f", "json"]);
        assert!(
            out.status.success(),
            "{}",
            String::from_utf8_lossy(&out.stderr)
        );
        assert_eq!(
            String::from_utf8_lossy(&out.stdout).trim_end(),
            expected.trim_end(),
            "{name}"
        );
        // The same as asking for the shared draws and seed by name.
        let named = runcost(&[
            "simulate",
            file,
            "-f",
            "json",
            "--draws",
            &DRAWS.to_string(),
            "--seed",
            &SEED.to_string(),
        ]);
        assert_eq!(named.stdout, out.stdout, "{name}");
        // The table says the same numbers.
        let table = String::from_utf8_lossy(&runcost(&["simulate", file]).stdout).to_string();
        let money = |v| runcost::numbers::money(v, &plan.currency);
        let t = workbench.tco;
        assert!(
            table.contains(&format!(
                "P10 {} · P50 {} · P90 {}",
                money(t.p10),
                money(t.p50),
                money(t.p90)
            )),
            "{name}: {table}"
        );
        assert!(table.contains("2,000 draws, seed 1"), "{name}: {table}");
    }
    let help = runcost(&["simulate", "--help"]);
    let help = String::from_utf8_lossy(&help.stdout);
    assert!(help.contains(&format!("[default: {DRAWS}]")), "{help}");
    assert!(help.contains(&format!("[default: {SEED}]")), "{help}");
}

/// Issue 20 round 2: at 120 columns a band of large figures did not fit its
/// cell and showed as "P10–P90 …", which reads as "still computing" beside a
/// "⚠ TCO below P10". A plan of about $70M TCO, with a band above it and one
/// around it: at 80×24, 120×40 and 160×48 both ends of the band show, in
/// short form where the cell is narrow, and never "…" or "updating".
#[test]
fn a_band_of_large_figures_shows_in_short_form_when_it_does_not_fit() {
    for (low, high) in [(1.0, 1.6), (0.5, 1.5), (1.0, 30.0)] {
        let mut plan = one_range("workload.requests_per_day", low, high);
        // Without the example's volume ceiling, so the volume sets the size.
        plan.workload.max_requests_per_day = None;
        let factor = 85.0;
        plan.workload.requests_per_day *= factor;
        for r in &mut plan.uncertainty {
            (r.low, r.high) = (r.low * factor, r.high * factor);
        }
        let a = app_of(plan, Analysis::Inline);
        let tco = a.projection().totals.tco;
        assert!((40e6..120e6).contains(&tco), "a plan of about $70M: {tco}");
        let band = a.simulation().expect("the band is computed").tco;
        let tight = |v: f64| runcost::numbers::money_tight(v, "USD");
        let forms = {
            let [spaced, short] = band_texts(band.p10, band.p90);
            [
                spaced,
                short,
                format!("{}–{}", tight(band.p10), tight(band.p90)),
            ]
        };
        for (w, h) in [(80, 24), (120, 40), (160, 48)] {
            let s = screen(&a, w, h);
            let line = s
                .lines()
                .find(|l| l.contains("P10–P90"))
                .unwrap_or_else(|| panic!("{w}×{h}: no band: {s}"));
            assert!(
                forms.iter().any(|f| line.contains(f.as_str())),
                "{w}×{h} ({low}–{high}): the band's ends show: {line}"
            );
            let after = &line[line.find("P10–P90").unwrap()..];
            let rest = after["P10–P90".len()..].trim_start();
            assert!(
                !rest.starts_with('…') && !rest.starts_with("updating"),
                "{w}×{h}: {line}"
            );
        }
    }
}
