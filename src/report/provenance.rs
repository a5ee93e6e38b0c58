//! Where a plan's figures come from, as the client report's closing lines
//! say it: each recorded source, word for word with its confidence and the
//! figures it covers (no guess at who a source is from: "Claims director's
//! estimate" is listed as that, not sorted by whether it says "client"),
//! which figures are still template defaults, and how many rest on no source
//! at all. Read off the rows of the Assumptions table, so the footer and the
//! table always agree.

use super::assumptions::{rows, source_of, sourced};
use crate::model::{Confidence, Scenario};
use crate::numbers::count;
use crate::store::use_cases::TEMPLATE_DEFAULT;

/// Inputs that share one source and confidence.
#[derive(Debug, Clone, PartialEq)]
pub struct Group {
    pub source: String,
    pub confidence: Confidence,
    /// The inputs, as the Assumptions table names them.
    pub inputs: Vec<String>,
}

/// Where every figure of a plan comes from.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Provenance {
    /// Every recorded source other than a template default, as written,
    /// in the order the Assumptions table first names it.
    pub sourced: Vec<Group>,
    /// Inputs still on a template default (Low until the client says).
    pub template: Vec<String>,
    /// Prices with no source of their own: the catalog snapshots.
    pub prices: usize,
    /// Every other input with no source.
    pub unsourced: usize,
}

/// Whether an input is a price snapshotted from the catalog: a model's
/// token or GPU-hour prices (not the sizing around them), the embedding price.
fn is_price(path: &str) -> bool {
    use crate::model::fields::{Field, ModelField as M, PlanField, Target};
    matches!(
        Target::parse(path).field(),
        Some(
            Field::Model(
                _,
                M::ApiInput
                    | M::ApiCached
                    | M::ApiOutput
                    | M::ApiBatchDiscount
                    | M::LongAbove
                    | M::LongInput
                    | M::LongCached
                    | M::LongOutput
                    | M::GpuHourly
            ) | Field::Plan(PlanField::EmbeddingPrice)
        )
    )
}

fn add(groups: &mut Vec<Group>, source: &str, confidence: Confidence, input: String) {
    match groups
        .iter_mut()
        .find(|g| g.source == source && g.confidence == confidence)
    {
        Some(g) => g.inputs.push(input),
        None => groups.push(Group {
            source: source.to_string(),
            confidence,
            inputs: vec![input],
        }),
    }
}

pub fn provenance(s: &Scenario) -> Provenance {
    let mut p = Provenance::default();
    for a in rows(s) {
        let Some(path) = &a.path else { continue };
        match source_of(s, path) {
            Some(x) if x.source.trim().to_lowercase().starts_with(TEMPLATE_DEFAULT) => {
                p.template.push(a.label)
            }
            Some(x) if !x.source.trim().is_empty() => {
                add(&mut p.sourced, x.source.trim(), x.confidence, a.label)
            }
            // A confidence with no words is not a source.
            _ if is_price(path) => p.prices += 1,
            _ => p.unsourced += 1,
        }
    }
    p
}

/// The footer's line when no figure has a source other than a template
/// default or the catalog (the only case it says that nothing is sourced).
pub const NO_RECORDED_SOURCE: &str = "No figure in this plan has a recorded source other than a template default or the price catalog.";

/// What opens the footer's list of recorded sources.
pub const SOURCES_AS_RECORDED: &str = "Figures by their recorded source (source, confidence)";

fn groups(gs: &[Group]) -> String {
    gs.iter()
        .map(|g| {
            format!(
                "{} ({}, {})",
                g.inputs.join(", "),
                g.source,
                g.confidence.label()
            )
        })
        .collect::<Vec<_>>()
        .join("; ")
}

/// The report's closing paragraphs: where the prices come from, then each
/// recorded source with the figures it covers, the figures still on a
/// template default, and how many have no source.
pub fn footer(s: &Scenario, catalog_as_of: &str) -> Vec<String> {
    let p = provenance(s);
    let mut o = vec![format!(
        "Projected with runcost. Model and embedding prices are the plan's pricing snapshots (catalog as of {catalog_as_of})."
    )];
    o.push(if p.sourced.is_empty() {
        NO_RECORDED_SOURCE.to_string()
    } else {
        format!("{SOURCES_AS_RECORDED}: {}.", groups(&p.sourced))
    });
    if !p.template.is_empty() {
        o.push(format!(
            "Template defaults, still to confirm with the client: {}.",
            p.template.join(", ")
        ));
    }
    let none = p.unsourced + p.prices;
    if none > 0 {
        let marked = if sourced(s) {
            format!(
                " (\"{}\" in the Assumptions)",
                super::assumptions::NONE_GIVEN
            )
        } else {
            String::new()
        };
        let any = !(p.sourced.is_empty() && p.template.is_empty());
        let which = match (none, any) {
            (1, _) => "the other figure".to_string(),
            (n, true) => format!("the other {} figures", count(n as f64)),
            (n, false) => format!("any of the {} figures", count(n as f64)),
        };
        let prices = match p.prices {
            0 => String::new(),
            1 => "1 is a price, from the catalog snapshot, ".to_string(),
            n => format!(
                "{} are prices, from the catalog snapshot, ",
                count(n as f64)
            ),
        };
        let rest = match (p.unsourced, p.prices) {
            (0, _) => String::new(),
            (n, 0) if n == none => {
                format!(
                    "{} planning assumptions",
                    if n == 1 {
                        "it is one of our"
                    } else {
                        "they are our"
                    }
                )
            }
            (n, _) => format!(
                "{} {} our planning assumptions",
                count(n as f64),
                if n == 1 { "is" } else { "are" }
            ),
        };
        let rest = if rest.is_empty() {
            prices.trim_end_matches(", ").to_string()
        } else {
            format!(
                "{prices}{}{rest}, still to confirm",
                if prices.is_empty() { "" } else { "and " }
            )
        };
        o.push(format!("No source is given for {which}{marked}: {rest}."));
    }
    o
}
