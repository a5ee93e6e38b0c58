//! An open plan's file changed on disk (the runtime notices it before a key):
//! what the workbench keeps of the newer version (`session::OnDisk`), the
//! reload it offers once the plan has no unsaved edits and the editor shows,
//! and the notice that says so until the change is taken or declined. (The
//! questions themselves are asked in `safety.rs`.)

use std::path::{Path, PathBuf};

use super::session::OnDisk;
use super::{App, Mode, Question, StatusKind};
use crate::model::Scenario;

/// Whether `text` is a notice about a change on disk to the file `path`.
fn about_disk(path: &str, text: &str) -> bool {
    text.strip_prefix(path).is_some_and(|rest| {
        rest.starts_with(" changed on disk") || rest.starts_with(" was deleted on disk")
    })
}

impl App {
    /// The runtime found what is on disk at `path` now (after opening or
    /// saving): nothing newer waits.
    pub(super) fn on_disk_state(&mut self, path: PathBuf, hash: Option<u64>) {
        for i in 0..self.session.len() {
            if self.session.get(i).path.as_ref() == Some(&path) {
                self.session.disk_is(i, hash);
            }
        }
    }

    /// The file of an open plan changed on disk. A plan without unsaved
    /// edits is offered the reload as soon as the editor shows
    /// ([`offer_reload`](Self::offer_reload)); until it is taken or
    /// declined, the newer version is kept, so `V` compares with it and
    /// saving asks before overwriting it.
    pub(super) fn on_disk_changed(
        &mut self,
        path: PathBuf,
        theirs: Result<Box<Scenario>, super::Failure>,
        hash: Option<u64>,
    ) {
        let Some(doc) = self.doc_at(&path) else {
            return;
        };
        if self.session.get(doc).disk_hash == hash {
            // Back to what was read or written: nothing newer waits.
            self.session.disk_is(doc, hash);
            return;
        }
        let dirty = self.session.get(doc).is_dirty();
        let file = path.display();
        let said = match theirs {
            Ok(plan) => {
                self.session.heard_from_disk(doc, OnDisk::Plan(plan, hash));
                let asking = matches!(self.mode(), Mode::Safety(q)
                    if q.question == Question::Reload && q.doc == self.session.id(doc));
                if dirty {
                    Some(format!(
                        "{file} changed on disk; V compares your what-if with it, and saving asks before overwriting it"
                    ))
                } else if asking {
                    // The question open is about an older version: asked
                    // again about this one.
                    self.switch_to(Mode::Normal);
                    None
                } else if !matches!(self.mode(), Mode::Normal) {
                    Some(format!(
                        "{file} changed on disk; reloading it is offered when you are back in the editor"
                    ))
                } else {
                    None // asked at once
                }
            }
            Err(why) => {
                let text = format!("{file} changed on disk and no longer reads as a plan: {why}");
                self.session
                    .heard_from_disk(doc, OnDisk::Unreadable(why.into()));
                Some(text)
            }
        };
        // A notice, not the status line: the key that noticed the change
        // would clear that at once.
        self.drop_disk_notices(&path);
        if let Some(text) = said {
            self.notify(StatusKind::Warning, text);
        }
    }

    pub(super) fn on_disk_deleted(&mut self, path: PathBuf) {
        if let Some(doc) = self.doc_at(&path) {
            self.session.disk_is(doc, None);
            self.session.heard_from_disk(doc, OnDisk::Deleted);
            self.drop_disk_notices(&path);
            self.notify(
                StatusKind::Warning,
                format!(
                    "{} was deleted on disk; Ctrl-S writes it again",
                    path.display()
                ),
            );
        }
    }

    /// In the editor, with a plan that has no unsaved edits and whose file
    /// holds a newer plan: asks whether to reload it (after every message,
    /// so a change noticed while another view was open is offered too).
    pub(crate) fn offer_reload(&mut self) {
        if !matches!(self.mode(), Mode::Normal) {
            return;
        }
        let Some(i) = self.session.reload_due() else {
            return;
        };
        if let Some(OnDisk::Plan(plan, hash)) = self.session.on_disk(i).cloned() {
            self.ask(Question::Reload, self.session.id(i), Some(plan), hash);
        }
    }

    /// The notices about changes on disk that were since taken, declined
    /// or overwritten go (a closed plan's stay until dismissed: still true).
    pub(crate) fn drop_settled_disk_notices(&mut self) {
        let settled: Vec<String> = (0..self.session.len())
            .filter(|i| self.session.on_disk(*i).is_none())
            .filter_map(|i| self.session.get(i).path.as_ref())
            .map(|p| p.display().to_string())
            .collect();
        self.notices
            .retain(|n| !settled.iter().any(|p| about_disk(p, &n.text)));
    }

    fn drop_disk_notices(&mut self, path: &Path) {
        let p = path.display().to_string();
        self.notices.retain(|n| !about_disk(&p, &n.text));
    }
}
