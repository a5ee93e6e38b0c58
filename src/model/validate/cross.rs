//! The cross-field rules of the version-2 inputs (spec §5).

use std::collections::HashSet;

use super::{Checker, show};
use crate::model::fields::{Field, ModelField, PlanField, Target, TextInput, TierField};
use crate::model::inert::every_model_rated;
use crate::model::projection::base_error_rate;
use crate::model::scenario::Scenario;

// ---------------------------------------------------------------------------
// Version-2 fields (spec §5). Kept in one block, apart from the version-1
// checks above, so that other changes to this file merge cleanly.
// ---------------------------------------------------------------------------

/// Tolerance on the sum of severity-tier shares.
pub const TIER_SHARE_TOLERANCE: f64 = 0.01;

/// Every input a `sources` entry may name in this plan: the table of inputs
/// ([`Field::all`]), and the severity tiers as a whole (`risk.error_costs`,
/// a list rather than a number).
pub fn source_targets(s: &Scenario) -> Vec<Target> {
    source_targets_in(&Field::all(s))
}

/// [`source_targets`] of a plan with the inputs `fields`.
pub fn source_targets_in(fields: &[Field]) -> Vec<Target> {
    let mut targets: Vec<Target> = fields.iter().copied().map(Target::from).collect();
    targets.push(TextInput::ErrorCosts.into());
    targets
}

/// The cross-field rules of the version-2 inputs (their ranges come from
/// the table, with every other input's): severity tiers named once and
/// summing to 100, at most one source per input and only for inputs.
pub(super) fn validate_v2(s: &Scenario, fields: &[Field], c: &mut Checker) {
    let r = &s.risk;
    let mut names = HashSet::new();
    let mut tier_sum = 0.0;
    for (j, t) in r.error_costs.iter().enumerate() {
        let p = format!("{}[{j}]", TextInput::ErrorCosts.path());
        if t.name.trim().is_empty() {
            c.fail(
                format!("{p}.name"),
                format!("{:?}", t.name),
                "must name the severity tier, e.g. \"minor\"",
            );
        } else if !names.insert(t.name.trim()) {
            c.fail(
                format!("{p}.name"),
                format!("{:?}", t.name),
                "must be unique among the severity tiers (the name is used twice)",
            );
        }
        tier_sum += t.share_pct;
    }
    if !r.error_costs.is_empty()
        && tier_sum.is_finite()
        && (tier_sum - 100.0).abs() > TIER_SHARE_TOLERANCE
    {
        c.fail(
            format!(
                "{}[].{}",
                TextInput::ErrorCosts.path(),
                TierField::Share.spec().path
            ),
            format!("{} in total", show(tier_sum)),
            "the shares of the severity tiers must sum to 100",
        );
    }

    if s.sources.is_empty() {
        return;
    }
    let allowed = source_targets_in(fields);
    let mut seen = HashSet::new();
    for (k, src) in s.sources.iter().enumerate() {
        let p = format!("sources[{k}].field");
        if !allowed.contains(&src.field) {
            c.fail(
                p,
                format!("{:?}", src.field),
                format!(
                    "must name an input of this plan by its path, e.g. {:?} or {:?} (see docs/scenario-format.md)",
                    Field::RequestsPerDay.path(),
                    Field::Model(0, ModelField::ApiInput).path()
                ),
            );
        } else if !seen.insert(&src.field) {
            c.fail(
                p,
                format!("{:?}", src.field),
                "must be unique: give at most one source per input (this input already has one)",
            );
        }
    }
}

/// What a valid plan sets that the projection does not use (spec §5: severity
/// tiers, when present, replace `cost_per_uncaught_error`; every model's own
/// `error_rate_pct` replaces `risk.error_rate_pct`): warnings for
/// `runcost check`, not errors, since such a plan still projects exactly.
pub fn warnings(s: &Scenario) -> Vec<String> {
    let r = &s.risk;
    let tiers = TextInput::ErrorCosts.path();
    let cost = Field::Plan(PlanField::CostPerError);
    let (cost_path, cost_key) = (cost.path(), cost.spec().path.rsplit('.').next());
    let rate = Field::Plan(PlanField::ErrorRate).path();
    let own_rate = ModelField::ErrorRate.spec().path;
    let mut out = Vec::new();
    if !r.error_costs.is_empty() && r.cost_per_uncaught_error != 0.0 {
        out.push(format!(
            "{cost_path} is {} but is ignored: the severity tiers ({tiers}) replace it, and their weighted mean, {} an error, is what the projection uses; remove {} or set it to 0",
            show(r.cost_per_uncaught_error),
            show(derived(r.cost_per_error())),
            cost_key.unwrap_or_default()
        ));
    }
    if !r.error_costs.is_empty()
        && let Some(i) = ranged(s, PlanField::CostPerError)
    {
        out.push(format!(
            "uncertainty[{i}] ranges {cost_path}, which the severity tiers ({tiers}) replace: the range changes nothing; range the tiers' costs instead (e.g. {:?})",
            Field::Tier(0, TierField::Cost).path()
        ));
    }
    if every_model_rated(s) {
        if r.error_rate_pct != 0.0 {
            out.push(format!(
                "{rate} is {} % but is ignored: every model sets its own {own_rate}, and their share-weighted mean, {} %, is what the projection uses; remove {rate} or set it to 0",
                show(r.error_rate_pct),
                show(derived(base_error_rate(s)))
            ));
        }
        if let Some(i) = ranged(s, PlanField::ErrorRate) {
            out.push(format!(
                "uncertainty[{i}] ranges {rate}, which every model's own {own_rate} replaces: the range changes nothing; range the models' rates instead (e.g. {:?})",
                Field::Model(0, ModelField::ErrorRate).path()
            ));
        }
    }
    let o = &s.oversight;
    if let Some(recall) = o.flagged_recall_pct
        && recall < o.review_pct
    {
        out.push(format!(
            "{} is {} %, below the {} % of answers reviewed: a random sample of that size would find more wrong answers than the flagging does; check the figure (recall is the share of all wrong answers that land among the reviewed)",
            Field::Plan(PlanField::FlaggedRecall).path(),
            show(recall),
            show(o.review_pct)
        ));
    }
    let average = r.cost_per_error();
    for (j, t) in r.error_costs.iter().enumerate() {
        // A tier at share 0 is not in the expected cost (the plan keeps the
        // tail for a case that sets its share): nothing to warn of.
        if t.share_pct > 0.0
            && t.cost > crate::model::quality::LUMPY_COST_FACTOR * average
            && average > 0.0
        {
            out.push(format!(
                "{tiers}[{j}] ({:?}) costs {} an error, over {} times the average of {}: a rare, lumpy event that an expected value understates; put the tail in a case (`cases`) rather than in the expected cost",
                t.name,
                show(t.cost),
                crate::model::quality::LUMPY_COST_FACTOR,
                show(average)
            ));
        }
    }
    out
}

/// A figure the program worked out (a weighted mean), rounded to 12
/// significant digits so that 1.85 does not print as 1.8499999999999999.
fn derived(v: f64) -> f64 {
    if v == 0.0 || !v.is_finite() {
        return v;
    }
    let factor = 10f64.powi(11 - v.abs().log10().floor() as i32);
    (v * factor).round() / factor
}

/// The index of the plan's range on input `k`.
fn ranged(s: &Scenario, k: PlanField) -> Option<usize> {
    s.uncertainty.iter().position(|u| u.field == Field::Plan(k))
}

/// The throwaway input of `model/fields/throwaway.rs`, which only a test
/// declares, is checked against its range and may be named by a source and
/// a range once it is in the inputs validation is given.
#[cfg(test)]
mod tests {
    use super::super::{validate, validate_with};
    use super::*;
    use crate::model::fields::{Range, throwaway};
    use crate::model::scenario::{Confidence, Source, UncertainRange};

    const PATH: &str = "value.throwaway_pct";

    #[test]
    fn a_throwaway_input_out_of_range_is_refused_with_its_path_and_range() {
        let extra = Field::Extra(0);
        let s = throwaway::plan(150.0);
        assert!(validate(&s).is_empty(), "{:?}", validate(&s));
        let problems = validate_with(&s, &throwaway::table(&s));
        assert_eq!(problems.len(), 1, "{problems:?}");
        assert_eq!(problems[0].path, PATH);
        assert_eq!(problems[0].value, "150");
        assert_eq!(problems[0].allowed, Range::Percent.describe());
        assert_eq!(extra.check(150.0), Err(Range::Percent.describe()));
        let fine = throwaway::plan(50.0);
        assert!(validate_with(&fine, &throwaway::table(&fine)).is_empty());
    }

    #[test]
    fn a_source_and_a_range_may_name_a_throwaway_input() {
        let extra = Field::Extra(0);
        let mut s = throwaway::plan(50.0);
        let table = throwaway::table(&s);
        assert!(source_targets_in(&table).contains(&Target::Numeric(extra)));
        assert!(!source_targets(&s).contains(&Target::Numeric(extra)));
        s.version = 2;
        s.sources = vec![Source {
            field: extra.into(),
            source: "a test".into(),
            confidence: Confidence::High,
        }];
        s.uncertainty = vec![UncertainRange {
            field: extra.into(),
            low: 40.0,
            high: 60.0,
        }];
        let problems = validate_with(&s, &table);
        assert!(problems.is_empty(), "{problems:?}");
        // Without it in the inputs, both entries name no input of the plan.
        let paths: Vec<String> = validate(&s).into_iter().map(|p| p.path).collect();
        assert_eq!(paths, ["uncertainty[0].field", "sources[0].field"]);
    }
}
