//! Workbench speed: a key press that edits a value (update + recompute +
//! render into a 200×60 buffer), the same with uncertainty ranges on three
//! inputs (the band is computed by the worker, off the key path: measured
//! apart as "analysis"), and the start-up path to the first frame.

use std::hint::black_box;

use criterion::{Criterion, criterion_group, criterion_main};
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use runcost::app::keymap::{Key, KeyChord};
use runcost::app::rows::Row;
use runcost::app::{Analysis, App, Document, Effect, Msg};
use runcost::codec::catalog;
use runcost::model::UncertainRange;
use runcost::model::fields::Field;
use runcost::store::plans;
use runcost::ui::{self, Theme};

fn start() -> App {
    let catalog = catalog::builtin();
    let t = plans::template(plans::DEFAULT_TEMPLATE).expect("default plan");
    let plan = plans::load_template_on(t, &catalog, None).expect("valid default plan");
    App::new(Document::opened(plan, None), catalog, None)
}

/// The workbench at 200×60 with the cursor on the volume lever, its band
/// asked of the worker as the runtime does (the example plan has ranges).
fn on_volume() -> App {
    at_volume(start())
}

/// `app` at 200×60, its band asked of the worker, the cursor on volume.
fn at_volume(mut app: App) -> App {
    app.session.analysis = Analysis::Background;
    app.update(Msg::Resize {
        width: 200,
        height: 60,
    });
    app.selected = app
        .rows
        .iter()
        .position(|r| *r == Row::Field(Field::RequestsPerDay))
        .expect("volume row");
    app
}

/// The same with ranges on three inputs, as the runtime runs it: the band
/// is asked of the worker thread (`Effect::Analyse`), not computed here.
fn on_volume_with_ranges() -> App {
    let catalog = catalog::builtin();
    let t = plans::template(plans::DEFAULT_TEMPLATE).expect("default plan");
    let mut plan = plans::load_template_on(t, &catalog, None).expect("valid default plan");
    let w = plan.workload.clone();
    plan.uncertainty = vec![
        UncertainRange {
            field: "workload.requests_per_day".into(),
            low: w.requests_per_day * 0.5,
            high: w.requests_per_day * 1.5,
        },
        UncertainRange {
            field: "workload.input_tokens".into(),
            low: w.input_tokens * 0.8,
            high: w.input_tokens * 1.2,
        },
        UncertainRange {
            field: "workload.output_tokens".into(),
            low: w.output_tokens * 0.8,
            high: w.output_tokens * 1.2,
        },
    ];
    at_volume(App::new(Document::opened(plan, None), catalog, None))
}

fn key_press_with_ranges(c: &mut Criterion) {
    let mut app = on_volume_with_ranges();
    let mut terminal = Terminal::new(TestBackend::new(200, 60)).expect("test terminal");
    let theme = Theme { color: true };
    let mut up = true;
    let inline_before = app.derived().inline_analyses();
    let mut asked = 0u64;
    c.bench_function(
        "key press, ranges on 3 inputs: edit + recompute + render 200x60",
        |b| {
            b.iter(|| {
                let k = if up { Key::Right } else { Key::Left };
                up = !up;
                let effects = app.update(Msg::Key(KeyChord::plain(k)));
                asked += effects
                    .iter()
                    .filter(|e| matches!(e, Effect::Analyse { .. }))
                    .count() as u64;
                black_box(effects);
                terminal
                    .draw(|f| ui::render(f, &app, &theme))
                    .expect("draw");
            })
        },
    );
    // The observation that does not depend on the machine's load: not one
    // Monte Carlo run on the key path, one request to the worker per edit.
    assert_eq!(app.derived().inline_analyses(), inline_before);
    assert!(asked > 0);
    eprintln!(
        "key press with ranges: {asked} band requests sent to the worker, {} computed on the key path",
        app.derived().inline_analyses() - inline_before
    );
}

/// Before the worker: the band computed inline on every key press (what
/// `refresh` did for every change), for comparison.
fn key_press_with_ranges_inline(c: &mut Criterion) {
    let mut app = on_volume_with_ranges();
    app.session.analysis = Analysis::Inline;
    let mut terminal = Terminal::new(TestBackend::new(200, 60)).expect("test terminal");
    let theme = Theme { color: true };
    let mut up = true;
    c.bench_function(
        "key press, ranges on 3 inputs, band inline (no worker): 200x60",
        |b| {
            b.iter(|| {
                let k = if up { Key::Right } else { Key::Left };
                up = !up;
                black_box(app.update(Msg::Key(KeyChord::plain(k))));
                terminal
                    .draw(|f| ui::render(f, &app, &theme))
                    .expect("draw");
            })
        },
    );
}

/// What the worker does for each request: the 2,000-draw band (it must
/// catch up within 50 ms).
fn analysis(c: &mut Criterion) {
    let app = on_volume_with_ranges();
    let plan = app.doc().plan.clone();
    c.bench_function("analysis: 2,000-draw band (worker job)", |b| {
        b.iter(|| black_box(runcost::app::session::analyse(black_box(&plan))))
    });
}

fn key_press(c: &mut Criterion) {
    let mut app = on_volume();
    let mut terminal = Terminal::new(TestBackend::new(200, 60)).expect("test terminal");
    let theme = Theme { color: true };
    let mut up = true;
    c.bench_function("key press: edit + recompute + render 200x60", |b| {
        b.iter(|| {
            let k = if up { Key::Right } else { Key::Left };
            up = !up;
            black_box(app.update(Msg::Key(KeyChord::plain(k))));
            terminal
                .draw(|f| ui::render(f, &app, &theme))
                .expect("draw");
        })
    });
}

/// The same key press split into its two halves.
fn split(c: &mut Criterion) {
    let mut app = on_volume();
    let mut up = true;
    c.bench_function("split: update only", |b| {
        b.iter(|| {
            let k = if up { Key::Right } else { Key::Left };
            up = !up;
            black_box(app.update(Msg::Key(KeyChord::plain(k))));
        })
    });
    let mut terminal = Terminal::new(TestBackend::new(200, 60)).expect("test terminal");
    c.bench_function("split: render only", |b| {
        b.iter(|| {
            terminal
                .draw(|f| ui::render(f, &app, &Theme { color: true }))
                .expect("draw");
        })
    });
}

fn startup(c: &mut Criterion) {
    c.bench_function("start-up to first frame (120x40, in process)", |b| {
        b.iter(|| {
            let mut app = start();
            app.update(Msg::Resize {
                width: 120,
                height: 40,
            });
            let mut terminal = Terminal::new(TestBackend::new(120, 40)).expect("test terminal");
            terminal
                .draw(|f| ui::render(f, &app, &Theme { color: true }))
                .expect("draw");
            black_box(terminal);
        })
    });
}

criterion_group!(
    benches,
    key_press,
    key_press_with_ranges,
    key_press_with_ranges_inline,
    analysis,
    split,
    startup
);
criterion_main!(benches);
