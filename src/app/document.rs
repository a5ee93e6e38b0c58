//! The plan being edited: where it lives, whether it changed since it was
//! saved, and its undo history.

use std::collections::VecDeque;
use std::path::PathBuf;

use crate::model::pricing::ScheduledPrice;
use crate::model::{
    Build, Change, InfraItem, ModelEntry, Oversight, Retrieval, Risk, Scenario, UncertainRange,
    Value, Workload,
};

/// Undo steps kept; older ones are dropped.
const HISTORY_LIMIT: usize = 500;

/// Memory the undo and redo history may hold together (an estimate of the
/// bytes its steps keep); the oldest steps are dropped beyond it. The latest
/// step is always kept, so the last change can be undone even when it alone is
/// larger (replacing 100 MB of notes).
pub const HISTORY_BYTES: usize = 64 * 1024 * 1024;

#[derive(Debug, Clone)]
pub struct Document {
    pub plan: Scenario,
    /// Where Ctrl-S saves; `None` for a plan never saved (Save As asks).
    pub path: Option<PathBuf>,
    /// The plan as last saved or opened, to tell whether there are changes.
    saved: Option<Scenario>,
    /// Each step holds only the fields a change touched, as they were on the
    /// other side of it: an edit of one number in a plan with 50 MB of notes
    /// keeps a few bytes, not a copy of the notes.
    undo: VecDeque<Step>,
    redo: VecDeque<Step>,
    /// The estimated bytes held by `undo` and `redo`.
    history_bytes: usize,
    /// The path was proposed by runcost (a variant), not chosen by the user:
    /// it follows the plan's name until the first save.
    pub auto_path: bool,
    /// Fingerprint of the file as last read or written, to notice when someone
    /// else changed it before we save over it.
    pub disk_hash: Option<u64>,
    /// Counts every change (edits, undo, redo), so autosave knows what is new.
    pub revision: u64,
    /// Unique within this process: names the recovery copy of a plan that
    /// has no file yet, so two unsaved plans never share one.
    pub recovery_id: u64,
}

fn next_recovery_id() -> u64 {
    use std::sync::atomic::{AtomicU64, Ordering};
    static NEXT: AtomicU64 = AtomicU64::new(1);
    NEXT.fetch_add(1, Ordering::Relaxed)
}

impl Document {
    /// A plan as read from `path` (or a built-in one when `path` is `None`).
    pub fn opened(plan: Scenario, path: Option<PathBuf>) -> Self {
        Document {
            saved: Some(plan.clone()),
            plan,
            path,
            undo: VecDeque::new(),
            redo: VecDeque::new(),
            history_bytes: 0,
            auto_path: false,
            disk_hash: None,
            revision: 0,
            recovery_id: next_recovery_id(),
        }
    }

    /// A plan that exists only in memory so far.
    pub fn unsaved(plan: Scenario, path: Option<PathBuf>) -> Self {
        Document {
            plan,
            path,
            saved: None,
            undo: VecDeque::new(),
            redo: VecDeque::new(),
            history_bytes: 0,
            auto_path: false,
            disk_hash: None,
            revision: 0,
            recovery_id: next_recovery_id(),
        }
    }

    /// The plan as last saved or opened (`None` if never saved).
    pub fn saved_plan(&self) -> Option<&Scenario> {
        self.saved.as_ref()
    }

    pub fn is_dirty(&self) -> bool {
        self.saved.as_ref() != Some(&self.plan)
    }

    /// Applies an edit, recording the previous plan for undo. Returns `false`
    /// (and records nothing) when the edit changed nothing.
    pub fn edit(&mut self, f: impl FnOnce(&mut Scenario)) -> bool {
        let before = self.plan.clone();
        f(&mut self.plan);
        if self.plan == before {
            return false;
        }
        let step = Step::between(before, &self.plan);
        self.clear_redo();
        self.push_undo(step);
        self.revision += 1;
        true
    }

    pub fn undo(&mut self) -> bool {
        match self.undo.pop_back() {
            Some(step) => {
                self.history_bytes -= step.bytes;
                let back = step.apply(&mut self.plan);
                self.history_bytes += back.bytes;
                self.redo.push_back(back);
                self.trim(false);
                self.revision += 1;
                true
            }
            None => false,
        }
    }

    pub fn redo(&mut self) -> bool {
        match self.redo.pop_back() {
            Some(step) => {
                self.history_bytes -= step.bytes;
                let back = step.apply(&mut self.plan);
                self.push_undo(back);
                self.revision += 1;
                true
            }
            None => false,
        }
    }

    /// The estimated memory the undo and redo history holds, in bytes.
    pub fn history_bytes(&self) -> usize {
        self.history_bytes
    }

    /// Steps that can be undone / redone.
    pub fn history_len(&self) -> (usize, usize) {
        (self.undo.len(), self.redo.len())
    }

    fn push_undo(&mut self, step: Step) {
        self.history_bytes += step.bytes;
        self.undo.push_back(step);
        self.trim(true);
    }

    fn clear_redo(&mut self) {
        for s in self.redo.drain(..) {
            self.history_bytes -= s.bytes;
        }
    }

    /// Drops the oldest undo steps, then the furthest redo steps, until the
    /// history is within its count and memory limits. The step just recorded
    /// (the newest undo step after an edit or redo, the newest redo step after
    /// an undo) is kept.
    fn trim(&mut self, keep_undo: bool) {
        let keep = usize::from(keep_undo);
        while self.undo.len() > keep
            && (self.undo.len() > HISTORY_LIMIT || self.history_bytes > HISTORY_BYTES)
        {
            if let Some(s) = self.undo.pop_front() {
                self.history_bytes -= s.bytes;
            }
        }
        let keep = usize::from(!keep_undo);
        while self.redo.len() > keep
            && (self.redo.len() > HISTORY_LIMIT || self.history_bytes > HISTORY_BYTES)
        {
            if let Some(s) = self.redo.pop_front() {
                self.history_bytes -= s.bytes;
            }
        }
    }

    /// Never read from or written to a file: its path (if any) may belong to
    /// someone else's file and must not be overwritten without asking.
    pub fn never_saved(&self) -> bool {
        self.saved.is_none()
    }

    pub fn can_undo(&self) -> bool {
        !self.undo.is_empty()
    }

    /// Replaces the plan with the version on disk (reload): clean, undoable.
    pub fn reload(&mut self, plan: Scenario, hash: Option<u64>) {
        let before = std::mem::replace(&mut self.plan, plan.clone());
        if before != self.plan {
            let step = Step::between(before, &self.plan);
            self.clear_redo();
            self.push_undo(step);
        }
        self.revision += 1;
        self.saved = Some(plan);
        self.disk_hash = hash;
    }

    /// Marks `plan` as what is now on disk at `path`.
    pub fn mark_saved(&mut self, path: PathBuf, plan: Scenario) {
        self.path = Some(path);
        self.saved = Some(plan);
        self.auto_path = false;
    }
}

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
}

/// The fields a change touched, with their values on the other side of it.
#[derive(Debug, Clone)]
struct Step {
    parts: Vec<Part>,
    /// Estimated memory held, for the history's memory limit.
    bytes: usize,
}

impl Step {
    /// The fields of `before` that differ in `after`, moved out of `before`.
    fn between(before: Scenario, after: &Scenario) -> Step {
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
        Step::of(parts)
    }

    fn of(parts: Vec<Part>) -> Step {
        let bytes = std::mem::size_of::<Step>()
            + parts.capacity() * std::mem::size_of::<Part>()
            + parts.iter().map(Part::heap_bytes).sum::<usize>();
        Step { parts, bytes }
    }

    /// Puts the step's values into `plan`; returns the step that goes back.
    fn apply(self, plan: &mut Scenario) -> Step {
        use std::mem::replace;
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
            })
            .collect();
        Step::of(parts)
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
