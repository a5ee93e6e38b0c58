//! The mode on screen, behind a field only this module can write: the
//! compiler, not a test that reads the source, sees to it that nothing but
//! [`CurrentMode::switch_to`] and [`CurrentMode::take`] (which `App::switch_to`
//! and `App::take_mode` call) ever changes the mode. Everyone else reads it
//! ([`CurrentMode::get`], `App::mode`) or changes the state of the mode that
//! is open, never which mode it is.
//!
//! ```compile_fail
//! // Outside the workbench the mode can be read, not set.
//! fn open_help(app: &mut runcost::app::App) {
//!     app.mode = runcost::app::Mode::Normal;
//! }
//! ```

use super::browser::BrowserState;
use super::panel::{BreakevenState, PresentState};
use super::tornado::TornadoState;
use super::{CompareState, Mode};

/// The mode on screen (the editor's when nothing else is open).
pub struct CurrentMode(Mode);

impl Default for CurrentMode {
    fn default() -> Self {
        CurrentMode(Mode::Normal)
    }
}

impl CurrentMode {
    /// The mode on screen.
    pub fn get(&self) -> &Mode {
        &self.0
    }

    /// Opens `mode` (or puts a mode back): the one write.
    pub(in crate::app) fn switch_to(&mut self, mode: Mode) {
        self.0 = mode;
    }

    /// Takes the mode out, leaving the editor, to lend it to its handler.
    pub(in crate::app) fn take(&mut self) -> Mode {
        std::mem::replace(&mut self.0, Mode::Normal)
    }

    /// The plan browser's state, when it is open.
    pub(in crate::app) fn browser(&mut self) -> Option<&mut BrowserState> {
        match &mut self.0 {
            Mode::Browser(b) => Some(b),
            _ => None,
        }
    }

    /// The compare view's state, when it is open.
    pub(in crate::app) fn compare(&mut self) -> Option<&mut CompareState> {
        match &mut self.0 {
            Mode::Compare(c) => Some(c),
            _ => None,
        }
    }

    /// The tornado's state, when it is open.
    pub(in crate::app) fn tornado(&mut self) -> Option<&mut TornadoState> {
        match &mut self.0 {
            Mode::Tornado(t) => Some(t),
            _ => None,
        }
    }

    /// Presentation mode's state, when it is open.
    pub(in crate::app) fn present(&mut self) -> Option<&mut PresentState> {
        match &mut self.0 {
            Mode::Present(p) => Some(p),
            _ => None,
        }
    }

    /// The break-even panel's state, when it is open.
    pub(in crate::app) fn breakeven(&mut self) -> Option<&mut BreakevenState> {
        match &mut self.0 {
            Mode::Breakeven(b) => Some(b),
            _ => None,
        }
    }
}
