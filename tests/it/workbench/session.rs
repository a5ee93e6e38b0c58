//! The session of open plans (issue 11, part 4): an edit recomputes what
//! depends on it once, view-only keys recompute nothing, the band is
//! computed off the key path and stale bands are dropped, and answers about a
//! plan find it by its id, wherever it now is.

use crate::common;

use std::path::PathBuf;

use common::ui::{self, ACME, analyses_asked, ch, key, open, save_written, select, sized};
use common::{builtin, scenario};
use runcost::app::keymap::{Key, KeyChord};
use runcost::app::rows::Row;
use runcost::app::session::{DocId, analyse};
use runcost::app::{Analysis, App, Effect, Mode, Msg};
use runcost::model::fields::Field;

/// The support plan with ranges on three inputs.
fn ranged_app() -> App {
    let mut plan = scenario("support-assistant");
    let w = plan.workload.clone();
    plan.uncertainty = vec![
        common::uncertain(
            "workload.requests_per_day",
            w.requests_per_day * 0.5,
            w.requests_per_day * 1.5,
        ),
        common::uncertain(
            "workload.input_tokens",
            w.input_tokens * 0.8,
            w.input_tokens * 1.2,
        ),
        common::uncertain(
            "workload.output_tokens",
            w.output_tokens * 0.8,
            w.output_tokens * 1.2,
        ),
    ];
    sized(open(plan, ACME, Some("/plans")), 120, 40)
}

fn on_volume(app: &mut App) {
    select(app, Row::Field(Field::RequestsPerDay));
}

fn screen(app: &App) -> String {
    ui::screen(app, 120, 40)
}

/// Ctrl-S, and the one save it asks for: (doc, generation, path, text).
fn ctrl_s(a: &mut App) -> (DocId, u64, PathBuf, String) {
    ui::the_one_save(&a.update(Msg::Key(KeyChord::ctrl('s'))))
}

/// (figures computed, bands computed on the key path) of the active plan.
fn counts(app: &App) -> (u64, u64) {
    (
        app.derived().computations(),
        app.derived().inline_analyses(),
    )
}

#[test]
fn view_only_keys_recompute_nothing_and_an_edit_recomputes_once() {
    let mut a = ranged_app();
    on_volume(&mut a);
    let before = counts(&a);
    assert_eq!(before, (1, 1), "computed once when opened");
    let band = a.simulation().cloned();

    // Fold and unfold a section, fold and unfold all, scroll, move, switch
    // focus, open and close help.
    let rows = a.rows.len();
    ch(&mut a, ' ');
    assert!(a.rows.len() < rows, "the section folded (rows rebuilt)");
    ch(&mut a, ' ');
    ch(&mut a, '-');
    ch(&mut a, '+');
    key(&mut a, Key::PageDown);
    key(&mut a, Key::Down);
    key(&mut a, Key::Up);
    key(&mut a, Key::Tab);
    key(&mut a, Key::Down);
    key(&mut a, Key::Tab);
    ch(&mut a, '?');
    assert!(matches!(a.mode(), Mode::Help(_)), "help is open");
    key(&mut a, Key::Esc);
    ui::wheel_down(&mut a, 10, 10);
    a.update(Msg::Resize {
        width: 100,
        height: 30,
    });
    assert_eq!(counts(&a), before, "view-only keys computed nothing");
    assert_eq!(a.simulation().cloned(), band);

    // One edit: the figures and the band once each.
    on_volume(&mut a);
    key(&mut a, Key::Right);
    assert_eq!(counts(&a), (before.0 + 1, before.1 + 1));
    assert_ne!(a.simulation().cloned(), band, "the band follows the edit");
    // And undo is one more.
    ch(&mut a, 'u');
    assert_eq!(counts(&a), (before.0 + 2, before.1 + 2));
    assert_eq!(a.simulation().cloned(), band);
}

#[test]
fn with_a_worker_the_key_path_runs_no_monte_carlo_and_the_band_catches_up() {
    let mut a = ranged_app();
    a.session.analysis = Analysis::Background;
    on_volume(&mut a);
    let old = a.simulation().cloned().expect("band of the opened plan");
    let (figures, inline) = counts(&a);
    assert!(!screen(&a).contains("updating"), "up to date");

    // The edit asks for the band of the new revision, once; none is computed.
    let effects = key(&mut a, Key::Right);
    let analyse_effects = analyses_asked(&effects);
    assert_eq!(analyse_effects.len(), 1, "{effects:?}");
    let (doc, first, plan) = analyse_effects[0].clone();
    assert_eq!(doc, a.session.active_id());
    assert_eq!(first, a.doc().revision);
    assert_eq!(plan, a.doc().plan);
    assert_eq!(counts(&a), (figures + 1, inline), "no Monte Carlo inline");

    // Meanwhile: the band shows as updating, and the previous one is not
    // handed out (it is of another plan than the headline's).
    assert!(a.band_updating());
    assert_eq!(a.simulation(), None);
    assert!(screen(&a).contains("updating…"), "{}", screen(&a));

    // A view-only key asks for nothing more.
    assert!(
        !ch(&mut a, '?')
            .iter()
            .any(|e| matches!(e, Effect::Analyse { .. }))
    );
    key(&mut a, Key::Esc);

    // A second edit before the band came: a newer request.
    on_volume(&mut a);
    let effects = key(&mut a, Key::Right);
    let [
        Effect::Analyse {
            generation: second,
            plan: newer,
            ..
        },
    ] = &effects[..]
    else {
        panic!("{effects:?}")
    };
    assert!(*second > first);

    // The answer to the first request is stale: dropped.
    a.update(Msg::Analysed {
        doc,
        generation: first,
        simulation: analyse(&plan).map(Box::new),
    });
    assert!(a.band_updating(), "still waiting for the newer band");
    assert_eq!(a.simulation(), None, "a stale answer is never shown");

    // The answer to the second: shown, and no longer marked.
    let fresh = analyse(newer).expect("band");
    a.update(Msg::Analysed {
        doc,
        generation: *second,
        simulation: Some(Box::new(fresh.clone())),
    });
    assert!(!a.band_updating());
    assert_eq!(a.simulation(), Some(&fresh));
    assert_ne!(fresh, old);
    assert!(!screen(&a).contains("updating"));
    assert_eq!(counts(&a).1, inline, "never computed on the key path");
}

#[test]
fn the_runtime_performs_analyse_effects_like_the_worker() {
    // What the runtime does without a worker thread (and what tests can use
    // to run the analysis inline): perform the effect, feed the answer back.
    let mut a = ranged_app();
    a.session.analysis = Analysis::Background;
    on_volume(&mut a);
    let effects = key(&mut a, Key::Right);
    for e in effects {
        if matches!(e, Effect::Analyse { .. }) {
            for msg in runcost::tui::effects::perform(e, &builtin()) {
                a.update(msg);
            }
        }
    }
    assert!(!a.band_updating());
    assert_eq!(a.simulation(), analyse(&a.doc().plan).as_ref());
}

#[test]
fn a_save_answer_finds_its_plan_by_id_after_another_plan_closed() {
    let mut a = ranged_app();
    let original = a.session.active_id();
    ch(&mut a, 'v');
    key(&mut a, Key::Enter);
    let variant = a.session.active_id();
    assert_ne!(variant, original);
    assert_eq!(a.session.active_index(), 1);

    let (doc, generation, path, _) = &ctrl_s(&mut a);
    assert_eq!(*doc, variant);
    // The save is under way; meanwhile the original plan is closed, so the
    // variant moves to position 0.
    ch(&mut a, '<');
    ch(&mut a, 'x');
    assert_eq!(a.session.len(), 1);
    assert_eq!(a.session.id(0), variant);
    assert!(a.doc().is_dirty());
    save_written(&mut a, *doc, *generation, path);
    assert!(!a.doc().is_dirty(), "the variant is marked saved");
    assert_eq!(a.doc().path.as_ref(), Some(path));

    // An answer about a plan no longer open changes nothing.
    a.update(Msg::Saved {
        doc: original,
        generation: 0,
        path: PathBuf::from("/work/acme.ron"),
        result: Ok(()),
    });
    assert_eq!(a.doc().path.as_ref(), Some(path));
    assert!(!a.doc().is_dirty());
}

#[test]
fn a_save_reply_marks_saved_what_was_written_even_after_more_edits() {
    let mut a = ranged_app();
    on_volume(&mut a);
    key(&mut a, Key::Right);
    let written = a.doc().plan.clone();
    let (doc, generation, path, text) = &ctrl_s(&mut a);
    assert_eq!(
        runcost::codec::parse_plan(text.as_bytes(), &builtin()).unwrap(),
        written
    );
    // Another edit lands before the reply.
    key(&mut a, Key::Right);
    save_written(&mut a, *doc, *generation, path);
    assert!(a.doc().is_dirty(), "the later edit is not on disk");
    ch(&mut a, 'u');
    assert!(!a.doc().is_dirty(), "what was written is what is saved");
}
