//! The version-2 inputs of a plan and the format version it is written as.

use super::{Build, Change, Oversight, Retrieval, Risk, Value, Workload};
use super::{ModelEntry, Scenario, default_currency, default_horizon};
use crate::model::fields::{Field, ModelField, Section, TextInput};

/// The part of a plan file that says where its inputs come from (format
/// version 2); a `sources` entry's own paths are inputs of the table.
pub const SOURCES: &str = "sources";

/// The lists of format version 3, by their paths in the file.
pub const TOOLS: &str = "workload.tools";
pub const PEOPLE: &str = "people";
pub const PRICE_STEPS: &str = "change.price_steps";
pub const CASES: &str = "cases";

impl Scenario {
    /// A minimal valid plan: one priced model, everything else at its default.
    /// Used for new plans and as a base in tests. It uses no version-2 field,
    /// so it is a version-1 plan.
    pub fn minimal(name: &str, model: ModelEntry) -> Self {
        Scenario {
            version: 1,
            name: name.to_string(),
            client: String::new(),
            notes: String::new(),
            currency: default_currency(),
            horizon_months: default_horizon(),
            start: None,
            workload: Workload::default(),
            models: vec![model],
            retrieval: Retrieval::default(),
            infrastructure: Vec::new(),
            build: Build::default(),
            oversight: Oversight::default(),
            risk: Risk::default(),
            change: Change::default(),
            value: Value::default(),
            sources: Vec::new(),
            people: Vec::new(),
            cases: Vec::new(),
            uncertainty: Vec::new(),
        }
    }

    /// Every version-2 input of this plan (spec §5) with whether it is set to a
    /// non-default value, in file order. The one list behind the version a
    /// plan is written as and the error for a version-2 field in a version-1
    /// file: the table's inputs of version 2, the severity tiers as a whole
    /// ([`TextInput::ErrorCosts`], a list rather than a number; each tier's
    /// values are set when the tier is there) and the [`SOURCES`].
    pub fn v2_inputs(&self) -> Vec<(String, bool)> {
        self.inputs_of_version(2, &Field::in_table_order(self))
    }

    /// The inputs of `table` that format `version` introduced, as
    /// [`Scenario::v2_inputs`] lists them.
    pub fn inputs_of_version(&self, version: u32, table: &[Field]) -> Vec<(String, bool)> {
        let tiers = TextInput::ErrorCosts;
        // Where each is in the file: the plan's parts as the file writes
        // them (the workload's inputs, Volume and Tokens, are one part);
        // within a line its own values, then its nested parts (a model's
        // pricing); the tiers as a whole before the first tier.
        let mut v = Vec::new();
        if tiers.spec().version == version {
            let set = !self.risk.error_costs.is_empty();
            v.push((
                (Section::Risk, Some(0), false),
                tiers.path().to_string(),
                set,
            ));
        }
        for &f in table.iter().filter(|f| f.version() == version) {
            let at = (
                f.section().max(Section::Tokens),
                f.index(),
                f.spec().path.contains('.'),
            );
            v.push((at, f.path(), matches!(f, Field::Tier(..)) || f.is_set(self)));
        }
        v.sort_by_key(|(at, ..)| *at);
        let mut out: Vec<(String, bool)> = v.into_iter().map(|(_, p, set)| (p, set)).collect();
        if version == 2 {
            out.push((SOURCES.to_string(), !self.sources.is_empty()));
        }
        if version == 3 {
            // The lists of version 3 as wholes (a line counts even at its
            // defaults), and a discount below 0, which version 2 refused.
            let lists = [
                (TOOLS, !self.workload.tools.is_empty()),
                (PRICE_STEPS, !self.change.price_steps.is_empty()),
                (PEOPLE, !self.people.is_empty()),
                (CASES, !self.cases.is_empty()),
            ];
            out.extend(lists.into_iter().map(|(p, set)| (p.to_string(), set)));
            for (i, m) in self.models.iter().enumerate() {
                if m.discount_pct < 0.0 {
                    let path = Field::Model(i, ModelField::Discount).path();
                    out.push((format!("{path} below 0"), true));
                }
            }
        }
        out
    }

    /// The inputs of format `version` set to a non-default value (their
    /// paths); a list counts once, by its own path.
    pub fn fields_set_of_version(&self, version: u32) -> Vec<String> {
        let lists = [
            TextInput::ErrorCosts.path(),
            TOOLS,
            PEOPLE,
            PRICE_STEPS,
            CASES,
        ];
        self.inputs_of_version(version, &Field::in_table_order(self))
            .into_iter()
            .filter(|(p, set)| *set && !lists.iter().any(|l| p.starts_with(&format!("{l}["))))
            .map(|(p, _)| p)
            .collect()
    }

    /// The version-2 inputs set to a non-default value (their paths); the
    /// error tiers count once, as `risk.error_costs`.
    pub fn v2_fields_set(&self) -> Vec<String> {
        self.fields_set_of_version(2)
    }

    /// The format version this plan is written as: the lowest that holds
    /// every input it sets, so older runcosts keep reading older plans.
    pub fn format_version(&self) -> u32 {
        if !self.fields_set_of_version(3).is_empty() {
            3
        } else if !self.v2_fields_set().is_empty() {
            2
        } else {
            1
        }
    }
}
