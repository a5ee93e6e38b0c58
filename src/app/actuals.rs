//! The plan against what was spent, in the workbench: the runtime reads the
//! actuals file beside each open plan's file once (`Effect::ReadActuals`),
//! the headline says where the plan is landing, and `A` shows the variance
//! month by month. Moving a lever re-forecasts at once: the landing is
//! worked out from the plan as it is now.

use super::{App, Effect, StatusKind};
use crate::model::actuals::Row;
use crate::model::actuals::variance::{Against, against};
use crate::model::prices::own_start;

use super::modes::Mode;
use super::modes::panel::ActualsState;
use super::session::DocId;

impl App {
    /// After each message: asks the runtime for the actuals of every open
    /// plan read from (or written to) a file that has not been asked yet; a
    /// path only proposed (Save As before the save lands) is not asked.
    pub(super) fn ask_actuals(&mut self, effects: &mut Vec<Effect>) {
        for i in 0..self.session.len() {
            let id = self.session.id(i);
            let d = self.session.get_mut(i);
            if d.actuals_asked {
                continue;
            }
            let Some(plan) = d.path.clone().filter(|_| d.disk_hash.is_some()) else {
                continue;
            };
            d.actuals_asked = true;
            effects.push(Effect::ReadActuals { doc: id, plan });
        }
    }

    /// The runtime read them: kept with the plan, or a bad file said.
    pub(super) fn on_actuals(&mut self, doc: DocId, result: Result<Vec<Row>, String>) {
        let Some(i) = self.session.index_of(doc) else {
            return;
        };
        match result {
            Ok(rows) => {
                let n = rows.len();
                self.session.get_mut(i).actuals = rows;
                if n > 0 && own_start(&self.session.get(i).plan).is_none() {
                    self.say(
                        StatusKind::Warning,
                        "actuals beside the plan are not shown: the plan has no start month (set start: \"YYYY-MM\" in the plan)",
                    );
                }
            }
            Err(why) => self.say(StatusKind::Warning, format!("actuals not read: {why}")),
        }
    }

    /// The plan as it is now against its actuals, when it has some and a
    /// start month to match them to.
    pub fn against(&self) -> Option<Against> {
        let d = self.doc();
        if d.actuals.is_empty() {
            return None;
        }
        let start = own_start(&d.plan)?;
        Some(against(&d.plan, self.projection(), start, &d.actuals))
    }

    /// `A`: the variance month by month, or why there is none.
    pub(crate) fn open_actuals(&mut self) {
        match self.against() {
            Some(a) => {
                let width = usize::from(self.size.width.saturating_sub(6).max(40));
                let text = crate::report::actuals::table(&self.doc().plan, &a, Some(width));
                self.switch_to(Mode::Actuals(ActualsState { text }));
            }
            None if !self.doc().actuals.is_empty() => self.say(
                StatusKind::Warning,
                "the plan has no start month, so its actuals cannot be matched to its months: set start: \"YYYY-MM\" in the plan",
            ),
            None => self.say(
                StatusKind::Info,
                "no actuals beside this plan: runcost actuals import PLAN FILE --from openai-costs|anthropic-cost|focus|litellm|csv writes PLAN.actuals.csv",
            ),
        }
    }
}
