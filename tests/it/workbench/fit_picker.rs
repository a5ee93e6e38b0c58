//! The model picker helps choose: candidates sorted by what the plan would
//! cost with them, retired models marked and last (assigning one asks
//! first), a filter on the context window, and `m` acting on the model
//! under the cursor.

use crate::common;

use common::builtin;
use common::ui::in_plans as app;
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use runcost::app::keymap::{Key, KeyChord};
use runcost::app::rows::Row;
use runcost::app::{App, Document, Mode, Msg, PickTarget};
use runcost::model::fields::{Field, ModelField};
use runcost::ui::{self, Theme};

fn press(app: &mut App, chord: KeyChord) {
    app.update(Msg::Key(chord));
}

/// The workbench on day `today` with the picker open on the model in place.
fn picking_on(today: &str) -> App {
    let mut a = app();
    a.today = Some(today.into());
    press(&mut a, KeyChord::ch('m'));
    a
}

fn picker(app: &App) -> &runcost::app::PickerState {
    match app.mode() {
        Mode::Picker(p) => p,
        _ => panic!("the picker is not open"),
    }
}

#[test]
fn m_replaces_the_model_under_the_cursor() {
    let mut a = app();
    assert!(a.doc().plan.models.len() >= 2);
    for row in [
        Row::Model(1),
        Row::Field(Field::Model(1, ModelField::Share)),
        Row::Field(Field::Model(1, ModelField::ErrorRate)),
    ] {
        let Some(i) = a.rows.iter().position(|r| *r == row) else {
            continue;
        };
        a.selected = i;
        press(&mut a, KeyChord::ch('m'));
        assert_eq!(picker(&a).target, PickTarget::Replace(1), "{row:?}");
        press(&mut a, KeyChord::plain(Key::Esc));
    }
}

#[test]
fn candidates_are_sorted_by_the_plans_cost_with_them_retired_last() {
    let a = picking_on("2026-11-28");
    let p = picker(&a);
    assert_eq!(p.judged.len(), a.catalog.models.len());
    let order: Vec<_> = p.matches.iter().map(|&k| &p.judged[k]).collect();
    let first_retired = order.iter().position(|j| j.retired).unwrap_or(order.len());
    assert!(
        order[first_retired..].iter().all(|j| j.retired),
        "retired last"
    );
    for pair in order[..first_retired].windows(2) {
        assert!(pair[0].tco_change <= pair[1].tco_change, "cheapest first");
    }
    // The model in place now changes nothing.
    let now = &a.doc().plan.models[0].id;
    let k = a.catalog.models.iter().position(|m| &m.id == now).unwrap();
    assert!(p.judged[k].tco_change.abs() < 0.01);
    // Every retired one has a deprecation date on or before today.
    for (k, j) in p.judged.iter().enumerate() {
        let dep = a.catalog.models[k].deprecation.as_deref();
        assert_eq!(j.retired, dep.is_some_and(|d| d <= "2026-11-28"), "{k}");
    }
}

#[test]
fn typing_keeps_the_order_and_the_cost_of_every_candidate() {
    let mut a = app();
    press(&mut a, KeyChord::ch('m'));
    for c in "gpt".chars() {
        press(&mut a, KeyChord::ch(c));
    }
    let p = picker(&a);
    assert!(!p.matches.is_empty());
    assert!(p.matches.iter().all(|&k| {
        let m = &a.catalog.models[k];
        format!("{} {}", m.id, m.provider)
            .to_lowercase()
            .contains("gpt")
    }));
    for pair in p.matches.windows(2) {
        let (x, y) = (&p.judged[pair[0]], &p.judged[pair[1]]);
        assert!(
            (!x.retired && y.retired) || (x.retired == y.retired && x.tco_change <= y.tco_change)
        );
    }
}

#[test]
fn a_retired_model_is_assigned_only_after_a_second_enter() {
    // A day after every deprecation date in the catalog.
    let mut a = picking_on("2999-01-01");
    let p = picker(&a);
    let Some(pos) = p.matches.iter().position(|&k| p.judged[k].retired) else {
        panic!("the catalog has models with a deprecation date");
    };
    let k = p.matches[pos];
    let id = a.catalog.models[k].id.clone();
    // The picker opens on the model in place: to the top, then down.
    for _ in 0..p.matches.len() {
        press(&mut a, KeyChord::plain(Key::Up));
    }
    for _ in 0..pos {
        press(&mut a, KeyChord::plain(Key::Down));
    }
    press(&mut a, KeyChord::plain(Key::Enter));
    assert!(matches!(a.mode(), Mode::Picker(_)), "asks first");
    assert_ne!(a.doc().plan.models[0].id, id);
    let mut t = Terminal::new(TestBackend::new(120, 40)).unwrap();
    t.draw(|f| ui::render(f, &a, &Theme::plain())).unwrap();
    let screen = format!("{}", t.backend());
    assert!(screen.contains("Enter again assigns it anyway"), "{screen}");
    assert!(
        screen.contains("✗ 2"),
        "the retired model is marked with its date: {screen}"
    );
    press(&mut a, KeyChord::plain(Key::Enter));
    assert_eq!(a.doc().plan.models[0].id, id);
}

#[test]
fn tab_keeps_the_models_whose_context_holds_the_plans_input() {
    let mut a = app();
    let mut plan = a.doc().plan.clone();
    plan.workload.input_tokens = 500_000.0;
    a = App::new(Document::opened(plan, None), builtin(), None);
    press(&mut a, KeyChord::ch('m'));
    let all = picker(&a).matches.len();
    press(&mut a, KeyChord::plain(Key::Tab));
    let p = picker(&a);
    assert!(p.fits_only && p.matches.len() < all);
    assert!(p.matches.iter().all(|&k| {
        a.catalog.models[k]
            .context_window
            .is_none_or(|c| c >= 500_000)
    }));
}

#[test]
fn the_picker_shows_cost_per_request_and_the_tco_change() {
    let mut a = app();
    a.update(Msg::Resize {
        width: 120,
        height: 40,
    });
    press(&mut a, KeyChord::ch('m'));
    let mut t = Terminal::new(TestBackend::new(120, 40)).unwrap();
    t.draw(|f| ui::render(f, &a, &Theme::plain())).unwrap();
    let screen = format!("{}", t.backend());
    assert!(
        screen.contains("per request") && screen.contains("Δ TCO"),
        "{screen}"
    );
    assert!(screen.contains("same"), "the model in place: {screen}");
    // What the order counts: no built-in entry knows its wrong-answer rate,
    // so each Δ TCO is the candidate's price at the plan's rate now.
    assert!(screen.contains("lowest Δ TCO first"), "{screen}");
    assert!(screen.contains("Δ TCO is its price alone"), "{screen}");
}
