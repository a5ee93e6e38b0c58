//! Every numeric input of a plan, declared once. Each input is one entry of
//! the table below — a key (`PlanField`, `ModelField`, `InfraField`,
//! `TierField`) and its [`FieldSpec`]: the path in the file, labels, unit,
//! section, allowed range, step, a line of help and the accessors. The
//! workbench's input pane, validation, the report's assumptions table,
//! comparisons, sensitivity and the Monte Carlo all walk [`Field::all`], so a
//! new entry appears everywhere at once (see docs/adding-an-input.md).
//!
//! The spec, its parts and the accessors live here; `plan.rs`, `model.rs` and
//! `lines.rs` hold the table (plan-wide inputs, model inputs, infrastructure
//! lines and severity tiers), `read.rs` reads it.

use super::pricing::{ApiPricing, LongContext, SelfHostedPricing};
use super::scenario::{
    ErrorCost, InfraItem, ModelEntry, Person, PriceJump, Reviewers, Scenario, Tool,
};

/// The groups inputs are shown in.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Section {
    Volume,
    Tokens,
    Models,
    Retrieval,
    Infrastructure,
    Build,
    Oversight,
    Risk,
    Change,
    Value,
    Horizon,
}

impl Section {
    pub const ALL: [Section; 11] = [
        Section::Volume,
        Section::Tokens,
        Section::Models,
        Section::Retrieval,
        Section::Infrastructure,
        Section::Build,
        Section::Oversight,
        Section::Risk,
        Section::Change,
        Section::Value,
        Section::Horizon,
    ];

    pub fn label(self) -> &'static str {
        match self {
            Section::Volume => "Volume",
            Section::Tokens => "Tokens & caching",
            Section::Models => "Model mix",
            Section::Retrieval => "Retrieval",
            Section::Infrastructure => "Infrastructure",
            Section::Build => "Build & maintenance",
            Section::Oversight => "Oversight",
            Section::Risk => "Risk",
            Section::Change => "Change",
            Section::Value => "Value",
            Section::Horizon => "Horizon",
        }
    }
}

/// How a lever moves on ←/→.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Step {
    /// Along a ladder of round numbers (1, 1.2, 1.5, 2, 2.5, 3, 4, 5, 6, 8
    /// × 10ⁿ, about ±20 % a step); `floor` is the least value above 0.
    Relative { floor: f64 },
    /// By a fixed amount (percentage points, whole units).
    Absolute(f64),
}

impl Step {
    /// The least move of the lever: the floor of a ladder, the fixed amount.
    pub fn least(self) -> f64 {
        match self {
            Step::Relative { floor } => floor,
            Step::Absolute(d) => d,
        }
    }
}

const MONEY: Step = Step::Relative { floor: 1.0 };
const PRICE: Step = Step::Relative { floor: 0.001 };
const VOLUME: Step = Step::Relative { floor: 10.0 };
const COUNT: Step = Step::Relative { floor: 0.1 };
const POINT: Step = Step::Absolute(1.0);
const WHOLE: Step = Step::Absolute(1.0);

/// Everything the program knows about one input. For an input of a model,
/// an infrastructure line or a severity tier, `path` is relative to its line
/// (`share_pct`) and the accessors take the line's index; plan-wide inputs
/// ignore the index.
#[derive(Clone, Copy)]
pub struct FieldSpec {
    /// The serde path in the plan file (checked against the serialized plan
    /// by a test).
    pub path: &'static str,
    pub label: &'static str,
    /// At most 18 characters, for narrow panes.
    pub short_label: &'static str,
    /// Shown after the value; says whether the value is money.
    pub unit: Unit,
    /// One line saying what the input means, shown when it is edited.
    pub help: &'static str,
    pub section: Section,
    pub range: Range,
    pub step: Step,
    /// The value in the plan, or `None` where the input does not apply (an
    /// API price on a self-hosted model, staffed reviewers under Auto, …).
    pub get: fn(&Scenario, usize) -> Option<f64>,
    /// Sets the value where the input applies; returns whether it did.
    pub set: fn(&mut Scenario, usize, f64) -> bool,
    /// Whether the value `get` shows is not written in the plan but falls
    /// back to another input (a cached price to the input price, a model's
    /// error rate to the plan's). Validation checks only values in the plan.
    pub falls_back: fn(&Scenario, usize) -> bool,
    /// Said next to a value that falls back, e.g. "(plan rate)"; may be empty.
    pub fallback_note: &'static str,
    /// What a plan that leaves the input out has (the serde default, checked
    /// by a test); `None` where a plan that leaves it out falls back to
    /// another input or does not have it (staffed reviewers under Auto).
    pub default: Option<f64>,
    /// The format version that introduced the input: a plan that sets it to
    /// other than its default is written as that version.
    pub version: u32,
}

/// The `falls_back` of inputs that are always in the plan.
fn never(_: &Scenario, _: usize) -> bool {
    false
}

/// The spec of a number always in the plan (it never falls back): `$slot`
/// of the part of the plan `$reach` finds for an index (the plan itself, a
/// model, its pricing, an infrastructure line, a severity tier), with the
/// serde default and the format version that introduced it. `spec! { whole … }`
/// is a whole count (`u32`) in the plan. `plan!` and `model!` fill in the
/// reach or the section of their tables.
macro_rules! spec {
    (whole $($rest:tt)*) => { spec!(@ f64::from, whole, $($rest)*) };
    ($path:literal $($rest:tt)*) => { spec!(@ f64::from, std::convert::identity, $path $($rest)*) };
    (@ $from:path, $to:path, $path:literal, $label:literal, $short:literal, $unit:expr,
     $section:ident, $range:ident, $step:expr, $help:literal,
     $reach:ident / $reach_mut:ident, |$x:ident| $slot:expr,
     default $default:literal, since $version:literal) => {
        FieldSpec {
            path: $path,
            label: $label,
            short_label: $short,
            unit: $unit,
            help: $help,
            section: Section::$section,
            range: Range::$range,
            step: $step,
            get: |s, i| {
                let $x = $reach(s, i)?;
                Some($from($slot))
            },
            set: |s, i, v| {
                let Some($x) = $reach_mut(s, i) else {
                    return false;
                };
                $slot = $to(v);
                true
            },
            falls_back: never,
            fallback_note: "",
            default: Some($default),
            version: $version,
        }
    };
}

/// The spec of an optional number (`$slot` is an `Option<f64>` of the part
/// `$reach` finds): left out of the plan it shows `$fallback` (what the
/// formulas use in its place, or a stand-in the note explains) and falls
/// back; setting it makes it present.
macro_rules! optional {
    ($path:literal, $label:literal, $short:literal, $unit:expr,
     $section:ident, $range:ident, $step:expr, $help:literal,
     $reach:ident / $reach_mut:ident, |$x:ident| $slot:expr,
     fallback |$s:ident| $fallback:expr, note $note:literal, since $version:literal) => {
        FieldSpec {
            path: $path,
            label: $label,
            short_label: $short,
            unit: $unit,
            help: $help,
            section: Section::$section,
            range: Range::$range,
            step: $step,
            get: |s, i| {
                let $x = $reach(s, i)?;
                let $s = s;
                Some($slot.unwrap_or($fallback))
            },
            set: |s, i, v| {
                let Some($x) = $reach_mut(s, i) else {
                    return false;
                };
                $slot = Some(v);
                true
            },
            falls_back: |s, i| $reach(s, i).is_some_and(|$x| $slot.is_none()),
            fallback_note: $note,
            default: None,
            version: $version,
        }
    };
}

/// Declares a key enum and its `ALL` list (display order) from one list of
/// names, so a new key is written once; its spec arm is then required by
/// the exhaustive `spec` match.
macro_rules! keys {
    ($(#[$m:meta])* $name:ident { $($v:ident),* $(,)? }) => {
        $(#[$m])*
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
        pub enum $name { $($v),* }
        impl $name {
            /// Every key, in display order within its section.
            pub const ALL: &'static [$name] = &[$($name::$v),*];
        }
    };
}

/// One numeric input. Indexed variants point into the model mix, the
/// infrastructure lines or the severity tiers.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Field {
    Plan(PlanField),
    Model(usize, ModelField),
    Infra(usize, InfraField),
    Tier(usize, TierField),
    /// An input of a tool the system calls (version 3).
    Tool(usize, ToolField),
    /// An input of a role of the team (version 3).
    Person(usize, PersonField),
    /// An input of a one-off price change (version 3).
    PriceStep(usize, StepField),
    /// An input a unit test declares beside the table, to follow it
    /// everywhere the table goes (see `throwaway.rs`).
    #[cfg(test)]
    Extra(usize),
}

mod lines;
mod model;
mod plan;
mod range;
mod read;
mod target;
mod text;
#[cfg(test)]
pub(crate) mod throwaway;
mod unit;

pub use lines::{InfraField, PersonField, StepField, TierField, ToolField};
pub use model::ModelField;
pub use plan::PlanField;
pub use range::{Range, SMALLEST, bound};
pub use target::Target;
pub use text::{TextInput, TextSpec};
pub use unit::Unit;

/// A typed value as a whole count for a `u32` field (the range was checked).
/// The nearest whole number (a Monte Carlo draw of 4.7 months is 5, not 4).
fn whole(v: f64) -> u32 {
    v.round().clamp(0.0, u32::MAX as f64) as u32
}

fn round_to_significant(v: f64, digits: i32) -> f64 {
    if v == 0.0 || !v.is_finite() {
        return v;
    }
    let magnitude = v.abs().log10().floor() as i32;
    let factor = 10f64.powi(digits - 1 - magnitude);
    (v * factor).round() / factor
}

/// The plan itself, for the plan-wide inputs (which ignore the index).
fn scenario(s: &Scenario, _: usize) -> Option<&Scenario> {
    Some(s)
}

fn scenario_mut(s: &mut Scenario, _: usize) -> Option<&mut Scenario> {
    Some(s)
}

fn api(s: &Scenario, i: usize) -> Option<&ApiPricing> {
    s.models.get(i)?.pricing.as_ref()?.api()
}

fn api_mut(s: &mut Scenario, i: usize) -> Option<&mut ApiPricing> {
    s.models.get_mut(i)?.pricing.as_mut()?.api_mut()
}

fn long(s: &Scenario, i: usize) -> Option<&LongContext> {
    api(s, i)?.long_context.as_ref()
}

fn long_mut(s: &mut Scenario, i: usize) -> Option<&mut LongContext> {
    api_mut(s, i)?.long_context.as_mut()
}

fn hosted(s: &Scenario, i: usize) -> Option<&SelfHostedPricing> {
    s.models.get(i)?.pricing.as_ref()?.hosted()
}

fn hosted_mut(s: &mut Scenario, i: usize) -> Option<&mut SelfHostedPricing> {
    s.models.get_mut(i)?.pricing.as_mut()?.hosted_mut()
}

/// The reach of the inputs of one kind of line: `$get` and `$get_mut`
/// find line `i` of the plan's list `$($list).+`.
macro_rules! lines_of {
    ($($get:ident / $get_mut:ident: $t:ty = $($list:ident).+;)*) => {$(
        fn $get(s: &Scenario, i: usize) -> Option<&$t> {
            s.$($list).+.get(i)
        }
        fn $get_mut(s: &mut Scenario, i: usize) -> Option<&mut $t> {
            s.$($list).+.get_mut(i)
        }
    )*};
}

lines_of! {
    entry / entry_mut: ModelEntry = models;
    line / line_mut: InfraItem = infrastructure;
    tier / tier_mut: ErrorCost = risk.error_costs;
    tool / tool_mut: Tool = workload.tools;
    person / person_mut: Person = people;
    price_step / price_step_mut: PriceJump = change.price_steps;
}
