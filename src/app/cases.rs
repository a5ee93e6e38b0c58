//! Cases beside the plan (spec §6): which case the projection pane shows
//! (`w` steps base → each case → base), and making a case from the current
//! what-if (`W`: the inputs that differ from the saved plan become the case's
//! `set`, the plan goes back to the saved values, and a name is asked).

use std::borrow::Cow;

use super::modes::text_entry::EditTarget;
use super::{App, StatusKind};
use crate::model::cases::{MAX_CASES, plan_of};
use crate::model::fields::{Field, Target};
use crate::model::scenario::{Case, CaseValue, Scenario};
use crate::model::{Projection, project};

impl App {
    /// The case the projection pane shows, if not the base plan: its index
    /// and name. A case the plan no longer has (undo, another plan) is none.
    pub fn case_shown(&self) -> Option<(usize, &str)> {
        let i = self.shown_case?;
        let case = self.doc().plan.cases.get(i)?;
        Some((i, case.name.as_str()))
    }

    /// The projection the pane shows: the plan's, or the shown case's.
    pub fn shown_projection(&self) -> Cow<'_, Projection> {
        match self.case_plan() {
            Some(plan) => Cow::Owned(project(&plan)),
            None => Cow::Borrowed(self.projection()),
        }
    }

    /// The plan as the shown case has it.
    fn case_plan(&self) -> Option<Scenario> {
        let (i, _) = self.case_shown()?;
        plan_of(&self.doc().plan, &self.doc().plan.cases[i]).ok()
    }

    /// `w`: the next case, after the last the base plan again.
    pub(crate) fn next_case(&mut self) {
        let n = self.doc().plan.cases.len();
        if n == 0 {
            self.shown_case = None;
            self.say(
                StatusKind::Info,
                "the plan has no cases yet — W makes one from the current what-if",
            );
            return;
        }
        self.shown_case = match self.case_shown() {
            Some((i, _)) if i + 1 < n => Some(i + 1),
            Some(_) => None,
            None => Some(0),
        };
        let text = match self.case_shown() {
            Some((_, name)) => format!("projection of case {name:?} (w: next, back to the plan)"),
            None => "projection of the plan itself".to_string(),
        };
        self.say(StatusKind::Info, text);
    }

    /// The inputs the current what-if changed from the saved plan, as a
    /// case's `set` (a case sets numeric inputs only, never the horizon).
    pub fn what_if_set(&self) -> Vec<CaseValue> {
        let plan = &self.doc().plan;
        let Some(saved) = self.doc().saved_plan() else {
            return Vec::new();
        };
        Field::all(plan)
            .into_iter()
            .filter(|f| *f != Field::Horizon)
            .filter_map(|f| {
                let now = f.get(plan)?;
                let was = if f.falls_back(saved) {
                    None
                } else {
                    f.get(saved)
                };
                let set_now = !f.falls_back(plan);
                (set_now && was != Some(now)).then_some(CaseValue {
                    field: Target::Numeric(f),
                    value: now,
                })
            })
            .collect()
    }

    /// `W`: asks the new case's name when the what-if differs from the
    /// saved plan in numeric inputs only.
    pub(crate) fn start_case(&mut self) {
        if self.doc().plan.cases.len() >= MAX_CASES {
            self.say(
                StatusKind::Warning,
                format!("a plan holds at most {MAX_CASES} cases"),
            );
            return;
        }
        let set = self.what_if_set();
        if set.is_empty() {
            self.say(
                StatusKind::Info,
                "change an input first: the inputs that differ from the saved plan become the case",
            );
            return;
        }
        if !self.case_keeps_the_rest(&set) {
            self.say(
                StatusKind::Warning,
                "the what-if changes more than numeric inputs (models, lines, names): save it or pin it as a variant (V)",
            );
            return;
        }
        let name = format!("Case {}", self.doc().plan.cases.len() + 1);
        self.open_edit(EditTarget::CaseName, &name);
    }

    /// Whether the saved plan with `set` applied is the plan as it is now
    /// (else the case would lose part of the what-if).
    fn case_keeps_the_rest(&self, set: &[CaseValue]) -> bool {
        let Some(saved) = self.doc().saved_plan() else {
            return false;
        };
        let mut base = saved.clone();
        for v in set {
            if let Some(f) = v.field.field() {
                f.set(&mut base, v.value);
            }
        }
        base.uncertainty = self.doc().plan.uncertainty.clone();
        base.sources = self.doc().plan.sources.clone();
        base == self.doc().plan
    }

    /// Makes case `name` from the what-if: the plan's inputs go back to the
    /// saved plan's and the case holds what the what-if changed (one step,
    /// undone at once). The projection then shows the new case.
    pub(crate) fn make_case(&mut self, name: &str) {
        let set = self.what_if_set();
        let Some(saved) = self.doc().saved_plan().cloned() else {
            return;
        };
        let name = name.trim().to_string();
        let made = self.commit(format!("Made case {name:?} from the what-if"), |s| {
            let mut back = saved;
            back.uncertainty = std::mem::take(&mut s.uncertainty);
            back.sources = std::mem::take(&mut s.sources);
            back.cases = std::mem::take(&mut s.cases);
            back.cases.push(Case { name, set });
            *s = back;
        });
        if made {
            self.shown_case = Some(self.doc().plan.cases.len() - 1);
        }
    }
}

/// Why `typed` cannot name a new case of `plan`, or `None` if it can.
pub fn case_name_error(typed: &str, plan: &Scenario) -> Option<String> {
    let t = typed.trim();
    if t.is_empty() {
        return Some("a case needs a name, e.g. Cautious".into());
    }
    if t.chars().any(char::is_control) {
        return Some("a case name is one line of letters, digits and punctuation".into());
    }
    plan.cases
        .iter()
        .any(|c| c.name == t)
        .then(|| format!("the plan already has a case {t:?}"))
}
