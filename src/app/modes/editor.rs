//! The editor: the inputs pane and the monthly table, with every key that
//! works "anywhere". Its state (rows, selection, focus, table scroll) lives on
//! `App`, which the view and the other modes read.

use std::path::PathBuf;

use super::super::cursor::{ListCursor, Move};
use super::super::keymap::{Binding, Key, KeyChord, KeyList, Keymap, bar, bar_as, k};
use super::super::rows::Group;
use super::super::{App, Effect, Focus, Pending};
use super::{Mode, ModeState, Outcome};

/// Everything a key can ask the editor to do.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum EditorAction {
    Move(Move),
    Increase,
    Decrease,
    IncreaseBig,
    DecreaseBig,
    Double,
    Halve,
    /// `/`: find an input by name.
    Find,
    /// `1`–`9`: jump to a section.
    JumpSection,
    Activate,
    ToggleSection,
    CollapseAll,
    ExpandAll,
    SwitchFocus,
    Undo,
    Redo,
    Save,
    SaveAs,
    Open,
    NewFromExample,
    Notes,
    PickModel,
    AddModel,
    RemoveLine,
    Rebalance,
    AddInfra,
    Help,
    Quit,
    MakeVariant,
    PinVariant,
    Compare,
    CompareWith,
    PrevPlan,
    NextPlan,
    ClosePlan,
    RefreshPrices,
    Tornado,
    /// `M`: read the tornado and the P10–P90 on the next metric.
    NextMetric,
    /// `A`: the plan against its actuals, month by month.
    Actuals,
    Breakeven,
    EditRange,
    Source,
    Present,
    Export,
    /// `w`: show the next case's projection (after the last, the plan's).
    NextCase,
    /// `W`: make a case from the current what-if (asks its name).
    MakeCase,
    /// Clear the notices above the status bar (not the warning that unsaved
    /// changes are unprotected: that stays until they are protected again).
    DismissNotices,
}

use EditorAction as A;

#[path = "editor_words.rs"]
mod words;

const GLOBAL: &[Binding<A>] = &[
    (KeyChord::ch('?'), A::Help),
    (KeyChord::plain(Key::F(1)), A::Help),
    (KeyChord::ctrl('s'), A::Save),
    (KeyChord::ch('S'), A::SaveAs),
    (KeyChord::ctrl('o'), A::Open),
    (KeyChord::ctrl('n'), A::NewFromExample),
    (KeyChord::ch('u'), A::Undo),
    (KeyChord::ctrl('z'), A::Undo),
    (KeyChord::ctrl('r'), A::Redo),
    (KeyChord::ctrl('y'), A::Redo),
    (KeyChord::ch('q'), A::Quit),
    (KeyChord::ctrl('c'), A::Quit),
    (k(Key::Tab), A::SwitchFocus),
    (k(Key::BackTab), A::SwitchFocus),
];

/// Moving the cursor (inputs) or scrolling (table): the same keys in both panes.
const MOVE: &[Binding<A>] = &[
    (k(Key::Up), A::Move(Move::Up)),
    (KeyChord::ch('k'), A::Move(Move::Up)),
    (k(Key::Down), A::Move(Move::Down)),
    (KeyChord::ch('j'), A::Move(Move::Down)),
    (k(Key::PageUp), A::Move(Move::PageUp)),
    (k(Key::PageDown), A::Move(Move::PageDown)),
    (k(Key::Home), A::Move(Move::Top)),
    (k(Key::End), A::Move(Move::Bottom)),
];

const INPUTS: &[Binding<A>] = &[
    (k(Key::Right), A::Increase),
    (KeyChord::ch('l'), A::Increase),
    (k(Key::Left), A::Decrease),
    (KeyChord::ch('h'), A::Decrease),
    (KeyChord::shift(Key::Right), A::IncreaseBig),
    (KeyChord::ch('L'), A::IncreaseBig),
    (KeyChord::shift(Key::Left), A::DecreaseBig),
    (KeyChord::ch('H'), A::DecreaseBig),
    (KeyChord::ch('*'), A::Double),
    (KeyChord::ch('%'), A::Halve),
    (KeyChord::ch('/'), A::Find),
    (KeyChord::ch('1'), A::JumpSection),
    (KeyChord::ch('2'), A::JumpSection),
    (KeyChord::ch('3'), A::JumpSection),
    (KeyChord::ch('4'), A::JumpSection),
    (KeyChord::ch('5'), A::JumpSection),
    (KeyChord::ch('6'), A::JumpSection),
    (KeyChord::ch('7'), A::JumpSection),
    (KeyChord::ch('8'), A::JumpSection),
    (KeyChord::ch('9'), A::JumpSection),
    (k(Key::Enter), A::Activate),
    (KeyChord::ch(' '), A::ToggleSection),
    (KeyChord::ch('-'), A::CollapseAll),
    (KeyChord::ch('+'), A::ExpandAll),
    (KeyChord::ch('m'), A::PickModel),
    (KeyChord::ch('a'), A::AddModel),
    (KeyChord::ch('i'), A::AddInfra),
    (KeyChord::ch('d'), A::RemoveLine),
    (k(Key::Delete), A::RemoveLine),
    (KeyChord::ch('b'), A::Rebalance),
    (KeyChord::ch('n'), A::Notes),
    (KeyChord::ch('v'), A::MakeVariant),
    (KeyChord::ch('c'), A::Compare),
    (KeyChord::ch('C'), A::CompareWith),
    (KeyChord::ch('V'), A::PinVariant),
    (KeyChord::ch('<'), A::PrevPlan),
    (KeyChord::ch('>'), A::NextPlan),
    (KeyChord::ch('x'), A::ClosePlan),
    (KeyChord::ch('p'), A::RefreshPrices),
    (KeyChord::ch('t'), A::Tornado),
    (KeyChord::ch('M'), A::NextMetric),
    (KeyChord::ch('A'), A::Actuals),
    (KeyChord::ch('r'), A::EditRange),
    (KeyChord::ch('o'), A::Source),
    (KeyChord::ch('B'), A::Breakeven),
    (KeyChord::ch('P'), A::Present),
    (KeyChord::ch('e'), A::Export),
    (KeyChord::ch('w'), A::NextCase),
    (KeyChord::ch('W'), A::MakeCase),
    (k(Key::Esc), A::DismissNotices),
];

const TABLE: &[Binding<A>] = &[(k(Key::Esc), A::SwitchFocus)];

/// The inputs pane focused: its keys, then those that work anywhere.
pub const INPUTS_KEYS: Keymap<A> = Keymap {
    tables: &[MOVE, INPUTS, GLOBAL],
    any_key: None,
    bar: &[
        bar_as(A::Decrease, "←/→", "adjust"),
        bar(A::Activate),
        bar(A::Find),
        bar(A::PickModel),
        bar(A::Undo),
        bar(A::Save),
        bar(A::Open),
        bar(A::MakeVariant),
        bar(A::Compare),
        bar(A::SwitchFocus),
        bar(A::Help),
        bar(A::Quit),
    ],
};

/// The monthly table focused: movement scrolls it.
pub const TABLE_KEYS: Keymap<A> = Keymap {
    tables: &[MOVE, TABLE, GLOBAL],
    any_key: None,
    bar: &[
        bar_as(A::Move(Move::Up), "↑/↓", "scroll"),
        bar(A::SwitchFocus),
        bar(A::Help),
        bar(A::Quit),
    ],
};

/// How far PgUp/PgDn scroll the monthly table.
const TABLE_PAGE: usize = 6;

/// The editor (`Mode::Normal`): its state is the app's selection and focus.
pub struct Editor;

fn focused_keys(focus: Focus) -> &'static Keymap<EditorAction> {
    match focus {
        Focus::Inputs => &INPUTS_KEYS,
        Focus::Table => &TABLE_KEYS,
    }
}

impl ModeState for Editor {
    fn keys(&self, app: &App) -> &'static dyn KeyList {
        focused_keys(app.focus)
    }

    fn press(&mut self, chord: KeyChord, app: &mut App) -> Outcome {
        press(app, chord)
    }

    fn scrolled(&mut self, (col, row): (u16, u16), delta: isize, app: &mut App) {
        app.wheel(col, row, delta);
    }
}

fn press(app: &mut App, chord: KeyChord) -> Outcome {
    match focused_keys(app.focus).lookup(chord) {
        Some(A::JumpSection) => {
            if let Key::Char(c) = chord.key
                && let Some(n) = c.to_digit(10)
            {
                app.status = None;
                app.jump_to_section(n as usize);
            }
            Outcome::Stay
        }
        Some(action) => Outcome::Effects(app.on_action(action)),
        None => Outcome::Stay,
    }
}

impl App {
    fn on_action(&mut self, action: EditorAction) -> Vec<Effect> {
        self.status = None;
        match action {
            A::Move(m) if self.focus == Focus::Table => {
                let months = self.projection().months.len();
                let mut c = ListCursor {
                    selected: self.table_offset,
                    offset: 0,
                };
                c.go(m, months, TABLE_PAGE);
                self.table_offset = c.selected;
            }
            A::Move(m) => {
                let delta = match m {
                    Move::Up => -1,
                    Move::Down => 1,
                    Move::PageUp => -(self.page() as isize),
                    Move::PageDown => self.page() as isize,
                    Move::Top => -(self.rows.len() as isize),
                    Move::Bottom => self.rows.len() as isize,
                };
                self.move_selection(delta);
            }
            A::Increase => self.step(1.0, 1.0),
            A::Decrease => self.step(-1.0, 1.0),
            A::IncreaseBig => self.step(1.0, 10.0),
            A::DecreaseBig => self.step(-1.0, 10.0),
            A::Double => self.scale(2.0),
            A::Halve => self.scale(0.5),
            A::Find => self.switch_to(Mode::Finder(super::finder::FinderState::new(self))),
            A::JumpSection => {}
            A::Activate => self.activate(),
            A::ToggleSection => self.toggle_section(),
            A::CollapseAll => {
                self.collapsed = Group::all().collect();
                self.rebuild_rows();
                self.selected = 0;
            }
            A::ExpandAll => {
                self.collapsed.clear();
                self.rebuild_rows();
            }
            A::SwitchFocus => {
                self.focus = match self.focus {
                    Focus::Inputs => Focus::Table,
                    Focus::Table => Focus::Inputs,
                }
            }
            A::Undo => self.undo(true),
            A::Redo => self.undo(false),
            A::Save => return self.save(),
            A::SaveAs => self.open_save_as(),
            A::Open => return self.proceed(Pending::Open(PathBuf::new())),
            A::MakeVariant => self.make_variant(),
            A::Compare => self.open_compare(),
            A::CompareWith => return self.open_compare_with(),
            A::PinVariant => self.pin_variant(),
            A::PrevPlan => self.switch_plan(-1),
            A::NextPlan => self.switch_plan(1),
            A::ClosePlan => return self.guard(Pending::Close(self.session.active_id())),
            A::NewFromExample => self.switch_to(Mode::Examples(Default::default())),
            A::Notes => self.open_notes(),
            A::PickModel => {
                // The model under the cursor: its mix line, or any of its
                // inputs (its error rate is in the Risk section).
                let i = match self.selected_row() {
                    Some(super::super::rows::Row::Field(
                        f @ crate::model::fields::Field::Model(..),
                    )) => f.index(),
                    _ => self.current_model(),
                }
                .unwrap_or(0);
                self.open_picker(super::picker::PickTarget::Replace(i));
            }
            A::AddModel => self.open_picker(super::picker::PickTarget::Add),
            A::RemoveLine => self.remove_line(),
            A::Rebalance => self.rebalance(),
            A::RefreshPrices => self.refresh_prices(),
            A::Tornado => self.open_tornado(),
            A::NextMetric => self.next_metric(),
            A::Actuals => self.open_actuals(),
            A::Breakeven => self.open_breakeven(),
            A::EditRange => self.edit_range(),
            A::Source => self.open_source(),
            A::Present => self.open_present(),
            A::Export => return self.export(),
            A::AddInfra => self.add_infra(),
            A::Help => self.open_help(None),
            A::Quit => return self.guard(Pending::Quit),
            A::DismissNotices => self.notices.retain(|n| n.sticky),
            A::NextCase => self.next_case(),
            A::MakeCase => self.start_case(),
        }
        Vec::new()
    }
}
