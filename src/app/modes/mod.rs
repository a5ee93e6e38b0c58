//! One module per mode of the workbench. Each owns its state, its keymap and
//! its key handling; `App::on_key` is one match on the mode.
//!
//! A key press takes the mode's state out of `App::mode`, lets its handler
//! work on the state and the app, and settles by the handler's [`Outcome`]:
//! the mode stays, closes, or hands over to a mode the handler opened.

pub mod browser;
pub mod compare;
pub mod confirm;
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

use super::cursor::Move;
use super::keymap::{Described, Dialog, Key, KeyChord, Keymap, Shown, bar, k};
use super::{App, CompareState, Effect, Focus, Pending, SafetyState};
use browser::{BrowserState, ExamplesState};
use help::HelpState;
use picker::PickerState;
use source::SourceState;
use text_entry::EditState;
use tornado::TornadoState;

pub enum Mode {
    Normal,
    Edit(EditState),
    Picker(PickerState),
    Notes(Box<TextArea<'static>>),
    Help(HelpState),
    Confirm(Pending),
    SaveAs(EditState),
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
    tables: &[&[
        (k(Key::Up), ListAction::Move(Move::Up)),
        (k(Key::Down), ListAction::Move(Move::Down)),
        (k(Key::PageUp), ListAction::Move(Move::PageUp)),
        (k(Key::PageDown), ListAction::Move(Move::PageDown)),
        (k(Key::Enter), ListAction::Choose),
        (k(Key::Esc), ListAction::Cancel),
    ]],
    any_key: None,
    bar: &[bar(ListAction::Choose), bar(ListAction::Cancel)],
};

/// How far PgUp/PgDn move in a list.
pub const LIST_PAGE: usize = 10;

/// The modes' key lists as help shows them: (title, keys), the keys of
/// `here` (the mode help was opened from) first.
pub fn help_sections(focus: Focus, here: Option<&Mode>) -> Vec<(&'static str, Vec<Shown>)> {
    let (inputs, table) = (
        ("Inputs pane (and anywhere)", editor::INPUTS_KEYS.help()),
        ("Monthly table (and anywhere)", editor::TABLE_KEYS.help()),
    );
    let mut all = vec![
        ("Compare view (c)", compare::KEYS.help()),
        ("What drives the cost (t)", tornado::KEYS.help()),
        ("Find an input (/)", finder::KEYS.help()),
        ("Typing a value or a name", text_entry::KEYS.help()),
        ("Model picker and examples", LIST_KEYS.help()),
        ("Plan browser (Ctrl-O, C)", browser::KEYS.help()),
        ("Source of an input", source::KEYS.help()),
        ("Notes editor", notes::KEYS.help()),
        ("Unsaved-changes question", confirm::KEYS.help()),
        (
            "Guided interview (Ctrl-N, runcost new --interview)",
            interview::KEYS.help(),
        ),
    ];
    let first = match here {
        Some(Mode::Compare(_)) => Some("Compare view (c)"),
        Some(Mode::Tornado(_)) => Some("What drives the cost (t)"),
        Some(Mode::Finder(_)) => Some("Find an input (/)"),
        Some(Mode::Interview(_)) => Some("Guided interview (Ctrl-N, runcost new --interview)"),
        _ => None,
    };
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
    vec![
        ("inputs", editor::INPUTS_KEYS.chords()),
        ("table", editor::TABLE_KEYS.chords()),
        ("text entry", text_entry::KEYS.chords()),
        ("list", LIST_KEYS.chords()),
        ("browser", browser::KEYS.chords()),
        ("source", source::KEYS.chords()),
        ("notes", notes::KEYS.chords()),
        ("help", help::KEYS.chords()),
        ("tornado", tornado::KEYS.chords()),
        ("finder", finder::KEYS.chords()),
        ("confirm", confirm::KEYS.chords()),
        ("compare", compare::KEYS.chords()),
        ("panel", panel::KEYS.chords()),
        ("recover", safety::RECOVER.chords()),
        ("conflict", safety::CONFLICT.chords()),
        ("conflict (invalid)", safety::CONFLICT_INVALID.chords()),
        ("reload", safety::RELOAD.chords()),
        ("interview", interview::KEYS.chords()),
    ]
}

impl App {
    /// The bottom bar's keys in the current mode.
    pub fn bar(&self) -> Vec<Shown> {
        match &self.mode {
            Mode::Normal => match self.focus {
                Focus::Inputs => editor::INPUTS_KEYS.bar(),
                Focus::Table => editor::TABLE_KEYS.bar(),
            },
            Mode::Edit(_) | Mode::SaveAs(_) => text_entry::KEYS.bar(),
            Mode::Picker(_) | Mode::Examples(_) => LIST_KEYS.bar(),
            Mode::Tornado(_) => tornado::KEYS.bar(),
            Mode::Browser(_) => browser::KEYS.bar(),
            Mode::Source(_) => source::KEYS.bar(),
            Mode::Notes(_) => notes::KEYS.bar(),
            Mode::Help(_) => help::KEYS.bar(),
            Mode::Confirm(_) => confirm::KEYS.bar(),
            Mode::Compare(_) => compare::KEYS.bar(),
            Mode::Safety(s) => s.keys().bar(),
            Mode::Present(_) | Mode::Breakeven(_) => panel::KEYS.bar(),
            Mode::Finder(_) => finder::KEYS.bar(),
            Mode::Interview(i) => i.keys_bar(),
        }
    }

    /// Every chord the current mode binds (what its help lists).
    pub fn mode_chords(&self) -> Vec<KeyChord> {
        match &self.mode {
            Mode::Normal => match self.focus {
                Focus::Inputs => editor::INPUTS_KEYS.chords(),
                Focus::Table => editor::TABLE_KEYS.chords(),
            },
            Mode::Edit(_) | Mode::SaveAs(_) => text_entry::KEYS.chords(),
            Mode::Picker(_) | Mode::Examples(_) => LIST_KEYS.chords(),
            Mode::Tornado(_) => tornado::KEYS.chords(),
            Mode::Browser(_) => browser::KEYS.chords(),
            Mode::Source(_) => source::KEYS.chords(),
            Mode::Notes(_) => notes::KEYS.chords(),
            Mode::Help(_) => help::KEYS.chords(),
            Mode::Confirm(_) => confirm::KEYS.chords(),
            Mode::Compare(_) => compare::KEYS.chords(),
            Mode::Safety(s) => s.keys().chords(),
            Mode::Present(_) | Mode::Breakeven(_) => panel::KEYS.chords(),
            Mode::Finder(_) => finder::KEYS.chords(),
            Mode::Interview(i) => i.keys_chords(),
        }
    }

    /// The one place the mode changes: every handler that opens, closes or
    /// puts back a mode goes through here (tests/it/architecture checks it).
    pub(crate) fn switch_to(&mut self, mode: Mode) {
        self.mode = mode;
    }

    /// Takes the mode out to hand it its key or paste, leaving the editor;
    /// `settle` or `switch_to` puts it (or the one it opened) back.
    fn take_mode(&mut self) -> Mode {
        std::mem::replace(&mut self.mode, Mode::Normal)
    }

    /// A key press: the current mode handles it.
    pub(super) fn on_key(&mut self, chord: KeyChord) -> Vec<Effect> {
        // The "terminal too small" notice hides the screen: a key acting on
        // it would change the plan unseen. Only quitting, saving and Esc
        // (which closes what is open) go through.
        if super::layout::too_small(self.size) {
            let quit = chord == KeyChord::ctrl('c')
                || (chord == KeyChord::ch('q') && matches!(self.mode, Mode::Normal));
            let allowed =
                quit || chord == KeyChord::ctrl('s') || chord == KeyChord::plain(Key::Esc);
            if !allowed {
                return Vec::new();
            }
        }
        let mut mode = self.take_mode();
        let outcome = match &mut mode {
            Mode::Normal => editor::handle(self, chord),
            Mode::Edit(e) => e.handle(chord, self),
            Mode::SaveAs(e) => e.handle_save_as(chord, self),
            Mode::Picker(p) => p.handle(chord, self),
            Mode::Notes(area) => notes::handle(area, chord, self),
            Mode::Help(h) => h.handle(chord, self),
            Mode::Confirm(p) => confirm::handle(p, chord, self),
            Mode::Browser(b) => b.handle(chord, self),
            Mode::Examples(x) => x.handle(chord, self),
            Mode::Compare(c) => c.handle(chord, self),
            Mode::Safety(s) => s.handle(chord, self),
            Mode::Tornado(t) => t.handle(chord, self),
            Mode::Source(s) => s.handle(chord, self),
            Mode::Present(_) | Mode::Breakeven(_) => panel::handle(chord),
            Mode::Finder(x) => x.handle(chord, self),
            Mode::Interview(i) => i.handle(chord, self),
        };
        self.settle(mode, outcome)
    }

    /// Puts the mode back unless it closed or another one was opened.
    fn settle(&mut self, mode: Mode, outcome: Outcome) -> Vec<Effect> {
        let keep = |app: &mut App| {
            if matches!(app.mode, Mode::Normal) {
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
        match &mut mode {
            Mode::Edit(e) | Mode::SaveAs(e) => e.paste(pasted, self),
            Mode::Notes(area) => {
                area.insert_str(super::text::normalize_newlines(pasted));
            }
            Mode::Picker(p) => p.paste(pasted, &self.catalog),
            Mode::Browser(b) => b.paste(pasted),
            Mode::Source(s) => s.paste(pasted),
            Mode::Finder(x) => x.paste(pasted),
            Mode::Interview(i) => i.type_text(pasted),
            _ => {}
        }
        if let Mode::SaveAs(e) = &mut mode {
            e.error = text_entry::save_as_error(&e.input.lines().join(""));
        }
        self.switch_to(mode);
    }

    /// The wheel: three rows in the list of the mode, or in the pane under it.
    pub(super) fn on_scroll(&mut self, col: u16, row: u16, down: bool) {
        let delta = if down { 3 } else { -3 };
        match &mut self.mode {
            Mode::Picker(p) => p.cursor.by(delta, p.matches.len()),
            Mode::Browser(b) => b.cursor.by(delta, b.matches.len()),
            Mode::Finder(x) => x.cursor.by(delta, x.matches.len()),
            Mode::Help(h) => h.wheel(delta),
            Mode::Normal => self.wheel(col, row, delta),
            _ => {}
        }
    }
}
