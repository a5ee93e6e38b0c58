//! What an answer does to the plan: each input its question names is set
//! (the answer × the target's factor), gets the source "client, discovery
//! call DATE" (Medium; High when the consultant marks it; Low when the
//! client said it was a guess), and the range the client gave, if any, for
//! the Monte Carlo. "No idea" puts the template's default back (Low). The
//! notes list every question asked: the client's words and what they
//! became, "client did not know", or "skipped".

use super::answer::Reading;
use super::error::NotHeard;
use super::questions::{Question, Target};
use crate::model::{Confidence, Scenario, Source, UncertainRange};
use crate::numbers::field_value;

/// An answer the client gave to one question.
#[derive(Debug, Clone, PartialEq)]
pub struct Given {
    /// The client's words, as typed.
    pub text: String,
    pub reading: Reading,
    /// Marked High by the consultant (a figure from a system, not a guess).
    pub high: bool,
}

impl Given {
    /// The confidence the answer is recorded with.
    pub fn confidence(&self) -> Confidence {
        confidence(&self.reading, self.high)
    }
}

/// High when marked, Low when the client said it was a guess, else Medium.
pub fn confidence(reading: &Reading, high: bool) -> Confidence {
    if high {
        Confidence::High
    } else if reading.guess {
        Confidence::Low
    } else {
        Confidence::Medium
    }
}

/// What happened at one question that was asked.
#[derive(Debug, Clone, PartialEq)]
pub enum Reply {
    /// The client's figure, recorded.
    Given(Given),
    /// The client did not know ("no idea", "skip" typed): the template
    /// default stays, Low, and the notes say so.
    NotKnown(String),
    /// Passed over (Tab, or Enter on an empty answer): the default stays.
    Skipped,
}

impl Reply {
    pub fn given(&self) -> Option<&Given> {
        match self {
            Reply::Given(g) => Some(g),
            _ => None,
        }
    }
}

/// The source every answered input gets.
pub fn client_source(date: &str) -> String {
    if date.is_empty() {
        "client, discovery call".to_string()
    } else {
        format!("client, discovery call {date}")
    }
}

fn value_of(t: &Target, v: f64) -> f64 {
    let v = v * t.factor;
    // Whole-number inputs (months, tiers of counts) take the nearest.
    if t.field.check(v).is_err() && t.field.check(v.round()).is_ok() {
        v.round()
    } else {
        v
    }
}

/// What the answer sets, said: "2k a day → 2,000 req/day", "40 → × 60
/// requests a day each = 2,400 req/day; × a $39 seat each = $1,560 /month".
pub fn conversion(q: &Question, reading: &Reading, currency: &str) -> String {
    let sets: Vec<String> = q
        .targets
        .iter()
        .map(|t| {
            let shown = field_value(t.field, value_of(t, reading.value), currency);
            if t.per.is_empty() {
                shown
            } else {
                format!("× {} = {shown}", t.per)
            }
        })
        .collect();
    let range = match reading.range {
        Some((lo, hi)) if q.targets.len() == 1 => {
            let t = &q.targets[0];
            format!(
                " (range {} – {})",
                field_value(t.field, value_of(t, lo), currency),
                field_value(t.field, value_of(t, hi), currency)
            )
        }
        Some(_) => " (with its range)".to_string(),
        None => String::new(),
    };
    format!("{} → {}{range}", reading.shown, sets.join("; "))
}

/// Whether the answer can be written into `plan`: every input it sets
/// exists there and takes the value (and the range), or why not.
pub fn check(plan: &Scenario, q: &Question, reading: &Reading) -> Result<(), NotHeard> {
    for t in q.targets {
        if t.field.get(plan).is_none() {
            return Err(format!(
                "{} is not in this plan (it was removed in the workbench)",
                t.field.path()
            )
            .into());
        }
        let mut values = vec![value_of(t, reading.value)];
        if let Some((lo, hi)) = reading.range {
            values.extend([value_of(t, lo), value_of(t, hi)]);
        }
        for v in values {
            t.field.check(v).map_err(|allowed| {
                format!(
                    "heard {}, but {} would be {}; it {allowed}",
                    reading.shown,
                    t.field.label(),
                    crate::numbers::number(v, 4)
                )
            })?;
        }
    }
    Ok(())
}

/// Writes the answer into `plan`; call [`check`] first.
pub fn apply(plan: &mut Scenario, q: &Question, given: &Given, date: &str) {
    let confidence = given.confidence();
    for t in q.targets {
        let f = t.field;
        f.set(plan, value_of(t, given.reading.value));
        plan.sources.retain(|s| s.field != f);
        plan.sources.push(Source {
            field: f.into(),
            source: client_source(date),
            confidence,
        });
        plan.uncertainty.retain(|r| r.field != f);
        if let Some((lo, hi)) = given.reading.range
            && lo < hi
        {
            plan.uncertainty.push(UncertainRange {
                field: f.into(),
                low: value_of(t, lo),
                high: value_of(t, hi),
            });
        }
    }
}

/// Puts back what `template` has for every input `q` sets: its value, its
/// source and its range ("no idea" after an earlier answer).
pub fn restore(plan: &mut Scenario, template: &Scenario, q: &Question) {
    for t in q.targets {
        let f = t.field;
        if let Some(v) = f.get(template) {
            f.set(plan, v);
        }
        plan.sources.retain(|s| s.field != f);
        plan.sources
            .extend(template.sources.iter().filter(|s| s.field == f).cloned());
        plan.uncertainty.retain(|r| r.field != f);
        plan.uncertainty.extend(
            template
                .uncertainty
                .iter()
                .filter(|r| r.field == f)
                .cloned(),
        );
    }
}

/// The heading of the interview's block in the notes.
pub const NOTES_HEADING: &str = "Discovery call";

/// What the notes say the client did not know.
pub const DID_NOT_KNOW: &str = "client did not know";

/// The value of `q`'s inputs in `plan`, said: "4 %/month".
pub fn values(q: &Question, plan: &Scenario, currency: &str) -> String {
    q.targets
        .iter()
        .filter_map(|t| Some(field_value(t.field, t.field.get(plan)?, currency)))
        .collect::<Vec<_>>()
        .join("; ")
}

/// The notes line of one reply: "- Q “words” → 2,500 req/day".
pub fn note_line(q: &Question, reply: &Reply, template: &Scenario, currency: &str) -> String {
    match reply {
        Reply::Given(a) => {
            let mark = match a.confidence() {
                Confidence::High => " [High]",
                Confidence::Low => " [Low: a guess]",
                Confidence::Medium => "",
            };
            format!(
                "- {} “{}” → {}{mark}",
                q.ask,
                a.text.trim(),
                conversion(q, &a.reading, currency)
                    .split_once(" → ")
                    .map_or(String::new(), |(_, set)| set.to_string())
            )
        }
        Reply::NotKnown(text) => format!(
            "- {} “{}” → {DID_NOT_KNOW}; template default {} kept (Low)",
            q.ask,
            text.trim(),
            values(q, template, currency)
        ),
        Reply::Skipped => format!(
            "- {} — skipped; template default {} kept",
            q.ask,
            values(q, template, currency)
        ),
    }
}

/// The plan's notes: `base` (the notes before the interview), then one line
/// per question asked, in the order of the questions.
pub fn notes(
    base: &str,
    date: &str,
    questions: &[Question],
    replies: &[Option<Reply>],
    template: &Scenario,
    currency: &str,
) -> String {
    let lines: Vec<String> = questions
        .iter()
        .zip(replies)
        .filter_map(|(q, r)| Some(note_line(q, r.as_ref()?, template, currency)))
        .collect();
    if lines.is_empty() {
        return base.to_string();
    }
    let when = if date.is_empty() {
        String::new()
    } else {
        format!(" {date}")
    };
    let block = format!(
        "{NOTES_HEADING}{when} (the client's words):\n{}",
        lines.join("\n")
    );
    if base.trim().is_empty() {
        block
    } else {
        format!("{}\n\n{block}", base.trim_end())
    }
}
