//! Exactly one place changes the mode (issue 21 §3). The compiler sees to it:
//! the mode lives in `app::modes::CurrentMode`, whose only writes are its
//! `switch_to` and `take` (behind `App::switch_to` and `App::take_mode`), and
//! outside the workbench it can only be read, through `App::mode` (the
//! `compile_fail` example in src/app/modes/current.rs). What is left to test
//! is the behaviour: a handler opens a mode, keeps it or closes it by what it
//! returns, and a mode opened over another hands back to it.

use crate::common::ui::{acme, ch, key};
use runcost::app::Mode;
use runcost::app::keymap::Key;

/// The mode on screen, by name.
fn name(mode: &Mode) -> &'static str {
    match mode {
        Mode::Normal => "editor",
        Mode::Edit(_) => "edit",
        Mode::Picker(_) => "picker",
        Mode::Notes(_) => "notes",
        Mode::Help(_) => "help",
        Mode::Confirm(_) => "confirm",
        Mode::SaveAs(_) => "save as",
        Mode::Browser(_) => "browser",
        Mode::Examples(_) => "examples",
        Mode::Compare(_) => "compare",
        Mode::Safety(_) => "safety",
        Mode::Tornado(_) => "tornado",
        Mode::Source(_) => "source",
        Mode::Present(_) => "present",
        Mode::Breakeven(_) => "breakeven",
        Mode::Actuals(_) => "actuals",
        Mode::Finder(_) => "finder",
        Mode::Interview(_) => "interview",
    }
}

#[test]
fn a_key_of_the_editor_opens_its_mode_and_esc_closes_it() {
    for (open, mode) in [
        ('/', "finder"),
        ('?', "help"),
        ('n', "notes"),
        ('t', "tornado"),
        ('m', "picker"),
        ('S', "save as"),
    ] {
        let mut a = acme();
        ch(&mut a, open);
        assert_eq!(name(a.mode()), mode, "{open} opens {mode}");
        key(&mut a, Key::Esc);
        assert_eq!(name(a.mode()), "editor", "Esc closes {mode}");
    }
}

#[test]
fn a_mode_opened_over_another_hands_back_to_it() {
    let mut a = acme();
    ch(&mut a, 'v'); // a variant, so there are two plans to compare
    assert!(matches!(a.mode(), Mode::Edit(_)), "v asks for its name");
    key(&mut a, Key::Enter);
    ch(&mut a, 'c');
    assert!(matches!(a.mode(), Mode::Compare(_)), "c opens compare");
    ch(&mut a, '?');
    assert!(matches!(a.mode(), Mode::Help(_)), "? opens help over it");
    key(&mut a, Key::Esc);
    assert!(matches!(a.mode(), Mode::Compare(_)), "help hands back");
    key(&mut a, Key::Esc);
    assert!(matches!(a.mode(), Mode::Normal), "compare closes");
}
