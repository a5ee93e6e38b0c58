//! Changes to the plan being edited: stepping and setting values, toggles,
//! uncertainty ranges, refreshed prices — and `commit` and undo/redo, through
//! which every change goes and which record what it did to the two numbers a
//! client watches. The model mix and infrastructure lines are in `lines.rs`.

use super::modes::picker::PickTarget;
use super::modes::text_entry::EditTarget;
use super::rows::{Row, Toggle};
use super::{App, ChangeEffect, StatusKind, entry, text};
use crate::model::fields::Field;
use crate::model::ranges::{follow_values, forget_set};
use crate::model::{Projection, Reviewers, Scenario};

/// The month the "what changed" line reports (12, or the last month before).
fn watch_month(p: &Projection) -> usize {
    p.months.len().min(12)
}

fn month_total(p: &Projection, m: usize) -> f64 {
    p.months.get(m.saturating_sub(1)).map_or(0.0, |x| x.total)
}

fn month_cash(p: &Projection, m: usize) -> f64 {
    p.months.get(m.saturating_sub(1)).map_or(0.0, |x| x.cash)
}

/// The figures an edit is measured by, taken before it.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Before {
    tco: f64,
    cash: f64,
    month: usize,
    month_total: f64,
    month_cash: f64,
}

impl Before {
    pub(crate) fn of(p: &Projection) -> Before {
        let month = watch_month(p);
        Before {
            tco: p.totals.tco,
            cash: p.totals.cash_tco,
            month,
            month_total: month_total(p, month),
            month_cash: month_cash(p, month),
        }
    }
}

impl App {
    /// A snapshot with dated prices pins the plan's start month (this month)
    /// so the prices land in the right plan months, now and when reopened.
    pub(crate) fn start_for(
        &self,
        schedule: &[crate::model::pricing::ScheduledPrice],
    ) -> Option<String> {
        if schedule.is_empty() {
            None
        } else {
            self.start_default.map(|m| m.to_string())
        }
    }

    /// `r`: edit the uncertainty range of the selected input.
    pub(crate) fn edit_range(&mut self) {
        let Some(f) = self.selected_field("give it a range") else {
            return;
        };
        if f == Field::Horizon {
            self.say(
                StatusKind::Info,
                "the horizon takes no range: it sets the months the totals cover (make a variant with another horizon to compare)",
            );
            return;
        }
        let current = self
            .session
            .active()
            .plan
            .uncertainty
            .iter()
            .find(|r| r.field == f)
            .map_or(String::new(), |r| {
                format!("{} – {}", entry::edit_text(r.low), entry::edit_text(r.high))
            });
        self.open_edit(EditTarget::Range(f), &current);
    }

    /// The plan's range for a field, if it has one.
    pub fn range_of(&self, f: Field) -> Option<(f64, f64)> {
        self.session
            .active()
            .plan
            .uncertainty
            .iter()
            .find(|r| r.field == f)
            .map(|r| (r.low, r.high))
    }

    pub(crate) fn set_range(&mut self, f: Field, range: Option<(f64, f64)>) {
        let label = self.field_label(f);
        let what = match range {
            Some((lo, hi)) => format!(
                "{label}: range {} – {}",
                self.field_text(f, lo),
                self.field_text(f, hi)
            ),
            None => format!("{label}: range removed"),
        };
        self.commit(what, |s| {
            s.uncertainty.retain(|r| r.field != f);
            if let Some((low, high)) = range {
                s.uncertainty.push(crate::model::UncertainRange {
                    field: f.into(),
                    low,
                    high,
                });
            }
        });
    }

    /// `p`: take the catalog's current prices into the plan (undoable).
    pub(crate) fn refresh_prices(&mut self) {
        if self.price_changes().is_empty() {
            self.say(StatusKind::Info, "the plan's prices match the catalog");
            return;
        }
        let changes = self.price_changes().to_vec();
        let ids: Vec<String> = changes.iter().map(|c| c.id.clone()).collect();
        let said = self.ended_price_sentences();
        self.commit(format!("Prices refreshed: {}", ids.join(", ")), |s| {
            *s = crate::model::prices::refreshed(s, &changes);
        });
        // What was said about the old prices no longer holds: it goes (the
        // title bar says it again if an undo brings them back).
        let still = self.ended_price_sentences();
        self.notices
            .retain(|n| !said.contains(&n.text) || still.contains(&n.text));
        if self.price_changes().is_empty()
            && self
                .status
                .as_ref()
                .is_some_and(|st| st.text.starts_with("catalog prices changed for"))
        {
            self.status = None;
        }
    }

    /// Applies an edit to the plan, recomputes, and records what it changed.
    pub fn commit(&mut self, what: String, edit: impl FnOnce(&mut Scenario)) -> bool {
        let before = Before::of(self.projection());
        // The band shown: of the figure `M` reads it on.
        let band_before = self.simulation().map(|s| {
            let b = s.band(self.metric);
            (b.p10, b.p90)
        });
        let ranges_before = self.doc().plan.uncertainty.clone();
        // The ranges follow the values within the same step, so one undo
        // takes back the value and the widening together.
        let mut followed = Vec::new();
        let changed = self.session.active_mut().edit_with_origins(|s, origins| {
            edit(s);
            forget_set(&ranges_before, s, origins);
            followed = follow_values(s, origins);
        });
        if !changed {
            return false;
        }
        self.refresh();
        let followed: Vec<String> = followed
            .iter()
            .map(|f| self.followed_text(f, &what))
            .collect();
        self.note_change(what, before);
        let ranges_changed = self.doc().plan.uncertainty != ranges_before;
        if let Some(ch) = &mut self.last_change {
            ch.ranges_changed = ranges_changed;
            ch.band_before = band_before;
            ch.ranges_followed = followed;
        }
        true
    }

    pub(crate) fn note_change(&mut self, what: String, before: Before) {
        let month = if before.month == 0 {
            watch_month(self.projection())
        } else {
            before.month
        };
        let p = self.projection();
        self.last_change = Some(ChangeEffect {
            what,
            tco_before: before.tco,
            tco_after: p.totals.tco,
            cash_before: before.cash,
            cash_after: p.totals.cash_tco,
            month,
            month_before: before.month_total,
            month_after: month_total(p, month),
            month_cash_before: before.month_cash,
            month_cash_after: month_cash(p, month),
            ranges_changed: false,
            band_before: None,
            ranges_followed: Vec::new(),
        });
    }

    /// The numeric input under the cursor; without one, says to select one
    /// `to` do something ("give it a range").
    pub(crate) fn selected_field(&mut self, to: &str) -> Option<Field> {
        match self.selected_row() {
            Some(Row::Field(field)) => Some(field),
            _ => {
                self.say(StatusKind::Info, format!("select a numeric input to {to}"));
                None
            }
        }
    }

    pub(crate) fn field_text(&self, field: Field, v: f64) -> String {
        crate::numbers::field_value(field, v, &self.session.active().plan.currency)
    }

    pub(crate) fn step(&mut self, dir: f64, times: f64) {
        let Some(Row::Field(field)) = self.selected_row() else {
            if let Some(Row::Toggle(t)) = self.selected_row() {
                self.toggle(t);
            }
            return;
        };
        let Some(current) = field.get(&self.session.active().plan) else {
            return;
        };
        // A big step is exactly `times` single steps: one step of ten times
        // 10 % of the value would take a volume to 0.
        let mut next = current;
        for _ in 0..times as usize {
            next = field.stepped(next, dir, 1.0);
        }
        self.set_field(field, current, next);
    }

    /// `*` / `%`: double or halve the value under the cursor (clamped to
    /// what the input allows).
    pub(crate) fn scale(&mut self, factor: f64) {
        let Some(field) = self.selected_field("double or halve it") else {
            return;
        };
        let Some(current) = field.get(&self.session.active().plan) else {
            return;
        };
        let next = field.clamped(current * factor);
        if next == current {
            self.say(
                StatusKind::Info,
                format!(
                    "{} stays {}: {}",
                    field.label(),
                    self.field_text(field, current),
                    field.range().describe()
                ),
            );
            return;
        }
        self.set_field(field, current, next);
    }

    pub(crate) fn set_field(&mut self, field: Field, current: f64, next: f64) {
        if next == current {
            return;
        }
        let what = format!(
            "{} {} → {}",
            self.field_label(field),
            self.field_text(field, current),
            self.field_text(field, next)
        );
        self.commit(what, |s| {
            field.set(s, next);
        });
    }

    /// The field's label with the model or line it belongs to.
    pub fn field_label(&self, field: Field) -> String {
        crate::model::analysis::sensitivity::label_of(&self.session.active().plan, field)
    }

    pub(crate) fn activate(&mut self) {
        match self.selected_row() {
            Some(Row::Heading(_)) => self.toggle_section(),
            Some(Row::Field(f)) => {
                if let Some(v) = f.get(&self.session.active().plan) {
                    self.open_edit(EditTarget::Number(f), &entry::edit_text(v));
                }
            }
            Some(Row::Text(t)) => {
                let current = text::text_value(&self.session.active().plan, t);
                self.open_edit(EditTarget::Text(t), &current);
            }
            Some(Row::Toggle(t)) => self.toggle(t),
            Some(Row::Model(i)) => self.open_picker(PickTarget::Replace(i)),
            Some(Row::Notes) => self.open_notes(),
            Some(Row::AddLine(l)) => self.add_line(l),
            Some(Row::Info(_) | Row::Gpus(_)) | None => {}
        }
    }

    pub(crate) fn toggle(&mut self, t: Toggle) {
        match t {
            Toggle::Retrieval => {
                let on = !self.session.active().plan.retrieval.enabled;
                self.commit(
                    format!("Retrieval {}", if on { "on" } else { "off" }),
                    |s| s.retrieval.enabled = on,
                );
            }
            Toggle::Reviewers => {
                let next = match self.session.active().plan.oversight.reviewers {
                    Reviewers::Auto => {
                        // Start a fixed team at the month-1 need, rounded up to a half FTE.
                        let need = self
                            .projection()
                            .first()
                            .map_or(0.0, |m| m.reviewer_fte_needed);
                        Reviewers::Fixed((need * 2.0).ceil() / 2.0)
                    }
                    Reviewers::Fixed(_) => Reviewers::Auto,
                };
                let staffing = crate::model::fields::TextInput::Staffing.spec().label;
                let label = match next {
                    Reviewers::Auto => format!("{staffing} → Auto"),
                    Reviewers::Fixed(x) => format!("{staffing} → Fixed {x} FTE"),
                };
                self.commit(label, |s| s.oversight.reviewers = next);
            }
        }
    }

    pub(crate) fn toggle_section(&mut self) {
        let Some(group) = self.selected_row().and_then(Row::group) else {
            return;
        };
        if let Some(p) = self.collapsed.iter().position(|g| *g == group) {
            self.collapsed.remove(p);
        } else {
            self.collapsed.push(group);
        }
        self.rebuild_rows();
        self.selected = self
            .rows
            .iter()
            .position(|r| *r == Row::Heading(group))
            .unwrap_or(0);
        self.scroll_into_view();
    }

    pub(crate) fn undo(&mut self, undo: bool) {
        let before = Before::of(self.projection());
        let done = if undo {
            self.session.active_mut().undo()
        } else {
            self.session.active_mut().redo()
        };
        if done {
            self.refresh();
            self.note_change(if undo { "Undo".into() } else { "Redo".into() }, before);
        } else {
            self.say(
                StatusKind::Info,
                if undo {
                    "nothing to undo"
                } else {
                    "nothing to redo"
                },
            );
        }
    }
}
