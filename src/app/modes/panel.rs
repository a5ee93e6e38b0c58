//! Read-only panels that any key closes: presentation mode (big figures for
//! screen sharing, with the top drivers) and the break-even findings. What
//! they show is computed off the key path (`session/studies.rs`): each opens
//! at once, showing "computing…" until its study arrives.

use super::super::App;
use super::super::keymap::{Described, KeyChord, KeyList, Keymap, bar};
use super::{Mode, ModeState, Outcome};
use crate::model::analysis::sensitivity::Swing;

/// Presentation mode: the big figures and the top five drivers.
pub struct PresentState {
    /// The five inputs that move the TCO most (empty while `computing`).
    pub top: Vec<Swing>,
    pub computing: bool,
}

/// The break-even panel.
pub struct BreakevenState {
    /// The findings, as text (empty while `computing`).
    pub text: String,
    pub computing: bool,
}

/// The plan against its actuals (`A`), as text.
pub struct ActualsState {
    pub text: String,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum PanelAction {
    Close,
}

impl Described for PanelAction {
    fn description(self) -> &'static str {
        "close the panel"
    }
    fn short(self) -> &'static str {
        "closes"
    }
}

/// Any key closes the panel (the bar says so, as the panel does).
pub const KEYS: Keymap<PanelAction> = Keymap {
    tables: &[],
    any_key: Some(PanelAction::Close),
    bar: &[bar(PanelAction::Close)],
};

/// Both panels: any key closes them.
macro_rules! panel {
    ($state:ty) => {
        impl ModeState for $state {
            fn keys(&self, _: &App) -> &'static dyn KeyList {
                &KEYS
            }

            fn press(&mut self, chord: KeyChord, _: &mut App) -> Outcome {
                match KEYS.lookup(chord) {
                    Some(PanelAction::Close) => Outcome::Close,
                    None => Outcome::Stay,
                }
            }
        }
    };
}
panel!(PresentState);
panel!(BreakevenState);
panel!(ActualsState);

impl App {
    /// `P`: presentation mode; the top five drivers fill in when the
    /// sensitivity arrives (computed once per revision of the plan).
    pub(crate) fn open_present(&mut self) {
        self.switch_to(Mode::Present(PresentState {
            top: Vec::new(),
            computing: true,
        }));
    }

    /// `B`: where the plan breaks even, as a panel; the findings fill in
    /// when they arrive.
    pub(crate) fn open_breakeven(&mut self) {
        self.switch_to(Mode::Breakeven(BreakevenState {
            text: String::new(),
            computing: true,
        }));
    }
}
