//! The workbench's analysis views: the tornado of drivers (Enter jumps to the
//! input), presentation mode for screen sharing, and exporting the client report.

use std::path::PathBuf;

use super::keymap::Action;
use super::rows::Row;
use super::{App, Effect, Mode, StatusKind, slug};
use crate::model::analysis::sensitivity::{Swing, sensitivity};

pub use crate::model::analysis::sensitivity::TORNADO_PCT;

pub struct TornadoState {
    pub swings: Vec<Swing>,
    pub selected: usize,
}

impl App {
    pub(super) fn open_tornado(&mut self) {
        let swings: Vec<Swing> = sensitivity(&self.docs[self.active].plan, TORNADO_PCT)
            .into_iter()
            .filter(|w| w.swing > 0.0)
            .collect();
        self.mode = Mode::Tornado(TornadoState {
            swings,
            selected: 0,
        });
    }

    pub(super) fn on_tornado(&mut self, action: Option<Action>) -> Vec<Effect> {
        let Mode::Tornado(t) = &mut self.mode else {
            return Vec::new();
        };
        let last = t.swings.len().saturating_sub(1);
        match action {
            Some(Action::Up) => t.selected = t.selected.saturating_sub(1),
            Some(Action::Down) => t.selected = (t.selected + 1).min(last),
            Some(Action::PageUp) => t.selected = t.selected.saturating_sub(10),
            Some(Action::PageDown) => t.selected = (t.selected + 10).min(last),
            Some(Action::Confirm) => {
                let field = t.swings.get(t.selected).map(|w| w.field);
                self.mode = Mode::Normal;
                if let Some(field) = field {
                    self.collapsed
                        .retain(|g| Some(*g) != Row::Field(field).group());
                    self.refresh();
                    if let Some(i) = self.rows.iter().position(|r| *r == Row::Field(field)) {
                        self.selected = i;
                        self.focus = super::Focus::Inputs;
                        self.scroll_into_view();
                    }
                }
            }
            Some(Action::Cancel) => self.mode = Mode::Normal,
            _ => {}
        }
        Vec::new()
    }

    /// `B`: where the plan breaks even, as a panel.
    pub(super) fn open_breakeven(&mut self) {
        use crate::model::analysis::breakeven as be;
        let plan = &self.docs[self.active].plan;
        let text = crate::report::analysis::breakeven_text(
            plan,
            &be::hosting(plan, &self.catalog),
            be::minutes_to_pay_back(plan),
            None,
        );
        self.mode = Mode::Breakeven(text);
    }

    /// `e`: write the client report (Markdown and HTML) next to the plan.
    pub(super) fn export(&mut self) -> Vec<Effect> {
        let doc = &self.docs[self.active];
        let base = match &doc.path {
            Some(p) => p.with_file_name(format!(
                "{}-report",
                p.file_stem()
                    .map_or("plan".into(), |s| s.to_string_lossy().into_owned())
            )),
            None => {
                let file = format!("{}-report", slug(&doc.plan.name));
                self.plans_dir
                    .clone()
                    .map_or(PathBuf::from(&file), |d| d.join(file))
            }
        };
        let plan = Box::new(doc.plan.clone());
        self.say(StatusKind::Info, "writing the client report…");
        vec![Effect::Export { plan, base }]
    }
}
