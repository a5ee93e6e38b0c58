//! The assumptions table of the reports: every input with its unit, grouped
//! by section, with its source and confidence where the plan says. Built as
//! data (plain text cells); each format escapes it where it writes it.

use super::client::model::{Align, Table};
use crate::model::fields::{Field, Section, TextInput};
use crate::model::{Pricing, Reviewers, Scenario, Source};
use crate::numbers::{money, number};

/// Every input of the plan with its unit, grouped by section; with Source
/// and Confidence columns when the plan says where its inputs come from (a
/// version-2 plan always has them, "—" where an input has no source).
pub fn assumptions(s: &Scenario) -> String {
    super::client::markdown::table(&assumptions_table(s))
}

/// One row of the assumptions: an input with its value, or (without a
/// `path`) a line that describes rather than sets a figure ("API, billed
/// per token", "Retrieval: on").
#[derive(Debug, Clone, PartialEq)]
pub struct Assumption {
    pub section: String,
    pub label: String,
    pub value: String,
    /// The input's path, as a `sources` entry names it.
    pub path: Option<String>,
}

/// Whether the plan says where its inputs come from: its assumptions then
/// show a Source and a Confidence column (a version-2 plan always does).
pub fn sourced(s: &Scenario) -> bool {
    !s.sources.is_empty() || s.format_version() >= 2
}

/// The assumptions as a table of plain text.
pub fn assumptions_table(s: &Scenario) -> Table {
    let sourced = sourced(s);
    let mut columns = vec![
        ("Section", Align::Left),
        ("Input", Align::Left),
        ("Value", Align::Right),
    ];
    if sourced {
        columns.extend([("Source", Align::Left), ("Confidence", Align::Left)]);
    }
    let mut o = Table::new(columns);
    for a in rows(s) {
        let mut row = vec![a.section, a.label, a.value];
        if sourced {
            row.extend(
                match (&a.path, a.path.as_ref().and_then(|p| source_of(s, p))) {
                    (None, _) => [String::new(), String::new()],
                    (Some(_), Some(x)) => [
                        if x.source.trim().is_empty() {
                            "—".to_string()
                        } else {
                            x.source.clone()
                        },
                        x.confidence.label().to_string(),
                    ],
                    (Some(_), None) => ["—".into(), NONE_GIVEN.into()],
                },
            );
        }
        o.row(row);
    }
    o
}

/// `text` (an input's value or name) marked "(not used: …)" when other
/// inputs of the plan replace the input `f`, so no report lists it as live.
pub fn marked(s: &Scenario, f: Field, text: String) -> String {
    match crate::model::inert::replaced(s, f) {
        Some(why) => format!("{text} (not used: {why})"),
        None => text,
    }
}

/// What the Confidence column says of an input without a source.
pub const NONE_GIVEN: &str = "none given";

/// The plan's source for the input at `path`.
pub fn source_of<'a>(s: &'a Scenario, path: &str) -> Option<&'a Source> {
    s.sources.iter().find(|x| x.field == path)
}

/// Every row of the assumptions, grouped by section: each input with its
/// unit, then the severity tiers as a whole and any other sourced input.
pub fn rows(s: &Scenario) -> Vec<Assumption> {
    rows_of(s, &Field::all(s))
}

/// [`rows`] with the inputs of the plan the table has: `fields` is
/// [`Field::all`] of the plan (a test adds an input of its own).
pub fn rows_of(s: &Scenario, fields: &[Field]) -> Vec<Assumption> {
    let c = s.currency.as_str();
    let mut o = Vec::new();
    let mut push = |section: &str, label: String, value: String, path: Option<String>| {
        o.push(Assumption {
            section: section.to_string(),
            label,
            value,
            path,
        })
    };
    for section in Section::ALL {
        match section {
            Section::Models => {
                for (i, m) in s.models.iter().enumerate() {
                    let kind = match &m.pricing {
                        Some(Pricing::Api(_)) => "API, billed per token",
                        Some(Pricing::SelfHosted(_)) => "self-hosted, always-on GPUs",
                        None => "unpriced",
                    };
                    // A dated price change within the horizon, beside the
                    // month-1 prices the rows below show.
                    let show = |v: f64| crate::numbers::price(v, c);
                    let kind = match crate::model::price_steps::schedule_words(s, i, &show) {
                        Some(w) => format!("{kind}: {w}"),
                        None => kind.to_string(),
                    };
                    push(section.label(), m.id.clone(), kind, None);
                }
            }
            Section::Retrieval => {
                let v = if s.retrieval.enabled {
                    format!("on, embeddings: {}", s.retrieval.embedding.id)
                } else {
                    "off".to_string()
                };
                push(
                    section.label(),
                    TextInput::Retrieval.spec().label.into(),
                    v,
                    None,
                );
            }
            Section::Oversight => {
                let v = match s.oversight.reviewers {
                    Reviewers::Auto => "Auto (staffed to the review load)",
                    Reviewers::Fixed(_) => "Fixed team",
                };
                push(
                    section.label(),
                    TextInput::Staffing.spec().label.into(),
                    v.into(),
                    None,
                );
            }
            _ => {}
        }
        for f in fields.iter().filter(|f| f.section() == section) {
            if section == Section::Retrieval && !s.retrieval.enabled {
                continue;
            }
            // A plan of version 1 or 2 lists its inputs as it did: the
            // inputs of version 3 are at their defaults in it.
            if f.version() >= 3 && s.format_version() < 3 {
                continue;
            }
            let Some(v) = f.get(s) else { continue };
            let label = match f.owner(s) {
                Some(name) => format!("{name} — {}", f.label()),
                None => f.label().to_string(),
            };
            let shown = if f.unit().is_money() {
                let places = if v.abs() < 100.0 && v.fract() != 0.0 {
                    4
                } else {
                    0
                };
                format!("{} {}", money_or_price(v, c, places), f.unit().suffix())
            } else {
                format!("{} {}", number(v, 4), f.unit())
            };
            let shown = shown.trim().to_string();
            // An optional input left out shows what stands in for it.
            let shown = match f.fallback_note() {
                note if note.is_empty() || f.version() < 3 || !f.falls_back(s) => shown,
                "(none)" => "none".to_string(),
                "(no cap)" => "none (no cap)".to_string(),
                note => format!("{shown} {note}"),
            };
            let shown = marked(s, *f, shown);
            push(section.label(), label, shown, Some(f.path()));
        }
    }
    // The severity tiers as a whole (each tier's values are rows of Risk
    // above), then any other sourced input without a row, by its path.
    let mut listed: Vec<String> = fields.iter().map(|f| f.path()).collect();
    if !s.risk.error_costs.is_empty() {
        let tiers = TextInput::ErrorCosts;
        push(
            Section::Risk.label(),
            tiers.spec().label.to_string(),
            tier_list(s),
            Some(tiers.path().to_string()),
        );
        listed.push(tiers.path().to_string());
    }
    for x in s
        .sources
        .iter()
        .filter(|x| !listed.iter().any(|p| x.field == *p))
    {
        push(
            "Other",
            x.field.to_string(),
            "see plan".into(),
            Some(x.field.to_string()),
        );
    }
    o
}

fn money_or_price(v: f64, currency: &str, places: usize) -> String {
    if places == 0 {
        money(v, currency)
    } else {
        let s = crate::numbers::money_places(v, currency, places);
        // Trim trailing zeros of prices: $0.0750 → $0.075.
        if s.contains('.') {
            s.trim_end_matches('0').trim_end_matches('.').to_string()
        } else {
            s
        }
    }
}

/// The severity tiers in one line: "minor 80 % at $5; major 20 % at $500".
fn tier_list(s: &Scenario) -> String {
    s.risk
        .error_costs
        .iter()
        .map(|t| {
            format!(
                "{} {} % at {}",
                t.name,
                number(t.share_pct, 2),
                money(t.cost, &s.currency)
            )
        })
        .collect::<Vec<_>>()
        .join("; ")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::fields::throwaway;

    /// An input declared beside the table by a test alone has its row, in
    /// its section, under its label, with its unit (see
    /// `model/fields/throwaway.rs`).
    #[test]
    fn a_throwaway_input_has_its_assumptions_row() {
        let s = throwaway::plan(50.0);
        let row = Assumption {
            section: "Value".into(),
            label: "Throwaway share".into(),
            value: "50 %".into(),
            path: Some("value.throwaway_pct".into()),
        };
        assert!(rows_of(&s, &throwaway::table(&s)).contains(&row));
        assert!(!rows(&s).contains(&row));
    }
}
