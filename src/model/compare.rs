//! Comparing plans: headline figures with their difference from a baseline,
//! and every input whose value differs between the plans.

pub use super::headline::{Delta, Figure};

use super::fields::{Field, Section, TextInput};
use super::pricing::Pricing;
use super::projection::Projection;
use super::scenario::{Reviewers, Scenario};

/// One input's value in one plan.
#[derive(Debug, Clone, PartialEq)]
pub enum InputValue {
    Number(f64),
    Text(String),
}

/// One input that differs between the plans.
#[derive(Debug, Clone, PartialEq)]
pub struct InputDiff {
    /// A stable path: `workload.requests_per_day`, `models[gpt-5.4-mini].share_pct`.
    pub path: String,
    /// A human label: "Requests per day", "gpt-5.4-mini: share of traffic".
    pub label: String,
    /// The field, for formatting numbers with their unit.
    pub field: Option<Field>,
    /// The value in each plan, `None` where the plan does not have the input.
    pub values: Vec<Option<InputValue>>,
}

struct Input {
    path: String,
    label: String,
    field: Option<Field>,
    value: InputValue,
    /// The value is not in the plan but what the input falls back to.
    falls_back: bool,
}

/// Every input of a plan as (path, label, value), with model and
/// infrastructure lines keyed by id and name so that plans with different
/// mixes line up by model rather than by position.
fn inputs(s: &Scenario) -> Vec<Input> {
    let mut v = Vec::new();
    let text = |path: &str, label: &str, value: String| Input {
        path: path.into(),
        label: label.into(),
        field: None,
        value: InputValue::Text(value),
        falls_back: false,
    };
    let input = |input: TextInput, value: String| text(input.path(), input.spec().label, value);
    v.push(input(TextInput::Currency, s.currency.clone()));
    let ids: Vec<&str> = s.models.iter().map(|m| m.id.as_str()).collect();
    v.push(text("models", "Models in the mix", ids.join(", ")));
    v.push(input(
        TextInput::Retrieval,
        if s.retrieval.enabled { "on" } else { "off" }.into(),
    ));
    if s.retrieval.enabled {
        v.push(input(
            TextInput::EmbeddingId,
            s.retrieval.embedding.id.clone(),
        ));
    }
    v.push(input(
        TextInput::Staffing,
        match s.oversight.reviewers {
            Reviewers::Auto => "Auto".into(),
            Reviewers::Fixed(_) => "Fixed".into(),
        },
    ));
    for m in &s.models {
        let kind = match &m.pricing {
            Some(Pricing::Api(_)) => "API",
            Some(Pricing::SelfHosted(_)) => "self-hosted",
            None => "unpriced",
        };
        v.push(text(
            &format!("models[{}].pricing", m.id),
            &format!("{}: pricing", m.id),
            kind.into(),
        ));
    }
    for f in Field::all(s) {
        if f.section() == Section::Retrieval && !s.retrieval.enabled {
            continue;
        }
        let Some(value) = f.get(s) else { continue };
        let (path, label) = match (f.section(), f.index()) {
            (Section::Models, Some(i)) => {
                let id = &s.models[i].id;
                let tail = f.path();
                let tail = tail.split_once('.').map_or("", |(_, t)| t).to_string();
                (format!("models[{id}].{tail}"), f.label_in(s))
            }
            (Section::Infrastructure, Some(_)) if matches!(f, Field::Infra(..)) => {
                // Lines are matched by name; two of one name by their place.
                let name = f.owner(s).unwrap_or_default();
                let tail = f.path();
                let tail = tail.split_once('.').map_or("", |(_, t)| t).to_string();
                (format!("infrastructure[{name}].{tail}"), f.label_in(s))
            }
            _ => (f.path(), f.label_in(s)),
        };
        v.push(Input {
            path,
            label,
            field: Some(f),
            value: InputValue::Number(value),
            falls_back: f.falls_back(s),
        });
    }
    v
}

/// Every input whose value differs between the plans (or that only some plans
/// have), in the order the first plan that has it lists it.
pub fn differences(plans: &[&Scenario]) -> Vec<InputDiff> {
    let per_plan: Vec<Vec<Input>> = plans.iter().map(|s| inputs(s)).collect();
    let mut order: Vec<(String, String, Option<Field>)> = Vec::new();
    for list in &per_plan {
        for input in list {
            if !order.iter().any(|(p, _, _)| *p == input.path) {
                order.push((input.path.clone(), input.label.clone(), input.field));
            }
        }
    }
    order
        .into_iter()
        .filter_map(|(path, label, field)| {
            let found: Vec<Option<&Input>> = per_plan
                .iter()
                .map(|list| list.iter().find(|i| i.path == path))
                .collect();
            // A value every plan only falls back to (a cache-write price
            // left at the input price, no ceiling) differs where the input
            // it falls back to does, and is listed there.
            if found.iter().all(|i| i.is_none_or(|i| i.falls_back))
                && found.iter().all(Option::is_some)
            {
                return None;
            }
            let values: Vec<Option<InputValue>> =
                found.iter().map(|i| i.map(|i| i.value.clone())).collect();
            let first = &values[0];
            values.iter().any(|v| v != first).then_some(InputDiff {
                path,
                label,
                field,
                values,
            })
        })
        .collect()
}

/// The plan's own texts (name, client, notes) where two versions of one plan
/// differ: what a reload or a recovery would change besides the inputs.
pub fn text_differences(a: &Scenario, b: &Scenario) -> Vec<InputDiff> {
    [
        (
            TextInput::Name.path(),
            TextInput::Name.spec().label,
            &a.name,
            &b.name,
        ),
        (
            TextInput::Client.path(),
            TextInput::Client.spec().label,
            &a.client,
            &b.client,
        ),
        // The notes are the call's record, not an input: no table entry.
        ("notes", "Notes", &a.notes, &b.notes),
    ]
    .into_iter()
    .filter(|(_, _, x, y)| x != y)
    .map(|(path, label, x, y)| InputDiff {
        path: path.into(),
        label: label.into(),
        field: None,
        values: vec![
            Some(InputValue::Text(x.replace('\n', " / "))),
            Some(InputValue::Text(y.replace('\n', " / "))),
        ],
    })
    .collect()
}

/// The best plan for a figure (lowest cost, or highest ROI/value), if any
/// plan has the figure; ties go to the first.
pub fn best(figure: Figure, projections: &[&Projection]) -> Option<usize> {
    let mut best: Option<(usize, f64)> = None;
    for (i, p) in projections.iter().enumerate() {
        let Some(v) = figure.value(p) else { continue };
        let better = match best {
            None => true,
            Some((_, b)) if figure.higher_is_better() => v > b,
            Some((_, b)) => v < b,
        };
        if better {
            best = Some((i, v));
        }
    }
    best.map(|(i, _)| i)
}

/// What makes the comparison less direct (currencies, horizons), then, for
/// each plan whose system is expected to be wrong more often than today's
/// process, that sentence with the plan's name: what every report says.
pub fn notes(plans: &[(&Scenario, &crate::model::Projection)]) -> Vec<String> {
    let only: Vec<&Scenario> = plans.iter().map(|(s, _)| *s).collect();
    let mut o = caveats(&only);
    for (s, p) in plans {
        if let Some(w) = crate::model::quality::worse_than_today_sentence(s, &p.totals) {
            o.push(format!("{}: {w}", s.name));
        }
    }
    o
}

/// Notes that make the comparison less direct: different currencies or horizons.
pub fn caveats(plans: &[&Scenario]) -> Vec<String> {
    let mut notes = Vec::new();
    if let Some(first) = plans.first() {
        if plans.iter().any(|s| s.currency != first.currency) {
            let cs: Vec<&str> = plans.iter().map(|s| s.currency.as_str()).collect();
            notes.push(format!(
                "the plans use different currencies ({}); differences mix units",
                cs.join(", ")
            ));
        }
        if plans
            .iter()
            .any(|s| s.horizon_months != first.horizon_months)
        {
            let hs: Vec<String> = plans.iter().map(|s| s.horizon_months.to_string()).collect();
            notes.push(format!(
                "the plans cover different horizons ({} months); totals are not like for like",
                hs.join(", ")
            ));
        }
    }
    notes
}
