//! The workbench driven by messages and drawn into a test terminal: opening a
//! plan, pressing keys, and reading the screen back as text.

use std::path::PathBuf;

use ratatui::Terminal;
use ratatui::backend::TestBackend;
use runcost::app::keymap::{Key, KeyChord};
use runcost::app::rows::Row;
use runcost::app::session::DocId;
use runcost::app::{App, Document, Effect, Msg};
use runcost::model::fields::Field;
use runcost::model::{Catalog, Scenario};
use runcost::ui::{self, Theme};

use super::{builtin, scenario};

/// The file most tests say the plan was opened from.
pub const ACME: &str = "/work/acme.ron";

/// The workbench on `plan`, opened from `file`, with `plans` as its plans
/// folder; not yet told the terminal's size.
pub fn open(plan: Scenario, file: &str, plans: Option<&str>) -> App {
    workbench(Document::opened(plan, Some(PathBuf::from(file))), plans)
}

/// The workbench on `doc` with `plans` as its plans folder.
pub fn workbench(doc: Document, plans: Option<&str>) -> App {
    App::new(doc, builtin(), plans.map(PathBuf::from))
}

/// `app` told that the terminal is `width`×`height`.
pub fn sized(mut app: App, width: u16, height: u16) -> App {
    app.update(Msg::Resize { width, height });
    app
}

/// The support example opened from [`ACME`], plans in /plans, at 120×40.
pub fn acme() -> App {
    sized(
        open(scenario("support-assistant"), ACME, Some("/plans")),
        120,
        40,
    )
}

/// The support example opened from [`ACME`] with no plans folder, at 120×40.
pub fn acme_alone() -> App {
    sized(open(scenario("support-assistant"), ACME, None), 120, 40)
}

/// The support example opened from plans/acme.ron, plans in plans/, sized
/// by whoever draws it.
pub fn in_plans() -> App {
    open(
        scenario("support-assistant"),
        "plans/acme.ron",
        Some("plans"),
    )
}

pub fn key(app: &mut App, k: Key) -> Vec<Effect> {
    app.update(Msg::Key(KeyChord::plain(k)))
}

pub fn ch(app: &mut App, c: char) -> Vec<Effect> {
    app.update(Msg::Key(KeyChord::ch(c)))
}

pub fn ctrl(app: &mut App, c: char) -> Vec<Effect> {
    app.update(Msg::Key(KeyChord::ctrl(c)))
}

/// Each character of `text` as its own key.
pub fn typed(app: &mut App, text: &str) {
    for c in text.chars() {
        ch(app, c);
    }
}

/// The cursor on `row`, which must be shown.
pub fn select(app: &mut App, row: Row) {
    app.selected = app
        .rows
        .iter()
        .position(|r| *r == row)
        .unwrap_or_else(|| panic!("{row:?} not shown"));
}

/// The value of input `f` in the active plan.
pub fn value(app: &App, f: Field) -> f64 {
    f.get(&app.doc().plan).unwrap()
}

/// `app` drawn at `w`×`h` in `theme`, without telling it the size.
pub fn render(app: &App, w: u16, h: u16, theme: &Theme) -> Terminal<TestBackend> {
    let mut t = Terminal::new(TestBackend::new(w, h)).unwrap();
    t.draw(|f| ui::render(f, app, theme)).unwrap();
    t
}

/// The screen of `app` at `w`×`h` as the test backend prints it (quoted rows).
pub fn screen(app: &App, w: u16, h: u16) -> String {
    format!("{}", render(app, w, h, &Theme::plain()).backend())
}

/// The rows of a drawn terminal as plain text.
pub fn text_rows(t: &Terminal<TestBackend>) -> Vec<String> {
    let buf = t.backend().buffer();
    (0..buf.area.height)
        .map(|y| {
            (0..buf.area.width)
                .map(|x| buf[(x, y)].symbol().to_string())
                .collect()
        })
        .collect()
}

/// `app` told the size `w`×`h` and drawn: its rows as text, and the terminal
/// to inspect styles.
pub fn draw(app: &mut App, w: u16, h: u16) -> (Vec<String>, Terminal<TestBackend>) {
    app.update(Msg::Resize {
        width: w,
        height: h,
    });
    let t = render(app, w, h, &Theme::plain());
    (text_rows(&t), t)
}

/// `app` told the size `w`×`h` and drawn: its rows joined by newlines.
pub fn shown(app: &mut App, w: u16, h: u16) -> String {
    draw(app, w, h).0.join("\n")
}

/// Rows as one text, each ended by a newline.
pub fn lines(rows: &[String]) -> String {
    rows.iter().map(|r| format!("{r}\n")).collect()
}

/// The workbench on `plan` from `file` with its own `catalog` and no plans
/// folder, at 120×40.
pub fn with_catalog(plan: Scenario, file: &str, catalog: Catalog) -> App {
    let doc = Document::opened(plan, Some(PathBuf::from(file)));
    sized(App::new(doc, catalog, None), 120, 40)
}

/// The analyses `effects` ask the worker for: (doc, generation, plan).
pub fn analyses_asked(effects: &[Effect]) -> Vec<(DocId, u64, Scenario)> {
    effects
        .iter()
        .filter_map(|e| match e {
            Effect::Analyse {
                doc,
                generation,
                plan,
            } => Some((*doc, *generation, (**plan).clone())),
            _ => None,
        })
        .collect()
}

/// The first save `effects` ask for: (path, text).
pub fn save_asked(effects: &[Effect]) -> Option<(PathBuf, String)> {
    effects.iter().find_map(|e| match e {
        Effect::Save { path, text, .. } => Some((path.clone(), text.clone())),
        _ => None,
    })
}

/// The cursor on Requests per day, then `k` pressed: the first step of most
/// edits the tests make.
pub fn volume_key(app: &mut App, k: Key) {
    select(app, Row::Field(Field::RequestsPerDay));
    key(app, k);
}

/// A save that found the file at `path` changed on disk: theirs costs
/// 150,000 to build.
pub fn save_conflict(app: &mut App, path: &str) {
    let mut theirs = app.doc().plan.clone();
    theirs.build.initial_cost = 150_000.0;
    app.update(Msg::SaveConflict {
        doc: app.session.active_id(),
        path: PathBuf::from(path),
        theirs: Some(Box::new(theirs)),
        hash: Some(1),
    });
}

/// [`acme`] with the cursor on `row` and its editor open (Enter pressed).
pub fn acme_editing(row: Row) -> App {
    let mut app = acme();
    select(&mut app, row);
    key(&mut app, Key::Enter);
    app
}

/// The runtime's answer that save `generation` of `doc` to `path` is written.
pub fn save_written(
    app: &mut App,
    doc: DocId,
    generation: u64,
    path: &std::path::Path,
) -> Vec<Effect> {
    app.update(Msg::Saved {
        doc,
        generation,
        path: path.to_path_buf(),
        result: Ok(()),
    })
}

/// The mouse wheel turned down once over (`col`, `row`).
pub fn wheel_down(app: &mut App, col: u16, row: u16) -> Vec<Effect> {
    app.update(Msg::Scroll {
        col,
        row,
        down: true,
    })
}

/// The range `range` (as typed, "1500 - 4000") given to Requests per day:
/// the cursor on it, `r`, the range and Enter.
pub fn volume_range(app: &mut App, range: &str) -> Vec<Effect> {
    select(app, Row::Field(Field::RequestsPerDay));
    ch(app, 'r');
    typed(app, range);
    key(app, Key::Enter)
}

/// The one save `effects` ask for, and nothing else: (doc, generation, path,
/// text).
pub fn the_one_save(effects: &[Effect]) -> (DocId, u64, PathBuf, String) {
    match effects {
        [
            Effect::Save {
                doc,
                generation,
                path,
                text,
                ..
            },
        ] => (*doc, *generation, path.clone(), text.clone()),
        _ => panic!("one save: {effects:?}"),
    }
}
