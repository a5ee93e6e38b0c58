//! Never losing a plan: the recovery offer at start-up, the conflict question
//! when the file changed on disk before a save, and the reload offer when it
//! changes under a plan with no unsaved edits.

use std::path::PathBuf;

use super::keymap::Action;
use super::{App, Effect, Mode, StatusKind};
use crate::model::Scenario;
use crate::model::compare::{InputDiff, differences, text_differences};
use crate::store::recovery::Found;

/// Which question a safety dialog asks.
#[derive(Debug, Clone, PartialEq)]
pub enum Question {
    /// A recovery copy of unsaved changes exists: restore it?
    Recover { written: String },
    /// The file changed on disk since it was opened, and we are about to save.
    Conflict,
    /// The same, but what is on disk now is not a valid plan (`why`): there
    /// is nothing to reload, only to overwrite or save elsewhere.
    ConflictInvalid { why: String },
    /// The file changed on disk and this plan has no unsaved edits: reload?
    Reload,
}

pub struct SafetyState {
    pub question: Question,
    /// The open plan it is about.
    pub doc: usize,
    /// The other version: the recovery copy, or what is on disk now.
    pub theirs: Option<Box<Scenario>>,
    pub theirs_hash: Option<u64>,
    /// What differs between the plan in the workbench and `theirs`.
    pub differences: Vec<InputDiff>,
}

impl App {
    fn ask(
        &mut self,
        question: Question,
        doc: usize,
        theirs: Option<Box<Scenario>>,
        hash: Option<u64>,
    ) {
        let differences = match &theirs {
            Some(t) => {
                let mine = &self.docs[doc].plan;
                let mut d = text_differences(mine, t);
                d.extend(differences(&[mine, t]));
                d
            }
            None => Vec::new(),
        };
        self.mode = Mode::Safety(SafetyState {
            question,
            doc,
            theirs,
            theirs_hash: hash,
            differences,
        });
    }

    fn doc_at(&self, path: &PathBuf) -> Option<usize> {
        self.docs.iter().position(|d| d.path.as_ref() == Some(path))
    }

    /// At start-up: a recovery copy of the plan being opened.
    pub fn offer_recovery(&mut self, found: Found, written: String) {
        match found {
            Found::Copy { plan, .. } => {
                if plan.as_ref() == &self.docs[self.active].plan {
                    return;
                }
                self.ask(Question::Recover { written }, self.active, Some(plan), None);
            }
            Found::Corrupt { kept, why } => self.say(
                StatusKind::Warning,
                format!(
                    "a recovery copy could not be read ({why}); kept aside as {}",
                    kept.display()
                ),
            ),
        }
    }

    /// The runtime found what is on disk at `path` now.
    pub(super) fn on_disk_state(&mut self, path: PathBuf, hash: Option<u64>) {
        for d in self
            .docs
            .iter_mut()
            .filter(|d| d.path.as_ref() == Some(&path))
        {
            d.disk_hash = hash;
        }
    }

    pub(super) fn on_save_conflict(
        &mut self,
        doc: usize,
        theirs: Option<Box<Scenario>>,
        hash: Option<u64>,
    ) {
        self.after_save = None;
        self.pending_saves = 0;
        if doc < self.docs.len() {
            self.ask(Question::Conflict, doc, theirs, hash);
        }
    }

    pub(super) fn on_save_conflict_invalid(&mut self, doc: usize, why: String, hash: Option<u64>) {
        self.after_save = None;
        self.pending_saves = 0;
        if doc < self.docs.len() {
            self.ask(Question::ConflictInvalid { why }, doc, None, hash);
        }
    }

    pub(super) fn on_disk_changed(
        &mut self,
        path: PathBuf,
        theirs: Result<Box<Scenario>, String>,
        hash: Option<u64>,
    ) {
        let Some(doc) = self.doc_at(&path) else {
            return;
        };
        if self.docs[doc].disk_hash == hash {
            return;
        }
        match theirs {
            Ok(plan) if !self.docs[doc].is_dirty() && matches!(self.mode, Mode::Normal) => {
                self.ask(Question::Reload, doc, Some(plan), hash);
            }
            Ok(_) => self.say(
                StatusKind::Warning,
                format!(
                    "{} changed on disk; saving will ask before overwriting it",
                    path.display()
                ),
            ),
            Err(why) => self.say(
                StatusKind::Warning,
                format!(
                    "{} changed on disk and no longer reads as a plan: {why}",
                    path.display()
                ),
            ),
        }
    }

    pub(super) fn on_disk_deleted(&mut self, path: PathBuf) {
        if let Some(doc) = self.doc_at(&path) {
            self.docs[doc].disk_hash = None;
            self.say(
                StatusKind::Warning,
                format!(
                    "{} was deleted on disk; Ctrl-S writes it again",
                    path.display()
                ),
            );
        }
    }

    pub(super) fn on_safety(&mut self, action: Option<Action>) -> Vec<Effect> {
        let Mode::Safety(state) = std::mem::replace(&mut self.mode, Mode::Normal) else {
            return Vec::new();
        };
        let doc = state.doc;
        match (&state.question, action) {
            (Question::Recover { .. }, Some(Action::Restore)) => {
                if let Some(plan) = state.theirs {
                    self.active = doc;
                    self.commit("Restored the recovered changes".into(), |s| *s = *plan);
                    self.say(
                        StatusKind::Info,
                        "recovered changes restored — Ctrl-S saves them",
                    );
                }
                Vec::new()
            }
            (Question::Recover { .. }, Some(Action::DialogDiscard)) => {
                self.say(StatusKind::Info, "recovery copy discarded");
                vec![Effect::DiscardRecovery(self.docs[doc].path.clone())]
            }
            (Question::Conflict | Question::ConflictInvalid { .. }, Some(Action::Overwrite)) => {
                self.pending_saves = 1;
                match self.save_effect(doc, None) {
                    Some(Effect::Save {
                        doc,
                        path,
                        text,
                        plan,
                        create_new,
                        ..
                    }) => vec![Effect::Save {
                        doc,
                        path,
                        text,
                        plan,
                        create_new,
                        expected: None,
                    }],
                    _ => Vec::new(),
                }
            }
            (Question::Conflict | Question::ConflictInvalid { .. }, Some(Action::DialogSaveAs)) => {
                self.active = doc;
                self.refresh();
                self.open_save_as();
                Vec::new()
            }
            (Question::Conflict | Question::Reload, Some(Action::Restore)) => {
                if let Some(plan) = state.theirs {
                    self.active = doc;
                    self.docs[doc].reload(*plan, state.theirs_hash);
                    self.refresh();
                    self.say(
                        StatusKind::Info,
                        "reloaded the version on disk (u takes it back)",
                    );
                }
                Vec::new()
            }
            (Question::Reload, Some(Action::Cancel | Action::Keep)) => {
                // Keep ours; remember the new disk state so saving asks no more.
                self.docs[doc].disk_hash = state.theirs_hash;
                self.say(StatusKind::Info, "kept the plan as it is here");
                Vec::new()
            }
            (_, Some(Action::Cancel | Action::Keep)) => Vec::new(),
            _ => {
                self.mode = Mode::Safety(state);
                Vec::new()
            }
        }
    }
}
