//! Comparing plans: headline figures with their difference from a baseline,
//! and every input whose value differs between the plans.

use super::fields::{Field, Section};
use super::pricing::Pricing;
use super::projection::Projection;
use super::scenario::{Reviewers, Scenario};

/// A value against the baseline's: the absolute change and, where the
/// baseline is not zero, the relative change in percent.
#[derive(Debug, Clone, Copy, PartialEq, serde::Serialize)]
pub struct Delta {
    pub abs: f64,
    pub pct: Option<f64>,
}

impl Delta {
    pub fn between(base: f64, value: f64) -> Self {
        let abs = value - base;
        Delta {
            abs,
            pct: (base != 0.0).then(|| abs / base.abs() * 100.0),
        }
    }
}

/// The figures a comparison puts side by side, in display order.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Figure {
    Month1,
    RunCost,
    Build,
    Tco,
    CostPerRequest,
    Value,
    Roi,
    Payback,
}

impl Figure {
    pub const ALL: [Figure; 8] = [
        Figure::Month1,
        Figure::RunCost,
        Figure::Build,
        Figure::Tco,
        Figure::CostPerRequest,
        Figure::Value,
        Figure::Roi,
        Figure::Payback,
    ];

    pub fn label(self) -> &'static str {
        match self {
            Figure::Month1 => "Month-1 cost",
            Figure::RunCost => "Run cost",
            Figure::Build => "Build",
            Figure::Tco => "TCO",
            Figure::CostPerRequest => "Per request",
            Figure::Value => "Value",
            Figure::Roi => "ROI",
            Figure::Payback => "Payback",
        }
    }

    /// The key used in JSON output.
    pub fn key(self) -> &'static str {
        match self {
            Figure::Month1 => "month1_cost",
            Figure::RunCost => "run_cost",
            Figure::Build => "build_cost",
            Figure::Tco => "tco",
            Figure::CostPerRequest => "cost_per_request",
            Figure::Value => "value",
            Figure::Roi => "roi_pct",
            Figure::Payback => "payback_month",
        }
    }

    /// Whether a higher value is better news (value, ROI) rather than worse (costs).
    pub fn higher_is_better(self) -> bool {
        matches!(self, Figure::Value | Figure::Roi)
    }

    /// The figure's value for a projection; `None` where it is undefined
    /// (no ROI without cost, no payback within the horizon, …).
    pub fn of(self, p: &Projection) -> Option<f64> {
        let t = &p.totals;
        match self {
            Figure::Month1 => Some(p.first().map_or(0.0, |m| m.total)),
            Figure::RunCost => Some(t.run_cost),
            Figure::Build => Some(t.build_cost),
            Figure::Tco => Some(t.tco),
            Figure::CostPerRequest => t.cost_per_request,
            Figure::Value => Some(t.value),
            Figure::Roi => t.roi_pct,
            Figure::Payback => t.payback_month.map(f64::from),
        }
    }

    /// The change from the baseline. ROI changes in percentage points and
    /// payback in months, so neither has a relative change.
    pub fn delta(self, base: &Projection, p: &Projection) -> Option<Delta> {
        let (b, v) = (self.of(base)?, self.of(p)?);
        let d = Delta::between(b, v);
        Some(match self {
            Figure::Roi | Figure::Payback => Delta { pct: None, ..d },
            _ => d,
        })
    }
}

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
    };
    v.push(text("currency", "Currency", s.currency.clone()));
    let ids: Vec<&str> = s.models.iter().map(|m| m.id.as_str()).collect();
    v.push(text("models", "Models in the mix", ids.join(", ")));
    v.push(text(
        "retrieval.enabled",
        "Retrieval",
        if s.retrieval.enabled { "on" } else { "off" }.into(),
    ));
    if s.retrieval.enabled {
        v.push(text(
            "retrieval.embedding.id",
            "Embedding model",
            s.retrieval.embedding.id.clone(),
        ));
    }
    v.push(text(
        "oversight.reviewers",
        "Reviewer staffing",
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
                (
                    format!("models[{id}].{tail}"),
                    format!("{id}: {}", f.label_after_name()),
                )
            }
            (Section::Infrastructure, Some(i)) => {
                let name = &s.infrastructure[i].name;
                let tail = f.path();
                let tail = tail.split_once('.').map_or("", |(_, t)| t).to_string();
                (
                    format!("infrastructure[{name}].{tail}"),
                    format!("{name}: {}", f.label_after_name()),
                )
            }
            _ => (f.path(), f.label().to_string()),
        };
        v.push(Input {
            path,
            label,
            field: Some(f),
            value: InputValue::Number(value),
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
            let values: Vec<Option<InputValue>> = per_plan
                .iter()
                .map(|list| {
                    list.iter()
                        .find(|i| i.path == path)
                        .map(|i| i.value.clone())
                })
                .collect();
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
        ("name", "Plan name", &a.name, &b.name),
        ("client", "Client", &a.client, &b.client),
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
        let Some(v) = figure.of(p) else { continue };
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
