//! Issue 20 round 2: behind the "terminal too small" notice keys must not act
//! on a screen nobody sees (at 40×12 `d` removed a model unseen). Only quit,
//! Ctrl-S and Esc go through; a resize back brings every key back.

use crate::common;

use common::scenario;
use common::ui::{ACME, open, screen, sized};
use runcost::app::keymap::{Key, KeyChord};
use runcost::app::rows::Row;
use runcost::app::{App, Effect, Msg};

fn app_at(w: u16, h: u16) -> App {
    sized(
        open(scenario("support-assistant"), ACME, Some("/plans")),
        w,
        h,
    )
}

/// The first model's row.
fn model_row(a: &App) -> usize {
    a.rows
        .iter()
        .position(|r| matches!(r, Row::Model(_)))
        .expect("a model row")
}

#[test]
fn keys_behind_the_too_small_notice_do_nothing() {
    for (w, h) in [(40, 12), (59, 40), (120, 17)] {
        let mut a = app_at(w, h);
        assert!(screen(&a, w, h).contains("terminal too small"), "{w}×{h}");
        let model = model_row(&a);
        a.selected = model;
        let plan = a.doc().plan.clone();
        // Removing, stepping, doubling, toggling, undo, opening things.
        for c in ['d', '*', '%', 'r', 'a', 'u', 'm', 'x', ' ', '+'] {
            a.update(Msg::Key(KeyChord::ch(c)));
        }
        for k in [Key::Right, Key::Left, Key::Enter, Key::Delete, Key::Down] {
            a.update(Msg::Key(KeyChord::plain(k)));
        }
        a.update(Msg::Paste("12".into()));
        a.update(Msg::Click { col: 5, row: 5 });
        assert_eq!(a.doc().plan, plan, "{w}×{h}: the plan did not change");
        assert_eq!(a.selected, model, "{w}×{h}: the cursor did not move");
        assert!(matches!(a.mode(), runcost::app::Mode::Normal), "{w}×{h}");
        // Ctrl-S still saves, q still quits.
        let saved = a.update(Msg::Key(KeyChord::ctrl('s')));
        assert!(
            saved.iter().any(|e| matches!(e, Effect::Save { .. })),
            "{w}×{h}: {saved:?}"
        );
        let quit = a.update(Msg::Key(KeyChord::ch('q')));
        assert!(
            quit.iter().any(|e| matches!(e, Effect::Quit)),
            "{w}×{h}: {quit:?}"
        );
    }
}

#[test]
fn keys_act_again_once_the_terminal_is_big_enough() {
    let mut a = app_at(40, 12);
    a.update(Msg::Resize {
        width: 80,
        height: 24,
    });
    let model = model_row(&a);
    a.selected = model;
    let before = a.doc().plan.models.len();
    a.update(Msg::Key(KeyChord::ch('d')));
    // `d` removes the model (or asks first): either way it acts.
    assert!(
        a.doc().plan.models.len() < before || !matches!(a.mode(), runcost::app::Mode::Normal),
        "d acted at 80×24"
    );
}
