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

/// An action of one mode: what help says it does and what the bar calls it.
pub trait Described: Copy + PartialEq + 'static {
    /// What the action does, as the help overlay says it.
    fn description(self) -> &'static str;
    /// A one-word label for the bottom bar.
    fn short(self) -> &'static str {
        self.description()
    }
}

/// One key of the bottom bar: the action, and optionally how its keys and
/// its label read there ("←/→ adjust" for a pair of keys).
#[derive(Debug, Clone, Copy)]
pub struct Bar<A: 'static> {
    pub action: A,
    pub keys: Option<&'static str>,
    pub label: Option<&'static str>,
}

/// The bar shows the action with its first chord and its short label.
pub const fn bar<A>(action: A) -> Bar<A> {
    Bar {
        action,
        keys: None,
        label: None,
    }
}

/// The bar shows the action as `keys label`.
pub const fn bar_as<A>(action: A, keys: &'static str, label: &'static str) -> Bar<A> {
    Bar {
        action,
        keys: Some(keys),
        label: Some(label),
    }
}

pub type Binding<A> = (KeyChord, A);

/// The keys of one mode. Help and the bottom bar are generated from it, and
/// the mode's handler reads keys only through it, so what the screen says is
/// what the keys do.
pub struct Keymap<A: 'static> {
    /// The bindings, most specific table first.
    pub tables: &'static [&'static [Binding<A>]],
    /// The action every other key triggers ("any key closes"), if any.
    pub any_key: Option<A>,
    /// What the bottom bar shows, in order.
    pub bar: &'static [Bar<A>],
}

/// A key list as shown: the keys (joined) and what they do.
pub type Shown = (String, &'static str);

impl<A: Described> Keymap<A> {
    fn all(&self) -> impl Iterator<Item = &'static Binding<A>> + use<A> {
        let tables: &'static [&'static [Binding<A>]] = self.tables;
        tables.iter().flat_map(|t| t.iter())
    }

    /// The action a chord triggers, if any.
    pub fn lookup(&self, chord: KeyChord) -> Option<A> {
        let chord = chord.normalized();
        self.all()
            .find(|(c, _)| *c == chord)
            .map(|(_, a)| *a)
            .or(self.any_key)
    }

    /// Every chord bound, in order (with repeats if a table repeats one).
    pub fn chords(&self) -> Vec<KeyChord> {
        self.all().map(|(c, _)| *c).collect()
    }

    /// One line per action: all its keys, and what it does.
    pub fn help(&self) -> Vec<Shown> {
        let mut seen: Vec<A> = Vec::new();
        let mut out = Vec::new();
        for (_, action) in self.all() {
            if seen.contains(action) {
                continue;
            }
            seen.push(*action);
            let keys: Vec<String> = self
                .all()
                .filter(|(_, a)| a == action)
                .map(|(c, _)| c.to_string())
                .collect();
            out.push((keys.join(" "), action.description()));
        }
        if let Some(a) = self.any_key.filter(|a| !seen.contains(a)) {
            out.push(("any key".to_string(), a.description()));
        }
        out
    }

    /// The bottom bar: keys and label per item.
    pub fn bar(&self) -> Vec<Shown> {
        self.bar
            .iter()
            .filter_map(|b| {
                let keys = match b.keys {
                    Some(k) => k.to_string(),
                    None => match self.all().find(|(_, a)| *a == b.action) {
                        Some((c, _)) => c.to_string(),
                        None if self.any_key == Some(b.action) => "any key".to_string(),
                        None => return None,
                    },
                };
                Some((keys, b.label.unwrap_or_else(|| b.action.short())))
            })
            .collect()
    }
}

/// A mode's keys whatever its actions are: what the bar and the
/// architecture tests ask of the current mode.
pub trait KeyList: Sync {
    fn bar(&self) -> Vec<Shown>;
    fn chords(&self) -> Vec<KeyChord>;
    fn help(&self) -> Vec<Shown>;
}

impl<A: Described + Sync> KeyList for Keymap<A> {
    fn bar(&self) -> Vec<Shown> {
        Keymap::bar(self)
    }
    fn chords(&self) -> Vec<KeyChord> {
        Keymap::chords(self)
    }
    fn help(&self) -> Vec<Shown> {
        Keymap::help(self)
    }
}

/// What a dialog or overlay can do with Enter and Esc.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Dialog {
    Confirm,
    Cancel,
}

impl Described for Dialog {
    fn description(self) -> &'static str {
        match self {
            Dialog::Confirm => "confirm",
            Dialog::Cancel => "cancel",
        }
    }
    fn short(self) -> &'static str {
        match self {
            Dialog::Confirm => "ok",
            Dialog::Cancel => "cancel",
        }
    }
}

pub const fn k(key: Key) -> KeyChord {
    KeyChord::plain(key)
}
