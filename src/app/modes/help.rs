//! The help overlay: every key of the editor and the other modes, generated
//! from their keymaps, the keys of the mode it was opened from first. ↑/↓,
//! PgUp/PgDn and the wheel scroll it; closing it returns to that mode.

use super::super::App;
use super::super::cursor::{ListCursor, Move};
use super::super::keymap::{Described, Key, KeyChord, KeyList, Keymap, Shown, bar, k};
use super::{Mode, ModeState, Outcome, help_sections};

#[derive(Default)]
pub struct HelpState {
    /// `selected` is the first line shown (the view stops at the last page).
    pub cursor: ListCursor,
    /// The key lists shown, those of the mode help was opened from first.
    pub sections: Vec<(&'static str, Vec<Shown>)>,
    /// The mode to return to (the editor when `None`).
    pub back: Option<Box<Mode>>,
}

/// How many lines PgUp/PgDn scroll help.
const HELP_PAGE: usize = 10;

impl App {
    /// Opens help over `back` (the mode it was opened from, `None` for the
    /// editor), its keys first; closing help returns there.
    pub(crate) fn open_help(&mut self, back: Option<Mode>) {
        let sections = help_sections(self.focus, back.as_ref());
        self.switch_to(Mode::Help(HelpState {
            cursor: ListCursor::default(),
            sections,
            back: back.map(Box::new),
        }));
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum HelpAction {
    Scroll(Move),
    Close,
}

impl Described for HelpAction {
    fn description(self) -> &'static str {
        match self {
            HelpAction::Scroll(m) => m.description(),
            HelpAction::Close => "cancel",
        }
    }
}

pub const KEYS: Keymap<HelpAction> = Keymap {
    tables: &[&[
        (k(Key::Esc), HelpAction::Close),
        (KeyChord::ch('?'), HelpAction::Close),
        (KeyChord::ch('q'), HelpAction::Close),
        (k(Key::Up), HelpAction::Scroll(Move::Up)),
        (k(Key::Down), HelpAction::Scroll(Move::Down)),
        (k(Key::PageUp), HelpAction::Scroll(Move::PageUp)),
        (k(Key::PageDown), HelpAction::Scroll(Move::PageDown)),
        (k(Key::Home), HelpAction::Scroll(Move::Top)),
    ]],
    any_key: None,
    bar: &[bar(HelpAction::Close)],
};

/// The view clamps the scroll to the text; the cursor only keeps it in u16.
const LINES: usize = u16::MAX as usize + 1;

impl HelpState {
    /// The first line shown.
    pub fn scroll(&self) -> u16 {
        self.cursor.selected as u16
    }

    pub fn wheel(&mut self, delta: isize) {
        self.cursor.by(delta, LINES);
    }
}

impl ModeState for HelpState {
    fn keys(&self, _: &App) -> &'static dyn KeyList {
        &KEYS
    }

    fn press(&mut self, chord: KeyChord, app: &mut App) -> Outcome {
        match KEYS.lookup(chord) {
            Some(HelpAction::Scroll(m)) => {
                self.cursor.go(m, LINES, HELP_PAGE);
                Outcome::Stay
            }
            Some(HelpAction::Close) => {
                if let Some(back) = self.back.take() {
                    app.switch_to(*back);
                }
                Outcome::Close
            }
            None => Outcome::Stay,
        }
    }

    fn scrolled(&mut self, _: (u16, u16), delta: isize, _: &mut App) {
        self.wheel(delta);
    }
}
