//! One module per mode of the workbench. Each owns its state, its keymap and
//! its key handling: its state implements [`ModeState`], and [`each_state!`]
//! is the one match on the mode (`App::on_key`, the bar, paste, the wheel).
//!
//! A key press takes the mode's state out of `App::mode`, lets its handler
//! work on the state and the app, and settles by the handler's [`Outcome`]:
//! the mode stays, closes, or hands over to a mode the handler opened.

/// The arrows and the page keys of a list, each moving by `$m`
/// (`moves!(m => ListAction::Move(m))`): one key table, shared by the lists.
macro_rules! moves {
    ($m:ident => $action:expr) => {
        &[
            ($crate::app::keymap::k($crate::app::keymap::Key::Up), {
                let $m = $crate::app::cursor::Move::Up;
                $action
            }),
            ($crate::app::keymap::k($crate::app::keymap::Key::Down), {
                let $m = $crate::app::cursor::Move::Down;
                $action
            }),
            ($crate::app::keymap::k($crate::app::keymap::Key::PageUp), {
                let $m = $crate::app::cursor::Move::PageUp;
                $action
            }),
            (
                $crate::app::keymap::k($crate::app::keymap::Key::PageDown),
                {
                    let $m = $crate::app::cursor::Move::PageDown;
                    $action
                },
            ),
        ]
    };
}

pub mod browser;
pub mod compare;
pub mod confirm;
mod current;
pub mod editor;
pub mod finder;
pub mod help;
pub mod interview;
mod mouse;
pub mod notes;
pub mod panel;
pub mod picker;
pub mod picker_rank;
pub mod picker_rate;
pub mod safety;
pub mod source;
pub mod text_entry;
pub mod tornado;

use ratatui_textarea::TextArea;

use super::cursor::{ListCursor, Move};
use super::keymap::{Described, Dialog, Key, KeyChord, KeyList, Keymap, Shown, bar, k};
use super::{App, CompareState, Effect, Focus, Pending, SafetyState};
use browser::{BrowserState, ExamplesState};
use help::HelpState;
use picker::PickerState;
use source::SourceState;
use text_entry::EditState;
use tornado::TornadoState;

pub use current::CurrentMode;

pub enum Mode {
    Normal,
    Edit(EditState),
    Picker(PickerState),
    Notes(Box<TextArea<'static>>),
    Help(HelpState),
    Confirm(Pending),
    SaveAs(text_entry::SaveAs),
    Browser(BrowserState),
    Examples(ExamplesState),
    Compare(CompareState),
    Safety(SafetyState),
    Tornado(TornadoState),
    /// The source and confidence of the input under the cursor.
    Source(SourceState),
    /// Presentation mode: big figures for screen sharing, with the top
    /// drivers (computed off the key path once per revision, not per frame).
    Present(panel::PresentState),
    /// The break-even findings, as text.
    Breakeven(panel::BreakevenState),
    /// The plan against its actuals, as text.
    Actuals(panel::ActualsState),
    /// `/`: find an input by name.
    Finder(finder::FinderState),
    /// The guided interview of a discovery call.
    Interview(Box<interview::InterviewState>),
}

/// What a key did to its mode.
pub enum Outcome {
    /// The mode stays open (unless the handler opened another one).
    Stay,
    /// The mode stays open (unless the handler opened another one), and the
    /// runtime carries out these effects.
    Effects(Vec<Effect>),
    /// The mode closes: back to the editor, or to the mode the handler opened.
    Close,
    /// The mode closes, and the runtime carries out these effects.
    CloseWith(Vec<Effect>),
    /// The mode stays open while the app goes on with `Pending`, asking
    /// first if that would lose unsaved changes.
    Guard(Pending),
}

/// What the state of every mode does. [`each_state!`] is the one match
/// over [`Mode`]; the bar, the chords, keys, paste, the wheel and help's
/// order all go through it.
pub trait ModeState {
    /// The keys the mode binds now: the bar offers them, help lists them.
    fn keys(&self, app: &App) -> &'static dyn KeyList;
    /// A key press.
    fn press(&mut self, chord: KeyChord, app: &mut App) -> Outcome;
    /// Bracketed paste: into the mode's text box, if it has one.
    fn pasted(&mut self, _text: &str, _app: &mut App) {}
    /// The mode's list, if it has one: its cursor and how many it shows.
    fn list(&mut self) -> Option<(&mut ListCursor, usize)> {
        None
    }
    /// The wheel at (column, row): `delta` rows in the mode's list, if any.
    fn scrolled(&mut self, _at: (u16, u16), delta: isize, _app: &mut App) {
        if let Some((cursor, len)) = self.list() {
            cursor.by(delta, len);
        }
    }
    /// The title of the mode's own section of help, which help lists first.
    fn help_title(&self) -> Option<&'static str> {
        None
    }
}

/// The one match over the modes: `$body` with `$s` bound to the state of
/// the mode `$mode` (a `&Mode` or a `&mut Mode`); the editor has none.
macro_rules! each_state {
    ($mode:expr, $s:ident => $body:expr) => {
        match $mode {
            Mode::Normal => {
                let $s = &mut editor::Editor;
                $body
            }
            Mode::Edit($s) => $body,
            Mode::SaveAs($s) => $body,
            Mode::Picker($s) => $body,
            Mode::Notes($s) => $body,
            Mode::Help($s) => $body,
            Mode::Confirm($s) => $body,
            Mode::Browser($s) => $body,
            Mode::Examples($s) => $body,
            Mode::Compare($s) => $body,
            Mode::Safety($s) => $body,
            Mode::Tornado($s) => $body,
            Mode::Source($s) => $body,
            Mode::Present($s) => $body,
            Mode::Breakeven($s) => $body,
            Mode::Actuals($s) => $body,
            Mode::Finder($s) => $body,
            Mode::Interview($s) => $body,
        }
    };
}

/// The source panel (`source.rs`) keeps its own handlers.
impl ModeState for SourceState {
    fn keys(&self, _: &App) -> &'static dyn KeyList {
        &source::KEYS
    }
    fn press(&mut self, chord: KeyChord, app: &mut App) -> Outcome {
        self.handle(chord, app)
    }
    fn pasted(&mut self, text: &str, _: &mut App) {
        self.paste(text);
    }
}

/// Moving in a list, choosing, or leaving it: the model picker, the
/// examples and the tornado.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum ListAction {
    Move(Move),
    Choose,
    Cancel,
}

impl Described for ListAction {
    fn description(self) -> &'static str {
        match self {
            ListAction::Move(m) => m.description(),
            ListAction::Choose => Dialog::Confirm.description(),
            ListAction::Cancel => Dialog::Cancel.description(),
        }
    }
    fn short(self) -> &'static str {
        match self {
            ListAction::Move(m) => m.description(),
            ListAction::Choose => Dialog::Confirm.short(),
            ListAction::Cancel => Dialog::Cancel.short(),
        }
    }
}

pub const LIST_KEYS: Keymap<ListAction> = Keymap {
    tables: &[
        moves!(m => ListAction::Move(m)),
        &[
            (k(Key::Enter), ListAction::Choose),
            (k(Key::Esc), ListAction::Cancel),
        ],
    ],
    any_key: None,
    bar: &[bar(ListAction::Choose), bar(ListAction::Cancel)],
};

/// How far PgUp/PgDn move in a list.
pub const LIST_PAGE: usize = 10;

/// Every keymap of the modes: its name (for the tests of the keymaps
/// themselves) and the title of its section of help, if help lists it (in
/// this order, after the editor's two).
const KEYMAPS: &[(&str, Option<&str>, &dyn KeyList)] = &[
    ("compare", Some(compare::TITLE), &compare::KEYS),
    ("tornado", Some(tornado::TITLE), &tornado::KEYS),
    ("finder", Some(finder::TITLE), &finder::KEYS),
    (
        "text entry",
        Some("Typing a value or a name"),
        &text_entry::KEYS,
    ),
    ("list", Some("Model picker and examples"), &LIST_KEYS),
    ("browser", Some("Plan browser (Ctrl-O, C)"), &browser::KEYS),
    ("source", Some("Source of an input"), &source::KEYS),
    ("notes", Some("Notes editor"), &notes::KEYS),
    ("confirm", Some("Unsaved-changes question"), &confirm::KEYS),
    ("interview", Some(interview::TITLE), &interview::KEYS),
    ("inputs", None, &editor::INPUTS_KEYS),
    ("table", None, &editor::TABLE_KEYS),
    ("help", None, &help::KEYS),
    ("panel", None, &panel::KEYS),
    ("recover", None, &safety::RECOVER),
    ("conflict", None, &safety::CONFLICT),
    ("conflict (invalid)", None, &safety::CONFLICT_INVALID),
    ("reload", None, &safety::RELOAD),
];

/// The modes' key lists as help shows them: (title, keys), the keys of
/// `here` (the mode help was opened from) first.
pub fn help_sections(focus: Focus, here: Option<&Mode>) -> Vec<(&'static str, Vec<Shown>)> {
    let (inputs, table) = (
        ("Inputs pane (and anywhere)", editor::INPUTS_KEYS.help()),
        ("Monthly table (and anywhere)", editor::TABLE_KEYS.help()),
    );
    let mut all: Vec<_> = KEYMAPS
        .iter()
        .filter_map(|(_, title, keys)| Some(((*title)?, keys.help())))
        .collect();
    let first = here.and_then(|m| each_state!(m, s => s.help_title()));
    let mut out = Vec::new();
    if let Some(title) = first
        && let Some(i) = all.iter().position(|(t, _)| *t == title)
    {
        out.push(all.remove(i));
    }
    match focus {
        Focus::Inputs => out.extend([inputs, table]),
        Focus::Table => out.extend([table, inputs]),
    }
    out.extend(all);
    out
}

/// Every mode's chords, by name (for tests of the keymaps themselves).
pub fn all_chords() -> Vec<(&'static str, Vec<KeyChord>)> {
    KEYMAPS
        .iter()
        .map(|(name, _, keys)| (*name, keys.chords()))
        .collect()
}

impl App {
    /// The bottom bar's keys in the current mode.
    pub fn bar(&self) -> Vec<Shown> {
        each_state!(self.mode(), s => s.keys(self).bar())
    }

    /// Every chord the current mode binds (what its help lists).
    pub fn mode_chords(&self) -> Vec<KeyChord> {
        each_state!(self.mode(), s => s.keys(self).chords())
    }

    /// The mode on screen.
    pub fn mode(&self) -> &Mode {
        self.mode.get()
    }

    /// The one place the mode changes: every handler that opens, closes or
    /// puts back a mode goes through here ([`CurrentMode`] lets nothing
    /// else write it).
    pub(crate) fn switch_to(&mut self, mode: Mode) {
        self.mode.switch_to(mode);
    }

    /// Takes the mode out to hand it its key or paste, leaving the editor;
    /// `settle` or `switch_to` puts it (or the one it opened) back.
    fn take_mode(&mut self) -> Mode {
        self.mode.take()
    }

    /// A key press: the current mode handles it.
    pub(super) fn on_key(&mut self, chord: KeyChord) -> Vec<Effect> {
        // The "terminal too small" notice hides the screen: a key acting on
        // it would change the plan unseen. Only quitting, saving and Esc
        // (which closes what is open) go through.
        if super::layout::too_small(self.size) {
            let quit = chord == KeyChord::ctrl('c')
                || (chord == KeyChord::ch('q') && matches!(self.mode(), Mode::Normal));
            let allowed =
                quit || chord == KeyChord::ctrl('s') || chord == KeyChord::plain(Key::Esc);
            if !allowed {
                return Vec::new();
            }
        }
        let mut mode = self.take_mode();
        let outcome = each_state!(&mut mode, s => s.press(chord, self));
        self.settle(mode, outcome)
    }

    /// Puts the mode back unless it closed or another one was opened.
    fn settle(&mut self, mode: Mode, outcome: Outcome) -> Vec<Effect> {
        let keep = |app: &mut App| {
            if matches!(app.mode(), Mode::Normal) {
                app.switch_to(mode);
            }
        };
        match outcome {
            Outcome::Stay => {
                keep(self);
                Vec::new()
            }
            Outcome::Effects(effects) => {
                keep(self);
                effects
            }
            Outcome::Close => Vec::new(),
            Outcome::CloseWith(effects) => effects,
            Outcome::Guard(then) => {
                keep(self);
                self.guard(then)
            }
        }
    }

    /// Bracketed paste goes to the text box of the mode, if it has one.
    pub(super) fn on_paste(&mut self, pasted: &str) {
        let mut mode = self.take_mode();
        each_state!(&mut mode, s => s.pasted(pasted, self));
        self.switch_to(mode);
    }

    /// The wheel: three rows in the list of the mode, or in the pane under it.
    pub(super) fn on_scroll(&mut self, col: u16, row: u16, down: bool) {
        let delta = if down { 3 } else { -3 };
        let mut mode = self.take_mode();
        each_state!(&mut mode, s => s.scrolled((col, row), delta, self));
        self.switch_to(mode);
    }
}
