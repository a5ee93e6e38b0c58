//! Every screen and overlay rendered into a test terminal: snapshots at 80×24
//! and 160×48, and a sweep of sizes from 0×0 to 300×100 that must not panic.

use crate::common;

use std::path::PathBuf;

use common::ui::{
    in_plans as base, key, save_conflict, select, typed as chars, volume_key, volume_range,
};
use common::{builtin, scenario};
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use runcost::app::keymap::{Key, KeyChord};
use runcost::app::rows::{Row, Toggle};
use runcost::app::{App, Document, Msg};
use runcost::model::fields::Field;
use runcost::store::plans::PlanSummary;
use runcost::ui::{self, Theme};

/// Makes `n` variants (the last with more volume) and opens the compare view.
fn variants(app: &mut App, n: usize) {
    for _ in 0..n {
        chars(app, "v");
        key(app, Key::Enter);
    }
    volume_key(app, Key::Right);
    chars(app, "c");
}

/// A named screen and the steps that bring a fresh app there.
type Screen = (&'static str, fn(&mut App));

/// Each screen as a function that brings a fresh app there.
fn screens() -> Vec<Screen> {
    vec![
        ("main", |_| {}),
        ("edited", |a| volume_key(a, Key::Right)),
        ("understaffed", |a| {
            select(a, Row::Toggle(Toggle::Reviewers));
            key(a, Key::Enter);
            select(a, Row::Field(Field::MaintenancePct));
            for _ in 0..8 {
                key(a, Key::Right);
            }
        }),
        ("edit-value", |a| {
            volume_key(a, Key::Enter);
            chars(a, "x");
        }),
        ("picker", |a| {
            chars(a, "m");
            chars(a, "gpt-5");
        }),
        ("notes", |a| chars(a, "n")),
        ("help", |a| chars(a, "?")),
        ("confirm-quit", |a| {
            volume_key(a, Key::Right);
            chars(a, "q");
        }),
        ("save-as", |a| chars(a, "S")),
        ("open", |a| {
            a.update(Msg::Key(KeyChord::ctrl('o')));
            a.update(Msg::PlanList(vec![
                PlanSummary {
                    path: PathBuf::from("scenarios/support-assistant.ron"),
                    name: "Support assistant".into(),
                    client: "Acme Retail (example)".into(),
                    currency: "USD".into(),
                    modified: "2026-11-28 07:00".into(),
                    tco: Ok(828_660.0),
                },
                PlanSummary {
                    path: PathBuf::from("plans/broken.ron"),
                    name: "broken".into(),
                    client: String::new(),
                    currency: "USD".into(),
                    modified: "2026-11-27 18:30".into(),
                    tco: Err("the file is empty".into()),
                },
            ]));
        }),
        ("examples", |a| {
            a.update(Msg::Key(KeyChord::ctrl('n'))).truncate(0)
        }),
        ("table-focus", |a| {
            key(a, Key::Tab);
        }),
        ("compare-2", |a| variants(a, 1)),
        ("compare-3", |a| variants(a, 2)),
        ("compare-4", |a| variants(a, 3)),
        ("recover", |a| {
            let mut plan = a.doc().plan.clone();
            plan.workload.requests_per_day = 3025.0;
            plan.notes = "Edited before the crash".into();
            a.offer_recovery(
                runcost::store::recovery::Found::Copy {
                    plan: Box::new(plan),
                    file: PathBuf::from("recovery/acme.ron"),
                    written: None,
                },
                "written 2026-11-28 07:50 UTC".into(),
            );
        }),
        ("conflict", |a| save_conflict(a, "plans/acme.ron")),
        ("tornado", |a| chars(a, "t")),
        ("band", |a| {
            volume_range(a, "1500 - 4000");
        }),
        ("present", |a| chars(a, "P")),
        ("breakeven", |a| chars(a, "B")),
        ("compare-chart", |a| {
            variants(a, 2);
            chars(a, "g");
        }),
    ]
}

fn draw(app: &mut App, w: u16, h: u16, theme: Theme) -> Terminal<TestBackend> {
    app.update(Msg::Resize {
        width: w,
        height: h,
    });
    let mut t = Terminal::new(TestBackend::new(w, h)).unwrap();
    t.draw(|f| ui::render(f, app, &theme)).unwrap();
    t
}

#[test]
fn snapshots_at_80x24_and_160x48() {
    for (name, go) in screens() {
        for (w, h) in [(80, 24), (160, 48)] {
            let mut app = base();
            app.update(Msg::Resize {
                width: w,
                height: h,
            });
            go(&mut app);
            let t = draw(&mut app, w, h, Theme::plain());
            insta::assert_snapshot!(format!("{name}-{w}x{h}"), t.backend());
        }
    }
}

#[test]
fn every_screen_renders_at_every_size_without_panicking() {
    let sizes = [
        (0, 0),
        (1, 1),
        (20, 5),
        (40, 12),
        (59, 17),
        (60, 17),
        (59, 18),
        (60, 18),
        (61, 19),
        (80, 24),
        (100, 30),
        (120, 40),
        (160, 48),
        (200, 60),
        (300, 100),
        (300, 18),
        (60, 100),
    ];
    for (name, go) in screens() {
        for (w, h) in sizes {
            let mut app = base();
            app.update(Msg::Resize {
                width: w,
                height: h,
            });
            go(&mut app);
            for theme in [Theme::plain(), Theme { color: true }] {
                let t = draw(&mut app, w, h, theme);
                if (w < 60 || h < 18) && w >= 40 && h >= 3 {
                    let text = format!("{}", t.backend());
                    assert!(text.contains("terminal too small"), "{name} at {w}×{h}");
                }
            }
        }
    }
}

#[test]
fn a_sixty_month_plan_and_an_empty_plan_render() {
    for plan in ["compliance-review", "doc-processing-small"] {
        let mut s = scenario(plan);
        s.horizon_months = 60;
        let mut app = App::new(Document::opened(s, None), builtin(), None);
        let t = draw(&mut app, 120, 40, Theme::plain());
        assert!(format!("{}", t.backend()).contains("Projection — 60 months"));
    }
    let mut s = scenario("doc-processing-small");
    // Without the example's ranges: the price band's rows would push the
    // breakdown off an 80x24 screen.
    s.uncertainty.clear();
    s.workload.requests_per_day = 0.0;
    s.infrastructure.clear();
    s.build = Default::default();
    s.oversight = Default::default();
    s.change = Default::default();
    // Nor its team and its cases (version 3).
    s.people.clear();
    s.cases.clear();
    let mut app = App::new(Document::opened(s, None), builtin(), None);
    let t = draw(&mut app, 80, 24, Theme::plain());
    assert!(
        format!("{}", t.backend()).contains("no running cost"),
        "{}",
        t.backend()
    );
}

#[test]
fn figures_on_screen_agree_with_the_report() {
    let mut app = base();
    let t = draw(&mut app, 160, 48, Theme::plain());
    let screen = format!("{}", t.backend());
    let p = app.projection();
    // Cash first (issue 22), the TCO with expected losses beside it.
    for figure in [
        runcost::numbers::money(p.totals.cash_tco, "USD"),
        runcost::numbers::money(p.totals.cash_run_cost, "USD"),
        runcost::numbers::money(p.totals.tco, "USD"),
        runcost::numbers::money(p.totals.expected_error_cost, "USD"),
        runcost::numbers::unit_money(p.totals.cash_cost_per_request.unwrap(), "USD"),
    ] {
        assert!(screen.contains(&figure), "{figure} not on screen");
    }
}
