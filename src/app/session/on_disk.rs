//! What the workbench knows of each open plan's file beyond the version it
//! last read or wrote (`Document::disk_hash`): a newer version seen on disk
//! that was neither reloaded nor declined yet. It is kept until then, so the
//! reload is still offered once the plan has no unsaved edits and the editor
//! is back (not only at the key press that noticed it), and `V` compares a
//! what-if with the file as it is now, never with the stale copy in memory.

use super::Session;
use crate::model::Scenario;

/// What a plan's file holds now, when that is not what was read or written.
#[derive(Debug, Clone, PartialEq)]
pub enum OnDisk {
    /// Another plan, with its fingerprint.
    Plan(Box<Scenario>, Option<u64>),
    /// Something that no longer reads as a plan: why.
    Unreadable(String),
    /// Nothing: the file was deleted.
    Deleted,
}

impl Session {
    /// The newer version of plan `i`'s file, if one waits.
    pub fn on_disk(&self, i: usize) -> Option<&OnDisk> {
        self.open.get(i).and_then(|o| o.on_disk.as_ref())
    }

    /// The file of plan `i` changed to `news`.
    pub(crate) fn heard_from_disk(&mut self, i: usize, news: OnDisk) {
        if let Some(o) = self.open.get_mut(i) {
            o.on_disk = Some(news);
        }
    }

    /// What is on disk for plan `i` is `hash` (just read or written, or a
    /// newer version the user chose not to take): nothing newer waits.
    pub(crate) fn disk_is(&mut self, i: usize, hash: Option<u64>) {
        if let Some(o) = self.open.get_mut(i) {
            o.doc.disk_hash = hash;
            o.on_disk = None;
        }
    }

    /// Plan `i` takes the version on disk, undoably: no unsaved edits after.
    pub(crate) fn reload(&mut self, i: usize, plan: Scenario, hash: Option<u64>) {
        if let Some(o) = self.open.get_mut(i) {
            o.doc.reload(plan, hash);
            o.on_disk = None;
        }
    }

    /// `plan` is what plan `i`'s file holds now (its fingerprint `hash`):
    /// the plan is "unmodified" exactly when it equals it.
    pub(crate) fn on_disk_is(&mut self, i: usize, plan: Scenario, hash: Option<u64>) {
        if let Some(o) = self.open.get_mut(i)
            && let Some(path) = o.doc.path.clone()
        {
            o.doc.mark_saved(path, plan);
            o.doc.disk_hash = hash;
            o.on_disk = None;
        }
    }

    /// The first plan with no unsaved edits whose file now holds another
    /// plan: a reload to offer.
    pub(crate) fn reload_due(&self) -> Option<usize> {
        self.open
            .iter()
            .position(|o| !o.doc.is_dirty() && matches!(o.on_disk, Some(OnDisk::Plan(..))))
    }
}
