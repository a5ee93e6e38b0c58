//! The workbench's protocol with the runtime: the messages it receives
//! (`Msg`), the effects it asks for (`Effect`), and the small types both
//! sides and the view share.

use std::path::PathBuf;

use super::keymap::KeyChord;
pub use super::session::DocId;
use super::session::{Findings, Study};
use crate::model::Scenario;
use crate::model::analysis::uncertainty::Simulation;
use crate::store::plans::PlanSummary;

super::sentence::sentence! {
    /// Why the runtime could not do what an effect asked (save a plan,
    /// write the recovery copies, open a file), as the workbench says it.
    Failure
}

/// Everything that can happen to the workbench.
#[derive(Debug, Clone)]
pub enum Msg {
    Key(KeyChord),
    /// A left click at a screen cell.
    Click {
        col: u16,
        row: u16,
    },
    /// The wheel over a screen cell.
    Scroll {
        col: u16,
        row: u16,
        down: bool,
    },
    /// Bracketed paste.
    Paste(String),
    Resize {
        width: u16,
        height: u16,
    },
    /// The runtime finished saving open plan `doc` as it was at revision
    /// `generation` (the `generation` of the `Effect::Save`).
    Saved {
        doc: DocId,
        generation: u64,
        path: PathBuf,
        result: Result<(), Failure>,
    },
    /// The worker thread computed the band of plan `doc` at revision
    /// `generation` (dropped if the plan changed since).
    Analysed {
        doc: DocId,
        generation: u64,
        simulation: Option<Box<Simulation>>,
    },
    /// The worker thread ran a study (sensitivity, break-even) of plan `doc`
    /// at revision `generation` (dropped if the plan changed since).
    Studied {
        doc: DocId,
        generation: u64,
        findings: Box<Findings>,
    },
    /// The runtime read the actuals file beside plan `doc` (`Ok` of no
    /// rows when there is none).
    ActualsRead {
        doc: DocId,
        result: Result<Vec<crate::model::actuals::Row>, String>,
    },
    /// The runtime read a plan file.
    Opened {
        path: PathBuf,
        result: Result<Box<Scenario>, Failure>,
    },
    /// The runtime read several plans to compare.
    OpenedMany(Vec<(PathBuf, Result<Box<Scenario>, Failure>)>),
    /// The runtime read plans to compare with the open ones (nothing replaced).
    OpenedBeside(Vec<(PathBuf, Result<Box<Scenario>, Failure>)>),
    /// What is on disk at `path` now (after opening or saving).
    DiskState {
        path: PathBuf,
        hash: Option<u64>,
    },
    /// A save found the file changed on disk since it was read.
    SaveConflict {
        doc: DocId,
        path: PathBuf,
        theirs: Option<Box<Scenario>>,
        hash: Option<u64>,
    },
    /// A save found the file changed on disk since it was read, and what is
    /// on disk now is not a valid plan (or cannot be read): `why`.
    SaveConflictInvalid {
        doc: DocId,
        path: PathBuf,
        why: String,
        hash: Option<u64>,
    },
    /// The file of an open plan changed on disk.
    DiskChanged {
        path: PathBuf,
        theirs: Result<Box<Scenario>, Failure>,
        hash: Option<u64>,
    },
    /// The file of an open plan was deleted on disk.
    DiskDeleted(PathBuf),
    /// Something the runtime wants the user to know.
    Notice(StatusKind, String),
    /// Something the user must see even if other messages follow (start-up
    /// findings, locks): kept in the notice list until dismissed.
    Notify(StatusKind, String),
    /// Whether the last recovery copies were written: `Err` says why unsaved
    /// changes are not protected (shown until a later write succeeds).
    Protection(Result<(), Failure>),
    /// The runtime listed the plans on disk.
    PlanList(Vec<PlanSummary>),
}

/// Side effects for the runtime to perform.
#[derive(Debug, Clone, PartialEq)]
pub enum Effect {
    /// Read `PLAN.actuals.csv` beside `plan` (the file of open plan `doc`);
    /// the reply is `Msg::ActualsRead`.
    ReadActuals {
        doc: DocId,
        plan: PathBuf,
    },
    /// Write `text` (open plan `doc` at revision `generation`, serialized)
    /// to `path` atomically; with `create_new`, refuse if the file exists.
    /// The reply (`Msg::Saved`) names the same `doc` and `generation`.
    Save {
        doc: DocId,
        generation: u64,
        path: PathBuf,
        text: String,
        create_new: bool,
        /// Refuse (and report a conflict) if the file on disk no longer has
        /// this fingerprint; `None` writes whatever is there.
        expected: Option<u64>,
    },
    /// Delete this recovery copy (the user discarded it).
    DiscardRecovery(PathBuf),
    /// Move the recovery copy `from` (of a window that is gone) to the open
    /// plan `owner` now holds: written there first, then `from` deleted.
    AdoptRecovery {
        from: PathBuf,
        owner: crate::store::recovery::Owner,
        plan: Box<Scenario>,
    },
    /// Write the client report of `plan` as `<base>.md` and `<base>.html`
    /// (`<base>-2.md`, … when a name is taken: nothing is replaced).
    Export {
        plan: Box<Scenario>,
        base: PathBuf,
    },
    Open(PathBuf),
    /// Read these plans to compare them.
    OpenMany(Vec<PathBuf>),
    /// Read these plans and open them beside the open ones, to compare.
    OpenBeside(Vec<PathBuf>),
    /// List the plans of the plans directory, `./scenarios` and `also` (the
    /// folder of the plan being edited).
    ScanPlans {
        also: Vec<PathBuf>,
    },
    /// Compute the band of plan `doc` at revision `generation` off the key
    /// path (a newer request for the same plan supersedes this one); the
    /// answer is `Msg::Analysed`.
    Analyse {
        doc: DocId,
        generation: u64,
        plan: Box<Scenario>,
    },
    /// Run `study` of plan `doc` at revision `generation` off the key path
    /// (for the tornado, presentation mode or the break-even panel, which
    /// show "computing…" until it arrives); the answer is `Msg::Studied`.
    Study {
        doc: DocId,
        generation: u64,
        plan: Box<Scenario>,
        study: Study,
    },
    /// Remember this plan as the one to reopen next time.
    Remember(PathBuf),
    Quit,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Focus {
    Inputs,
    Table,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum StatusKind {
    Info,
    Warning,
    Error,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Status {
    pub kind: StatusKind,
    pub text: String,
}

/// A message kept above the status bar until dismissed, so several can be
/// seen at once (start-up findings never hide each other).
#[derive(Debug, Clone, PartialEq)]
pub struct Notice {
    pub kind: StatusKind,
    pub text: String,
    /// Not dismissed by Esc: it goes when its cause does.
    pub sticky: bool,
}

/// How the sticky notice about failed recovery copies begins.
pub const UNPROTECTED: &str = "unsaved changes are NOT protected: ";

/// What an edit did to the two numbers a client watches.
#[derive(Debug, Clone, PartialEq)]
pub struct ChangeEffect {
    /// "Requests per day 2,500 → 2,750", "Undo", "Model → gpt-5.4".
    pub what: String,
    pub tco_before: f64,
    pub tco_after: f64,
    /// Cash TCO (what is billed or paid), before and after: the Δ line
    /// leads with it, as the headline does.
    pub cash_before: f64,
    pub cash_after: f64,
    /// The month shown (12, or the horizon when shorter).
    pub month: usize,
    pub month_before: f64,
    pub month_after: f64,
    /// That month's cash, before and after.
    pub month_cash_before: f64,
    pub month_cash_after: f64,
    /// The edit changed the plan's ranges: what it did is to the band
    /// (P10–P90), not to the TCO; `band_before` is the band shown before.
    pub ranges_changed: bool,
    pub band_before: Option<(f64, f64)>,
    /// What the ranges did to follow the values ("range widened to
    /// 10–100"): said on the Δ line.
    pub ranges_followed: Vec<String>,
}

/// What to do once unsaved changes are dealt with.
#[derive(Debug, Clone, PartialEq)]
pub enum Pending {
    Quit,
    /// Open one plan (an empty path: show the browser first).
    Open(PathBuf),
    /// Open these plans side by side.
    OpenMany(Vec<PathBuf>),
    NewFrom(usize),
    /// Start the guided interview (Ctrl-N → "start from questions").
    Interview,
    /// Close this open plan.
    Close(DocId),
}

/// The most plans open (and compared) at once.
pub const MAX_PLANS: usize = 4;
