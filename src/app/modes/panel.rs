//! Read-only panels that any key closes: presentation mode (big figures for
//! screen sharing, with the top drivers) and the break-even findings.

use super::super::keymap::{Described, KeyChord, Keymap, bar};
use super::super::{App, TORNADO_PCT};
use super::{Mode, Outcome};

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

pub fn handle(chord: KeyChord) -> Outcome {
    match KEYS.lookup(chord) {
        Some(PanelAction::Close) => Outcome::Close,
        None => Outcome::Stay,
    }
}

impl App {
    /// `P`: presentation mode, with the top five drivers computed once.
    pub(crate) fn open_present(&mut self) {
        let top = crate::model::analysis::sensitivity::sensitivity(&self.doc().plan, TORNADO_PCT)
            .into_iter()
            .filter(|w| w.swing > 0.0)
            .take(5)
            .collect();
        self.mode = Mode::Present(top);
    }

    /// `B`: where the plan breaks even, as a panel.
    pub(crate) fn open_breakeven(&mut self) {
        use crate::model::analysis::breakeven as be;
        let plan = &self.doc().plan;
        let text = crate::report::analysis::breakeven_text(
            plan,
            &be::hosting(plan, &self.catalog),
            be::minutes_to_pay_back(plan),
            None,
        );
        self.mode = Mode::Breakeven(text);
    }
}
