//! The workbench as a state machine: `App` holds the plan, its projection and
//! what is on screen; `update(Msg) -> Vec<Effect>` is the only way it changes.
//! Nothing here touches the terminal or the disk: effects (save, open, scan
//! plans, quit) are carried out by the runtime (`tui.rs`), whose results come
//! back as messages. Every interaction is therefore a plain unit test.

mod analysis;
mod compare;
pub mod document;
pub mod entry;
mod files;
pub mod keymap;
pub mod layout;
pub mod rows;
pub mod safety;
pub mod text;

use std::path::PathBuf;

use ratatui::layout::Rect;
use ratatui_textarea::TextArea;

pub use analysis::{TORNADO_PCT, TornadoState};
pub use compare::{CompareState, columns_that_fit, visible_plans};
pub use document::Document;
use keymap::{Action, Context, KeyChord};
use rows::{Group, Row, TextField, Toggle};
pub use safety::{Question, SafetyState};

use crate::model::fields::{Field, Section};
use crate::model::{
    Catalog, Invalid, ModelEntry, Projection, Reviewers, Scenario, project_into, validate,
};
use crate::store::plans::PlanSummary;

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
    /// The runtime finished saving open plan `doc`.
    Saved {
        doc: usize,
        path: PathBuf,
        plan: Box<Scenario>,
        result: Result<(), String>,
    },
    /// The runtime read a plan file.
    Opened {
        path: PathBuf,
        result: Result<Box<Scenario>, String>,
    },
    /// The runtime read several plans to compare.
    OpenedMany(Vec<(PathBuf, Result<Box<Scenario>, String>)>),
    /// What is on disk at `path` now (after opening or saving).
    DiskState {
        path: PathBuf,
        hash: Option<u64>,
    },
    /// A save found the file changed on disk since it was read.
    SaveConflict {
        doc: usize,
        path: PathBuf,
        theirs: Option<Box<Scenario>>,
        hash: Option<u64>,
    },
    /// The file of an open plan changed on disk.
    DiskChanged {
        path: PathBuf,
        theirs: Result<Box<Scenario>, String>,
        hash: Option<u64>,
    },
    /// The file of an open plan was deleted on disk.
    DiskDeleted(PathBuf),
    /// Something the runtime wants the user to know.
    Notice(StatusKind, String),
    /// The runtime listed the plans on disk.
    PlanList(Vec<PlanSummary>),
}

/// Side effects for the runtime to perform.
#[derive(Debug, Clone, PartialEq)]
pub enum Effect {
    /// Write `text` (open plan `doc`, serialized as `plan`) to `path`
    /// atomically; with `create_new`, refuse if the file exists.
    Save {
        doc: usize,
        path: PathBuf,
        text: String,
        plan: Box<Scenario>,
        create_new: bool,
        /// Refuse (and report a conflict) if the file on disk no longer has
        /// this fingerprint; `None` writes whatever is there.
        expected: Option<u64>,
    },
    /// Delete the recovery copy of the plan at this path.
    DiscardRecovery(Option<PathBuf>),
    /// Write the client report of `plan` as `<base>.md` and `<base>.html`.
    Export {
        plan: Box<Scenario>,
        base: PathBuf,
    },
    Open(PathBuf),
    /// Read these plans to compare them.
    OpenMany(Vec<PathBuf>),
    ScanPlans,
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

/// What an edit did to the two numbers a client watches.
#[derive(Debug, Clone, PartialEq)]
pub struct ChangeEffect {
    /// "Requests per day 2,500 → 2,750", "Undo", "Model → gpt-5.4".
    pub what: String,
    pub tco_before: f64,
    pub tco_after: f64,
    /// The month shown (12, or the horizon when shorter).
    pub month: usize,
    pub month_before: f64,
    pub month_after: f64,
}

/// What a text box is for.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum EditTarget {
    Number(Field),
    Text(TextField),
    /// The uncertainty range of a numeric input.
    Range(Field),
}

pub struct EditState {
    pub target: EditTarget,
    pub input: TextArea<'static>,
    /// Why the current text is not acceptable (shown inline; Enter refuses).
    pub error: Option<String>,
}

/// Which mix entry the picker assigns to.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PickTarget {
    Replace(usize),
    Add,
}

pub struct PickerState {
    pub target: PickTarget,
    pub filter: TextArea<'static>,
    /// Indices into `catalog.models` that match the filter.
    pub matches: Vec<usize>,
    pub selected: usize,
}

pub struct BrowserState {
    pub filter: TextArea<'static>,
    pub plans: Vec<PlanSummary>,
    pub matches: Vec<usize>,
    pub selected: usize,
    /// Plans marked with Space to open side by side (indices into `plans`).
    pub marked: Vec<usize>,
    pub loading: bool,
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
    /// Close open plan `i`.
    Close(usize),
}

pub enum Mode {
    Normal,
    Edit(EditState),
    Picker(PickerState),
    Notes(Box<TextArea<'static>>),
    Help {
        scroll: u16,
    },
    Confirm(Pending),
    SaveAs(EditState),
    Browser(BrowserState),
    Examples {
        selected: usize,
    },
    Compare(CompareState),
    Safety(SafetyState),
    Tornado(TornadoState),
    /// Presentation mode: big figures for screen sharing, with the top
    /// drivers (computed on entry, not on every frame).
    Present(Vec<crate::model::analysis::sensitivity::Swing>),
    /// The break-even findings, as text.
    Breakeven(String),
}

pub struct App {
    /// The open plans: the one being edited and its variants or comparison
    /// partners (at most [`MAX_PLANS`]).
    pub docs: Vec<Document>,
    /// Which of `docs` the inputs pane edits.
    pub active: usize,
    pub catalog: Catalog,
    /// One projection per open plan, recomputed whenever that plan changes.
    pub projections: Vec<Projection>,
    pub problems: Vec<Invalid>,
    pub rows: Vec<Row>,
    pub collapsed: Vec<Group>,
    pub selected: usize,
    pub offset: usize,
    pub focus: Focus,
    pub table_offset: usize,
    pub mode: Mode,
    pub last_change: Option<ChangeEffect>,
    pub status: Option<Status>,
    pub size: Rect,
    /// Where Save As proposes to put new plans.
    pub plans_dir: Option<PathBuf>,
    after_save: Option<Pending>,
    /// Saves under way for `after_save`.
    pending_saves: usize,
    /// The month a plan without its own `start` is taken to start (this month;
    /// set by the runtime, which has a clock).
    pub start_default: Option<crate::model::prices::YearMonth>,
    /// Pricing snapshots of the active plan that differ from the catalog.
    pub price_changes: Vec<crate::model::prices::PriceChange>,
    /// Models of the active plan retired within its horizon.
    pub retirements: Vec<crate::model::prices::Retirement>,
    /// P10/P50/P90 of the TCO when the plan gives ranges (a quick 2,000-draw
    /// run on every change; `runcost simulate` does the full 10,000).
    pub simulation: Option<crate::model::analysis::uncertainty::Simulation>,
}

/// The most plans open (and compared) at once.
pub const MAX_PLANS: usize = 4;

/// The month the "what changed" line reports (12, or the last month before).
fn watch_month(p: &Projection) -> usize {
    p.months.len().min(12)
}

fn month_total(p: &Projection, m: usize) -> f64 {
    p.months.get(m.saturating_sub(1)).map_or(0.0, |x| x.total)
}

impl App {
    pub fn new(doc: Document, catalog: Catalog, plans_dir: Option<PathBuf>) -> Self {
        let mut app = App {
            docs: vec![doc],
            active: 0,
            catalog,
            projections: vec![Projection::default()],
            problems: Vec::new(),
            rows: Vec::new(),
            collapsed: Vec::new(),
            selected: 0,
            offset: 0,
            focus: Focus::Inputs,
            table_offset: 0,
            mode: Mode::Normal,
            last_change: None,
            status: None,
            size: Rect::new(0, 0, 120, 40),
            plans_dir,
            after_save: None,
            pending_saves: 0,
            start_default: None,
            price_changes: Vec::new(),
            retirements: Vec::new(),
            simulation: None,
        };
        app.refresh();
        app.selected = app.first_selectable_from(1);
        app
    }

    /// The month the active plan starts: its own `start`, else this month.
    pub fn plan_start(&self) -> Option<crate::model::prices::YearMonth> {
        self.docs[self.active]
            .plan
            .start
            .as_deref()
            .and_then(crate::model::prices::YearMonth::parse)
            .or(self.start_default)
    }

    /// Sets "this month" and says what has changed about the plan's prices.
    pub fn set_today(&mut self, month: crate::model::prices::YearMonth) {
        self.start_default = Some(month);
        self.refresh();
        self.announce_prices();
    }

    /// A status message when prices moved or models retire (after opening).
    pub fn announce_prices(&mut self) {
        let mut parts = Vec::new();
        if !self.price_changes.is_empty() {
            let changes = &self.price_changes;
            let (before, after) =
                crate::model::prices::refresh_effect(&self.docs[self.active].plan, changes);
            let ids: Vec<&str> = changes.iter().map(|c| c.id.as_str()).collect();
            parts.push(format!(
                "catalog prices changed for {} since this plan was priced (TCO {} if refreshed) — p refreshes",
                ids.join(", "),
                crate::report::format::delta(after - before, before, &self.docs[self.active].plan.currency)
            ));
        }
        if let Some(r) = self.retirements.first() {
            parts.push(r.sentence());
        }
        if !parts.is_empty() {
            self.say(StatusKind::Warning, parts.join(" · "));
        }
    }

    /// A model with dated prices pins the plan's start month (this month) so
    /// the prices land in the right plan months, now and when reopened.
    fn start_for(&self, entry: &crate::model::pricing::CatalogModel) -> Option<String> {
        if entry.schedule.is_empty() {
            None
        } else {
            self.start_default.map(|m| m.to_string())
        }
    }

    /// `r`: edit the uncertainty range of the selected input.
    fn edit_range(&mut self) {
        let Some(Row::Field(f)) = self.selected_row() else {
            self.say(
                StatusKind::Info,
                "select a numeric input to give it a range",
            );
            return;
        };
        let path = f.path();
        let current = self.docs[self.active]
            .plan
            .uncertainty
            .iter()
            .find(|r| r.field == path)
            .map_or(String::new(), |r| {
                format!("{} – {}", entry::edit_text(r.low), entry::edit_text(r.high))
            });
        self.mode = Mode::Edit(EditState {
            target: EditTarget::Range(f),
            input: text::single_line(&current),
            error: None,
        });
    }

    /// The plan's range for a field, if it has one.
    pub fn range_of(&self, f: Field) -> Option<(f64, f64)> {
        let path = f.path();
        self.docs[self.active]
            .plan
            .uncertainty
            .iter()
            .find(|r| r.field == path)
            .map(|r| (r.low, r.high))
    }

    fn set_range(&mut self, f: Field, range: Option<(f64, f64)>) {
        let path = f.path();
        let label = self.field_label(f);
        let what = match range {
            Some((lo, hi)) => format!(
                "{label}: range {} – {}",
                self.field_text(f, lo),
                self.field_text(f, hi)
            ),
            None => format!("{label}: range removed"),
        };
        self.commit(what, |s| {
            s.uncertainty.retain(|r| r.field != path);
            if let Some((low, high)) = range {
                s.uncertainty.push(crate::model::UncertainRange {
                    field: path.clone(),
                    low,
                    high,
                });
            }
        });
    }

    /// `p`: take the catalog's current prices into the plan (undoable).
    fn refresh_prices(&mut self) {
        if self.price_changes.is_empty() {
            self.say(StatusKind::Info, "the plan's prices match the catalog");
            return;
        }
        let changes = self.price_changes.clone();
        let ids: Vec<String> = changes.iter().map(|c| c.id.clone()).collect();
        self.commit(format!("Prices refreshed: {}", ids.join(", ")), |s| {
            *s = crate::model::prices::refreshed(s, &changes);
        });
    }

    /// The plan being edited.
    pub fn doc(&self) -> &Document {
        &self.docs[self.active]
    }

    /// The projection of the plan being edited.
    pub fn projection(&self) -> &Projection {
        &self.projections[self.active]
    }

    /// Recomputes everything derived from the plan.
    fn refresh(&mut self) {
        self.projections
            .resize_with(self.docs.len(), Projection::default);
        project_into(
            &self.docs[self.active].plan,
            &mut self.projections[self.active],
        );
        self.problems = validate(&self.docs[self.active].plan);
        let plan = &self.docs[self.active].plan;
        self.price_changes = crate::model::prices::snapshot_changes(plan, &self.catalog);
        self.simulation = (!plan.uncertainty.is_empty())
            .then(|| crate::model::analysis::uncertainty::simulate(plan, 2_000, 1));
        self.retirements = match self.plan_start() {
            Some(start) => crate::model::prices::retirements(plan, &self.catalog, start),
            None => Vec::new(),
        };
        self.rows = rows::build(&self.docs[self.active].plan, &self.collapsed);
        if self.selected >= self.rows.len() {
            self.selected = self.rows.len().saturating_sub(1);
        }
        self.scroll_into_view();
    }

    pub fn context(&self) -> Context {
        match &self.mode {
            Mode::Normal => match self.focus {
                Focus::Inputs => Context::Inputs,
                Focus::Table => Context::Table,
            },
            Mode::Edit(_) | Mode::SaveAs(_) => Context::TextEntry,
            Mode::Picker(_) => Context::Picker,
            Mode::Browser(_) | Mode::Examples { .. } => Context::Browser,
            Mode::Notes(_) => Context::Notes,
            Mode::Help { .. } => Context::Help,
            Mode::Confirm(_) => Context::ConfirmDiscard,
            Mode::Compare(_) => Context::Compare,
            Mode::Safety(_) => Context::Choice,
            Mode::Tornado(_) => Context::Picker,
            Mode::Present(_) | Mode::Breakeven(_) => Context::Help,
        }
    }

    pub fn selected_row(&self) -> Option<Row> {
        self.rows.get(self.selected).copied()
    }

    fn say(&mut self, kind: StatusKind, text: impl Into<String>) {
        self.status = Some(Status {
            kind,
            text: text.into(),
        });
    }

    /// The single entry point: apply a message, return effects to perform.
    pub fn update(&mut self, msg: Msg) -> Vec<Effect> {
        match msg {
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
                path,
                plan,
                result,
            } => self.on_saved(doc, path, *plan, result),
            Msg::OpenedMany(results) => self.on_opened_many(results),
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
            Msg::Opened { path, result } => self.on_opened(path, result),
            Msg::PlanList(plans) => {
                if let Mode::Browser(b) = &mut self.mode {
                    b.plans = plans;
                    b.loading = false;
                    refilter_browser(b);
                }
                Vec::new()
            }
        }
    }

    fn on_key(&mut self, chord: KeyChord) -> Vec<Effect> {
        let ctx = self.context();
        let action = keymap::lookup(ctx, chord);
        match ctx {
            Context::Inputs | Context::Table => match action {
                Some(a) => self.on_action(a),
                None => Vec::new(),
            },
            Context::TextEntry => self.on_text_entry(chord, action),
            Context::Picker if matches!(self.mode, Mode::Tornado(_)) => self.on_tornado(action),
            Context::Picker => {
                self.on_picker(chord, action);
                Vec::new()
            }
            Context::Browser => self.on_browser(chord, action),
            Context::Notes => {
                self.on_notes(chord, action);
                Vec::new()
            }
            Context::Help if matches!(self.mode, Mode::Present(_) | Mode::Breakeven(_)) => {
                self.mode = Mode::Normal;
                Vec::new()
            }
            Context::Help => {
                if let Mode::Help { scroll } = &mut self.mode {
                    match action {
                        Some(Action::Up) => *scroll = scroll.saturating_sub(1),
                        Some(Action::Down) => *scroll = scroll.saturating_add(1),
                        Some(Action::Cancel) => self.mode = Mode::Normal,
                        _ => {}
                    }
                }
                Vec::new()
            }
            Context::ConfirmDiscard => self.on_confirm(action),
            Context::Compare => self.on_compare(action),
            Context::Choice => self.on_safety(action),
        }
    }

    fn on_action(&mut self, action: Action) -> Vec<Effect> {
        self.status = None;
        if self.focus == Focus::Table {
            if let Some(effects) = self.on_table(action) {
                return effects;
            }
        }
        match action {
            Action::Up => self.move_selection(-1),
            Action::Down => self.move_selection(1),
            Action::PageUp => self.move_selection(-(self.page() as isize)),
            Action::PageDown => self.move_selection(self.page() as isize),
            Action::Top => self.move_selection(-(self.rows.len() as isize)),
            Action::Bottom => self.move_selection(self.rows.len() as isize),
            Action::Increase => self.step(1.0, 1.0),
            Action::Decrease => self.step(-1.0, 1.0),
            Action::IncreaseBig => self.step(1.0, 10.0),
            Action::DecreaseBig => self.step(-1.0, 10.0),
            Action::Activate => self.activate(),
            Action::ToggleSection => self.toggle_section(),
            Action::CollapseAll => {
                self.collapsed = Group::all().collect();
                self.refresh();
                self.selected = 0;
            }
            Action::ExpandAll => {
                self.collapsed.clear();
                self.refresh();
            }
            Action::SwitchFocus => {
                self.focus = match self.focus {
                    Focus::Inputs => Focus::Table,
                    Focus::Table => Focus::Inputs,
                }
            }
            Action::Undo => self.undo(true),
            Action::Redo => self.undo(false),
            Action::Save => return self.save(),
            Action::SaveAs => self.open_save_as(),
            Action::Open => return self.proceed(Pending::Open(PathBuf::new())),
            Action::MakeVariant => self.make_variant(),
            Action::Compare => self.open_compare(),
            Action::PrevPlan => self.switch_plan(-1),
            Action::NextPlan => self.switch_plan(1),
            Action::ClosePlan => return self.guard(Pending::Close(self.active)),
            Action::NewFromExample => self.mode = Mode::Examples { selected: 0 },
            Action::Notes => self.open_notes(),
            Action::PickModel => {
                let i = self.current_model().unwrap_or(0);
                self.open_picker(PickTarget::Replace(i));
            }
            Action::AddModel => self.open_picker(PickTarget::Add),
            Action::RemoveLine => self.remove_line(),
            Action::Rebalance => self.rebalance(),
            Action::RefreshPrices => self.refresh_prices(),
            Action::Tornado => self.open_tornado(),
            Action::Breakeven => self.open_breakeven(),
            Action::EditRange => self.edit_range(),
            Action::Present => {
                let top = crate::model::analysis::sensitivity::sensitivity(
                    &self.docs[self.active].plan,
                    TORNADO_PCT,
                )
                .into_iter()
                .filter(|w| w.swing > 0.0)
                .take(5)
                .collect();
                self.mode = Mode::Present(top);
            }
            Action::Export => return self.export(),
            Action::AddInfra => self.add_infra(),
            Action::Help => self.mode = Mode::Help { scroll: 0 },
            Action::Quit => return self.guard(Pending::Quit),
            Action::Confirm
            | Action::Cancel
            | Action::DialogSave
            | Action::DialogDiscard
            | Action::SetBaseline
            | Action::ToggleChart
            | Action::Mark
            | Action::Restore
            | Action::Overwrite
            | Action::DialogSaveAs
            | Action::Keep => {}
        }
        Vec::new()
    }

    /// Table focus: movement scrolls the monthly table. Other actions fall through.
    fn on_table(&mut self, action: Action) -> Option<Vec<Effect>> {
        let months = self.projections[self.active].months.len();
        let page = 6;
        let o = &mut self.table_offset;
        match action {
            Action::Up => *o = o.saturating_sub(1),
            Action::Down => *o = (*o + 1).min(months.saturating_sub(1)),
            Action::PageUp => *o = o.saturating_sub(page),
            Action::PageDown => *o = (*o + page).min(months.saturating_sub(1)),
            Action::Top => *o = 0,
            Action::Bottom => *o = months.saturating_sub(1),
            _ => return None,
        }
        Some(Vec::new())
    }

    fn page(&self) -> usize {
        layout::input_rows_visible(self.size).max(1)
    }

    fn first_selectable_from(&self, start: usize) -> usize {
        (start..self.rows.len())
            .find(|i| self.rows[*i].selectable())
            .unwrap_or(0)
    }

    fn move_selection(&mut self, delta: isize) {
        if self.rows.is_empty() {
            return;
        }
        let last = self.rows.len() - 1;
        let mut i = (self.selected as isize + delta).clamp(0, last as isize) as usize;
        // Skip info lines in the direction of travel.
        while !self.rows[i].selectable() {
            if delta >= 0 && i < last {
                i += 1;
            } else if i > 0 {
                i -= 1;
            } else {
                break;
            }
        }
        self.selected = i;
        self.scroll_into_view();
    }

    fn scroll_into_view(&mut self) {
        let visible = layout::input_rows_visible(self.size).max(1);
        if self.selected < self.offset {
            self.offset = self.selected;
        } else if self.selected >= self.offset + visible {
            self.offset = self.selected + 1 - visible;
        }
        let max_offset = self.rows.len().saturating_sub(visible);
        self.offset = self.offset.min(max_offset);
    }

    /// Applies an edit to the plan, recomputes, and records what it changed.
    pub fn commit(&mut self, what: String, edit: impl FnOnce(&mut Scenario)) -> bool {
        let tco_before = self.projections[self.active].totals.tco;
        let month = watch_month(&self.projections[self.active]);
        let month_before = month_total(&self.projections[self.active], month);
        if !self.docs[self.active].edit(edit) {
            return false;
        }
        self.refresh();
        self.note_change(what, tco_before, month, month_before);
        true
    }

    fn note_change(&mut self, what: String, tco_before: f64, month: usize, month_before: f64) {
        let month = if month == 0 {
            watch_month(&self.projections[self.active])
        } else {
            month
        };
        self.last_change = Some(ChangeEffect {
            what,
            tco_before,
            tco_after: self.projections[self.active].totals.tco,
            month,
            month_before,
            month_after: month_total(&self.projections[self.active], month),
        });
    }

    fn field_text(&self, field: Field, v: f64) -> String {
        crate::report::format::field_value(field, v, &self.docs[self.active].plan.currency)
    }

    fn step(&mut self, dir: f64, times: f64) {
        let Some(Row::Field(field)) = self.selected_row() else {
            if let Some(Row::Toggle(t)) = self.selected_row() {
                self.toggle(t);
            }
            return;
        };
        let Some(current) = field.get(&self.docs[self.active].plan) else {
            return;
        };
        let next = field.stepped(current, dir, times);
        self.set_field(field, current, next);
    }

    fn set_field(&mut self, field: Field, current: f64, next: f64) {
        if next == current {
            return;
        }
        let what = format!(
            "{} {} → {}",
            self.field_label(field),
            self.field_text(field, current),
            self.field_text(field, next)
        );
        self.commit(what, |s| {
            field.set(s, next);
        });
    }

    /// The field's label with the model or line it belongs to.
    pub fn field_label(&self, field: Field) -> String {
        let owner = match (field.section(), field.index()) {
            (Section::Models, Some(i)) => self.docs[self.active]
                .plan
                .models
                .get(i)
                .map(|m| m.id.clone()),
            (Section::Infrastructure, Some(i)) => self.docs[self.active]
                .plan
                .infrastructure
                .get(i)
                .map(|x| x.name.clone()),
            _ => None,
        };
        match owner {
            Some(o) => format!("{o}: {}", field.label_after_name()),
            None => field.label().to_string(),
        }
    }

    fn activate(&mut self) {
        match self.selected_row() {
            Some(Row::Heading(_)) => self.toggle_section(),
            Some(Row::Field(f)) => {
                if let Some(v) = f.get(&self.docs[self.active].plan) {
                    self.mode = Mode::Edit(EditState {
                        target: EditTarget::Number(f),
                        input: text::single_line(&entry::edit_text(v)),
                        error: None,
                    });
                }
            }
            Some(Row::Text(t)) => {
                let current = text::text_value(&self.docs[self.active].plan, t);
                self.mode = Mode::Edit(EditState {
                    target: EditTarget::Text(t),
                    input: text::single_line(&current),
                    error: None,
                });
            }
            Some(Row::Toggle(t)) => self.toggle(t),
            Some(Row::Model(i)) => self.open_picker(PickTarget::Replace(i)),
            Some(Row::Notes) => self.open_notes(),
            Some(Row::Info(_)) | None => {}
        }
    }

    fn toggle(&mut self, t: Toggle) {
        match t {
            Toggle::Retrieval => {
                let on = !self.docs[self.active].plan.retrieval.enabled;
                self.commit(
                    format!("Retrieval {}", if on { "on" } else { "off" }),
                    |s| s.retrieval.enabled = on,
                );
            }
            Toggle::Reviewers => {
                let next = match self.docs[self.active].plan.oversight.reviewers {
                    Reviewers::Auto => {
                        // Start a fixed team at the month-1 need, rounded up to a half FTE.
                        let need = self.projections[self.active]
                            .first()
                            .map_or(0.0, |m| m.reviewer_fte_needed);
                        Reviewers::Fixed((need * 2.0).ceil() / 2.0)
                    }
                    Reviewers::Fixed(_) => Reviewers::Auto,
                };
                let label = match next {
                    Reviewers::Auto => "Reviewer staffing → Auto".to_string(),
                    Reviewers::Fixed(x) => format!("Reviewer staffing → Fixed {x} FTE"),
                };
                self.commit(label, |s| s.oversight.reviewers = next);
            }
        }
    }

    fn toggle_section(&mut self) {
        let Some(group) = self.selected_row().and_then(Row::group) else {
            return;
        };
        if let Some(p) = self.collapsed.iter().position(|g| *g == group) {
            self.collapsed.remove(p);
        } else {
            self.collapsed.push(group);
        }
        self.rows = rows::build(&self.docs[self.active].plan, &self.collapsed);
        self.selected = self
            .rows
            .iter()
            .position(|r| *r == Row::Heading(group))
            .unwrap_or(0);
        self.scroll_into_view();
    }

    fn current_model(&self) -> Option<usize> {
        match self.selected_row()? {
            Row::Model(i) => Some(i),
            Row::Field(f) if f.section() == Section::Models => f.index(),
            _ => None,
        }
    }

    fn current_infra(&self) -> Option<usize> {
        match self.selected_row()? {
            Row::Text(TextField::InfraName(i)) => Some(i),
            Row::Field(f) if f.section() == Section::Infrastructure => f.index(),
            _ => None,
        }
    }

    fn remove_line(&mut self) {
        if let Some(i) = self.current_model() {
            if self.docs[self.active].plan.models.len() <= 1 {
                self.say(
                    StatusKind::Warning,
                    "a plan needs at least one model; pick another with Enter instead",
                );
                return;
            }
            let id = self.docs[self.active].plan.models[i].id.clone();
            self.commit(format!("Removed {id} from the mix"), |s| {
                s.models.remove(i);
            });
            if (self.docs[self.active]
                .plan
                .models
                .iter()
                .map(|m| m.share_pct)
                .sum::<f64>()
                - 100.0)
                .abs()
                > 0.01
            {
                self.say(
                    StatusKind::Warning,
                    "shares no longer sum to 100 % — press b to rebalance",
                );
            }
        } else if let Some(i) = self.current_infra() {
            let name = self.docs[self.active].plan.infrastructure[i].name.clone();
            self.commit(format!("Removed infrastructure line {name:?}"), |s| {
                s.infrastructure.remove(i);
            });
        } else {
            self.say(
                StatusKind::Info,
                "select a model or an infrastructure line to remove it",
            );
        }
    }

    fn rebalance(&mut self) {
        let sum: f64 = self.docs[self.active]
            .plan
            .models
            .iter()
            .map(|m| m.share_pct)
            .sum();
        let n = self.docs[self.active].plan.models.len() as f64;
        let changed = self.commit("Rebalanced model shares to 100 %".into(), |s| {
            for m in &mut s.models {
                m.share_pct = if sum > 0.0 {
                    m.share_pct / sum * 100.0
                } else {
                    100.0 / n
                };
            }
        });
        if !changed {
            self.say(StatusKind::Info, "model shares already sum to 100 %");
        }
    }

    fn add_infra(&mut self) {
        let n = self.docs[self.active].plan.infrastructure.len();
        self.collapsed
            .retain(|g| *g != Group::Model(Section::Infrastructure));
        self.commit("Added an infrastructure line".into(), |s| {
            s.infrastructure.push(crate::model::InfraItem {
                name: format!("New line {}", n + 1),
                monthly: 0.0,
                per_thousand_requests: 0.0,
            });
        });
        if let Some(p) = self
            .rows
            .iter()
            .position(|r| *r == Row::Text(TextField::InfraName(n)))
        {
            self.selected = p;
            self.scroll_into_view();
            self.activate();
        }
    }

    fn undo(&mut self, undo: bool) {
        let tco_before = self.projections[self.active].totals.tco;
        let month = watch_month(&self.projections[self.active]);
        let month_before = month_total(&self.projections[self.active], month);
        let done = if undo {
            self.docs[self.active].undo()
        } else {
            self.docs[self.active].redo()
        };
        if done {
            self.refresh();
            self.note_change(
                if undo { "Undo".into() } else { "Redo".into() },
                tco_before,
                month,
                month_before,
            );
        } else {
            self.say(
                StatusKind::Info,
                if undo {
                    "nothing to undo"
                } else {
                    "nothing to redo"
                },
            );
        }
    }

    // ----- text entry (values, names, Save As) -----

    fn on_text_entry(&mut self, chord: KeyChord, action: Option<Action>) -> Vec<Effect> {
        match action {
            Some(Action::Cancel) => {
                self.mode = Mode::Normal;
                Vec::new()
            }
            Some(Action::Confirm) => self.confirm_text(),
            _ => {
                let plan = &self.docs[self.active].plan;
                match &mut self.mode {
                    Mode::Edit(e) | Mode::SaveAs(e) => {
                        if chord == KeyChord::ctrl('u') {
                            // Readline's "clear to start of line".
                            e.input.delete_line_by_head();
                        } else {
                            e.input.input(text::to_input(chord));
                        }
                        e.error = text::check(e.target, e.input.lines().join("").as_str(), plan);
                    }
                    _ => {}
                }
                if let Mode::SaveAs(e) = &mut self.mode {
                    e.error = save_as_error(&e.input.lines().join(""));
                }
                Vec::new()
            }
        }
    }

    fn confirm_text(&mut self) -> Vec<Effect> {
        let mode = std::mem::replace(&mut self.mode, Mode::Normal);
        match mode {
            Mode::Edit(e) => {
                let typed = e.input.lines().join("");
                match e.target {
                    EditTarget::Number(f) => match entry::parse_for(f, &typed) {
                        Ok(v) => {
                            if let Some(current) = f.get(&self.docs[self.active].plan) {
                                self.set_field(f, current, v);
                            }
                        }
                        Err(why) => {
                            // Keep the box open with the message; the old value stays.
                            self.mode = Mode::Edit(EditState {
                                error: Some(why),
                                ..e
                            });
                        }
                    },
                    EditTarget::Range(f) => {
                        let value = f.get(&self.docs[self.active].plan).unwrap_or(0.0);
                        match entry::parse_range(f, &typed, value) {
                            Ok(range) => self.set_range(f, range),
                            Err(why) => {
                                self.mode = Mode::Edit(EditState {
                                    error: Some(why),
                                    ..e
                                });
                            }
                        }
                    }
                    EditTarget::Text(t) => {
                        if let Some(why) =
                            text::check(e.target, &typed, &self.docs[self.active].plan)
                        {
                            self.mode = Mode::Edit(EditState {
                                error: Some(why),
                                ..e
                            });
                        } else {
                            let before = text::text_value(&self.docs[self.active].plan, t);
                            self.commit(
                                format!("{} {before:?} → {typed:?}", text::text_label(t)),
                                |s| text::set_text(s, t, typed.trim()),
                            );
                            if t == TextField::Name {
                                self.follow_name();
                            }
                        }
                    }
                }
                Vec::new()
            }
            Mode::SaveAs(e) => {
                let typed = e.input.lines().join("");
                if let Some(why) = save_as_error(&typed) {
                    self.mode = Mode::SaveAs(EditState {
                        error: Some(why),
                        ..e
                    });
                    return Vec::new();
                }
                let to = PathBuf::from(expand_home(typed.trim()));
                self.pending_saves = 1;
                self.save_effect(self.active, Some(to))
                    .into_iter()
                    .collect()
            }
            other => {
                self.mode = other;
                Vec::new()
            }
        }
    }

    fn on_paste(&mut self, pasted: &str) {
        let single = pasted.replace(['\r', '\n'], " ");
        match &mut self.mode {
            Mode::Edit(e) | Mode::SaveAs(e) => {
                e.input.insert_str(single.trim());
                e.error = text::check(
                    e.target,
                    &e.input.lines().join(""),
                    &self.docs[self.active].plan,
                );
            }
            Mode::Notes(area) => {
                area.insert_str(pasted.replace("\r\n", "\n"));
            }
            Mode::Picker(p) => {
                p.filter.insert_str(single.trim());
                refilter_picker(p, &self.catalog);
            }
            Mode::Browser(b) => {
                b.filter.insert_str(single.trim());
                refilter_browser(b);
            }
            _ => {}
        }
    }

    // ----- notes -----

    fn open_notes(&mut self) {
        let mut area = TextArea::new(
            self.docs[self.active]
                .plan
                .notes
                .lines()
                .map(str::to_string)
                .collect(),
        );
        area.move_cursor(ratatui_textarea::CursorMove::Bottom);
        area.move_cursor(ratatui_textarea::CursorMove::End);
        self.mode = Mode::Notes(Box::new(area));
    }

    fn on_notes(&mut self, chord: KeyChord, action: Option<Action>) {
        if action == Some(Action::Confirm) {
            if let Mode::Notes(area) = std::mem::replace(&mut self.mode, Mode::Normal) {
                let text = area.lines().join("\n");
                self.commit("Notes edited".into(), |s| s.notes = text);
            }
        } else if let Mode::Notes(area) = &mut self.mode {
            area.input(text::to_input(chord));
        }
    }

    // ----- model picker -----

    fn open_picker(&mut self, target: PickTarget) {
        let mut p = PickerState {
            target,
            filter: text::single_line(""),
            matches: Vec::new(),
            selected: 0,
        };
        refilter_picker(&mut p, &self.catalog);
        if let PickTarget::Replace(i) = target
            && let Some(id) = self.docs[self.active]
                .plan
                .models
                .get(i)
                .map(|m| m.id.clone())
            && let Some(pos) = p
                .matches
                .iter()
                .position(|&k| self.catalog.models[k].id == id)
        {
            p.selected = pos;
        }
        self.mode = Mode::Picker(p);
    }

    fn on_picker(&mut self, chord: KeyChord, action: Option<Action>) {
        let Mode::Picker(p) = &mut self.mode else {
            return;
        };
        match action {
            Some(Action::Cancel) => self.mode = Mode::Normal,
            Some(Action::Up) => p.selected = p.selected.saturating_sub(1),
            Some(Action::Down) => {
                p.selected = (p.selected + 1).min(p.matches.len().saturating_sub(1))
            }
            Some(Action::PageUp) => p.selected = p.selected.saturating_sub(10),
            Some(Action::PageDown) => {
                p.selected = (p.selected + 10).min(p.matches.len().saturating_sub(1))
            }
            Some(Action::Confirm) => {
                let Some(&k) = p.matches.get(p.selected) else {
                    return;
                };
                let target = p.target;
                self.mode = Mode::Normal;
                self.assign_model(target, k);
            }
            _ => {
                if p.filter.input(text::to_input(chord)) {
                    p.selected = 0;
                }
                refilter_picker(p, &self.catalog);
            }
        }
    }

    fn assign_model(&mut self, target: PickTarget, k: usize) {
        let entry = self.catalog.models[k].clone();
        let clash = self.docs[self.active]
            .plan
            .models
            .iter()
            .enumerate()
            .any(|(i, m)| m.id == entry.id && target != PickTarget::Replace(i));
        if clash {
            self.say(
                StatusKind::Warning,
                format!(
                    "{} is already in the mix; adjust its share instead",
                    entry.id
                ),
            );
            return;
        }
        match target {
            PickTarget::Replace(i) => {
                let old = self.docs[self.active]
                    .plan
                    .models
                    .get(i)
                    .map(|m| m.id.clone())
                    .unwrap_or_default();
                let start = self.start_for(&entry);
                self.commit(format!("Model {old} → {}", entry.id), |s| {
                    if let Some(m) = s.models.get_mut(i) {
                        m.id = entry.id.clone();
                        m.pricing = Some(entry.pricing.clone());
                        m.schedule = entry.schedule.clone();
                    }
                    if s.start.is_none() {
                        s.start = start;
                    }
                });
            }
            PickTarget::Add => {
                let n = self.docs[self.active].plan.models.len();
                self.collapsed
                    .retain(|g| *g != Group::Model(Section::Models));
                let start = self.start_for(&entry);
                self.commit(format!("Added {} to the mix at 0 %", entry.id), |s| {
                    s.models.push(ModelEntry {
                        id: entry.id.clone(),
                        share_pct: 0.0,
                        discount_pct: 0.0,
                        error_rate_pct: None,
                        token_factor: 1.0,
                        pricing: Some(entry.pricing.clone()),
                        schedule: entry.schedule.clone(),
                    });
                    if s.start.is_none() {
                        s.start = start;
                    }
                });
                if let Some(p) = self
                    .rows
                    .iter()
                    .position(|r| *r == Row::Field(Field::ModelShare(n)))
                {
                    self.selected = p;
                    self.scroll_into_view();
                }
                self.say(
                    StatusKind::Info,
                    "new model at 0 % — give it a share, then b rebalances the rest",
                );
            }
        }
    }

    // ----- mouse -----

    fn on_click(&mut self, col: u16, row: u16) {
        if !matches!(self.mode, Mode::Normal) || layout::too_small(self.size) {
            return;
        }
        let r = layout::regions(self.size);
        let inside =
            |a: Rect| col >= a.x && col < a.x + a.width && row >= a.y && row < a.y + a.height;
        if inside(r.inputs) {
            self.focus = Focus::Inputs;
            if row > r.inputs.y && row < r.inputs.y + r.inputs.height.saturating_sub(1) {
                let i = self.offset + (row - r.inputs.y - 1) as usize;
                if i < self.rows.len() && self.rows[i].selectable() {
                    if self.selected == i && matches!(self.rows[i], Row::Heading(_)) {
                        self.toggle_section();
                    } else {
                        self.selected = i;
                    }
                }
            }
        } else if inside(r.projection) {
            self.focus = Focus::Table;
        }
    }

    fn on_scroll(&mut self, col: u16, row: u16, down: bool) {
        let delta = if down { 3 } else { -3 };
        match &mut self.mode {
            Mode::Picker(p) => {
                p.selected = (p.selected as isize + delta)
                    .clamp(0, p.matches.len().saturating_sub(1) as isize)
                    as usize;
            }
            Mode::Browser(b) => {
                b.selected = (b.selected as isize + delta)
                    .clamp(0, b.matches.len().saturating_sub(1) as isize)
                    as usize;
            }
            Mode::Help { scroll } => {
                *scroll = (*scroll as isize + delta).max(0) as u16;
            }
            Mode::Normal => {
                let r = layout::regions(self.size);
                if col >= r.projection.x && row >= r.projection.y {
                    let months = self.projections[self.active].months.len();
                    self.table_offset = (self.table_offset as isize + delta)
                        .clamp(0, months.saturating_sub(1) as isize)
                        as usize;
                } else {
                    let visible = layout::input_rows_visible(self.size);
                    let max = self.rows.len().saturating_sub(visible);
                    self.offset = (self.offset as isize + delta).clamp(0, max as isize) as usize;
                    // Keep the cursor on screen.
                    if self.selected < self.offset {
                        self.selected = self.first_selectable_from(self.offset);
                    } else if self.selected >= self.offset + visible {
                        self.selected = (self.offset + visible).saturating_sub(1);
                        self.move_selection(0);
                    }
                }
            }
            _ => {}
        }
    }

    /// Understaffing in the first month that has it: (month, coverage %).
    pub fn understaffed(&self) -> Option<(u32, f64)> {
        self.projections[self.active]
            .months
            .iter()
            .find(|m| m.review_coverage_pct < 100.0 - 1e-9)
            .map(|m| (m.month, m.review_coverage_pct))
    }

    /// Σ of the model shares, for the mix heading.
    pub fn share_total(&self) -> f64 {
        self.docs[self.active]
            .plan
            .models
            .iter()
            .map(|m| m.share_pct)
            .sum()
    }
}

/// Whether every word of the filter appears in `hay` (case-insensitive).
fn matches_filter(filter: &TextArea<'static>, hay: &str) -> bool {
    let hay = hay.to_lowercase();
    filter
        .lines()
        .join(" ")
        .to_lowercase()
        .split_whitespace()
        .all(|t| hay.contains(t))
}

fn refilter_picker(p: &mut PickerState, catalog: &Catalog) {
    p.matches = catalog
        .models
        .iter()
        .enumerate()
        .filter(|(_, m)| matches_filter(&p.filter, &format!("{} {}", m.id, m.provider)))
        .map(|(i, _)| i)
        .collect();
    p.selected = p.selected.min(p.matches.len().saturating_sub(1));
}

fn refilter_browser(b: &mut BrowserState) {
    b.matches = b
        .plans
        .iter()
        .enumerate()
        .filter(|(_, p)| {
            matches_filter(
                &b.filter,
                &format!("{} {} {}", p.name, p.client, p.path.display()),
            )
        })
        .map(|(i, _)| i)
        .collect();
    b.selected = b.selected.min(b.matches.len().saturating_sub(1));
}

fn save_as_error(typed: &str) -> Option<String> {
    let t = typed.trim();
    if t.is_empty() {
        Some("type a file name, e.g. acme-support.ron".into())
    } else if t.ends_with('/') {
        Some("that is a directory; add a file name".into())
    } else {
        None
    }
}

fn expand_home(path: &str) -> String {
    match (path.strip_prefix("~/"), std::env::var_os("HOME")) {
        (Some(rest), Some(home)) => format!("{}/{rest}", home.to_string_lossy()),
        _ => path.to_string(),
    }
}

/// A file-name-safe version of a plan name: "Support bot — mini" → "support-bot-mini".
pub fn slug(name: &str) -> String {
    let mut out = String::new();
    for c in name.chars() {
        if c.is_alphanumeric() {
            out.extend(c.to_lowercase());
        } else if !out.ends_with('-') && !out.is_empty() {
            out.push('-');
        }
    }
    let out = out.trim_end_matches('-').to_string();
    if out.is_empty() { "plan".into() } else { out }
}
