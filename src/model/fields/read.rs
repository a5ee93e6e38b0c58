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
            Field::Tool(_, k) => k.spec(),
            Field::Person(_, k) => k.spec(),
            Field::PriceStep(_, k) => k.spec(),
            #[cfg(test)]
            Field::Extra(k) => throwaway::EXTRA[k],
        }
    }

    /// All inputs that exist in this plan, in display order: section by
    /// section, the plan's own inputs first, then each model's, each
    /// infrastructure line's and each severity tier's, in table order. An
    /// input exists where its `get` answers (an API price only on an API
    /// model, staffed reviewers only under Fixed).
    pub fn all(s: &Scenario) -> Vec<Field> {
        let mut v = Field::in_table_order(s);
        v.sort_by_key(|f| f.section());
        v
    }

    /// All inputs that exist in this plan in table order: the plan's own
    /// inputs, then each model's, each infrastructure line's and each
    /// severity tier's.
    pub fn in_table_order(s: &Scenario) -> Vec<Field> {
        let plan = PlanField::ALL.iter().map(|k| Field::Plan(*k));
        let models = (0..s.models.len())
            .flat_map(|i| ModelField::ALL.iter().map(move |k| Field::Model(i, *k)));
        let lines = (0..s.infrastructure.len())
            .flat_map(|i| InfraField::ALL.iter().map(move |k| Field::Infra(i, *k)));
        let tiers = (0..s.risk.error_costs.len())
            .flat_map(|j| TierField::ALL.iter().map(move |k| Field::Tier(j, *k)));
        let tools = (0..s.workload.tools.len())
            .flat_map(|j| ToolField::ALL.iter().map(move |k| Field::Tool(j, *k)));
        let people = (0..s.people.len())
            .flat_map(|j| PersonField::ALL.iter().map(move |k| Field::Person(j, *k)));
        let steps = (0..s.change.price_steps.len())
            .flat_map(|j| StepField::ALL.iter().map(move |k| Field::PriceStep(j, *k)));
        plan.chain(models)
            .chain(lines)
            .chain(tiers)
            .chain(tools)
            .chain(people)
            .chain(steps)
            .filter(|f| f.get(s).is_some())
            .collect()
    }

    pub fn section(self) -> Section {
        self.spec().section
    }

    /// The model, infrastructure line or severity tier this field belongs
    /// to, if any.
    pub fn index(self) -> Option<usize> {
        match self {
            Field::Plan(_) => None,
            Field::Model(i, _)
            | Field::Infra(i, _)
            | Field::Tier(i, _)
            | Field::Tool(i, _)
            | Field::Person(i, _)
            | Field::PriceStep(i, _) => Some(i),
            #[cfg(test)]
            Field::Extra(_) => None,
        }
    }

    /// The field's path in the plan file, as validation messages name it.
    pub fn path(self) -> String {
        let tail = self.spec().path;
        match self {
            Field::Plan(_) => tail.to_string(),
            #[cfg(test)]
            Field::Extra(_) => tail.to_string(),
            Field::Model(i, _) => format!("models[{i}].{tail}"),
            Field::Infra(i, _) => format!("infrastructure[{i}].{tail}"),
            Field::Tier(j, _) => format!("risk.error_costs[{j}].{tail}"),
            Field::Tool(j, _) => format!("workload.tools[{j}].{tail}"),
            Field::Person(j, _) => format!("people[{j}].{tail}"),
            Field::PriceStep(j, _) => format!("change.price_steps[{j}].{tail}"),
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

    /// Whose input this is, as labels name it: the model's id, the
    /// infrastructure line's name (with its place in the list when the name
    /// is empty or another line has it too), "Severity tier legal"; `None`
    /// for an input of the plan as a whole.
    pub fn owner(self, s: &Scenario) -> Option<String> {
        match self {
            Field::Plan(_) => None,
            #[cfg(test)]
            Field::Extra(_) => None,
            Field::Model(i, _) => Some(match s.models.get(i) {
                Some(m) if !m.id.trim().is_empty() => m.id.clone(),
                _ => format!("Model {}", i + 1),
            }),
            Field::Infra(i, _) => {
                let name = s.infrastructure.get(i).map_or("", |x| x.name.trim());
                let shared = s
                    .infrastructure
                    .iter()
                    .enumerate()
                    .any(|(j, x)| j != i && x.name.trim() == name);
                Some(match (name.is_empty(), shared) {
                    (true, _) => format!("Infrastructure line {}", i + 1),
                    (false, true) => format!("{name} (infrastructure line {})", i + 1),
                    (false, false) => name.to_string(),
                })
            }
            Field::Tier(j, _) => Some(match s.risk.error_costs.get(j) {
                Some(t) if !t.name.trim().is_empty() => {
                    format!("Severity tier {}", t.name.trim())
                }
                _ => format!("Severity tier {}", j + 1),
            }),
            Field::Tool(j, _) => Some(named(
                s.workload.tools.get(j).map(|t| t.name.as_str()),
                "Tool",
                j,
            )),
            Field::Person(j, _) => Some(named(s.people.get(j).map(|p| p.role.as_str()), "Role", j)),
            Field::PriceStep(j, _) => Some(match s.change.price_steps.get(j) {
                Some(p) => format!("Price change in month {}", p.month),
                None => format!("Price change {}", j + 1),
            }),
        }
    }

    /// The input's label in plan `s`, unique within the plan and saying
    /// whose input it is: "Requests per day", "gpt-5.4-mini: share of
    /// traffic", "Severity tier legal: cost per error".
    pub fn label_in(self, s: &Scenario) -> String {
        match self.owner(s) {
            Some(owner) => format!("{owner}: {}", self.label_after_name()),
            None => self.label().to_string(),
        }
    }

    /// A label of at most 18 characters for narrow panes.
    pub fn short_label(self) -> &'static str {
        self.spec().short_label
    }

    /// The unit shown after the value.
    pub fn unit(self) -> Unit {
        self.spec().unit
    }

    /// One line saying what the input means.
    pub fn help(self) -> &'static str {
        self.spec().help
    }

    /// What a plan that leaves the input out has; `None` where it then
    /// falls back to another input (see [`FieldSpec::default`]).
    pub fn default(self) -> Option<f64> {
        self.spec().default
    }

    /// The format version that introduced the input.
    pub fn version(self) -> u32 {
        self.spec().version
    }

    /// Whether the plan sets the input to other than its default (a value
    /// that falls back is not set).
    pub fn is_set(self, s: &Scenario) -> bool {
        !self.falls_back(s) && self.get(s).is_some_and(|v| Some(v) != self.default())
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
    pub fn check(self, v: f64) -> Result<(), String> {
        let range = self.range();
        if range.allows(v) {
            Ok(())
        } else {
            Err(range.explain(v))
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
            // Money and volumes move along a ladder of round numbers (2,500 →
            // 3,000 → 4,000), so a client hears figures, not 2,750 → 3,025.
            Step::Relative { floor, .. } => {
                let mut v = current;
                for _ in 0..times.max(1.0) as usize {
                    v = ladder_step(v, dir, floor);
                }
                v
            }
        };
        self.clamp(raw)
    }

    /// `v` brought into the allowed range (as a step would be).
    pub fn clamped(self, v: f64) -> f64 {
        self.clamp(v)
    }

    fn clamp(self, v: f64) -> f64 {
        self.range().clamp_step(v, self.step().least())
    }
}

/// The round numbers of one decade that money and volumes step along.
pub const LADDER: [f64; 10] = [1.0, 1.2, 1.5, 2.0, 2.5, 3.0, 4.0, 5.0, 6.0, 8.0];

/// The next round number of [`LADDER`] above (`dir` > 0) or below `v`; below
/// `floor` a step down goes to 0, and a step up from 0 to `floor`. A negative
/// value moves as its mirror image.
pub fn ladder_step(v: f64, dir: f64, floor: f64) -> f64 {
    if !v.is_finite() {
        return v;
    }
    if v < 0.0 {
        return -ladder_step(-v, -dir, floor);
    }
    if dir > 0.0 && v < floor * (1.0 - 1e-9) {
        return floor;
    }
    if dir < 0.0 && v <= floor * (1.0 + 1e-9) {
        return 0.0;
    }
    let decade = 10f64.powi(v.log10().floor() as i32);
    let near = |c: f64| (c - v).abs() <= v * 1e-9;
    let rungs = [decade / 10.0, decade, decade * 10.0]
        .into_iter()
        .flat_map(|d| LADDER.iter().map(move |l| round_to_significant(l * d, 6)));
    if dir > 0.0 {
        rungs
            .filter(|c| *c > v && !near(*c))
            .fold(f64::INFINITY, f64::min)
    } else {
        rungs
            .filter(|c| *c < v && !near(*c))
            .fold(0.0, f64::max)
            .max(floor)
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

/// A line's name as labels show it, or "`kind` N" when it has none.
fn named(name: Option<&str>, kind: &str, j: usize) -> String {
    match name.map(str::trim) {
        Some(n) if !n.is_empty() => n.to_string(),
        _ => format!("{kind} {}", j + 1),
    }
}
