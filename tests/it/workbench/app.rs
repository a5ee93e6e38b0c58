//! The workbench as messages in, state and effects out — no terminal.

use crate::common;

use std::path::PathBuf;

use common::ui::{
    acme as app, acme_editing, ch, ctrl, key as press, save_written, select, sized, typed, value,
    workbench,
};
use common::{builtin, scenario};
use runcost::app::keymap::{Key, KeyChord};
use runcost::app::rows::{Group, Row, TextField, Toggle};
use runcost::app::{App, Document, Effect, Focus, Mode, Msg, StatusKind};
use runcost::model::fields::{Field, Section};
use runcost::model::{Pricing, Reviewers, project};
use runcost::store::plans::PlanSummary;

fn app_with(plan: &str, path: Option<&str>) -> App {
    let doc = Document::opened(scenario(plan), path.map(PathBuf::from));
    sized(workbench(doc, Some("/plans")), 120, 40)
}

fn assert_projection_current(app: &App) {
    assert_eq!(
        *app.projection(),
        project(&app.doc().plan),
        "projection recomputed on every change"
    );
}

#[test]
fn right_raises_volume_to_the_next_round_number_and_shows_the_tco_effect() {
    let mut a = app();
    let tco = a.projection().totals.tco;
    select(&mut a, Row::Field(Field::RequestsPerDay));
    press(&mut a, Key::Right);
    assert_eq!(value(&a, Field::RequestsPerDay), 3000.0, "2,500 → 3,000");
    assert!(a.projection().totals.tco > tco);
    assert!(a.doc().is_dirty());
    let change = a.last_change.clone().unwrap();
    assert_eq!(
        change.what,
        "Requests per day 2,500 req/day → 3,000 req/day"
    );
    assert_eq!(change.tco_before, tco);
    assert_eq!(change.tco_after, a.projection().totals.tco);
    assert_eq!(change.month, 12);
    assert_projection_current(&a);
    press(&mut a, Key::Left);
    assert_eq!(
        value(&a, Field::RequestsPerDay),
        2500.0,
        "one step down returns"
    );
}

#[test]
fn shift_moves_ten_steps_and_percentages_move_by_points_within_range() {
    let mut a = app();
    select(&mut a, Row::Field(Field::CachedInput));
    press(&mut a, Key::Right);
    assert_eq!(value(&a, Field::CachedInput), 41.0);
    a.update(Msg::Key(KeyChord::shift(Key::Right)));
    assert_eq!(value(&a, Field::CachedInput), 51.0);
    for _ in 0..10 {
        ch(&mut a, 'L');
    }
    assert_eq!(
        value(&a, Field::CachedInput),
        100.0,
        "clamped to the allowed range"
    );
    ch(&mut a, 'h');
    assert_eq!(value(&a, Field::CachedInput), 99.0);
    select(&mut a, Row::Field(Field::Horizon));
    press(&mut a, Key::Right);
    assert_eq!(a.projection().months.len(), 13);
}

#[test]
fn enter_types_an_exact_value_and_refuses_invalid_text() {
    let mut a = acme_editing(Row::Field(Field::MaintenancePct));
    assert!(matches!(a.mode(), Mode::Edit(_)));
    for _ in 0..4 {
        press(&mut a, Key::Backspace);
    }
    typed(&mut a, "130");
    let Mode::Edit(e) = a.mode() else { panic!() };
    assert!(
        e.error.as_deref().unwrap().contains("0 to 100"),
        "validates as you type"
    );
    press(&mut a, Key::Enter);
    assert!(
        matches!(a.mode(), Mode::Edit(_)),
        "invalid: the box stays open"
    );
    assert_eq!(value(&a, Field::MaintenancePct), 20.0, "old value kept");
    press(&mut a, Key::Backspace);
    press(&mut a, Key::Backspace);
    ch(&mut a, '8');
    press(&mut a, Key::Enter);
    assert!(matches!(a.mode(), Mode::Normal));
    assert_eq!(value(&a, Field::MaintenancePct), 18.0);

    press(&mut a, Key::Enter);
    ctrl(&mut a, 'u');
    typed(&mut a, "99");
    press(&mut a, Key::Esc);
    assert_eq!(value(&a, Field::MaintenancePct), 18.0, "Esc cancels");
}

#[test]
fn typed_values_accept_thousands_and_suffixes_and_paste() {
    let mut a = acme_editing(Row::Field(Field::BuildCost));
    ctrl(&mut a, 'u');
    a.update(Msg::Paste("$1.2M".into()));
    press(&mut a, Key::Enter);
    assert_eq!(value(&a, Field::BuildCost), 1_200_000.0);
}

#[test]
fn undo_and_redo_walk_every_edit_with_all_four_keys() {
    let mut a = app();
    let original = a.doc().plan.clone();
    select(&mut a, Row::Field(Field::RequestsPerDay));
    press(&mut a, Key::Right);
    press(&mut a, Key::Right);
    let twice = a.doc().plan.clone();
    ch(&mut a, 'u');
    ctrl(&mut a, 'z');
    assert_eq!(a.doc().plan, original);
    assert!(!a.doc().is_dirty(), "back to the saved plan");
    assert_eq!(a.last_change.as_ref().unwrap().what, "Undo");
    ctrl(&mut a, 'r');
    ctrl(&mut a, 'y');
    assert_eq!(a.doc().plan, twice);
    assert_projection_current(&a);
    ctrl(&mut a, 'y');
    assert_eq!(a.status.as_ref().unwrap().text, "nothing to redo");
}

#[test]
fn sections_collapse_and_expand() {
    let mut a = app();
    let all = a.rows.len();
    select(&mut a, Row::Heading(Group::Model(Section::Models)));
    ch(&mut a, ' ');
    assert!(a.rows.len() < all);
    assert!(!a.rows.contains(&Row::Model(0)));
    press(&mut a, Key::Enter);
    assert_eq!(a.rows.len(), all);
    ch(&mut a, '-');
    assert_eq!(a.rows.len(), Group::all().count(), "only headings");
    ch(&mut a, '+');
    assert_eq!(a.rows.len(), all);
}

#[test]
fn the_picker_filters_the_catalog_and_snapshots_the_price() {
    let mut a = acme_editing(Row::Model(0));
    typed(&mut a, "anthropic haiku 5");
    let Mode::Picker(p) = a.mode() else {
        panic!("picker open")
    };
    assert!(!p.matches.is_empty());
    assert!(p.matches.iter().all(|&k| {
        let m = &a.catalog.models[k];
        m.provider == "anthropic" && m.id.contains("haiku")
    }));
    press(&mut a, Key::Enter);
    let m = &a.doc().plan.models[0];
    assert_eq!(m.id, "claude-haiku-5-5");
    assert_eq!(
        m.pricing,
        Some(a.catalog.model("claude-haiku-5-5").unwrap().pricing.clone())
    );
    assert!(
        a.last_change
            .as_ref()
            .unwrap()
            .what
            .contains("→ claude-haiku-5-5")
    );
    assert_projection_current(&a);

    // The other entry's model cannot be picked twice.
    ch(&mut a, 'm');
    typed(&mut a, "claude-sonnet-5-5");
    press(&mut a, Key::Enter);
    assert_eq!(a.doc().plan.models[0].id, "claude-haiku-5-5");
    assert_eq!(a.status.as_ref().unwrap().kind, StatusKind::Warning);
}

#[test]
fn the_mix_editor_adds_removes_and_rebalances() {
    let mut a = app();
    ch(&mut a, 'a');
    typed(&mut a, "llama-3.1-8b-h100");
    press(&mut a, Key::Enter);
    assert_eq!(a.doc().plan.models.len(), 3);
    assert_eq!(a.doc().plan.models[2].share_pct, 0.0);
    assert!(matches!(
        a.doc().plan.models[2].pricing,
        Some(Pricing::SelfHosted(_))
    ));
    assert_eq!(
        a.selected_row(),
        Some(Row::Field(Field::ModelShare(2))),
        "cursor on the new share"
    );
    for _ in 0..20 {
        press(&mut a, Key::Right);
    }
    assert_eq!(a.share_total(), 120.0);
    ctrl(&mut a, 's');
    assert_eq!(
        a.status.as_ref().unwrap().kind,
        StatusKind::Error,
        "an invalid plan is not saved"
    );
    assert!(a.status.as_ref().unwrap().text.contains("b to rebalance"));
    ch(&mut a, 'b');
    assert!((a.share_total() - 100.0).abs() < 1e-9);
    let shares: Vec<f64> = a.doc().plan.models.iter().map(|m| m.share_pct).collect();
    assert!(
        (shares[2] - 20.0 / 120.0 * 100.0).abs() < 1e-9,
        "proportional: {shares:?}"
    );
    select(&mut a, Row::Model(1));
    ch(&mut a, 'd');
    assert_eq!(a.doc().plan.models.len(), 2);
    assert_ne!(a.doc().plan.models[1].id, "claude-sonnet-5-5");
    select(&mut a, Row::Model(0));
    ch(&mut a, 'd');
    select(&mut a, Row::Model(0));
    ch(&mut a, 'd');
    assert_eq!(a.doc().plan.models.len(), 1, "the last model stays");
}

#[test]
fn infrastructure_lines_are_added_renamed_and_removed() {
    let mut a = app();
    let n = a.doc().plan.infrastructure.len();
    ch(&mut a, 'i');
    assert_eq!(a.doc().plan.infrastructure.len(), n + 1);
    assert!(
        matches!(a.mode(), Mode::Edit(_)),
        "the new line's name is up for editing"
    );
    ctrl(&mut a, 'u');
    typed(&mut a, "Vector cache");
    press(&mut a, Key::Enter);
    assert_eq!(a.doc().plan.infrastructure[n].name, "Vector cache");
    select(&mut a, Row::Field(Field::InfraMonthly(n)));
    press(&mut a, Key::Enter);
    typed(&mut a, "250");
    press(&mut a, Key::Enter);
    assert_eq!(a.doc().plan.infrastructure[n].monthly, 250.0);
    ch(&mut a, 'd');
    assert_eq!(a.doc().plan.infrastructure.len(), n);
}

#[test]
fn reviewer_staffing_toggles_and_understaffing_raises_errors() {
    let mut a = app();
    let errors = a.projection().totals.errors;
    let need = a.projection().months[0].reviewer_fte_needed;
    select(&mut a, Row::Toggle(Toggle::Reviewers));
    press(&mut a, Key::Enter);
    let Reviewers::Fixed(x) = a.doc().plan.oversight.reviewers else {
        panic!("fixed")
    };
    assert_eq!(
        x,
        (need * 2.0).ceil() / 2.0,
        "starts at the month-1 need rounded up to a half FTE"
    );
    assert!(x > 0.0);
    assert!(a.rows.contains(&Row::Field(Field::FixedReviewers)));
    // Growth outpaces a fixed team: coverage drops and errors rise.
    let (month, coverage) = a.understaffed().expect("understaffed later in the year");
    assert!(month > 1 && coverage < 100.0);
    assert!(a.projection().totals.errors > errors);
    select(&mut a, Row::Field(Field::FixedReviewers));
    press(&mut a, Key::Enter);
    ctrl(&mut a, 'u');
    typed(&mut a, "5");
    press(&mut a, Key::Enter);
    assert_eq!(a.understaffed(), None);
    select(&mut a, Row::Toggle(Toggle::Reviewers));
    press(&mut a, Key::Right);
    assert_eq!(a.doc().plan.oversight.reviewers, Reviewers::Auto);
}

#[test]
fn notes_are_edited_in_a_multiline_editor() {
    let mut a = app_with("doc-processing-small", None);
    ch(&mut a, 'n');
    assert!(matches!(a.mode(), Mode::Notes(_)));
    press(&mut a, Key::Enter);
    typed(&mut a, "Budget owner: CFO");
    a.update(Msg::Paste("\nSecond line".into()));
    press(&mut a, Key::Esc);
    assert!(matches!(a.mode(), Mode::Normal));
    assert!(
        a.doc()
            .plan
            .notes
            .ends_with("\nBudget owner: CFO\nSecond line"),
        "{:?}",
        a.doc().plan.notes
    );
    ch(&mut a, 'u');
    assert!(
        !a.doc().plan.notes.contains("CFO"),
        "notes edits undo like any other"
    );
}

#[test]
fn text_fields_validate() {
    let mut a = acme_editing(Row::Text(TextField::Currency));
    ctrl(&mut a, 'u');
    typed(&mut a, "eur");
    press(&mut a, Key::Enter);
    assert_eq!(a.doc().plan.currency, "EUR");
    press(&mut a, Key::Enter);
    ctrl(&mut a, 'u');
    press(&mut a, Key::Enter);
    assert!(matches!(a.mode(), Mode::Edit(_)), "empty currency refused");
}

#[test]
fn ctrl_s_saves_to_the_file_and_marks_the_plan_clean() {
    let mut a = app();
    select(&mut a, Row::Field(Field::RequestsPerDay));
    press(&mut a, Key::Right);
    let effects = ctrl(&mut a, 's');
    let [
        Effect::Save {
            doc,
            generation,
            path,
            text,
            create_new: false,
            expected: None,
        },
    ] = effects.as_slice()
    else {
        panic!("{effects:?}")
    };
    assert_eq!(*doc, a.session.active_id());
    assert_eq!(*generation, a.doc().revision);
    assert_eq!(path, &PathBuf::from("/work/acme.ron"));
    let reread = runcost::codec::parse_plan(text.as_bytes(), &builtin()).unwrap();
    assert_eq!(&reread, &a.doc().plan);
    assert!(a.doc().is_dirty(), "dirty until the save is confirmed");
    let effects = save_written(&mut a, *doc, *generation, path);
    assert_eq!(
        effects,
        vec![Effect::Remember(PathBuf::from("/work/acme.ron"))]
    );
    assert!(!a.doc().is_dirty());

    let failed = a.update(Msg::Saved {
        doc: *doc,
        generation: *generation,
        path: path.clone(),
        result: Err("disk full".into()),
    });
    assert!(failed.is_empty());
    assert!(a.status.as_ref().unwrap().text.contains("disk full"));
}

#[test]
fn a_new_plan_asks_where_to_save_with_a_sensible_default() {
    let mut a = app_with("support-assistant", None);
    assert!(ctrl(&mut a, 's').is_empty());
    let Mode::SaveAs(e) = a.mode() else {
        panic!("save as")
    };
    assert_eq!(e.input.lines()[0], "/plans/support-assistant.ron");
    ctrl(&mut a, 'u');
    typed(&mut a, "/tmp/x/mine.ron");
    let effects = press(&mut a, Key::Enter);
    assert!(
        matches!(&effects[..], [Effect::Save { path, .. }] if path == &PathBuf::from("/tmp/x/mine.ron"))
    );
}

#[test]
fn quitting_with_unsaved_changes_asks_save_discard_or_cancel() {
    let mut a = app();
    assert_eq!(ch(&mut a, 'q'), vec![Effect::Quit], "clean: quits at once");

    let mut a = app();
    select(&mut a, Row::Field(Field::RequestsPerDay));
    press(&mut a, Key::Right);
    assert!(ch(&mut a, 'q').is_empty());
    assert!(matches!(a.mode(), Mode::Confirm(_)));
    assert!(ch(&mut a, 'c').is_empty());
    assert!(matches!(a.mode(), Mode::Normal));

    ctrl(&mut a, 'c');
    assert_eq!(ch(&mut a, 'd'), vec![Effect::Quit]);

    let mut a = app();
    select(&mut a, Row::Field(Field::RequestsPerDay));
    press(&mut a, Key::Right);
    ch(&mut a, 'q');
    let (doc, generation, path, _) = common::ui::the_one_save(&ch(&mut a, 's'));
    let after = save_written(&mut a, doc, generation, &path);
    assert_eq!(
        after,
        vec![Effect::Remember(path.clone()), Effect::Quit],
        "quits once saved"
    );
}

fn summary(name: &str, path: &str) -> PlanSummary {
    PlanSummary {
        path: PathBuf::from(path),
        name: name.into(),
        client: "Client".into(),
        currency: "USD".into(),
        modified: "2026-11-28 07:00".into(),
        tco: Ok(1000.0),
    }
}

#[test]
fn open_lists_plans_filters_and_opens_the_chosen_one() {
    let mut a = app();
    assert_eq!(
        ctrl(&mut a, 'o'),
        vec![Effect::ScanPlans {
            also: vec![PathBuf::from("/work")]
        }]
    );
    a.update(Msg::PlanList(vec![
        summary("Alpha", "/p/a.ron"),
        summary("Beta bot", "/p/b.ron"),
    ]));
    typed(&mut a, "bot");
    let Mode::Browser(b) = a.mode() else {
        panic!("browser")
    };
    assert_eq!(b.matches, vec![1]);
    assert_eq!(
        press(&mut a, Key::Enter),
        vec![Effect::Open(PathBuf::from("/p/b.ron"))]
    );
    let other = scenario("compliance-review");
    let effects = a.update(Msg::Opened {
        path: PathBuf::from("/p/b.ron"),
        result: Ok(Box::new(other.clone())),
    });
    assert_eq!(effects, vec![Effect::Remember(PathBuf::from("/p/b.ron"))]);
    assert_eq!(a.doc().plan, other);
    assert!(!a.doc().is_dirty());
    assert_projection_current(&a);

    let failed = a.update(Msg::Opened {
        path: PathBuf::from("/p/x.ron"),
        result: Err("x.ron:1:1: bad".into()),
    });
    assert!(failed.is_empty());
    assert_eq!(a.doc().plan, other, "a failed open keeps the plan");
    assert_eq!(a.status.as_ref().unwrap().kind, StatusKind::Error);
}

#[test]
fn new_from_an_example_replaces_the_plan_unsaved() {
    let mut a = app();
    ctrl(&mut a, 'n');
    press(&mut a, Key::Down);
    press(&mut a, Key::Down);
    press(&mut a, Key::Enter);
    assert_eq!(a.doc().plan.name, "Invoice extraction");
    assert_eq!(a.doc().path, None);
    assert!(
        a.doc().is_dirty(),
        "an example copy is not saved anywhere yet"
    );
}

#[test]
fn mouse_click_selects_a_row_and_the_wheel_scrolls() {
    let mut a = app();
    // Row 0 of the list sits under the pane's top border (screen row 2).
    a.update(Msg::Click { col: 5, row: 2 + 7 });
    assert_eq!(a.selected, 7);
    assert_eq!(a.focus, Focus::Inputs);
    common::ui::wheel_down(&mut a, 5, 10);
    assert_eq!(a.offset, 3);
    a.update(Msg::Click { col: 100, row: 30 });
    assert_eq!(a.focus, Focus::Table);
    common::ui::wheel_down(&mut a, 100, 30);
    assert_eq!(a.table_offset, 3);
}

#[test]
fn tab_moves_focus_to_the_table_which_then_scrolls() {
    let mut a = app();
    press(&mut a, Key::Tab);
    assert_eq!(a.focus, Focus::Table);
    let selected = a.selected;
    press(&mut a, Key::Down);
    press(&mut a, Key::PageDown);
    assert_eq!(a.table_offset, 7);
    assert_eq!(a.selected, selected, "the inputs cursor does not move");
    press(&mut a, Key::End);
    assert_eq!(a.table_offset, 11);
    press(&mut a, Key::Esc);
    assert_eq!(a.focus, Focus::Inputs);
}

#[test]
fn help_opens_and_closes() {
    let mut a = app();
    ch(&mut a, '?');
    assert!(matches!(a.mode(), Mode::Help { .. }));
    press(&mut a, Key::Esc);
    assert!(matches!(a.mode(), Mode::Normal));
}

#[test]
fn toggling_retrieval_off_removes_its_cost() {
    let mut a = app();
    assert!(a.projection().totals.retrieval > 0.0);
    select(&mut a, Row::Toggle(Toggle::Retrieval));
    press(&mut a, Key::Enter);
    assert_eq!(a.projection().totals.retrieval, 0.0);
    assert!(!a.rows.contains(&Row::Field(Field::CorpusTokens)));
}

#[test]
fn the_cursor_skips_information_lines() {
    let mut a = app();
    select(&mut a, Row::Heading(Group::Model(Section::Models)));
    press(&mut a, Key::Down);
    assert_eq!(a.selected_row(), Some(Row::Model(0)));
    press(&mut a, Key::Up);
    assert_eq!(
        a.selected_row(),
        Some(Row::Heading(Group::Model(Section::Models)))
    );
}
