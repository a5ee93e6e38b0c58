//! The plan's lists: which model or infrastructure line is selected, adding
//! and removing lines, and rebalancing the model shares (each change goes
//! through `commit`, in `editing.rs`).

use super::rows::{Group, Row, TextField};
use super::{App, StatusKind};
use crate::model::fields::Section;

impl App {
    pub(crate) fn current_model(&self) -> Option<usize> {
        match self.selected_row()? {
            Row::Model(i) => Some(i),
            Row::Field(f) if f.section() == Section::Models => f.index(),
            _ => None,
        }
    }

    pub(crate) fn current_infra(&self) -> Option<usize> {
        match self.selected_row()? {
            Row::Text(TextField::InfraName(i)) => Some(i),
            Row::Field(f) if f.section() == Section::Infrastructure => f.index(),
            _ => None,
        }
    }

    pub(crate) fn remove_line(&mut self) {
        if let Some(i) = self.current_model() {
            if self.session.active().plan.models.len() <= 1 {
                self.say(
                    StatusKind::Warning,
                    "a plan needs at least one model; pick another with Enter instead",
                );
                return;
            }
            let id = self.session.active().plan.models[i].id.clone();
            self.commit(format!("Removed {id} from the mix"), |s| {
                s.models.remove(i);
                super::modes::source::follow_removal(s, "models", i);
            });
            if self.session.active().plan.shares_miss_100() {
                self.say(
                    StatusKind::Warning,
                    "shares no longer sum to 100 % — press b to rebalance",
                );
            }
        } else if let Some(i) = self.current_infra() {
            let name = self.session.active().plan.infrastructure[i].name.clone();
            self.commit(format!("Removed infrastructure line {name:?}"), |s| {
                s.infrastructure.remove(i);
                super::modes::source::follow_removal(s, "infrastructure", i);
            });
        } else {
            self.say(
                StatusKind::Info,
                "select a model or an infrastructure line to remove it",
            );
        }
    }

    /// The models' shares of the traffic, summed (100 when balanced).
    fn share_sum(&self) -> f64 {
        let models = &self.session.active().plan.models;
        models.iter().map(|m| m.share_pct).sum()
    }

    pub(crate) fn rebalance(&mut self) {
        let sum = self.share_sum();
        let n = self.session.active().plan.models.len() as f64;
        let changed = self.commit("Rebalanced model shares to 100 %".into(), |s| {
            for m in &mut s.models {
                m.share_pct = if sum > 0.0 {
                    m.share_pct / sum * 100.0
                } else {
                    100.0 / n
                };
            }
        });
        if !changed {
            self.say(StatusKind::Info, "model shares already sum to 100 %");
        }
    }

    pub(crate) fn add_infra(&mut self) {
        let n = self.session.active().plan.infrastructure.len();
        self.collapsed
            .retain(|g| *g != Group::Model(Section::Infrastructure));
        self.commit("Added an infrastructure line".into(), |s| {
            s.infrastructure.push(crate::model::InfraItem {
                name: format!("New line {}", n + 1),
                monthly: 0.0,
                per_thousand_requests: 0.0,
            });
        });
        if self.select(Row::Text(TextField::InfraName(n))) {
            self.activate();
        }
    }
}
