//! The help overlay: every key of the editor and the other modes, generated
//! from their keymaps. ↑/↓ and the wheel scroll it.

use super::super::cursor::{ListCursor, Move};
use super::super::keymap::{Described, Key, KeyChord, Keymap, bar, k};
use super::Outcome;

#[derive(Debug, Clone, Copy, Default)]
pub struct HelpState {
    /// `selected` is the first line shown (the view stops at the last page).
    pub cursor: ListCursor,
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

    pub fn handle(&mut self, chord: KeyChord) -> Outcome {
        match KEYS.lookup(chord) {
            Some(HelpAction::Scroll(m)) => {
                self.cursor.go(m, LINES, 1);
                Outcome::Stay
            }
            Some(HelpAction::Close) => Outcome::Close,
            None => Outcome::Stay,
        }
    }

    pub fn wheel(&mut self, delta: isize) {
        self.cursor.by(delta, LINES);
    }
}
