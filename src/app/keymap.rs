//! Keys, the actions they trigger, and one keymap per context. The help overlay
//! and the bottom bar are generated from these same tables, so what the screen
//! says is what the keys do.

use std::fmt;

/// A key, independent of the terminal library.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Key {
    Char(char),
    Enter,
    Esc,
    Up,
    Down,
    Left,
    Right,
    Tab,
    BackTab,
    Backspace,
    Delete,
    Home,
    End,
    PageUp,
    PageDown,
    F(u8),
}

/// A key with its modifiers. Shift on letters is folded into the character
/// (`Shift+a` arrives as `Char('A')` with `shift: false`), so keymaps only say
/// `shift` for non-character keys.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct KeyChord {
    pub key: Key,
    pub ctrl: bool,
    pub alt: bool,
    pub shift: bool,
}

impl KeyChord {
    pub const fn plain(key: Key) -> Self {
        KeyChord {
            key,
            ctrl: false,
            alt: false,
            shift: false,
        }
    }

    pub const fn ch(c: char) -> Self {
        Self::plain(Key::Char(c))
    }

    pub const fn ctrl(c: char) -> Self {
        KeyChord {
            key: Key::Char(c),
            ctrl: true,
            alt: false,
            shift: false,
        }
    }

    pub const fn shift(key: Key) -> Self {
        KeyChord {
            key,
            ctrl: false,
            alt: false,
            shift: true,
        }
    }

    /// Normalises a chord as it comes from a terminal: letters carry their case,
    /// control letters are lower case, shift is dropped on characters.
    pub fn normalized(mut self) -> Self {
        if let Key::Char(c) = self.key {
            if self.ctrl {
                self.key = Key::Char(c.to_ascii_lowercase());
            }
            self.shift = false;
        }
        if self.key == Key::BackTab {
            self.shift = false;
        }
        self
    }
}

impl fmt::Display for KeyChord {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.ctrl {
            f.write_str("Ctrl-")?;
        }
        if self.alt {
            f.write_str("Alt-")?;
        }
        if self.shift {
            f.write_str("Shift-")?;
        }
        match self.key {
            Key::Char(' ') => f.write_str("Space"),
            Key::Char(c) if self.ctrl => write!(f, "{}", c.to_ascii_uppercase()),
            Key::Char(c) => write!(f, "{c}"),
            Key::Enter => f.write_str("Enter"),
            Key::Esc => f.write_str("Esc"),
            Key::Up => f.write_str("↑"),
            Key::Down => f.write_str("↓"),
            Key::Left => f.write_str("←"),
            Key::Right => f.write_str("→"),
            Key::Tab => f.write_str("Tab"),
            Key::BackTab => f.write_str("Shift-Tab"),
            Key::Backspace => f.write_str("Backspace"),
            Key::Delete => f.write_str("Del"),
            Key::Home => f.write_str("Home"),
            Key::End => f.write_str("End"),
            Key::PageUp => f.write_str("PgUp"),
            Key::PageDown => f.write_str("PgDn"),
            Key::F(n) => write!(f, "F{n}"),
        }
    }
}

/// Everything a key can ask the workbench to do.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Action {
    Up,
    Down,
    PageUp,
    PageDown,
    Top,
    Bottom,
    Increase,
    Decrease,
    IncreaseBig,
    DecreaseBig,
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
    Compare,
    PrevPlan,
    NextPlan,
    ClosePlan,
    SetBaseline,
    ToggleChart,
    Mark,
    RefreshPrices,
    Tornado,
    Breakeven,
    EditRange,
    Present,
    Export,
    Restore,
    Overwrite,
    DialogSaveAs,
    Keep,
    /// Clear the notices above the status bar (not the warning that unsaved
    /// changes are unprotected: that stays until they are protected again).
    DismissNotices,
    // Dialogs and overlays.
    Confirm,
    Cancel,
    DialogSave,
    DialogDiscard,
}

impl Action {
    /// What the action does, as the help overlay says it.
    pub fn description(self) -> &'static str {
        match self {
            Action::Up => "move up",
            Action::Down => "move down",
            Action::PageUp => "page up",
            Action::PageDown => "page down",
            Action::Top => "first row",
            Action::Bottom => "last row",
            Action::Increase => "raise the value one step",
            Action::Decrease => "lower the value one step",
            Action::IncreaseBig => "raise by ten steps",
            Action::DecreaseBig => "lower by ten steps",
            Action::Activate => "edit the value / toggle / open the picker or notes",
            Action::ToggleSection => "collapse or expand the section",
            Action::CollapseAll => "collapse every section",
            Action::ExpandAll => "expand every section",
            Action::SwitchFocus => "switch between inputs and the monthly table",
            Action::Undo => "undo the last change",
            Action::Redo => "redo",
            Action::Save => "save the plan",
            Action::SaveAs => "save under a new name",
            Action::Open => "open a plan",
            Action::NewFromExample => "new plan from an example",
            Action::Notes => "edit the notes from the call",
            Action::PickModel => "choose the model from the catalog",
            Action::AddModel => "add a model to the mix",
            Action::RemoveLine => "remove the model or infrastructure line",
            Action::Rebalance => "rebalance model shares to sum to 100 %",
            Action::AddInfra => "add an infrastructure line",
            Action::Help => "show or hide this help",
            Action::MakeVariant => "duplicate the plan as a named variant",
            Action::Compare => "compare the open plans side by side",
            Action::PrevPlan => "previous open plan",
            Action::NextPlan => "next open plan",
            Action::ClosePlan => "close the plan (asks if it has unsaved changes)",
            Action::SetBaseline => "make the plan under the cursor the baseline",
            Action::ToggleChart => "monthly totals as one chart / as columns",
            Action::Mark => "mark the plan to open side by side (2 to 4)",
            Action::RefreshPrices => "take the catalog's current prices into the plan",
            Action::Tornado => "what drives the cost: each input ±20 %, largest swing first",
            Action::EditRange => "give the input a range (low – high) for the TCO band",
            Action::Breakeven => "where it breaks even: self-hosting volumes, payback minutes",
            Action::Present => "presentation mode for screen sharing (any key returns)",
            Action::Export => "write the client report (Markdown and HTML) next to the plan",
            Action::Restore => "restore the recovered changes / reload the version on disk",
            Action::Overwrite => "overwrite the file on disk with this plan",
            Action::DialogSaveAs => "save this plan under another name instead",
            Action::Keep => "keep the plan as it is here",
            Action::DismissNotices => "dismiss the notices above the status bar",
            Action::Quit => "quit (asks if there are unsaved changes)",
            Action::Confirm => "confirm",
            Action::Cancel => "cancel",
            Action::DialogSave => "save, then continue",
            Action::DialogDiscard => "discard the changes and continue",
        }
    }

    /// A one-word label for the bottom bar.
    pub fn short(self) -> &'static str {
        match self {
            Action::Increase | Action::Decrease => "adjust",
            Action::Activate => "edit",
            Action::Undo => "undo",
            Action::Redo => "redo",
            Action::Save => "save",
            Action::Open => "open",
            Action::Help => "help",
            Action::Quit => "quit",
            Action::PickModel => "model",
            Action::Notes => "notes",
            Action::SwitchFocus => "table",
            Action::Confirm => "ok",
            Action::Cancel => "cancel",
            Action::DialogSave => "save",
            Action::DialogDiscard => "discard",
            Action::Rebalance => "rebalance",
            Action::MakeVariant => "variant",
            Action::Compare => "compare",
            Action::SetBaseline => "baseline",
            Action::ToggleChart => "chart",
            Action::ClosePlan => "close",
            Action::Mark => "mark",
            Action::RefreshPrices => "refresh prices",
            Action::Tornado => "drivers",
            Action::EditRange => "range",
            Action::Breakeven => "break-even",
            Action::Present => "present",
            Action::Export => "report",
            Action::Restore => "restore/reload",
            Action::Overwrite => "overwrite",
            Action::DialogSaveAs => "save as",
            Action::Keep => "keep",
            Action::DismissNotices => "dismiss",
            _ => self.description(),
        }
    }
}

/// Where keys are read: each has its own keymap.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Context {
    Inputs,
    Table,
    /// Typing a value, a name, a filter, a path: keys go to the text field.
    TextEntry,
    Picker,
    Browser,
    Notes,
    Help,
    ConfirmDiscard,
    Compare,
    /// A safety question: recovery, conflict, reload.
    Choice,
}

pub type Binding = (KeyChord, Action);

const fn k(key: Key) -> KeyChord {
    KeyChord::plain(key)
}

const GLOBAL: &[Binding] = &[
    (KeyChord::ch('?'), Action::Help),
    (KeyChord::plain(Key::F(1)), Action::Help),
    (KeyChord::ctrl('s'), Action::Save),
    (KeyChord::ch('S'), Action::SaveAs),
    (KeyChord::ctrl('o'), Action::Open),
    (KeyChord::ctrl('n'), Action::NewFromExample),
    (KeyChord::ch('u'), Action::Undo),
    (KeyChord::ctrl('z'), Action::Undo),
    (KeyChord::ctrl('r'), Action::Redo),
    (KeyChord::ctrl('y'), Action::Redo),
    (KeyChord::ch('q'), Action::Quit),
    (KeyChord::ctrl('c'), Action::Quit),
    (k(Key::Tab), Action::SwitchFocus),
    (k(Key::BackTab), Action::SwitchFocus),
];

const INPUTS: &[Binding] = &[
    (k(Key::Up), Action::Up),
    (KeyChord::ch('k'), Action::Up),
    (k(Key::Down), Action::Down),
    (KeyChord::ch('j'), Action::Down),
    (k(Key::PageUp), Action::PageUp),
    (k(Key::PageDown), Action::PageDown),
    (k(Key::Home), Action::Top),
    (k(Key::End), Action::Bottom),
    (k(Key::Right), Action::Increase),
    (KeyChord::ch('l'), Action::Increase),
    (k(Key::Left), Action::Decrease),
    (KeyChord::ch('h'), Action::Decrease),
    (KeyChord::shift(Key::Right), Action::IncreaseBig),
    (KeyChord::ch('L'), Action::IncreaseBig),
    (KeyChord::shift(Key::Left), Action::DecreaseBig),
    (KeyChord::ch('H'), Action::DecreaseBig),
    (k(Key::Enter), Action::Activate),
    (KeyChord::ch(' '), Action::ToggleSection),
    (KeyChord::ch('-'), Action::CollapseAll),
    (KeyChord::ch('+'), Action::ExpandAll),
    (KeyChord::ch('m'), Action::PickModel),
    (KeyChord::ch('a'), Action::AddModel),
    (KeyChord::ch('i'), Action::AddInfra),
    (KeyChord::ch('d'), Action::RemoveLine),
    (k(Key::Delete), Action::RemoveLine),
    (KeyChord::ch('b'), Action::Rebalance),
    (KeyChord::ch('n'), Action::Notes),
    (KeyChord::ch('v'), Action::MakeVariant),
    (KeyChord::ch('c'), Action::Compare),
    (KeyChord::ch('<'), Action::PrevPlan),
    (KeyChord::ch('>'), Action::NextPlan),
    (KeyChord::ch('x'), Action::ClosePlan),
    (KeyChord::ch('p'), Action::RefreshPrices),
    (KeyChord::ch('t'), Action::Tornado),
    (KeyChord::ch('r'), Action::EditRange),
    (KeyChord::ch('B'), Action::Breakeven),
    (KeyChord::ch('P'), Action::Present),
    (KeyChord::ch('e'), Action::Export),
    (k(Key::Esc), Action::DismissNotices),
];

const CHOICE: &[Binding] = &[
    (KeyChord::ch('r'), Action::Restore),
    (KeyChord::ch('d'), Action::DialogDiscard),
    (KeyChord::ch('o'), Action::Overwrite),
    (KeyChord::ch('a'), Action::DialogSaveAs),
    (KeyChord::ch('k'), Action::Keep),
    (k(Key::Esc), Action::Cancel),
];

const COMPARE: &[Binding] = &[
    (k(Key::Left), Action::Decrease),
    (KeyChord::ch('h'), Action::Decrease),
    (k(Key::Right), Action::Increase),
    (KeyChord::ch('l'), Action::Increase),
    (k(Key::Up), Action::Up),
    (KeyChord::ch('k'), Action::Up),
    (k(Key::Down), Action::Down),
    (KeyChord::ch('j'), Action::Down),
    (k(Key::PageUp), Action::PageUp),
    (k(Key::PageDown), Action::PageDown),
    (k(Key::Enter), Action::Activate),
    (KeyChord::ch('b'), Action::SetBaseline),
    (KeyChord::ch('g'), Action::ToggleChart),
    (KeyChord::ch('x'), Action::ClosePlan),
    (KeyChord::ctrl('s'), Action::Save),
    (k(Key::Esc), Action::Cancel),
    (KeyChord::ch('c'), Action::Cancel),
    (KeyChord::ch('?'), Action::Help),
    (KeyChord::ch('q'), Action::Quit),
    (KeyChord::ctrl('c'), Action::Quit),
];

const TABLE: &[Binding] = &[
    (k(Key::Up), Action::Up),
    (KeyChord::ch('k'), Action::Up),
    (k(Key::Down), Action::Down),
    (KeyChord::ch('j'), Action::Down),
    (k(Key::PageUp), Action::PageUp),
    (k(Key::PageDown), Action::PageDown),
    (k(Key::Home), Action::Top),
    (k(Key::End), Action::Bottom),
    (k(Key::Esc), Action::SwitchFocus),
];

const TEXT_ENTRY: &[Binding] = &[
    (k(Key::Enter), Action::Confirm),
    (k(Key::Esc), Action::Cancel),
];

const BROWSER: &[Binding] = &[
    (k(Key::Up), Action::Up),
    (k(Key::Down), Action::Down),
    (k(Key::PageUp), Action::PageUp),
    (k(Key::PageDown), Action::PageDown),
    (KeyChord::ch(' '), Action::Mark),
    (k(Key::Enter), Action::Confirm),
    (k(Key::Esc), Action::Cancel),
];

const PICKER: &[Binding] = &[
    (k(Key::Up), Action::Up),
    (k(Key::Down), Action::Down),
    (k(Key::PageUp), Action::PageUp),
    (k(Key::PageDown), Action::PageDown),
    (k(Key::Enter), Action::Confirm),
    (k(Key::Esc), Action::Cancel),
];

const NOTES: &[Binding] = &[(k(Key::Esc), Action::Confirm)];

const HELP: &[Binding] = &[
    (k(Key::Esc), Action::Cancel),
    (KeyChord::ch('?'), Action::Cancel),
    (KeyChord::ch('q'), Action::Cancel),
    (k(Key::Up), Action::Up),
    (k(Key::Down), Action::Down),
];

const CONFIRM: &[Binding] = &[
    (KeyChord::ch('s'), Action::DialogSave),
    (KeyChord::ch('d'), Action::DialogDiscard),
    (KeyChord::ch('c'), Action::Cancel),
    (k(Key::Esc), Action::Cancel),
];

/// The bindings of a context, most specific first. Text contexts have no
/// global keys: letters are typed, not interpreted.
pub fn bindings(ctx: Context) -> Vec<Binding> {
    let own: &[Binding] = match ctx {
        Context::Inputs => INPUTS,
        Context::Table => TABLE,
        Context::TextEntry => TEXT_ENTRY,
        Context::Picker => PICKER,
        Context::Browser => BROWSER,
        Context::Compare => COMPARE,
        Context::Choice => CHOICE,
        Context::Notes => NOTES,
        Context::Help => HELP,
        Context::ConfirmDiscard => CONFIRM,
    };
    let mut v = own.to_vec();
    if matches!(ctx, Context::Inputs | Context::Table) {
        v.extend_from_slice(GLOBAL);
    }
    v
}

/// The action a chord triggers in a context, if any.
pub fn lookup(ctx: Context, chord: KeyChord) -> Option<Action> {
    let chord = chord.normalized();
    bindings(ctx)
        .into_iter()
        .find(|(c, _)| *c == chord)
        .map(|(_, a)| a)
}

/// The keys for the bottom bar: one chord per action, in this order.
pub fn bar(ctx: Context) -> Vec<(KeyChord, Action)> {
    let wanted: &[Action] = match ctx {
        Context::Inputs => &[
            Action::Decrease,
            Action::Activate,
            Action::PickModel,
            Action::Undo,
            Action::Save,
            Action::Open,
            Action::MakeVariant,
            Action::Compare,
            Action::SwitchFocus,
            Action::Help,
            Action::Quit,
        ],
        Context::Table => &[Action::Up, Action::SwitchFocus, Action::Help, Action::Quit],
        Context::Compare => &[
            Action::Decrease,
            Action::Activate,
            Action::SetBaseline,
            Action::ToggleChart,
            Action::ClosePlan,
            Action::Cancel,
            Action::Help,
            Action::Quit,
        ],
        Context::TextEntry | Context::Picker => &[Action::Confirm, Action::Cancel],
        Context::Browser => &[Action::Mark, Action::Confirm, Action::Cancel],
        Context::Notes => &[Action::Confirm],
        Context::Help => &[Action::Cancel],
        Context::Choice => &[Action::Cancel],
        Context::ConfirmDiscard => &[Action::DialogSave, Action::DialogDiscard, Action::Cancel],
    };
    let all = bindings(ctx);
    wanted
        .iter()
        .filter_map(|a| all.iter().find(|(_, x)| x == a).copied())
        .collect()
}
