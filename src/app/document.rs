//! The plan being edited: where it lives, whether it changed since it was
//! saved, and its undo history.

use std::path::PathBuf;

use crate::model::Scenario;

/// Undo steps kept; older ones are dropped.
const HISTORY_LIMIT: usize = 500;

#[derive(Debug, Clone)]
pub struct Document {
    pub plan: Scenario,
    /// Where Ctrl-S saves; `None` for a plan never saved (Save As asks).
    pub path: Option<PathBuf>,
    /// The plan as last saved or opened, to tell whether there are changes.
    saved: Option<Scenario>,
    undo: Vec<Scenario>,
    redo: Vec<Scenario>,
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
            undo: Vec::new(),
            redo: Vec::new(),
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
            undo: Vec::new(),
            redo: Vec::new(),
            auto_path: false,
            disk_hash: None,
            revision: 0,
            recovery_id: next_recovery_id(),
        }
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
        self.undo.push(before);
        self.revision += 1;
        if self.undo.len() > HISTORY_LIMIT {
            self.undo.remove(0);
        }
        self.redo.clear();
        true
    }

    pub fn undo(&mut self) -> bool {
        match self.undo.pop() {
            Some(prev) => {
                self.redo.push(std::mem::replace(&mut self.plan, prev));
                self.revision += 1;
                true
            }
            None => false,
        }
    }

    pub fn redo(&mut self) -> bool {
        match self.redo.pop() {
            Some(next) => {
                self.undo.push(std::mem::replace(&mut self.plan, next));
                self.revision += 1;
                true
            }
            None => false,
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
        self.undo.push(before);
        self.redo.clear();
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
