//! Where an input's value comes from (issue 12, the workbench): `o` on a
//! numeric input opens a box for a short source text and a confidence;
//! Enter records it as one undoable change; presentation mode marks the top
//! drivers whose inputs rest on a guess.

use crate::common;

use common::ui::{ACME, ch, key as press, lines, open, sized, text_rows, typed};
use common::{builtin, scenario};
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use runcost::app::keymap::{Key, KeyChord};
use runcost::app::rows::Row;
use runcost::app::{App, Mode, Msg};
use runcost::codec::{parse_plan, write_plan};
use runcost::model::fields::Field;
use runcost::model::{Confidence, Source};
use runcost::ui::{self, Theme};

fn app_sized(width: u16, height: u16) -> App {
    let mut plan = scenario("support-assistant");
    plan.sources.clear();
    sized(open(plan, ACME, Some("/plans")), width, height)
}

fn app() -> App {
    app_sized(120, 40)
}

fn select(a: &mut App, f: Field) {
    common::ui::select(a, Row::Field(f));
}

fn screen(a: &App, width: u16, height: u16) -> String {
    lines(&text_rows(&common::ui::render(
        a,
        width,
        height,
        &Theme::plain(),
    )))
}

/// Selects `f`, presses `o`, types `text`, sets the confidence by Tab
/// presses from the box's opening one, and presses Enter.
fn give_source(a: &mut App, f: Field, text: &str, tabs: usize) {
    select(a, f);
    ch(a, 'o');
    assert!(
        matches!(a.mode(), Mode::Source(_)),
        "o opens the source box"
    );
    typed(a, text);
    for _ in 0..tabs {
        press(a, Key::Tab);
    }
    press(a, Key::Enter);
    assert!(matches!(a.mode(), Mode::Normal), "Enter closes the box");
}

fn sources(a: &App) -> Vec<Source> {
    a.doc().plan.sources.clone()
}

#[test]
fn o_opens_the_source_box_on_a_numeric_input_only() {
    let mut a = app();
    select(&mut a, Field::RequestsPerDay);
    ch(&mut a, 'o');
    let Mode::Source(s) = a.mode() else {
        panic!("o opens the source box on a numeric input");
    };
    assert_eq!(s.field, Field::RequestsPerDay);
    assert_eq!(
        s.confidence,
        Confidence::Medium,
        "a new source starts Medium"
    );
    let shown = screen(&a, 120, 40);
    assert!(shown.contains("Source of Requests per day"), "{shown}");
    assert!(shown.contains("Confidence:"), "{shown}");
    press(&mut a, Key::Esc);
    assert!(matches!(a.mode(), Mode::Normal));
    assert!(sources(&a).is_empty(), "Esc records nothing");
    assert!(!a.doc().is_dirty());

    // On a section heading there is no input to source.
    a.selected = a
        .rows
        .iter()
        .position(|r| matches!(r, Row::Heading(_)))
        .unwrap();
    ch(&mut a, 'o');
    assert!(matches!(a.mode(), Mode::Normal));
    assert!(a.status.is_some(), "says to select a numeric input");
}

#[test]
fn typing_and_enter_records_the_source_under_the_inputs_path() {
    let mut a = app();
    // Medium → Low with one Tab.
    give_source(
        &mut a,
        Field::RequestsPerDay,
        "client's ticket export, March",
        1,
    );
    assert_eq!(
        sources(&a),
        vec![Source {
            field: "workload.requests_per_day".into(),
            source: "client's ticket export, March".into(),
            confidence: Confidence::Low,
        }]
    );
    assert_eq!(Field::RequestsPerDay.path(), "workload.requests_per_day");
    assert!(a.doc().is_dirty(), "a source is a change to the plan");
}

#[test]
fn editing_again_replaces_the_one_entry_of_the_input() {
    let mut a = app();
    give_source(&mut a, Field::RequestsPerDay, "a guess", 1);
    give_source(&mut a, Field::MaintenancePct, "industry survey", 2);
    // The box opens with the existing text, selected, so typing replaces it,
    // and with its confidence (Low): two Tabs go Low → High → Medium.
    select(&mut a, Field::RequestsPerDay);
    ch(&mut a, 'o');
    let Mode::Source(s) = a.mode() else { panic!() };
    assert_eq!(s.input.lines().join(""), "a guess");
    assert!(s.input.is_selecting());
    assert_eq!(s.confidence, Confidence::Low);
    press(&mut a, Key::Esc);
    give_source(&mut a, Field::RequestsPerDay, "CRM logs, 90 days", 2);
    let s = sources(&a);
    assert_eq!(s.len(), 2, "one entry per input: {s:?}");
    assert_eq!(s[0].field, "workload.requests_per_day", "replaced in place");
    assert_eq!(s[0].source, "CRM logs, 90 days");
    assert_eq!(s[0].confidence, Confidence::Medium);
    assert_eq!(s[1].confidence, Confidence::High);
}

#[test]
fn undo_removes_the_source_and_redo_restores_it() {
    let mut a = app();
    give_source(&mut a, Field::RequestsPerDay, "CRM logs", 0);
    assert_eq!(sources(&a).len(), 1);
    ch(&mut a, 'u');
    assert!(sources(&a).is_empty(), "undo removes the source");
    a.update(Msg::Key(KeyChord::ctrl('r')));
    assert_eq!(sources(&a).len(), 1, "redo brings it back");
    assert_eq!(sources(&a)[0].source, "CRM logs");
}

#[test]
fn ctrl_d_or_an_empty_text_removes_the_source() {
    let mut a = app();
    give_source(&mut a, Field::RequestsPerDay, "CRM logs", 0);
    select(&mut a, Field::RequestsPerDay);
    ch(&mut a, 'o');
    a.update(Msg::Key(KeyChord::ctrl('d')));
    assert!(matches!(a.mode(), Mode::Normal));
    assert!(sources(&a).is_empty(), "Ctrl-D removes it");

    give_source(&mut a, Field::RequestsPerDay, "CRM logs", 0);
    select(&mut a, Field::RequestsPerDay);
    ch(&mut a, 'o');
    press(&mut a, Key::Backspace); // the text opens selected: this clears it
    press(&mut a, Key::Enter);
    assert!(sources(&a).is_empty(), "an empty text removes it");
}

#[test]
fn control_characters_are_refused_and_nothing_is_recorded() {
    let mut a = app();
    select(&mut a, Field::RequestsPerDay);
    ch(&mut a, 'o');
    a.update(Msg::Paste("CRM\u{1b}[2J logs".into()));
    press(&mut a, Key::Enter);
    let Mode::Source(s) = a.mode() else {
        panic!("the box stays open with the reason");
    };
    assert!(
        s.error
            .as_deref()
            .unwrap_or("")
            .contains("escape character"),
        "{:?}",
        s.error
    );
    assert!(sources(&a).is_empty());
}

#[test]
fn a_plan_with_a_source_is_saved_as_version_2_and_reads_back() {
    // A version-1 plan (the shipped examples are version 2 now).
    let plan = common::load(&common::fixture(
        "v1-written/scenarios-support-assistant.ron",
    ));
    let mut a = open(plan, "/work/acme.ron", Some("/plans"));
    a.update(Msg::Resize {
        width: 120,
        height: 40,
    });
    let before = write_plan(&a.doc().plan);
    assert!(before.contains("    version: 1,\n"));
    give_source(&mut a, Field::RequestsPerDay, "CRM logs, 90 days", 0);
    let text = write_plan(&a.doc().plan);
    assert!(text.contains("    version: 2,\n"), "{text}");
    let back = parse_plan(text.as_bytes(), &builtin()).expect("the written plan is valid");
    assert_eq!(back.sources, sources(&a));
}

#[test]
fn the_inputs_pane_marks_a_sourced_input() {
    let mut a = app();
    give_source(&mut a, Field::RequestsPerDay, "CRM logs", 2); // High
    let shown = screen(&a, 120, 40);
    // The inputs pane is the first column of the screen.
    let line = shown
        .lines()
        .filter_map(|l| l.split('│').nth(1))
        .find(|l| l.contains("Requests per day"))
        .unwrap();
    assert!(line.contains("·H"), "{line}");
}

#[test]
fn presentation_mode_marks_the_drivers_that_rest_on_guesses() {
    for (w, h) in [(120, 40), (80, 24)] {
        let mut a = app_sized(w, h);
        ch(&mut a, 'P');
        let Mode::Present(top) = a.mode() else {
            panic!("P opens presentation mode")
        };
        let top: Vec<Field> = top.top.iter().map(|s| s.field).collect();
        assert!(top.len() >= 2, "the plan has drivers");
        let shown = screen(&a, w, h);
        assert!(shown.contains("⚠ no source"), "{w}x{h}:\n{shown}");
        // Every one of them a guess: "all 5", not "5 of the top 5".
        assert!(
            shown.contains(&format!("all {} top drivers rest on guesses", top.len())),
            "{w}x{h}:\n{shown}"
        );
        press(&mut a, Key::Esc);

        // The first driver sourced High, the second Low: one fewer guess,
        // and the Low one is marked as such.
        give_source(&mut a, top[0], "signed quote", 2);
        give_source(&mut a, top[1], "a hunch", 1);
        ch(&mut a, 'P');
        let shown = screen(&a, w, h);
        assert!(shown.contains("⚠ low confidence"), "{w}x{h}:\n{shown}");
        assert!(
            shown.contains(&format!(
                "{} of the top {} drivers {} on guesses",
                top.len() - 1,
                top.len(),
                if top.len() == 2 { "rests" } else { "rest" }
            )),
            "{w}x{h}:\n{shown}"
        );
        press(&mut a, Key::Esc);

        // Every driver sourced High or Medium: no marks, and it says so.
        for f in &top[1..] {
            // Low (top[1]) → High → Medium; Medium (new) → Low → High.
            give_source(&mut a, *f, "measured", 2);
        }
        ch(&mut a, 'P');
        let shown = screen(&a, w, h);
        assert!(!shown.contains('⚠'), "{w}x{h}:\n{shown}");
        assert!(
            shown.contains("every top driver has a source"),
            "{w}x{h}:\n{shown}"
        );
    }
}

#[test]
fn the_source_box_and_marked_drivers_render_at_every_size() {
    let sizes = [
        (0, 0),
        (1, 1),
        (20, 5),
        (40, 12),
        (60, 18),
        (80, 24),
        (120, 40),
        (300, 18),
    ];
    // Keys act at a size the screen shows (behind the "too small" notice
    // they do nothing); each state is then drawn at every size.
    let resize = |a: &mut App, width: u16, height: u16| {
        a.update(Msg::Resize { width, height });
    };
    for (w, h) in sizes {
        let mut a = app_sized(120, 40);
        select(&mut a, Field::RequestsPerDay);
        ch(&mut a, 'o');
        a.update(Msg::Paste("x".repeat(400)));
        resize(&mut a, w, h);
        for theme in [Theme::plain(), Theme { color: true }] {
            let mut t = Terminal::new(TestBackend::new(w, h)).unwrap();
            t.draw(|f| ui::render(f, &a, &theme)).unwrap();
        }
        resize(&mut a, 120, 40);
        press(&mut a, Key::Esc);
        give_source(&mut a, Field::RequestsPerDay, "a hunch", 1);
        ch(&mut a, 'P');
        resize(&mut a, w, h);
        let mut t = Terminal::new(TestBackend::new(w, h)).unwrap();
        t.draw(|f| ui::render(f, &a, &Theme::plain())).unwrap();
    }
}

/// Removing a model takes its sources with it and keeps the later models'
/// sources on their inputs, so the plan stays valid and says the same thing.
#[test]
fn removing_a_model_keeps_the_other_models_sources_on_their_inputs() {
    let mut a = app();
    assert!(
        a.doc().plan.models.len() >= 2,
        "support-assistant has two models"
    );
    let second = a.doc().plan.models[1].id.clone();
    give_source(
        &mut a,
        Field::Model(0, runcost::model::fields::ModelField::ApiOutput),
        "price list",
        2,
    );
    give_source(
        &mut a,
        Field::Model(1, runcost::model::fields::ModelField::ApiOutput),
        "vendor quote",
        2,
    );
    select(
        &mut a,
        Field::Model(0, runcost::model::fields::ModelField::ApiOutput),
    );
    ch(&mut a, 'd');
    assert_eq!(a.doc().plan.models[0].id, second);
    assert_eq!(
        sources(&a),
        vec![Source {
            field: "models[0].pricing.output_per_mtok".into(),
            source: "vendor quote".into(),
            confidence: Confidence::High,
        }]
    );
    ch(&mut a, 'b'); // the remaining share to 100 %
    let text = write_plan(&a.doc().plan);
    parse_plan(text.as_bytes(), &builtin()).expect("still a valid plan");
    ch(&mut a, 'u');
    ch(&mut a, 'u');
    assert_eq!(sources(&a).len(), 2, "undo brings both back");
}
