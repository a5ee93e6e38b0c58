//! The compare view: the open plans side by side against a baseline, its
//! state and its keys. (The variants it compares are made in `app/compare.rs`.)

use super::super::cursor::{ListCursor, Move};
use super::super::keymap::{Described, Key, KeyChord, KeyList, Keymap, bar, bar_as, k};
use super::super::{App, Pending, StatusKind};
use super::{LIST_PAGE, Mode, ModeState, Outcome};
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

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum CompareAction {
    PrevPlan,
    NextPlan,
    /// Scroll the "what differs" list.
    Scroll(Move),
    Edit,
    SetBaseline,
    ToggleChart,
    ClosePlan,
    Save,
    Back,
    Help,
    Quit,
}

use CompareAction as C;

impl Described for CompareAction {
    fn description(self) -> &'static str {
        match self {
            C::PrevPlan => "previous plan column",
            C::NextPlan => "next plan column",
            C::Scroll(m) => m.description(),
            C::Edit => "edit the plan under the cursor",
            C::SetBaseline => "make the plan under the cursor the baseline",
            C::ToggleChart => "monthly totals as one chart / as columns",
            C::ClosePlan => "close the plan (asks if it has unsaved changes)",
            C::Save => "save the plan being edited",
            C::Back => "back to the editor",
            C::Help => "show the help",
            C::Quit => "quit (asks if there are unsaved changes)",
        }
    }
    fn short(self) -> &'static str {
        match self {
            C::Edit => "edit",
            C::SetBaseline => "baseline",
            C::ToggleChart => "chart",
            C::ClosePlan => "close",
            C::Back => "back",
            C::Help => "help",
            C::Quit => "quit",
            _ => self.description(),
        }
    }
}

/// Its section of help.
pub const TITLE: &str = "Compare view (c)";

pub const KEYS: Keymap<CompareAction> = Keymap {
    tables: &[&[
        (k(Key::Left), C::PrevPlan),
        (KeyChord::ch('h'), C::PrevPlan),
        (k(Key::Right), C::NextPlan),
        (KeyChord::ch('l'), C::NextPlan),
        (k(Key::Up), C::Scroll(Move::Up)),
        (KeyChord::ch('k'), C::Scroll(Move::Up)),
        (k(Key::Down), C::Scroll(Move::Down)),
        (KeyChord::ch('j'), C::Scroll(Move::Down)),
        (k(Key::PageUp), C::Scroll(Move::PageUp)),
        (k(Key::PageDown), C::Scroll(Move::PageDown)),
        (k(Key::Enter), C::Edit),
        (KeyChord::ch('b'), C::SetBaseline),
        (KeyChord::ch('g'), C::ToggleChart),
        (KeyChord::ch('x'), C::ClosePlan),
        (KeyChord::ctrl('s'), C::Save),
        (k(Key::Esc), C::Back),
        (KeyChord::ch('c'), C::Back),
        (KeyChord::ch('?'), C::Help),
        (KeyChord::ch('q'), C::Quit),
        (KeyChord::ctrl('c'), C::Quit),
    ]],
    any_key: None,
    bar: &[
        bar_as(C::PrevPlan, "←/→", "plan"),
        bar(C::Edit),
        bar(C::SetBaseline),
        bar(C::ToggleChart),
        bar(C::ClosePlan),
        bar(C::Back),
        bar(C::Help),
        bar(C::Quit),
    ],
};

impl CompareState {
    /// Moves the page of non-baseline plans so the focused one is shown.
    pub(crate) fn keep_focus_visible(&mut self, cols: usize, n: usize) {
        if cols >= n || self.focus == self.baseline {
            return;
        }
        let per_page = cols.saturating_sub(1).max(1);
        let others: Vec<usize> = (0..n).filter(|i| *i != self.baseline).collect();
        let at = others.iter().position(|i| *i == self.focus).unwrap_or(0);
        if at < self.page {
            self.page = at;
        } else if at >= self.page + per_page {
            self.page = at + 1 - per_page;
        }
    }
}

impl ModeState for CompareState {
    fn keys(&self, _: &App) -> &'static dyn KeyList {
        &KEYS
    }

    fn press(&mut self, chord: KeyChord, app: &mut App) -> Outcome {
        let plans = app.session.len();
        let mut focus = ListCursor {
            selected: self.focus,
            offset: 0,
        };
        match KEYS.lookup(chord) {
            Some(C::PrevPlan) => focus.go(Move::Up, plans, 1),
            Some(C::NextPlan) => focus.go(Move::Down, plans, 1),
            Some(C::Scroll(m)) => self.scroll.go(m, self.differences.len(), LIST_PAGE),
            Some(C::SetBaseline) => {
                self.baseline = self.focus;
                let name = app.session.get(self.focus).plan.name.clone();
                app.say(StatusKind::Info, format!("baseline: {name}"));
            }
            Some(C::ToggleChart) => self.chart = !self.chart,
            Some(C::Edit) => {
                app.session.set_active(self.focus);
                app.last_change = None;
                app.rebuild_rows();
                let msg = format!(
                    "editing {} — c returns to the comparison",
                    app.doc().plan.name
                );
                app.say(StatusKind::Info, msg);
                return Outcome::Close;
            }
            Some(C::ClosePlan) => {
                return Outcome::Guard(Pending::Close(app.session.id(self.focus)));
            }
            Some(C::Back) => return Outcome::Close,
            Some(C::Help) => {
                // Help over the comparison: its keys first, Esc comes back.
                let here = std::mem::replace(
                    self,
                    CompareState {
                        baseline: 0,
                        focus: 0,
                        page: 0,
                        chart: false,
                        scroll: ListCursor::default(),
                        differences: Vec::new(),
                    },
                );
                app.open_help(Some(Mode::Compare(here)));
                return Outcome::Close;
            }
            Some(C::Quit) => return Outcome::Guard(Pending::Quit),
            Some(C::Save) => return Outcome::Effects(app.save()),
            None => {}
        }
        self.focus = focus.selected;
        self.keep_focus_visible(columns_that_fit(app.size.width, plans), plans);
        Outcome::Stay
    }

    fn help_title(&self) -> Option<&'static str> {
        Some(TITLE)
    }
}

impl App {
    /// `c`: the open plans side by side.
    pub(crate) fn open_compare(&mut self) {
        if self.session.len() < 2 {
            self.say(
                StatusKind::Info,
                "compare needs two plans: v makes a variant, or Ctrl-O and Space mark plans",
            );
            return;
        }
        self.switch_to(Mode::Compare(CompareState {
            baseline: 0,
            focus: self.session.active_index(),
            page: 0,
            chart: false,
            scroll: ListCursor::default(),
            differences: Vec::new(),
        }));
        self.refresh_comparison_in_view();
    }

    /// Back to plan `baseline` and the compare view, against it, with plan
    /// `focus` in focus.
    pub(crate) fn compare_against(&mut self, baseline: usize, focus: usize) {
        self.session.set_active(baseline);
        self.rebuild_rows();
        self.open_compare();
        if let Some(c) = self.mode.compare() {
            c.baseline = baseline;
            c.focus = focus;
        }
    }

    /// Re-derives what differs and scrolls the columns so the plan in focus
    /// stays on screen.
    pub(crate) fn refresh_comparison_in_view(&mut self) {
        self.refresh_comparison();
        let (cols, n) = (
            columns_that_fit(self.size.width, self.session.len()),
            self.session.len(),
        );
        if let Some(c) = self.mode.compare() {
            c.keep_focus_visible(cols, n);
        }
    }

    /// Re-derives what differs between the plans, baseline first.
    pub(crate) fn refresh_comparison(&mut self) {
        let plans: Vec<&crate::model::Scenario> = self.session.docs().map(|d| &d.plan).collect();
        if let Some(c) = self.mode.compare() {
            c.differences = differences(&plans);
            c.scroll.clamp(c.differences.len());
        }
    }
}
