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
    /// The inputs that move the metric (`App::metric`), largest swing
    /// first (empty while `computing`).
    pub swings: Vec<Swing>,
    pub cursor: ListCursor,
    /// The sensitivity of the plan as it is now has not arrived yet.
    pub computing: bool,
}

/// The tornado's keys: a list whose Enter goes to the input, and `M`, which
/// reads it on the next metric.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum TornadoAction {
    List(ListAction),
    /// Read the drivers on the next metric: cash TCO, NPV, TCO with
    /// expected losses.
    NextMetric,
}

impl Described for TornadoAction {
    fn description(self) -> &'static str {
        match self {
            T::List(ListAction::Choose) => "go to the input under the cursor, to change it",
            T::List(ListAction::Cancel) => "close",
            T::List(other) => other.description(),
            T::NextMetric => {
                "read the drivers on cash TCO, on NPV (where minutes saved and realization show) or on TCO with expected losses, in turn"
            }
        }
    }
    fn short(self) -> &'static str {
        match self {
            T::List(ListAction::Choose) => "go to input",
            T::List(ListAction::Cancel) => Dialog::Cancel.short(),
            T::List(other) => other.short(),
            T::NextMetric => "cash/NPV/TCO",
        }
    }
}

use ListAction as L;
use TornadoAction as T;

/// Its section of help.
pub const TITLE: &str = "What drives the cost (t)";

pub const KEYS: Keymap<TornadoAction> = Keymap {
    tables: &[
        moves!(m => T::List(L::Move(m))),
        &[
            (k(Key::Enter), T::List(L::Choose)),
            (KeyChord::ch('M'), T::NextMetric),
            (k(Key::Esc), T::List(L::Cancel)),
        ],
    ],
    any_key: None,
    bar: &[
        bar(T::List(L::Choose)),
        bar(T::NextMetric),
        bar(T::List(L::Cancel)),
    ],
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

impl App {
    /// `M` in the editor: the drivers and the band are read on the next
    /// metric; the status says which, and what the key does next.
    pub(crate) fn next_metric(&mut self) {
        self.metric = self.metric.next();
        let next = self.metric.next();
        self.say(
            crate::app::StatusKind::Info,
            format!(
                "drivers (t) and P10–P90 read on {} · M: on {}",
                self.metric.label(),
                next.label()
            ),
        );
    }
}

impl ModeState for TornadoState {
    fn keys(&self, _: &App) -> &'static dyn KeyList {
        &KEYS
    }

    fn press(&mut self, chord: KeyChord, app: &mut App) -> Outcome {
        let action = match KEYS.lookup(chord) {
            Some(T::NextMetric) => {
                // The same plan on the next metric: computed afresh (or at
                // once when known), from the top.
                app.metric = app.metric.next();
                self.swings.clear();
                self.cursor = ListCursor::default();
                self.computing = true;
                return Outcome::Stay;
            }
            Some(T::List(a)) => Some(a),
            None => None,
        };
        match action {
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
