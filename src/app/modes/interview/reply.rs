//! What the interview does with an answer: the preview under the box (what
//! will be recorded, or why not), Enter (record it — a doubtful reading
//! only on a second Enter), "no idea" (the default back, noted) and Tab
//! (skipped, noted). Each is one undoable edit of the plan.

use super::InterviewState;
use crate::app::App;
use crate::app::interview::record::{self, DID_NOT_KNOW};
use crate::app::interview::{self, Given, Heard, NotHeard, Question, Reply};
use crate::model::{Confidence, Scenario};

/// What the typed answer would do, shown under it while typing.
#[derive(Debug, Clone, PartialEq)]
pub enum Preview {
    /// The figure recorded: "2,500 a day → 2,500 req/day", with the
    /// confidence it gets, and a doubt that needs a second Enter.
    Records {
        text: String,
        confidence: Confidence,
        doubt: Option<String>,
        /// Enter was pressed once on this doubt: the next records it.
        confirming: bool,
    },
    /// "no idea": the default stays (what it is, said).
    Keeps(String),
    /// Why it cannot be recorded.
    Refused(String),
}

impl InterviewState {
    fn template(&self) -> Option<&Scenario> {
        self.template.as_deref()
    }

    /// The answer read against the question and checked against the plan.
    fn hear(&self, plan: &Scenario, q: &Question) -> Result<Heard, NotHeard> {
        let heard = interview::read(&self.input, &q.ask_in(plan))?;
        if let Heard::Figure(r) = &heard {
            record::check(plan, q, r)?;
        }
        Ok(heard)
    }

    /// What the typed answer would record, or why it cannot be read
    /// (`None` while nothing is typed).
    pub fn preview(&self, app: &App) -> Option<Preview> {
        let q = self.question()?;
        if self.input.trim().is_empty() {
            return None;
        }
        let plan = &app.doc().plan;
        Some(match self.hear(plan, q) {
            Err(why) => Preview::Refused(why.into()),
            Ok(Heard::NotKnown) => Preview::Keeps(format!(
                "{DID_NOT_KNOW}: keeps the template default {} (Low) and notes it",
                self.template()
                    .map(|t| record::values(q, t, &plan.currency))
                    .unwrap_or_default()
            )),
            Ok(Heard::Figure(r)) => Preview::Records {
                text: record::conversion(q, &r, &plan.currency),
                confidence: record::confidence(&r, self.high),
                confirming: r.doubt.is_some() && self.confirm.as_deref() == Some(&self.input),
                doubt: r.doubt,
            },
        })
    }

    /// Enter: reads the answer, writes it into the plan and goes on; an
    /// empty answer is a skip. A doubtful reading waits for a second Enter.
    pub(super) fn answer(&mut self, app: &mut App) {
        let Some(q) = self.question() else {
            return;
        };
        if self.input.trim().is_empty() {
            self.skip(app);
            return;
        }
        let heard = match self.hear(&app.doc().plan, q) {
            Ok(h) => h,
            Err(why) => {
                self.error = Some(why.into());
                return;
            }
        };
        let text = self.input.trim().to_string();
        let reply = match heard {
            Heard::NotKnown => Reply::NotKnown(text),
            Heard::Figure(reading) => {
                if reading.doubt.is_some() && self.confirm.as_deref() != Some(&self.input) {
                    self.confirm = Some(self.input.clone());
                    return;
                }
                Reply::Given(Given {
                    text,
                    reading,
                    high: self.high,
                })
            }
        };
        self.record(app, reply);
        self.go_to(self.index + 1);
    }

    /// Tab: the next question; one passed over without an answer is noted
    /// as skipped (an earlier answer stays as it was).
    pub(super) fn skip(&mut self, app: &mut App) {
        if self.question().is_some() && self.answers[self.index].is_none() {
            self.record(app, Reply::Skipped);
        }
        self.go_to(self.index + 1);
    }

    /// Writes `reply` to the current question: the inputs (for a figure),
    /// the defaults back (for "no idea"), and the notes, as one edit.
    fn record(&mut self, app: &mut App, reply: Reply) {
        let (Some(q), Some(template)) = (self.question(), self.template.clone()) else {
            return;
        };
        let date = app.today.clone().unwrap_or_default();
        let currency = app.doc().plan.currency.clone();
        let mut answers = self.answers.clone();
        answers[self.index] = Some(reply.clone());
        let notes = record::notes(
            &self.base_notes,
            &date,
            self.questions(),
            &answers,
            &template,
            &currency,
        );
        let (what, last) = match &reply {
            Reply::Given(g) => (
                format!("Interview: {}", q.ask),
                format!(
                    "✓ took “{}”: {}",
                    g.text,
                    record::conversion(q, &g.reading, &currency)
                ),
            ),
            Reply::NotKnown(text) => (
                format!("Interview: {} ({DID_NOT_KNOW})", q.ask),
                format!(
                    "? “{text}”: {DID_NOT_KNOW}; default {} kept, noted",
                    record::values(q, &template, &currency)
                ),
            ),
            Reply::Skipped => (
                format!("Interview: {} (skipped)", q.ask),
                format!(
                    "· skipped; default {} kept, noted",
                    record::values(q, &template, &currency)
                ),
            ),
        };
        app.commit(what, |s| {
            match &reply {
                Reply::Given(g) => record::apply(s, q, g, &date),
                Reply::NotKnown(_) => record::restore(s, &template, q),
                Reply::Skipped => {}
            }
            s.notes = notes;
        });
        self.last = Some(last);
        self.answers = answers;
    }
}
