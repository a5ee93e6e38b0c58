//! The plan being edited: where it lives, whether it changed since it was
//! saved, and its undo history.

use std::collections::VecDeque;
use std::path::PathBuf;

mod step;

use crate::model::{Scenario, UncertainRange};
use step::Step;

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
    /// What was really spent, from `PLAN.actuals.csv` beside the plan file
    /// (read by the runtime; never part of the plan, never saved with it).
    pub actuals: Vec<crate::model::actuals::Row>,
    /// The runtime was asked for the actuals beside the plan's file.
    pub actuals_asked: bool,
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
    /// The ranges an edit widened only to follow a value, as they were
    /// before (opened, loaded or set with `r`): session state, never saved,
    /// restored by undo and redo (see `model::ranges::follow_values`).
    pub range_origins: Vec<UncertainRange>,
}

fn next_recovery_id() -> u64 {
    use std::sync::atomic::{AtomicU64, Ordering};
    static NEXT: AtomicU64 = AtomicU64::new(1);
    NEXT.fetch_add(1, Ordering::Relaxed)
}

impl Document {
    /// A plan as read from `path` (or a built-in one when `path` is `None`).
    pub fn opened(plan: Scenario, path: Option<PathBuf>) -> Self {
        let saved = Some(plan.clone());
        Self::with(plan, path, saved)
    }

    /// A plan that exists only in memory so far.
    pub fn unsaved(plan: Scenario, path: Option<PathBuf>) -> Self {
        Self::with(plan, path, None)
    }

    fn with(plan: Scenario, path: Option<PathBuf>, saved: Option<Scenario>) -> Self {
        Document {
            saved,
            plan,
            actuals: Vec::new(),
            actuals_asked: false,
            path,
            undo: VecDeque::new(),
            redo: VecDeque::new(),
            history_bytes: 0,
            auto_path: false,
            disk_hash: None,
            revision: 0,
            recovery_id: next_recovery_id(),
            range_origins: Vec::new(),
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
        self.edit_with_origins(|s, _| f(s))
    }

    /// `edit`, which also gets the ranges' remembered originals to update.
    pub fn edit_with_origins(
        &mut self,
        f: impl FnOnce(&mut Scenario, &mut Vec<UncertainRange>),
    ) -> bool {
        let before = self.plan.clone();
        let origins = self.range_origins.clone();
        f(&mut self.plan, &mut self.range_origins);
        if self.plan == before {
            self.range_origins = origins;
            return false;
        }
        let step = Step::between(before, &self.plan).with_origins(origins, &self.range_origins);
        self.clear_redo();
        self.push_undo(step);
        self.revision += 1;
        true
    }

    pub fn undo(&mut self) -> bool {
        match self.undo.pop_back() {
            Some(step) => {
                self.history_bytes -= step.bytes;
                let back = step.apply(&mut self.plan, &mut self.range_origins);
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
                let back = step.apply(&mut self.plan, &mut self.range_origins);
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
        // What is loaded is the ranges' new original.
        let origins = std::mem::take(&mut self.range_origins);
        if before != self.plan {
            let step = Step::between(before, &self.plan).with_origins(origins, &[]);
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
