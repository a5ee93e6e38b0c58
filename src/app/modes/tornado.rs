//! The tornado of drivers: each input moved ±20 %, largest swing first;
//! Enter jumps to the input in the editor. The sensitivity is computed off
//! the key path (`session/studies.rs`): the tornado opens at once, showing
//! "computing…" until it arrives.

use super::super::cursor::ListCursor;
use super::super::keymap::KeyChord;
use super::super::rows::Row;
use super::super::{App, Focus};
use super::{LIST_KEYS, LIST_PAGE, ListAction, Mode, Outcome};
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

impl App {
    /// `t`: opens at once; the swings fill in when the study arrives (at
    /// once when they are known for this revision, or computed inline).
    pub(crate) fn open_tornado(&mut self) {
        self.mode = Mode::Tornado(TornadoState {
            swings: Vec::new(),
            cursor: ListCursor::default(),
            computing: true,
        });
    }
}

impl TornadoState {
    pub fn handle(&mut self, chord: KeyChord, app: &mut App) -> Outcome {
        match LIST_KEYS.lookup(chord) {
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
}
