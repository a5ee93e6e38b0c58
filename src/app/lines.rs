//! The plan's lists: which model or infrastructure line is selected, adding
//! and removing lines, and rebalancing the model shares (each change goes
//! through `commit`, in `editing.rs`).

use super::rows::{Group, Line, Row, TextField};
use super::{App, StatusKind};
use crate::model::fields::{Field, Section};

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
        } else if let Some((line, i)) = self.current_line() {
            self.remove_of(line, i);
        } else if let Some(i) = self.current_infra() {
            let name = self.session.active().plan.infrastructure[i].name.clone();
            self.commit(format!("Removed infrastructure line {name:?}"), |s| {
                s.infrastructure.remove(i);
                super::modes::source::follow_removal(s, "infrastructure", i);
            });
        } else {
            self.say(
                StatusKind::Info,
                "select a model, an infrastructure line, a tool, a role or a price change to remove it",
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
        // On a tool, a role or a price change (or their "+ add" line), `i`
        // adds one of those.
        if let Some((line, _)) = self.current_line() {
            return self.add_line(line);
        }
        if let Some(Row::AddLine(line)) = self.selected_row() {
            return self.add_line(line);
        }
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

impl App {
    /// The tool, role or price change under the cursor: which list, which line.
    pub(crate) fn current_line(&self) -> Option<(Line, usize)> {
        match self.selected_row()? {
            Row::Text(TextField::ToolName(i)) | Row::Field(Field::Tool(i, _)) => {
                Some((Line::Tool, i))
            }
            Row::Text(TextField::Role(i)) | Row::Field(Field::Person(i, _)) => {
                Some((Line::Person, i))
            }
            Row::Field(Field::PriceStep(i, _)) => Some((Line::PriceStep, i)),
            _ => None,
        }
    }

    fn remove_of(&mut self, line: Line, i: usize) {
        let plan = &self.session.active().plan;
        let (what, list) = match line {
            Line::Tool => (
                format!("Removed tool {:?}", plan.workload.tools[i].name),
                "workload.tools",
            ),
            Line::Person => (format!("Removed role {:?}", plan.people[i].role), "people"),
            Line::PriceStep => (
                format!(
                    "Removed the price change in month {}",
                    plan.change.price_steps[i].month
                ),
                "change.price_steps",
            ),
        };
        self.commit(what, |s| {
            match line {
                Line::Tool => drop(s.workload.tools.remove(i)),
                Line::Person => drop(s.people.remove(i)),
                Line::PriceStep => drop(s.change.price_steps.remove(i)),
            }
            super::modes::source::follow_removal(s, list, i);
        });
    }

    /// Adds a tool (then asks its name), a role (then asks it) or a price
    /// change (in the first month after the last one, +10 %).
    pub(crate) fn add_line(&mut self, line: Line) {
        let plan = &self.session.active().plan;
        let horizon = plan.horizon_months;
        let n = match line {
            Line::Tool => plan.workload.tools.len(),
            Line::Person => plan.people.len(),
            Line::PriceStep => plan.change.price_steps.len(),
        };
        let month = plan.change.price_steps.last().map_or(1, |p| p.month + 1);
        if line == Line::PriceStep && month > horizon {
            self.say(
                StatusKind::Warning,
                "the last price change is in the last month: there is no month left for another",
            );
            return;
        }
        self.collapsed
            .retain(|g| *g != Group::Model(line.section()));
        let made = match line {
            Line::Tool => self.commit("Added a tool".into(), |s| {
                s.workload.tools.push(crate::model::scenario::Tool {
                    name: format!("Tool {}", n + 1),
                    per_request: 1.0,
                    price_per_thousand: 0.0,
                });
            }),
            Line::Person => self.commit("Added a role of the team".into(), |s| {
                s.people.push(crate::model::scenario::Person {
                    role: format!("Role {}", n + 1),
                    fte: 0.0,
                    annual_cost: 0.0,
                    from_month: 1,
                    until_month: None,
                });
            }),
            Line::PriceStep => self.commit(format!("Added a price change in month {month}"), |s| {
                s.change
                    .price_steps
                    .push(crate::model::scenario::PriceJump { month, pct: 10.0 });
            }),
        };
        if !made {
            return;
        }
        let row = match line {
            Line::Tool => Row::Text(TextField::ToolName(n)),
            Line::Person => Row::Text(TextField::Role(n)),
            Line::PriceStep => {
                Row::Field(Field::PriceStep(n, crate::model::fields::StepField::Pct))
            }
        };
        if self.select(row) && line != Line::PriceStep {
            self.activate();
        }
    }
}
