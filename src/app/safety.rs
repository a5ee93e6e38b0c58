//! Never losing a plan: the recovery offer at start-up, the conflict question
//! when the file changed on disk before a save, and the reload question when
//! it changes under a plan with no unsaved edits (when to ask it, and what is
//! kept of a change on disk meanwhile: `disk_changes.rs`).

use std::path::PathBuf;

use super::{App, DocId, Document, Effect, MAX_PLANS, Mode, Question, StatusKind};
use crate::model::Scenario;
use crate::store::recovery::{Found, Owner};

impl App {
    pub(super) fn doc_at(&self, path: &PathBuf) -> Option<usize> {
        self.session
            .docs()
            .position(|d| d.path.as_ref() == Some(path))
    }

    /// At start-up: a recovery copy of the plan being opened.
    pub fn offer_recovery(&mut self, found: Found, written: String) {
        self.offer(found, written, false);
    }

    /// At start-up: the recovery copy of a never-saved plan whose runcost
    /// stopped. Restoring it opens it as a plan of its own.
    pub fn offer_orphan(&mut self, found: Found, written: String) {
        self.offer(found, written, true);
    }

    fn offer(&mut self, found: Found, written: String, orphan: bool) {
        match found {
            Found::Copy { plan, file, .. } => {
                if !orphan && plan.as_ref() == &self.doc().plan {
                    return;
                }
                if matches!(self.mode(), Mode::Safety(_)) {
                    // One question at a time; this one follows.
                    let again = Found::Copy {
                        plan,
                        file,
                        written: None,
                    };
                    self.recovery_queue.push((again, written, orphan));
                    return;
                }
                self.ask(
                    Question::Recover {
                        written,
                        file,
                        orphan,
                    },
                    self.session.active_id(),
                    Some(plan),
                    None,
                );
            }
            Found::Corrupt { kept, why } => self.notify(
                StatusKind::Warning,
                format!(
                    "a recovery copy could not be read ({why}); kept aside as {}",
                    kept.display()
                ),
            ),
            Found::Foreign { file, belongs_to } => self.notify(
                StatusKind::Warning,
                format!(
                    "{} records another plan ({belongs_to}); not offered, left in place",
                    file.display()
                ),
            ),
        }
    }

    /// After a recovery question is answered: the next copy waiting, if any.
    pub(crate) fn next_offer(&mut self) {
        if matches!(self.mode(), Mode::Normal) && !self.recovery_queue.is_empty() {
            let (found, written, orphan) = self.recovery_queue.remove(0);
            self.offer(found, written, orphan);
        }
    }

    /// Opens a recovered never-saved plan as a plan of its own (over the
    /// untouched built-in plan, or beside the open ones).
    pub(crate) fn restore_orphan(&mut self, plan: Scenario, from: PathBuf) -> Vec<Effect> {
        let doc = Document::unsaved(plan.clone(), None);
        let owner = Owner::Untitled(doc.recovery_id);
        let only_pristine = self.session.len() == 1
            && self.session.get(0).path.is_none()
            && !self.session.get(0).is_dirty();
        if only_pristine {
            self.replace_workspace(vec![doc]);
        } else if self.session.len() < MAX_PLANS {
            let i = self.session.push(doc);
            self.session.set_active(i);
            self.after_open();
        } else {
            self.notify(
                StatusKind::Warning,
                format!(
                    "{MAX_PLANS} plans are open; the recovered plan stays in {} and is offered next time",
                    from.display()
                ),
            );
            return Vec::new();
        }
        self.say(
            StatusKind::Info,
            "recovered unsaved plan opened — Ctrl-S saves it (S picks a name)",
        );
        self.problems_notice();
        vec![Effect::AdoptRecovery {
            from,
            owner,
            plan: Box::new(plan),
        }]
    }

    /// After a restore: say that the plan cannot be saved until its problems
    /// are fixed (it was kept as it was being edited).
    pub(crate) fn problems_notice(&mut self) {
        if let Some(first) = self.problems().first() {
            let more = self.problems().len() - 1;
            self.notify(
                StatusKind::Warning,
                format!(
                    "the restored plan cannot be saved yet: {} is {}; {}{}",
                    first.path,
                    first.value,
                    first.allowed,
                    if more > 0 {
                        format!(" (and {more} more)")
                    } else {
                        String::new()
                    }
                ),
            );
        }
    }

    pub(super) fn on_save_conflict(
        &mut self,
        doc: DocId,
        theirs: Option<Box<Scenario>>,
        hash: Option<u64>,
    ) {
        self.after_save = None;
        self.pending_saves = 0;
        self.session.saves_refused(doc);
        self.ask(Question::Conflict, doc, theirs, hash);
    }

    pub(super) fn on_save_conflict_invalid(&mut self, doc: DocId, why: String, hash: Option<u64>) {
        self.after_save = None;
        self.pending_saves = 0;
        self.session.saves_refused(doc);
        self.ask(Question::ConflictInvalid { why }, doc, None, hash);
    }
}
