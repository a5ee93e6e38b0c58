//! The workbench as a state machine: `App` holds the plan, its projection and
//! what is on screen; `update(Msg) -> Vec<Effect>` is the only way it changes.
//! Nothing here touches the terminal, the disk, the environment or the clock:
//! effects (save, open, scan plans, quit) are carried out by the runtime
//! (`tui.rs`), whose results come back as messages. Every interaction is
//! therefore a plain unit test.
//!
//! Keys are handled by the current mode (`modes/`, one module each); plan
//! edits and undo are in `editing.rs`; the messages and effects in
//! `protocol.rs`.

mod actuals;
mod analysis;
mod cases;
mod compare;
pub mod cursor;
mod disk_changes;
pub mod document;
mod editing;
pub mod entry;
mod files;
mod followed;
pub mod interview;
mod jump;
pub mod keymap;
pub mod layout;
mod lines;
pub mod modes;
mod price_notes;
pub mod protocol;
pub mod rows;
pub mod safety;
mod sentence;
pub mod session;
mod slug;
pub mod text;

use std::path::PathBuf;

use ratatui::layout::Rect;

pub use document::Document;
pub use modes::Mode;
pub use modes::browser::{BrowserState, ExamplesState};
pub use modes::compare::{CompareState, columns_that_fit, visible_plans};
pub use modes::help::HelpState;
pub use modes::picker::{PickTarget, PickerState};
pub use modes::safety::{Question, SafetyState};
pub use modes::text_entry::{EditState, EditTarget, MAX_FILE_NAME, SaveAs};
pub use modes::tornado::{TORNADO_PCT, TornadoState};
pub use protocol::*;
use rows::{Group, Row};
pub use session::{Analysis, Derived, Session};
pub use slug::slug;

use crate::model::analysis::uncertainty::Simulation;
use crate::model::prices::{PriceChange, Retirement};
use crate::model::{Catalog, Invalid, Projection};

pub struct App {
    /// The open plans (the one being edited and its variants or comparison
    /// partners, at most [`MAX_PLANS`]), each with what is derived from it.
    pub session: Session,
    pub catalog: Catalog,
    pub rows: Vec<Row>,
    pub collapsed: Vec<Group>,
    pub selected: usize,
    pub offset: usize,
    pub focus: Focus,
    pub table_offset: usize,
    mode: modes::CurrentMode,
    pub last_change: Option<ChangeEffect>,
    pub status: Option<Status>,
    /// Notices shown one per line above the status bar, oldest first.
    pub notices: Vec<Notice>,
    /// Recovery copies still to offer after the current question: the copy,
    /// when it was written, and whether it is a never-saved plan's.
    pub recovery_queue: Vec<(crate::store::recovery::Found, String, bool)>,
    pub size: Rect,
    /// Where Save As proposes to put new plans.
    pub plans_dir: Option<PathBuf>,
    /// The user's home directory, for `~/` in Save As (set by the runtime,
    /// which reads the environment).
    pub home: Option<PathBuf>,
    after_save: Option<Pending>,
    /// Saves under way for `after_save`.
    pending_saves: usize,
    /// The month a plan without its own `start` is taken to start (this month),
    /// set by the runtime's clock.
    pub start_default: Option<crate::model::prices::YearMonth>,
    /// Today, `YYYY-MM-DD` (set by the runtime): for retired models, the
    /// catalog's age and the date the interview writes into client sources.
    pub today: Option<String>,
    /// The case the projection pane shows instead of the plan (`w`).
    shown_case: Option<usize>,
    /// What the tornado, presentation mode's drivers and the headline's
    /// P10–P90 are read on (`M` cycles cash TCO, NPV, TCO with expected
    /// losses).
    pub metric: crate::model::analysis::metric::Metric,
}

impl App {
    pub fn new(doc: Document, catalog: Catalog, plans_dir: Option<PathBuf>) -> Self {
        let mut app = App {
            session: Session::new(doc),
            catalog,
            rows: Vec::new(),
            collapsed: Vec::new(),
            selected: 0,
            offset: 0,
            focus: Focus::Inputs,
            table_offset: 0,
            mode: Default::default(),
            last_change: None,
            status: None,
            notices: Vec::new(),
            recovery_queue: Vec::new(),
            size: Rect::new(0, 0, 120, 40),
            plans_dir,
            home: None,
            after_save: None,
            pending_saves: 0,
            start_default: None,
            today: None,
            shown_case: None,
            metric: Default::default(),
        };
        app.refresh();
        app.first_lever();
        app
    }

    /// The month the active plan starts: its own `start`, else this month
    /// (`model::prices::plan_start`); without a clock (tests) only its own.
    pub fn plan_start(&self) -> Option<crate::model::prices::YearMonth> {
        session::start_of(&self.doc().plan, self.start_default)
    }

    /// Sets "this month" and says what has changed about the plan's prices.
    pub fn set_today(&mut self, month: crate::model::prices::YearMonth) {
        self.start_default = Some(month);
        self.refresh();
        self.announce_prices();
    }

    /// The plan being edited.
    pub fn doc(&self) -> &Document {
        self.session.active()
    }

    /// What is derived from the plan being edited.
    pub fn derived(&self) -> &Derived {
        self.session.active_derived()
    }

    /// The projection of the plan being edited.
    pub fn projection(&self) -> &Projection {
        &self.derived().projection
    }

    /// What is wrong with the plan being edited.
    pub fn problems(&self) -> &[Invalid] {
        &self.derived().problems
    }

    /// Pricing snapshots of the active plan that differ from the catalog.
    pub fn price_changes(&self) -> &[PriceChange] {
        &self.derived().price_changes
    }

    /// Models of the active plan retired within its horizon.
    pub fn retirements(&self) -> &[Retirement] {
        &self.derived().retirements
    }

    /// Models of the active plan billed at a catalog price that has ended
    /// by then (a promotion kept in the snapshot).
    pub fn ended_prices(&self) -> &[crate::model::dated::EndedPrice] {
        &self.derived().ended_prices
    }

    /// P10/P50/P90 of the TCO when the plan gives ranges (the reports'
    /// draws and seed, `uncertainty::DRAWS`/`SEED`) — only the band of the
    /// plan as it is now: while [`band_updating`](Self::band_updating) there
    /// is none, so no screen can show a band beside figures it is not of.
    pub fn simulation(&self) -> Option<&Simulation> {
        self.derived().band(self.doc())
    }

    /// The band shown is not yet of the plan as it is now.
    pub fn band_updating(&self) -> bool {
        self.derived().updating(self.doc())
    }

    /// Brings what is derived from the open plans up to date (only what
    /// their changes made stale) and rebuilds the input rows.
    pub(crate) fn refresh(&mut self) {
        self.session.refresh(&self.catalog, self.start_default);
        self.rebuild_rows();
    }

    /// Rebuilds the input rows (after folding, or another plan became the
    /// active one); computes nothing about the plan.
    pub(crate) fn rebuild_rows(&mut self) {
        self.rows = rows::build(&self.session.active().plan, &self.collapsed);
        if self.selected >= self.rows.len() {
            self.selected = self.rows.len().saturating_sub(1);
        }
        self.scroll_into_view();
    }

    /// Asks the runtime for the bands that are stale (background analysis).
    fn request_analyses(&mut self, effects: &mut Vec<Effect>) {
        if let Some((doc, generation, plan)) = self.session.wanted_analysis() {
            effects.push(Effect::Analyse {
                doc,
                generation,
                plan,
            });
        }
    }

    pub fn selected_row(&self) -> Option<Row> {
        self.rows.get(self.selected).copied()
    }

    pub(crate) fn say(&mut self, kind: StatusKind, text: impl Into<String>) {
        self.status = Some(Status {
            kind,
            text: text.into(),
        });
    }

    /// Adds a notice to the list above the status bar (once: a repeat of one
    /// already shown is not added again).
    pub fn notify(&mut self, kind: StatusKind, text: impl Into<String>) {
        let text = text.into();
        if !self.notices.iter().any(|n| n.text == text) {
            self.notices.push(Notice {
                kind,
                text,
                sticky: false,
            });
        }
    }

    /// Shows or clears the warning that recovery copies cannot be written.
    fn set_protection(&mut self, result: Result<(), Failure>) {
        self.notices
            .retain(|n| !(n.sticky && n.text.starts_with(UNPROTECTED)));
        if let Err(why) = result {
            self.notices.insert(
                0,
                Notice {
                    kind: StatusKind::Error,
                    text: format!("{UNPROTECTED}{why}"),
                    sticky: true,
                },
            );
        }
    }

    /// The screen's regions with the notice lines in place.
    pub fn regions(&self) -> layout::Regions {
        layout::regions_with(self.size, layout::notice_lines(self.notices.len()))
    }

    /// The single entry point: apply a message, return effects to perform.
    pub fn update(&mut self, msg: Msg) -> Vec<Effect> {
        let mut effects = self.dispatch(msg);
        // A newer version on disk of a plan without unsaved edits, once the
        // editor shows: reload it?
        self.offer_reload();
        self.drop_settled_disk_notices();
        // A no-op unless the message changed a plan (or made another active).
        self.session.refresh(&self.catalog, self.start_default);
        self.request_analyses(&mut effects);
        self.serve_studies(&mut effects);
        self.ask_actuals(&mut effects);
        effects
    }

    fn dispatch(&mut self, msg: Msg) -> Vec<Effect> {
        // Behind the "terminal too small" notice a click or paste would act
        // unseen (keys: `on_key`).
        let hidden = layout::too_small(self.size);
        match msg {
            Msg::Click { .. } | Msg::Scroll { .. } | Msg::Paste(_) if hidden => Vec::new(),
            Msg::Key(chord) => self.on_key(chord),
            Msg::Click { col, row } => {
                self.on_click(col, row);
                Vec::new()
            }
            Msg::Scroll { col, row, down } => {
                self.on_scroll(col, row, down);
                Vec::new()
            }
            Msg::Paste(text) => {
                self.on_paste(&text);
                Vec::new()
            }
            Msg::Resize { width, height } => {
                self.size = Rect::new(0, 0, width, height);
                self.scroll_into_view();
                Vec::new()
            }
            Msg::Saved {
                doc,
                generation,
                path,
                result,
            } => self.on_saved(doc, generation, path, result),
            Msg::Analysed {
                doc,
                generation,
                simulation,
            } => {
                self.session
                    .analysed(doc, generation, simulation.map(|s| *s));
                Vec::new()
            }
            Msg::ActualsRead { doc, result } => {
                self.on_actuals(doc, result);
                Vec::new()
            }
            Msg::Studied {
                doc,
                generation,
                findings,
            } => {
                self.session.studied(doc, generation, *findings);
                Vec::new()
            }
            Msg::OpenedMany(results) => self.on_opened_many(results),
            Msg::OpenedBeside(results) => {
                self.on_opened_beside(results);
                Vec::new()
            }
            Msg::DiskState { path, hash } => {
                self.on_disk_state(path, hash);
                Vec::new()
            }
            Msg::SaveConflict {
                doc, theirs, hash, ..
            } => {
                self.on_save_conflict(doc, theirs, hash);
                Vec::new()
            }
            Msg::SaveConflictInvalid { doc, why, hash, .. } => {
                self.on_save_conflict_invalid(doc, why, hash);
                Vec::new()
            }
            Msg::DiskChanged { path, theirs, hash } => {
                self.on_disk_changed(path, theirs, hash);
                Vec::new()
            }
            Msg::DiskDeleted(path) => {
                self.on_disk_deleted(path);
                Vec::new()
            }
            Msg::Notice(kind, text) => {
                self.say(kind, text);
                Vec::new()
            }
            Msg::Notify(kind, text) => {
                self.notify(kind, text);
                Vec::new()
            }
            Msg::Protection(result) => {
                self.set_protection(result);
                Vec::new()
            }
            Msg::Opened { path, result } => self.on_opened(path, result),
            Msg::PlanList(plans) => {
                if let Some(b) = self.mode.browser() {
                    b.listed(plans);
                }
                Vec::new()
            }
        }
    }

    /// Understaffing in the first month that has it: (month, coverage %).
    pub fn understaffed(&self) -> Option<(u32, f64)> {
        self.projection()
            .months
            .iter()
            .find(|m| m.review_coverage_pct < 100.0 - 1e-9)
            .map(|m| (m.month, m.review_coverage_pct))
    }

    /// Σ of the model shares, for the mix heading.
    pub fn share_total(&self) -> f64 {
        self.doc().plan.share_sum()
    }
}
