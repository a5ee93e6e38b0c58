//! One undo step: the fields a change touched, as they were on the other side.

use crate::model::pricing::ScheduledPrice;
use crate::model::{
    Build, Change, InfraItem, ModelEntry, Oversight, Retrieval, Risk, Scenario, UncertainRange,
    Value, Workload,
};

/// One field of a plan, as it was on the other side of an undo step.
#[derive(Debug, Clone)]
enum Part {
    Version(u32),
    Name(String),
    Client(String),
    Notes(String),
    Currency(String),
    Horizon(u32),
    Start(Option<String>),
    Workload(Workload),
    /// One model of a mix whose length did not change.
    Model(usize, ModelEntry),
    Models(Vec<ModelEntry>),
    Retrieval(Retrieval),
    Infrastructure(Vec<InfraItem>),
    Build(Build),
    Oversight(Oversight),
    Risk(Risk),
    Change(Change),
    Value(Value),
    Uncertainty(Vec<UncertainRange>),
    Sources(Vec<crate::model::scenario::Source>),
    People(Vec<crate::model::scenario::Person>),
    Cases(Vec<crate::model::scenario::Case>),
}

/// The fields a change touched, with their values on the other side of it.
#[derive(Debug, Clone)]
pub(super) struct Step {
    parts: Vec<Part>,
    /// Estimated memory held, for the history's memory limit.
    pub(super) bytes: usize,
    /// The ranges' remembered originals on the other side, when the change
    /// moved them (session state, see `Document::range_origins`).
    origins: Option<Vec<UncertainRange>>,
}

impl Step {
    /// The fields of `before` that differ in `after`, moved out of `before`.
    pub(super) fn between(before: Scenario, after: &Scenario) -> Step {
        // Destructured without `..`: a new plan field must be added here, or
        // undo would silently stop restoring it.
        let Scenario {
            version,
            name,
            client,
            notes,
            currency,
            horizon_months,
            start,
            workload,
            models,
            retrieval,
            infrastructure,
            build,
            oversight,
            risk,
            change,
            value,
            sources,
            people,
            cases,
            uncertainty,
        } = before;
        let mut parts = Vec::new();
        macro_rules! differs {
            ($field:ident, $part:ident) => {
                if $field != after.$field {
                    parts.push(Part::$part($field));
                }
            };
        }
        differs!(version, Version);
        differs!(name, Name);
        differs!(client, Client);
        differs!(notes, Notes);
        differs!(currency, Currency);
        if horizon_months != after.horizon_months {
            parts.push(Part::Horizon(horizon_months));
        }
        differs!(start, Start);
        differs!(workload, Workload);
        if models.len() == after.models.len() {
            for (i, (m, a)) in models.into_iter().zip(&after.models).enumerate() {
                if m != *a {
                    parts.push(Part::Model(i, m));
                }
            }
        } else {
            parts.push(Part::Models(models));
        }
        differs!(retrieval, Retrieval);
        differs!(infrastructure, Infrastructure);
        differs!(build, Build);
        differs!(oversight, Oversight);
        differs!(risk, Risk);
        differs!(change, Change);
        differs!(value, Value);
        differs!(uncertainty, Uncertainty);
        differs!(sources, Sources);
        differs!(people, People);
        differs!(cases, Cases);
        Step::of(parts)
    }

    fn of(parts: Vec<Part>) -> Step {
        let bytes = std::mem::size_of::<Step>()
            + parts.capacity() * std::mem::size_of::<Part>()
            + parts.iter().map(Part::heap_bytes).sum::<usize>();
        Step {
            parts,
            bytes,
            origins: None,
        }
    }

    /// The step also puts back `origins` (when they differ from `now`).
    pub(super) fn with_origins(
        mut self,
        origins: Vec<UncertainRange>,
        now: &[UncertainRange],
    ) -> Step {
        if origins != now {
            self.bytes += Part::Uncertainty(origins.clone()).heap_bytes();
            self.origins = Some(origins);
        }
        self
    }

    /// Puts the step's values into `plan`; returns the step that goes back.
    pub(super) fn apply(self, plan: &mut Scenario, origins: &mut Vec<UncertainRange>) -> Step {
        use std::mem::replace;
        let back_origins = self.origins.map(|o| replace(origins, o));
        let parts = self
            .parts
            .into_iter()
            .map(|p| match p {
                Part::Version(v) => Part::Version(replace(&mut plan.version, v)),
                Part::Name(v) => Part::Name(replace(&mut plan.name, v)),
                Part::Client(v) => Part::Client(replace(&mut plan.client, v)),
                Part::Notes(v) => Part::Notes(replace(&mut plan.notes, v)),
                Part::Currency(v) => Part::Currency(replace(&mut plan.currency, v)),
                Part::Horizon(v) => Part::Horizon(replace(&mut plan.horizon_months, v)),
                Part::Start(v) => Part::Start(replace(&mut plan.start, v)),
                Part::Workload(v) => Part::Workload(replace(&mut plan.workload, v)),
                Part::Model(i, v) => match plan.models.get_mut(i) {
                    Some(slot) => Part::Model(i, replace(slot, v)),
                    // Steps are recorded against the plan they apply to, so
                    // the index exists; should it not, nothing is lost.
                    None => Part::Model(i, v),
                },
                Part::Models(v) => Part::Models(replace(&mut plan.models, v)),
                Part::Retrieval(v) => Part::Retrieval(replace(&mut plan.retrieval, v)),
                Part::Infrastructure(v) => {
                    Part::Infrastructure(replace(&mut plan.infrastructure, v))
                }
                Part::Build(v) => Part::Build(replace(&mut plan.build, v)),
                Part::Oversight(v) => Part::Oversight(replace(&mut plan.oversight, v)),
                Part::Risk(v) => Part::Risk(replace(&mut plan.risk, v)),
                Part::Change(v) => Part::Change(replace(&mut plan.change, v)),
                Part::Value(v) => Part::Value(replace(&mut plan.value, v)),
                Part::Uncertainty(v) => Part::Uncertainty(replace(&mut plan.uncertainty, v)),
                Part::Sources(v) => Part::Sources(replace(&mut plan.sources, v)),
                Part::People(v) => Part::People(replace(&mut plan.people, v)),
                Part::Cases(v) => Part::Cases(replace(&mut plan.cases, v)),
            })
            .collect();
        let back = Step::of(parts);
        match back_origins {
            Some(o) => {
                let now = origins.clone();
                back.with_origins(o, &now)
            }
            None => back,
        }
    }
}

impl Part {
    /// Heap memory the part holds beyond its own size.
    fn heap_bytes(&self) -> usize {
        fn model(m: &ModelEntry) -> usize {
            m.id.capacity()
                + m.schedule.capacity() * std::mem::size_of::<ScheduledPrice>()
                + m.schedule.iter().map(|s| s.from.capacity()).sum::<usize>()
        }
        match self {
            Part::Name(s) | Part::Client(s) | Part::Notes(s) | Part::Currency(s) => s.capacity(),
            Part::Start(s) => s.as_ref().map_or(0, String::capacity),
            Part::Model(_, m) => model(m),
            Part::Models(v) => {
                v.capacity() * std::mem::size_of::<ModelEntry>()
                    + v.iter().map(model).sum::<usize>()
            }
            Part::Retrieval(r) => r.embedding.id.capacity(),
            Part::Infrastructure(v) => {
                v.capacity() * std::mem::size_of::<InfraItem>()
                    + v.iter().map(|i| i.name.capacity()).sum::<usize>()
            }
            Part::Uncertainty(v) => {
                v.capacity() * std::mem::size_of::<UncertainRange>()
                    + v.iter().map(|u| u.field.capacity()).sum::<usize>()
            }
            Part::Sources(v) => {
                v.capacity() * std::mem::size_of::<crate::model::scenario::Source>()
                    + v.iter()
                        .map(|s| s.field.capacity() + s.source.capacity())
                        .sum::<usize>()
            }
            Part::People(v) => {
                v.capacity() * std::mem::size_of::<crate::model::scenario::Person>()
                    + v.iter().map(|p| p.role.capacity()).sum::<usize>()
            }
            Part::Cases(v) => {
                v.capacity() * std::mem::size_of::<crate::model::scenario::Case>()
                    + v.iter()
                        .map(|c| c.name.capacity() + c.set.capacity() * 64)
                        .sum::<usize>()
            }
            Part::Version(_)
            | Part::Horizon(_)
            | Part::Workload(_)
            | Part::Build(_)
            | Part::Oversight(_)
            | Part::Risk(_)
            | Part::Change(_)
            | Part::Value(_) => 0,
        }
    }
}
