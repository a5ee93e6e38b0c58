//! What an answer does to the plan: each input its question names is set
//! (the answer × the target's factor), gets the source "client, discovery
//! call DATE" (Medium, or High when the consultant marks it), and the range
//! the client gave, if any, for the Monte Carlo. The client's words go into
//! the plan's notes next to the question.

use super::answer::Reading;
use super::questions::{Question, Target};
use crate::model::{Confidence, Scenario, Source, UncertainRange};
use crate::report::format::field_value;

/// An answer the client gave to one question.
#[derive(Debug, Clone, PartialEq)]
pub struct Given {
    /// The client's words, as typed.
    pub text: String,
    pub reading: Reading,
    /// Marked High by the consultant (a figure from a system, not a guess).
    pub high: bool,
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
pub fn check(plan: &Scenario, q: &Question, reading: &Reading) -> Result<(), String> {
    for t in q.targets {
        if t.field.get(plan).is_none() {
            return Err(format!(
                "{} is not in this plan (it was removed in the workbench)",
                t.field.path()
            ));
        }
        let mut values = vec![value_of(t, reading.value)];
        if let Some((lo, hi)) = reading.range {
            values.extend([value_of(t, lo), value_of(t, hi)]);
        }
        for v in values {
            t.field.check(v).map_err(|allowed| {
                format!(
                    "{} would be {}; it {allowed}",
                    t.field.label(),
                    crate::report::format::number(v, 4)
                )
            })?;
        }
    }
    Ok(())
}

/// Writes the answer into `plan`; call [`check`] first.
pub fn apply(plan: &mut Scenario, q: &Question, given: &Given, date: &str) {
    let confidence = if given.high {
        Confidence::High
    } else {
        Confidence::Medium
    };
    for t in q.targets {
        let path = t.field.path();
        t.field.set(plan, value_of(t, given.reading.value));
        plan.sources.retain(|s| s.field != path);
        plan.sources.push(Source {
            field: path.clone(),
            source: client_source(date),
            confidence,
        });
        plan.uncertainty.retain(|r| r.field != path);
        if let Some((lo, hi)) = given.reading.range
            && lo < hi
        {
            plan.uncertainty.push(UncertainRange {
                field: path,
                low: value_of(t, lo),
                high: value_of(t, hi),
            });
        }
    }
}

/// The heading of the interview's block in the notes.
pub const NOTES_HEADING: &str = "Discovery call";

/// The plan's notes: `base` (the notes before the interview), then one line
/// per answered question with the client's words and what they became.
pub fn notes(
    base: &str,
    date: &str,
    questions: &[Question],
    answers: &[Option<Given>],
    currency: &str,
) -> String {
    let lines: Vec<String> = questions
        .iter()
        .zip(answers)
        .filter_map(|(q, a)| {
            let a = a.as_ref()?;
            let high = if a.high { " [High]" } else { "" };
            Some(format!(
                "- {} “{}” → {}{high}",
                q.ask,
                a.text.trim(),
                conversion(q, &a.reading, currency)
                    .split_once(" → ")
                    .map_or(String::new(), |(_, set)| set.to_string())
            ))
        })
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
