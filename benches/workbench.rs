//! Workbench speed: a key press that edits a value (update + recompute +
//! render into a 200×60 buffer) and the start-up path to the first frame.

use std::hint::black_box;

use criterion::{Criterion, criterion_group, criterion_main};
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use runcost::app::keymap::{Key, KeyChord};
use runcost::app::rows::Row;
use runcost::app::{App, Document, Msg};
use runcost::model::fields::Field;
use runcost::store::{catalog, plans};
use runcost::ui::{self, Theme};

fn start() -> App {
    let catalog = catalog::builtin();
    let t = plans::template(plans::DEFAULT_TEMPLATE).expect("default plan");
    let plan = plans::load_template(t, &catalog).expect("valid default plan");
    App::new(Document::opened(plan, None), catalog, None)
}

/// The workbench at 200×60 with the cursor on the volume lever.
fn on_volume() -> App {
    let mut app = start();
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

criterion_group!(benches, key_press, split, startup);
criterion_main!(benches);
