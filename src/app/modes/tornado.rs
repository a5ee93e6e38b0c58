//! The tornado of drivers: each input moved ±20 %, largest swing first;
//! Enter jumps to the input in the editor. The sensitivity is computed off
//! the key path (`session/studies.rs`): the tornado opens at once, showing
//! "computing…" until it arrives.

use super::super::cursor::ListCursor;
use super::super::keymap::{Described, Dialog, Key, KeyChord, KeyList, Keymap, bar, k};
use super::super::rows::Row;
use super::super::{App, Focus};
use super::{LIST_PAGE, ListAction, Mode, ModeState, Outcome};
use crate::model::analysis::sensitivity::Swing;

pub use crate::model::analysis::sensitivity::TORNADO_PCT;

pub struct TornadoState {
    /// The inputs that move the TCO, largest swing first (empty while
    /// `computing`).
    pub swings: Vec<Swing>,
    pub cursor: ListCursor,
    /// The sensitivity of the plan as it is now has not arrived yet.
    pub computing: bool,
}

/// ListAction with the tornado's own words: Enter goes to the input.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct TornadoAction(pub ListAction);

impl Described for TornadoAction {
    fn description(self) -> &'static str {
        match self.0 {
            ListAction::Choose => "go to the input under the cursor, to change it",
            ListAction::Cancel => "close",
            other => other.description(),
        }
    }
    fn short(self) -> &'static str {
        match self.0 {
            ListAction::Choose => "go to input",
            ListAction::Cancel => Dialog::Cancel.short(),
            other => other.short(),
        }
    }
}

use ListAction as L;
use TornadoAction as T;

/// Its section of help.
pub const TITLE: &str = "What drives the cost (t)";

pub const KEYS: Keymap<TornadoAction> = Keymap {
    tables: &[
        moves!(m => T(L::Move(m))),
        &[(k(Key::Enter), T(L::Choose)), (k(Key::Esc), T(L::Cancel))],
    ],
    any_key: None,
    bar: &[bar(T(L::Choose)), bar(T(L::Cancel))],
};

impl App {
    /// `t`: opens at once; the swings fill in when the study arrives (at
    /// once when they are known for this revision, or computed inline).
    pub(crate) fn open_tornado(&mut self) {
        self.switch_to(Mode::Tornado(TornadoState {
            swings: Vec::new(),
            cursor: ListCursor::default(),
            computing: true,
        }));
    }
}

impl ModeState for TornadoState {
    fn keys(&self, _: &App) -> &'static dyn KeyList {
        &KEYS
    }

    fn press(&mut self, chord: KeyChord, app: &mut App) -> Outcome {
        match KEYS.lookup(chord).map(|t| t.0) {
            Some(ListAction::Move(m)) => {
                self.cursor.go(m, self.swings.len(), LIST_PAGE);
                Outcome::Stay
            }
            Some(ListAction::Choose) => {
                if let Some(field) = self.swings.get(self.cursor.selected).map(|w| w.field) {
                    app.collapsed
                        .retain(|g| Some(*g) != Row::Field(field).group());
                    app.rebuild_rows();
                    if let Some(i) = app.rows.iter().position(|r| *r == Row::Field(field)) {
                        app.selected = i;
                        app.focus = Focus::Inputs;
                        app.scroll_into_view();
                    }
                }
                Outcome::Close
            }
            Some(ListAction::Cancel) => Outcome::Close,
            None => Outcome::Stay,
        }
    }

    fn help_title(&self) -> Option<&'static str> {
        Some(TITLE)
    }
}
