//! The client report's sections of version 3 (spec §6): the plan's cases
//! beside it, and the wrong answers by severity with each tier's count.

use super::build::Inputs;
use super::model::{Block, Section};
use crate::report::cfo;

/// "Cases beside the plan": the headline figures of the plan and of each of
/// its cases in columns, and what each case sets.
pub fn cases(i: &Inputs) -> Option<Section> {
    let table = cfo::cases_table(i.s, i.p)?;
    Some(
        Section::new("cases", "Cases beside the plan")
            .with(Block::Text(
                "The plan and each of its named cases, computed by the same formulas; a case is the plan with only the inputs below set otherwise.".into(),
            ))
            .with(Block::Table(table))
            .with(Block::List(cfo::case_inputs(i.s))),
    )
}

/// "Wrong answers by severity": how many of each tier the plan implies over
/// its horizon, and which are rare, lumpy events.
pub fn severity(i: &Inputs) -> Option<Section> {
    let table = cfo::tiers_table(i.s, i.p)?;
    let t = &i.p.totals;
    let lumpy: Vec<String> = crate::model::quality::tier_counts(i.s, t)
        .iter()
        .filter(|x| x.lumpy)
        .map(|x| cfo::lumpy_sentence(i.s, i.p, x))
        .collect();
    let sec = Section::new("severity", "Wrong answers by severity")
        .with(Block::Text(format!(
            "Wrong answers that get past review over the {} months: {}, split by the plan's severity tiers. Their cost is an expected value (an estimate of risk, not a bill).",
            i.p.months.len(),
            cfo::tier_count(t.uncaught_errors)
        )))
        .with(Block::Table(table));
    Some(if lumpy.is_empty() {
        sec
    } else {
        sec.with(Block::List(lumpy))
    })
}
