//! Variants and the compare view: duplicate the plan as a named variant,
//! switch between open plans, close them (the compare view that puts them
//! side by side is `modes/compare.rs`).

use std::path::PathBuf;

use super::rows::{Row, TextField};
use super::session::OnDisk;
use super::{App, BrowserState, Document, EditTarget, Effect, MAX_PLANS, Mode, StatusKind, slug};
use crate::model::Scenario;

impl App {
    /// `v`: duplicate the plan being edited as a named variant, next to it.
    pub(super) fn make_variant(&mut self) {
        if self.full() {
            return;
        }
        let doc = self.copy_named("variant");
        let name = doc.plan.name.clone();
        let i = self.session.push(doc);
        self.session.set_active(i);
        self.after_open();
        // Name it at once: the variant is what the client asked "what if" about.
        self.select(Row::Text(TextField::Name));
        // Selected, as every box opens: typing replaces the proposed name.
        self.open_edit(EditTarget::Text(TextField::Name), &name);
        self.say(
            StatusKind::Info,
            "variant made — name it, edit it, c compares, < > switch plans",
        );
    }

    /// `C`: the plan browser in "compare with" mode: the chosen plans open
    /// beside the open ones, which keep their unsaved what-ifs.
    pub(super) fn open_compare_with(&mut self) -> Vec<Effect> {
        if self.full() {
            return Vec::new();
        }
        self.switch_to(Mode::Browser(BrowserState::compare_with()));
        vec![self.scan_plans()]
    }

    /// Asks the runtime to read `paths` to open beside the open plans (those
    /// already open, or more than there is room for, are said and left out).
    pub(crate) fn open_beside(&mut self, paths: Vec<PathBuf>) -> Vec<Effect> {
        let open = |p: &PathBuf| self.session.docs().any(|d| d.path.as_ref() == Some(p));
        let (already, mut new): (Vec<PathBuf>, Vec<PathBuf>) = paths.into_iter().partition(open);
        let room = MAX_PLANS - self.session.len().min(MAX_PLANS);
        let dropped = new.len().saturating_sub(room);
        new.truncate(room);
        if let Some(p) = already.first() {
            self.say(
                StatusKind::Info,
                format!(
                    "{} is already open — c compares the open plans; V pins a what-if to compare with it",
                    p.display()
                ),
            );
        } else if dropped > 0 {
            self.say(
                StatusKind::Warning,
                format!("at most {MAX_PLANS} plans open at once: {dropped} left out"),
            );
        }
        if new.is_empty() {
            return Vec::new();
        }
        vec![Effect::OpenBeside(new)]
    }

    /// The plans to compare with were read: they join the open ones and the
    /// comparison opens, the plan being edited as the baseline.
    pub(super) fn on_opened_beside(
        &mut self,
        results: Vec<(PathBuf, Result<Box<Scenario>, super::Failure>)>,
    ) {
        if let Some((p, Err(why))) = results.iter().find(|(_, r)| r.is_err()) {
            self.say(
                StatusKind::Error,
                format!("{} not opened: {why}", p.display()),
            );
            return;
        }
        let here = self.session.active_index();
        let mut last = here;
        for (path, plan) in results {
            if self.session.len() >= MAX_PLANS {
                break;
            }
            if let Ok(plan) = plan {
                last = self.session.push(Document::opened(*plan, Some(path)));
            }
        }
        self.compare_against(here, last);
        self.refresh_comparison_in_view();
    }

    /// `V`: pin the what-if on screen as a variant and compare it with the
    /// plan as saved (the plan itself goes back to its saved state — undo
    /// brings the what-if back into it). Nothing is written to disk. When
    /// the file changed on disk meanwhile, "as saved" is the file as it is
    /// now: the plan becomes that version (undoably), never the stale copy
    /// read earlier; a file that is gone or no longer a plan is said, and
    /// nothing is pinned.
    pub(super) fn pin_variant(&mut self) {
        if self.full() {
            return;
        }
        let original = self.session.active_index();
        let file = self
            .doc()
            .path
            .as_ref()
            .map_or_else(String::new, |p| p.display().to_string());
        let on_disk = match self.session.on_disk(original) {
            Some(OnDisk::Plan(plan, hash)) => Some((plan.clone(), *hash)),
            Some(OnDisk::Unreadable(why)) => {
                let text = format!(
                    "nothing pinned: {file} changed on disk and no longer reads as a plan ({why}), so there is no saved plan to compare with — v makes a variant of this one; Ctrl-S asks before overwriting the file"
                );
                self.say(StatusKind::Warning, text);
                return;
            }
            Some(OnDisk::Deleted) => {
                let text = format!(
                    "nothing pinned: {file} was deleted on disk, so there is no saved plan to compare with — v makes a variant of this one; Ctrl-S writes the file again"
                );
                self.say(StatusKind::Warning, text);
                return;
            }
            None => None,
        };
        let doc = self.copy_named("what-if");
        let name = doc.plan.name.clone();
        let source = self.session.active();
        let saved = match &on_disk {
            Some((theirs, _)) => Some((**theirs).clone()),
            None => source.saved_plan().cloned().filter(|_| source.is_dirty()),
        };
        let pinned = self.session.push(doc);
        let reloaded = on_disk.is_some();
        let back_to = if reloaded {
            "Pinned the what-if; the plan is now the version on disk"
        } else {
            "Pinned the what-if; back to the saved plan"
        };
        if let Some(saved) = saved {
            self.commit(back_to.into(), |s| *s = saved);
        }
        if let Some((theirs, hash)) = on_disk {
            // Taken: what is on disk is this plan, and nothing newer waits.
            self.session.on_disk_is(original, *theirs, hash);
        }
        self.compare_against(original, pinned);
        self.refresh_comparison();
        let beside = if reloaded {
            format!(
                "the plan as {file} is on disk now (it changed there; u brings the what-if back into the plan)"
            )
        } else {
            "the saved plan".to_string()
        };
        self.say(
            StatusKind::Info,
            format!(
                "pinned the what-if as {name:?} beside {beside} — Enter edits a column, Esc returns"
            ),
        );
    }

    /// `<` / `>`: edit the previous or next open plan.
    pub(super) fn switch_plan(&mut self, delta: isize) {
        if self.session.len() < 2 {
            self.say(
                StatusKind::Info,
                "one plan open: v makes a variant to compare with",
            );
            return;
        }
        let n = self.session.len() as isize;
        let active = self.session.active_index() as isize;
        self.session
            .set_active(((active + delta).rem_euclid(n)) as usize);
        self.last_change = None;
        // Each plan keeps its derived data: switching computes nothing.
        self.rebuild_rows();
        self.say(
            StatusKind::Info,
            format!(
                "editing plan {} of {}: {}",
                self.session.active_index() + 1,
                self.session.len(),
                self.session.active().plan.name
            ),
        );
    }

    /// Closes plan `i` (never the last one).
    pub(super) fn close_plan(&mut self, i: usize) {
        let Some(gone) = self.session.remove(i) else {
            self.say(StatusKind::Info, "the last open plan stays open");
            return;
        };
        let name = gone.plan.name;
        self.rebuild_rows();
        if let Some(c) = self.mode.compare() {
            c.focus = c.focus.min(self.session.len() - 1);
            if c.baseline == i {
                c.baseline = 0;
            } else if c.baseline > i {
                c.baseline -= 1;
            }
        }
        if self.session.len() < 2 && matches!(self.mode(), Mode::Compare(_)) {
            self.switch_to(Mode::Normal);
        }
        self.refresh_comparison();
        self.say(StatusKind::Info, format!("closed {name:?}"));
    }

    /// A never-saved copy of the plan being edited, named "<name> — `kind` k"
    /// with the first k no open plan has, its file proposed beside the plan's.
    fn copy_named(&self, kind: &str) -> Document {
        let source = self.session.active();
        let base = strip_variant(&source.plan.name);
        let taken = |k: usize| {
            let candidate = format!("{base} — {kind} {k}");
            self.session.docs().any(|d| d.plan.name == candidate)
        };
        let k = (1..).find(|k| !taken(*k)).unwrap_or(1);
        let name = format!("{base} — {kind} {k}");
        let mut plan = source.plan.clone();
        plan.name = name.clone();
        let path = variant_path(source.path.as_ref(), self.plans_dir.as_ref(), &name);
        let mut doc = Document::unsaved(plan, Some(path));
        doc.auto_path = true;
        doc
    }

    /// Whether [`MAX_PLANS`] plans are open (then it says so).
    fn full(&mut self) -> bool {
        let full = self.session.len() >= MAX_PLANS;
        if full {
            self.say(
                StatusKind::Warning,
                format!("at most {MAX_PLANS} plans open at once: close one with x first"),
            );
        }
        full
    }

    /// Renaming a never-saved variant moves its proposed file with its name.
    pub(super) fn follow_name(&mut self) {
        let doc = self.session.active_mut();
        if doc.auto_path
            && doc.never_saved()
            && let Some(old) = doc.path.clone()
        {
            doc.path = Some(old.with_file_name(format!("{}.ron", slug(&doc.plan.name))));
        }
    }
}

/// "Support — variant 2" → "Support": variants of variants are numbered, not nested.
fn strip_variant(name: &str) -> &str {
    match name.rsplit_once(" — variant ") {
        Some((base, n)) if n.chars().all(|c| c.is_ascii_digit()) && !n.is_empty() => base,
        _ => name,
    }
}

/// `plans/acme.ron` + "Acme — mini" → `plans/acme-mini.ron`.
fn variant_path(original: Option<&PathBuf>, plans_dir: Option<&PathBuf>, name: &str) -> PathBuf {
    let file = format!("{}.ron", slug(name));
    match (original.and_then(|p| p.parent()), plans_dir) {
        (Some(dir), _) => dir.join(file),
        (None, Some(dir)) => dir.join(file),
        (None, None) => PathBuf::from(file),
    }
}
