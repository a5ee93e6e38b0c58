//! Reading the table.

use super::*;

// ---------------------------------------------------------------------------
// Reading the table.
// ---------------------------------------------------------------------------

impl Field {
    /// The spec of this input, from the table.
    pub fn spec(self) -> FieldSpec {
        match self {
            Field::Plan(k) => k.spec(),
            Field::Model(_, k) => k.spec(),
            Field::Infra(_, k) => k.spec(),
            Field::Tier(_, k) => k.spec(),
        }
    }

    /// All inputs that exist in this plan, in display order: section by
    /// section, the plan's own inputs first, then each model's, each
    /// infrastructure line's and each severity tier's, in table order. An
    /// input exists where its `get` answers (an API price only on an API
    /// model, staffed reviewers only under Fixed).
    pub fn all(s: &Scenario) -> Vec<Field> {
        let mut v = Vec::with_capacity(
            PlanField::ALL.len()
                + s.models.len() * ModelField::ALL.len()
                + s.infrastructure.len() * InfraField::ALL.len()
                + s.risk.error_costs.len() * TierField::ALL.len(),
        );
        let mut push = |f: Field| {
            if f.get(s).is_some() {
                v.push(f);
            }
        };
        for section in Section::ALL {
            let here = |f: &Field| f.section() == section;
            for f in PlanField::ALL.iter().map(|k| Field::Plan(*k)) {
                if here(&f) {
                    push(f);
                }
            }
            for i in 0..s.models.len() {
                for f in ModelField::ALL.iter().map(|k| Field::Model(i, *k)) {
                    if here(&f) {
                        push(f);
                    }
                }
            }
            for i in 0..s.infrastructure.len() {
                for f in InfraField::ALL.iter().map(|k| Field::Infra(i, *k)) {
                    if here(&f) {
                        push(f);
                    }
                }
            }
            for j in 0..s.risk.error_costs.len() {
                for f in TierField::ALL.iter().map(|k| Field::Tier(j, *k)) {
                    if here(&f) {
                        push(f);
                    }
                }
            }
        }
        v
    }

    pub fn section(self) -> Section {
        self.spec().section
    }

    /// The model, infrastructure line or severity tier this field belongs
    /// to, if any.
    pub fn index(self) -> Option<usize> {
        match self {
            Field::Plan(_) => None,
            Field::Model(i, _) | Field::Infra(i, _) | Field::Tier(i, _) => Some(i),
        }
    }

    /// The field's path in the plan file, as validation messages name it.
    pub fn path(self) -> String {
        let tail = self.spec().path;
        match self {
            Field::Plan(_) => tail.to_string(),
            Field::Model(i, _) => format!("models[{i}].{tail}"),
            Field::Infra(i, _) => format!("infrastructure[{i}].{tail}"),
            Field::Tier(j, _) => format!("risk.error_costs[{j}].{tail}"),
        }
    }

    /// A short human label; model, infrastructure and tier fields are
    /// labelled without their line's name, which the caller shows.
    pub fn label(self) -> &'static str {
        self.spec().label
    }

    /// The label as it reads after a model or line name ("gpt-5.4-mini: share of
    /// traffic"): the first letter lowered unless the word is an acronym (GPU).
    pub fn label_after_name(self) -> String {
        let label = self.label();
        let mut chars = label.chars();
        match (chars.next(), chars.next()) {
            (Some(a), Some(b)) if a.is_uppercase() && b.is_lowercase() => {
                a.to_lowercase().chain(label.chars().skip(1)).collect()
            }
            _ => label.to_string(),
        }
    }

    /// A label of at most 18 characters for narrow panes.
    pub fn short_label(self) -> &'static str {
        self.spec().short_label
    }

    /// The unit shown after the value.
    pub fn unit(self) -> &'static str {
        self.spec().unit
    }

    /// One line saying what the input means.
    pub fn help(self) -> &'static str {
        self.spec().help
    }

    /// Whether the value is an amount of money (shown with the currency).
    pub fn is_money(self) -> bool {
        self.unit().starts_with('$')
    }

    pub fn range(self) -> Range {
        self.spec().range
    }

    pub fn step(self) -> Step {
        self.spec().step
    }

    /// The value in the plan (or what it falls back to), or `None` where the
    /// field does not apply (an API price on a self-hosted model, staffed
    /// reviewers under Auto, …).
    pub fn get(self, s: &Scenario) -> Option<f64> {
        let (i, spec) = self.indexed();
        (spec.get)(s, i)
    }

    /// Sets the value if the field applies to this plan; returns whether it did.
    /// The caller checks the range first (see [`Field::check`]).
    pub fn set(self, s: &mut Scenario, v: f64) -> bool {
        let (i, spec) = self.indexed();
        (spec.set)(s, i, v)
    }

    /// Whether the value [`Field::get`] shows is not written in the plan but
    /// falls back to another input (see [`FieldSpec::falls_back`]).
    pub fn falls_back(self, s: &Scenario) -> bool {
        let (i, spec) = self.indexed();
        (spec.falls_back)(s, i)
    }

    /// Said next to a value that falls back ("(plan rate)"); may be empty.
    pub fn fallback_note(self) -> &'static str {
        self.spec().fallback_note
    }

    fn indexed(self) -> (usize, FieldSpec) {
        (self.index().unwrap_or(0), self.spec())
    }

    /// `Ok(())` when `v` is allowed for this field, else the sentence saying
    /// what is allowed.
    pub fn check(self, v: f64) -> Result<(), &'static str> {
        let range = self.range();
        if range.allows(v) {
            Ok(())
        } else {
            Err(range.describe())
        }
    }

    /// The value one step up (`dir` = 1) or down (`dir` = -1), `times` steps at
    /// once, clamped into the allowed range.
    pub fn stepped(self, current: f64, dir: f64, times: f64) -> f64 {
        let raw = match self.step() {
            // Fractional steps (0.5 calls, 0.05 of a token factor) land on
            // their grid, so a step up and one down return to the start.
            Step::Absolute(d) if d.fract() != 0.0 => {
                round_to_significant(current + dir * d * times, 12)
            }
            Step::Absolute(d) => current + dir * d * times,
            Step::Relative { share, floor } => {
                let d = (current.abs() * share).max(floor);
                let next = current + dir * d * times;
                // Keep relative steps on round-ish numbers near the start value.
                round_to_significant(next, 4)
            }
        };
        self.clamp(raw)
    }

    fn clamp(self, v: f64) -> f64 {
        let least_step = || match self.step() {
            Step::Relative { floor, .. } => floor,
            Step::Absolute(d) => d,
        };
        match self.range() {
            Range::NonNegative | Range::Positive => {
                let v = v.max(0.0);
                if self.range() == Range::Positive && v == 0.0 {
                    least_step()
                } else {
                    v
                }
            }
            Range::Percent => v.clamp(0.0, 100.0),
            Range::PositivePercent => v.clamp(1.0, 100.0),
            Range::Growth => v.clamp(-99.0, 1000.0),
            Range::DaysPerMonth => v.round().clamp(1.0, 31.0),
            Range::Horizon => v.round().clamp(1.0, 60.0),
            Range::WholeNonNegative => v.round().max(0.0),
            // Above 0: never step onto 0, stop one step above it.
            r @ (Range::CallsPerRequest | Range::TokenFactor) if v <= 0.0 => r.clamp(least_step()),
            r => r.clamp(v),
        }
    }
}

/// The names existing callers use for the version-1 inputs, kept so the
/// table's keys could be introduced without touching every caller.
#[allow(non_upper_case_globals, non_snake_case)]
impl Field {
    pub const RequestsPerDay: Field = Field::Plan(PlanField::RequestsPerDay);
    pub const MonthlyGrowth: Field = Field::Plan(PlanField::MonthlyGrowth);
    pub const CachedInput: Field = Field::Plan(PlanField::CachedInput);
    pub const CorpusTokens: Field = Field::Plan(PlanField::CorpusTokens);
    pub const BuildCost: Field = Field::Plan(PlanField::BuildCost);
    pub const MaintenancePct: Field = Field::Plan(PlanField::MaintenancePct);
    pub const MinutesPerReview: Field = Field::Plan(PlanField::MinutesPerReview);
    pub const FixedReviewers: Field = Field::Plan(PlanField::FixedReviewers);
    pub const RetuneCost: Field = Field::Plan(PlanField::RetuneCost);
    pub const LabourHourly: Field = Field::Plan(PlanField::LabourHourly);
    pub const Horizon: Field = Field::Plan(PlanField::Horizon);
    pub fn ModelShare(i: usize) -> Field {
        Field::Model(i, ModelField::Share)
    }
    pub fn InfraMonthly(i: usize) -> Field {
        Field::Infra(i, InfraField::Monthly)
    }
}
