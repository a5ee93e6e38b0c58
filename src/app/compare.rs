//! Variants and the compare view: duplicate the plan as a named variant,
//! switch between open plans, put them side by side against a baseline.

use std::path::PathBuf;

use super::cursor::ListCursor;
use super::rows::{Row, TextField};
use super::{App, Document, EditState, EditTarget, MAX_PLANS, Mode, StatusKind, slug, text};
use crate::model::compare::{InputDiff, differences};

/// The compare view's state; `differences` is derived when the view opens and
/// whenever the baseline or the plans change.
pub struct CompareState {
    pub baseline: usize,
    /// The plan column the cursor is on.
    pub focus: usize,
    /// The first plan column shown (a pager when not all fit).
    pub page: usize,
    /// Monthly totals as one line chart instead of the columns.
    pub chart: bool,
    /// Scroll of the "what differs" list.
    pub scroll: ListCursor,
    pub differences: Vec<InputDiff>,
}

/// Plan columns that fit a width: at 80 columns two, at 160 four.
pub fn columns_that_fit(width: u16, plans: usize) -> usize {
    let fit = (width.saturating_sub(2 + 16) / 31).max(1) as usize;
    fit.min(plans).max(1)
}

/// The plans shown, in order: the baseline first, then a page of the others
/// that keeps the focused plan in view. With room for one column only, the
/// focused plan alone.
pub fn visible_plans(c: &CompareState, plans: usize, cols: usize) -> Vec<usize> {
    if cols >= plans {
        return (0..plans).collect();
    }
    if cols <= 1 {
        return vec![c.focus];
    }
    let others: Vec<usize> = (0..plans).filter(|i| *i != c.baseline).collect();
    let per_page = cols - 1;
    let start = c.page.min(others.len().saturating_sub(per_page));
    let mut v = vec![c.baseline];
    v.extend(others.iter().skip(start).take(per_page));
    v
}

impl App {
    /// `v`: duplicate the plan being edited as a named variant, next to it.
    pub(super) fn make_variant(&mut self) {
        if self.session.len() >= MAX_PLANS {
            self.say(
                StatusKind::Warning,
                format!("at most {MAX_PLANS} plans open at once: close one with x first"),
            );
            return;
        }
        let source = &self.session.active();
        let base = strip_variant(&source.plan.name);
        let taken = |k: usize| {
            let candidate = format!("{base} — variant {k}");
            self.session.docs().any(|d| d.plan.name == candidate)
        };
        let k = (1..).find(|k| !taken(*k)).unwrap_or(1);
        let name = format!("{base} — variant {k}");
        let mut plan = source.plan.clone();
        plan.name = name.clone();
        let path = variant_path(source.path.as_ref(), self.plans_dir.as_ref(), &name);
        let mut doc = Document::unsaved(plan, Some(path));
        doc.auto_path = true;
        let i = self.session.push(doc);
        self.session.set_active(i);
        self.after_open();
        // Name it at once: the variant is what the client asked "what if" about.
        if let Some(p) = self
            .rows
            .iter()
            .position(|r| *r == Row::Text(TextField::Name))
        {
            self.selected = p;
            self.scroll_into_view();
        }
        self.mode = Mode::Edit(EditState {
            target: EditTarget::Text(TextField::Name),
            // Selected, as every editor opens: typing replaces the proposed
            // name, ←/→ keep it to edit.
            input: text::selected_line(&name),
            error: None,
        });
        self.say(
            StatusKind::Info,
            "variant made — name it, edit it, c compares, < > switch plans",
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
        if let Mode::Compare(c) = &mut self.mode {
            c.focus = c.focus.min(self.session.len() - 1);
            if c.baseline == i {
                c.baseline = 0;
            } else if c.baseline > i {
                c.baseline -= 1;
            }
        }
        if self.session.len() < 2 && matches!(self.mode, Mode::Compare(_)) {
            self.mode = Mode::Normal;
        }
        self.refresh_comparison();
        self.say(StatusKind::Info, format!("closed {name:?}"));
    }

    /// `c`: the open plans side by side.
    pub(super) fn open_compare(&mut self) {
        if self.session.len() < 2 {
            self.say(
                StatusKind::Info,
                "compare needs two plans: v makes a variant, or Ctrl-O and Space mark plans",
            );
            return;
        }
        self.mode = Mode::Compare(CompareState {
            baseline: 0,
            focus: self.session.active_index(),
            page: 0,
            chart: false,
            scroll: ListCursor::default(),
            differences: Vec::new(),
        });
        self.refresh_comparison();
        let (cols, n) = (
            columns_that_fit(self.size.width, self.session.len()),
            self.session.len(),
        );
        if let Mode::Compare(c) = &mut self.mode {
            c.keep_focus_visible(cols, n);
        }
    }

    /// Re-derives what differs between the plans, baseline first.
    pub(super) fn refresh_comparison(&mut self) {
        let plans: Vec<&crate::model::Scenario> = self.session.docs().map(|d| &d.plan).collect();
        if let Mode::Compare(c) = &mut self.mode {
            c.differences = differences(&plans);
            c.scroll.clamp(c.differences.len());
        }
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
