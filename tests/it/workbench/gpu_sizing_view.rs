//! Issue 12: the GPUs a self-hosted model's sizing gives (peak, replica size,
//! spares) are visible in the workbench: a read-only line under the model's
//! sizing inputs, and a GPUs column by month in the monthly table, both the
//! engine's own figures.

use crate::common;

use common::scenario;
use common::ui::{key, open, shown as screen};
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use runcost::app::keymap::Key;
use runcost::app::rows::Row;
use runcost::app::{App, Msg};
use runcost::model::fields::{Field, ModelField};
use runcost::model::project;
use runcost::ui::{self, Theme};

fn app(plan: &str) -> App {
    open(scenario(plan), "plans/hosted.ron", Some("plans"))
}

/// Moves the cursor down to `row`.
fn go_to(app: &mut App, row: Row) {
    for _ in 0..200 {
        if app.rows.get(app.selected) == Some(&row) {
            return;
        }
        key(app, Key::Down);
    }
    panic!("row {row:?} not reached");
}

const SPARES: Row = Row::Field(Field::Model(0, ModelField::SpareReplicas));

#[test]
fn the_gpu_line_sits_under_the_sizing_inputs_of_self_hosted_models_only() {
    let a = app("support-self-hosted");
    let at = a.rows.iter().position(|r| *r == SPARES).unwrap();
    assert_eq!(a.rows[at + 1], Row::Gpus(0));
    assert!(!Row::Gpus(0).selectable());
    // An API-only plan has no GPU line.
    let api = app("support-assistant");
    assert!(!api.rows.iter().any(|r| matches!(r, Row::Gpus(_))));
}

#[test]
fn the_gpu_line_shows_the_engines_month_1_and_peak_figures() {
    // The example's volume needs its one replica all year; a hundred times
    // the volume (with no ceiling) grows with the ramp and the growth.
    for volume in [1.0, 100.0] {
        gpu_line_matches_the_engine(volume);
    }
}

fn gpu_line_matches_the_engine(volume: f64) {
    let mut plan = scenario("support-self-hosted");
    plan.workload.requests_per_day *= volume;
    // Without the example's volume ceiling, which would hold the GPUs.
    plan.workload.max_requests_per_day = None;
    plan.uncertainty.clear();
    let mut a = open(plan, "plans/hosted.ron", Some("plans"));
    let p = project(&a.doc().plan);
    let gpus: Vec<f64> = (1..=p.months.len())
        .map(|m| p.model_month(m, 0).gpus)
        .collect();
    let first = gpus[0];
    let peak = gpus.iter().copied().fold(0.0, f64::max);
    let peak_month = gpus.iter().position(|g| *g == peak).unwrap() + 1;
    assert!(first > 0.0 && peak >= first);
    assert_eq!(volume > 1.0, peak > first, "volume ×{volume}: {gpus:?}");
    let profile = a.projection().model_gpus(0).unwrap();
    assert_eq!(
        (profile.first, profile.peak, profile.peak_month as usize),
        (first, peak, peak_month)
    );

    go_to(&mut a, SPARES);
    let text = screen(&mut a, 120, 40);
    // At 120 columns the full form fits the inputs pane.
    let want = if peak == first {
        format!("GPUs: {first} every month")
    } else {
        format!("GPUs: {first} in month 1 → peak {peak} in month {peak_month}")
    };
    assert!(text.contains(&want), "{want:?} not on screen:\n{text}");

    // One more spare replica adds one replica of GPUs to every month, and
    // the line follows the engine.
    key(&mut a, Key::Right);
    let per_replica = a.doc().plan.models[0]
        .pricing
        .as_ref()
        .and_then(|p| match p {
            runcost::model::Pricing::SelfHosted(h) => Some(h.gpus_per_replica as f64),
            _ => None,
        })
        .unwrap();
    let after = a.projection().model_gpus(0).unwrap();
    assert_eq!(after.first, first + per_replica);
    assert_eq!(after.peak, peak + per_replica);
    let text = screen(&mut a, 120, 40);
    assert!(
        text.contains(&format!("GPUs: {}", first + per_replica)),
        "{text}"
    );
}

#[test]
fn the_monthly_table_has_a_gpus_column_with_each_months_count() {
    let mut a = app("support-self-hosted");
    let text = screen(&mut a, 120, 40);
    let header = text
        .lines()
        .find(|l| l.contains("Month") && l.contains("Requests"))
        .expect("the monthly table's header");
    assert!(header.contains("GPUs"), "{header}");
    let p = project(&a.doc().plan);
    // Month 1's row carries the engine's month-1 GPU count after its requests.
    let row = text
        .lines()
        .find(|l| l.split('│').any(|cell| cell.trim_start().starts_with("1 ")))
        .expect("month 1's row");
    let cells: Vec<&str> = row.split_whitespace().collect();
    let month_at = cells.iter().position(|c| *c == "1").unwrap();
    assert_eq!(
        cells[month_at + 2],
        format!("{}", p.months[0].gpus),
        "{row}"
    );
    // An API-only plan has no GPUs column.
    let mut api = app("support-assistant");
    let text = screen(&mut api, 120, 40);
    assert!(!text.contains("GPUs"), "{text}");
}

#[test]
fn the_gpu_line_fits_at_80_columns() {
    let mut a = app("support-self-hosted");
    go_to(&mut a, SPARES);
    let text = screen(&mut a, 80, 24);
    assert!(text.contains("GPUs"), "{text}");
    for line in text.lines() {
        assert!(line.chars().count() <= 80);
    }
}

#[test]
fn snapshot_self_hosted_plan_at_120x40() {
    let mut a = app("support-self-hosted");
    go_to(&mut a, SPARES);
    a.update(Msg::Resize {
        width: 120,
        height: 40,
    });
    let mut t = Terminal::new(TestBackend::new(120, 40)).unwrap();
    t.draw(|f| ui::render(f, &a, &Theme::plain())).unwrap();
    insta::assert_snapshot!("self-hosted-gpus-120x40", t.backend());
}
