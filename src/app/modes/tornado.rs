//! The tornado of drivers: each input moved ±20 %, largest swing first;
//! Enter jumps to the input in the editor.

use super::super::cursor::ListCursor;
use super::super::keymap::KeyChord;
use super::super::rows::Row;
use super::super::{App, Focus};
use super::{LIST_KEYS, LIST_PAGE, ListAction, Mode, Outcome};
use crate::model::analysis::sensitivity::{Swing, sensitivity};

pub use crate::model::analysis::sensitivity::TORNADO_PCT;

pub struct TornadoState {
    pub swings: Vec<Swing>,
    pub cursor: ListCursor,
}

impl App {
    pub(crate) fn open_tornado(&mut self) {
        let swings: Vec<Swing> = sensitivity(&self.doc().plan, TORNADO_PCT)
            .into_iter()
            .filter(|w| w.swing > 0.0)
            .collect();
        self.mode = Mode::Tornado(TornadoState {
            swings,
            cursor: ListCursor::default(),
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
