//! Start-up: which plan the workbench opens (FILE, the plan opened last, or
//! the example plan), and the checks made before the first frame — stray
//! temporary files, the plan's lock, recovery copies to offer, where data goes.

use std::path::{Path, PathBuf};

use super::WorkbenchError;
use crate::app::{App, Document, Msg, StatusKind};
use crate::model::{Catalog, Scenario};
use crate::store::plans::{self, DEFAULT_TEMPLATE, open_plan_on};
use crate::store::{atomic, paths, recovery};

fn last_plan_file() -> Option<PathBuf> {
    paths::state_dir().map(|d| d.join("last-plan"))
}

pub(super) fn remember(path: &Path) {
    let Some(file) = last_plan_file() else {
        return;
    };
    let absolute = std::path::absolute(path).unwrap_or_else(|_| path.to_path_buf());
    if let Some(dir) = file.parent() {
        let _ = std::fs::create_dir_all(dir);
    }
    let _ = atomic::replace_atomic(&file, absolute.display().to_string().as_bytes());
}

/// The text of a small file of the workbench's own state (`what` names it
/// in errors), if there is one to read.
fn read_state(file: Option<PathBuf>, what: &str) -> Option<String> {
    let file = file?;
    crate::store::read::read_limited_text(&file, crate::store::read::STATE_LIMIT, what).ok()
}

fn cursors_file() -> Option<PathBuf> {
    paths::state_dir().map(|d| d.join("cursors"))
}

/// The most plans whose cursor is remembered (the oldest are forgotten).
const CURSORS_KEPT: usize = 200;

/// The remembered cursors: (input path, absolute plan path), newest first.
fn read_cursors() -> Vec<(String, String)> {
    read_state(cursors_file(), "the cursors file")
        .map(|text| {
            text.lines()
                .filter_map(|l| l.split_once('\t'))
                .map(|(k, p)| (k.to_string(), p.to_string()))
                .collect()
        })
        .unwrap_or_default()
}

fn absolute(path: &Path) -> String {
    std::path::absolute(path)
        .unwrap_or_else(|_| path.to_path_buf())
        .display()
        .to_string()
}

/// Remembers the input the cursor was on when `plan` was closed, so it
/// reopens there. Best effort: a state folder that cannot be written only
/// means the cursor opens on the first lever next time.
pub(super) fn remember_cursor(plan: &Path, input: &str) {
    let Some(file) = cursors_file() else {
        return;
    };
    let plan = absolute(plan);
    if plan.contains(['\n', '\t']) || input.contains(['\n', '\t']) {
        return;
    }
    let mut kept = vec![(input.to_string(), plan.clone())];
    kept.extend(read_cursors().into_iter().filter(|(_, p)| *p != plan));
    kept.truncate(CURSORS_KEPT);
    let text: String = kept.iter().map(|(k, p)| format!("{k}\t{p}\n")).collect();
    if let Some(dir) = file.parent() {
        let _ = std::fs::create_dir_all(dir);
    }
    let _ = atomic::replace_atomic(&file, text.as_bytes());
}

/// The input the cursor was on when `plan` was last closed.
pub(super) fn recall_cursor(plan: &Path) -> Option<String> {
    let plan = absolute(plan);
    read_cursors()
        .into_iter()
        .find(|(_, p)| *p == plan)
        .map(|(k, _)| k)
}

/// This month, from the clock: the month a plan without a `start` starts in
/// (the workbench is given the same month, `App::set_date`).
fn this_month() -> crate::model::prices::YearMonth {
    crate::clock::today().month
}

fn default_plan(catalog: &Catalog) -> Result<Scenario, WorkbenchError> {
    let t = plans::template(DEFAULT_TEMPLATE).ok_or(WorkbenchError::NoDefaultPlan)?;
    plans::load_template_on(t, catalog, Some(this_month()))
        .map_err(|e| WorkbenchError::Plan(e.render("built-in default plan")))
}

/// Decides what the workbench opens: FILE (new if it does not exist), the
/// plan opened last, or the built-in default. Returns the document and a
/// message for the status bar.
pub fn initial_document(
    file: Option<&Path>,
    catalog: &Catalog,
) -> Result<(Document, Option<String>), WorkbenchError> {
    if let Some(file) = file {
        if !file.exists()
            && let Some(suggest) = atomic::folder_suggestion(file)
        {
            return Err(WorkbenchError::FolderName {
                file: file.to_path_buf(),
                suggest,
            });
        }
        if file.exists() {
            let plan = open_plan_on(file, catalog, Some(this_month()))
                .map_err(|e| WorkbenchError::Plan(e.render(&file.display().to_string())))?;
            return Ok((Document::opened(plan, Some(file.to_path_buf())), None));
        }
        let mut plan = default_plan(catalog)?;
        if let Some(stem) = file.file_stem() {
            plan.name = stem.to_string_lossy().into_owned();
        }
        plan.client.clear();
        plan.notes.clear();
        // Said now, as `runcost new` says it: Ctrl-S will not make the folder.
        let note = match file
            .parent()
            .filter(|d| !d.as_os_str().is_empty() && !d.is_dir())
        {
            Some(d) => format!(
                "new plan; the folder {d} does not exist — mkdir -p {d} before Ctrl-S, or S saves elsewhere",
                d = d.display()
            ),
            None => format!(
                "new plan (from the example plan) — Ctrl-S saves it to {}",
                file.display()
            ),
        };
        return Ok((
            Document::unsaved(plan, Some(file.to_path_buf())),
            Some(note),
        ));
    }
    let last = read_state(last_plan_file(), "the last-plan file")
        .map(|s| PathBuf::from(s.trim()))
        .filter(|p| !p.as_os_str().is_empty());
    if let Some(path) = last {
        match open_plan_on(&path, catalog, Some(this_month())) {
            Ok(plan) => return Ok((Document::opened(plan, Some(path)), None)),
            Err(e) => {
                let why = e.render(&path.display().to_string());
                let plan = default_plan(catalog)?;
                return Ok((
                    Document::opened(plan, None),
                    Some(format!("could not reopen the last plan: {why}")),
                ));
            }
        }
    }
    Ok((Document::opened(default_plan(catalog)?, None), None))
}

/// "written 2026-11-28 07:50 UTC" for a recovery copy.
fn when(t: Option<std::time::SystemTime>) -> String {
    t.map_or_else(
        || "time unknown".into(),
        |t| format!("written {} UTC", crate::clock::minute_of(t)),
    )
}

/// The workbench for `file` (or the last plan, or the example), with the
/// start-up checks: stray temporary files, the plan's lock, recovery copies
/// (its own, and never-saved plans of windows that stopped), where data goes.
/// Each finding is a notice of its own: none hides another.
pub fn prepare(file: Option<&Path>, catalog: &Catalog) -> Result<App, WorkbenchError> {
    let (doc, note) = initial_document(file, catalog)?;
    let path = doc.path.clone();
    let mut app = App::new(doc, catalog.clone(), paths::plans_dir());
    let today = crate::clock::today();
    app.set_date(&today.date, today.month);
    app.home = std::env::var_os("HOME").map(std::path::PathBuf::from);
    let mut notes: Vec<String> = note.into_iter().collect();
    if let Some(n) = paths::data_dir_note() {
        notes.push(n);
    }
    if let Some(data) = paths::data_dir() {
        // Left by a copy being written when the process was killed.
        let removed = atomic::clean_stray_temps(&data.join("recovery"));
        if !removed.is_empty() {
            notes.push(format!(
                "removed {} temporary file(s) left in the recovery folder by an interrupted write",
                removed.len()
            ));
        }
    }
    // A copy of a plan another runcost has open is its live work: not offered.
    let mut held_elsewhere = false;
    if let Some(p) = &path {
        let dir = p
            .parent()
            .filter(|d| !d.as_os_str().is_empty())
            .unwrap_or(Path::new("."));
        let removed = atomic::clean_stray_temps(dir);
        if !removed.is_empty() {
            notes.push(format!(
                "removed {} temporary file(s) left by an interrupted save",
                removed.len()
            ));
        }
        let hash = atomic::disk_hash(p);
        // The one effect this first message asks for is the actuals beside
        // the plan: read them now (the event loop has not started).
        for effect in app.update(Msg::DiskState {
            path: p.clone(),
            hash,
        }) {
            if matches!(effect, crate::app::Effect::ReadActuals { .. }) {
                for reply in super::effects::perform(effect, &app.catalog) {
                    app.update(reply);
                }
            }
        }
        if hash.is_some() {
            remember(p);
        }
        if let Some(input) = recall_cursor(p) {
            app.restore_cursor(&input);
        }
        // A lock left by a runcost that died is an OS lock no one holds: it
        // is simply taken, without a notice (its recovery copy, if any, is
        // what the user needs to hear about, and is offered below).
        if let recovery::Lock::HeldBy(_) = recovery::take_lock(p) {
            held_elsewhere = true;
        }
    }
    if let Some(s) = app.status.take() {
        notes.push(s.text);
    }
    for n in notes {
        app.notify(StatusKind::Warning, n);
    }
    // Every copy of this plan whose window is gone, newest first: its own
    // (unless another runcost has it open: then that copy is live work), and
    // those of other windows that had it open too. The first is offered to
    // restore into the plan, the others one after another.
    if let Some(p) = &path {
        for found in recovery::find_recoveries(p, catalog, !held_elsewhere) {
            let written = match &found {
                recovery::Found::Copy { written, .. } => when(*written),
                _ => String::new(),
            };
            app.offer_recovery(found, written);
        }
    }
    for found in recovery::find_orphans(catalog) {
        let written = match &found {
            recovery::Found::Copy { written, .. } => when(*written),
            _ => String::new(),
        };
        app.offer_orphan(found, written);
    }
    Ok(app)
}
