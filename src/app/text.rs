//! Text inputs: the one-line boxes of the workbench, turning key chords into
//! textarea input, and reading and writing the plan's text fields.

use ratatui_textarea::{Input, Key as TKey, TextArea};

use super::EditTarget;
use super::keymap::{Key, KeyChord};
use super::rows::TextField;
use crate::model::Scenario;

/// A one-line text box holding `text`, cursor at the end.
pub fn single_line(text: &str) -> TextArea<'static> {
    let mut t = TextArea::new(vec![text.to_string()]);
    t.move_cursor(ratatui_textarea::CursorMove::End);
    t
}

/// A one-line box holding `text` with all of it selected, as a spreadsheet
/// opens a cell: typing (or pasting) replaces the value, Backspace/Delete
/// clear it, and ←/→/Home/End drop the selection to edit it.
pub fn selected_line(text: &str) -> TextArea<'static> {
    let mut t = single_line(text);
    if !text.is_empty() {
        t.select_all();
    }
    t
}

/// Feeds a key to a one-line box. With a selection, a plain ←/Home puts the
/// cursor at its start and →/End at its end, so the value stays to be edited.
pub fn feed(t: &mut TextArea<'static>, chord: KeyChord) {
    if let Some(((r0, c0), (r1, c1))) = t.selection_range()
        && !chord.shift
        && !chord.ctrl
        && !chord.alt
    {
        let to = match chord.key {
            Key::Left => Some((r0, c0)),
            Key::Right => Some((r1, c1)),
            Key::Home => Some((r0, 0)),
            Key::End => Some((r1, usize::MAX)),
            _ => None,
        };
        if let Some((row, col)) = to {
            t.cancel_selection();
            let clamp = |v: usize| u16::try_from(v).unwrap_or(u16::MAX);
            t.move_cursor(ratatui_textarea::CursorMove::Jump(clamp(row), clamp(col)));
            return;
        }
    }
    // A tab in a one-line box would become spaces in a value or file name.
    if matches!(chord.key, Key::Tab | Key::BackTab) {
        return;
    }
    t.input(to_input(chord));
}

/// Line breaks as `\n` only: CRLF (Windows) and lone CR (old Mac) become LF.
pub fn normalize_newlines(s: &str) -> String {
    s.replace("\r\n", "\n").replace('\r', "\n")
}

/// The first control character in `typed`, named for a message.
pub fn control_char(typed: &str) -> Option<String> {
    let c = typed.chars().find(|c| c.is_control())?;
    Some(match c {
        '\t' => "a tab".to_string(),
        '\u{1b}' => "an escape character (ESC)".to_string(),
        '\n' | '\r' => "a line break".to_string(),
        c => format!("the control character U+{:04X}", c as u32),
    })
}

/// Our key chord as textarea input.
pub fn to_input(chord: KeyChord) -> Input {
    let key = match chord.key {
        Key::Char(c) => TKey::Char(c),
        Key::Enter => TKey::Enter,
        Key::Esc => TKey::Esc,
        Key::Up => TKey::Up,
        Key::Down => TKey::Down,
        Key::Left => TKey::Left,
        Key::Right => TKey::Right,
        Key::Tab => TKey::Tab,
        Key::BackTab => TKey::Null,
        Key::Backspace => TKey::Backspace,
        Key::Delete => TKey::Delete,
        Key::Home => TKey::Home,
        Key::End => TKey::End,
        Key::PageUp => TKey::PageUp,
        Key::PageDown => TKey::PageDown,
        Key::F(n) => TKey::F(n),
    };
    Input {
        key,
        ctrl: chord.ctrl,
        alt: chord.alt,
        shift: chord.shift,
    }
}

pub fn text_label(t: TextField) -> &'static str {
    match t {
        TextField::ToolName(_) => "Tool name",
        TextField::Role(_) => "Role",
        _ => t.input().spec().label,
    }
}

pub fn text_value(s: &Scenario, t: TextField) -> String {
    match t {
        TextField::Name => s.name.clone(),
        TextField::Client => s.client.clone(),
        TextField::Currency => s.currency.clone(),
        TextField::InfraName(i) => s
            .infrastructure
            .get(i)
            .map(|x| x.name.clone())
            .unwrap_or_default(),
        TextField::EmbeddingId => s.retrieval.embedding.id.clone(),
        TextField::ToolName(i) => s
            .workload
            .tools
            .get(i)
            .map(|x| x.name.clone())
            .unwrap_or_default(),
        TextField::Role(i) => s.people.get(i).map(|x| x.role.clone()).unwrap_or_default(),
    }
}

pub fn set_text(s: &mut Scenario, t: TextField, v: &str) {
    let v = v.to_string();
    match t {
        TextField::Name => s.name = v,
        TextField::Client => s.client = v,
        TextField::Currency => s.currency = v.to_uppercase(),
        TextField::InfraName(i) => {
            if let Some(x) = s.infrastructure.get_mut(i) {
                x.name = v;
            }
        }
        TextField::EmbeddingId => s.retrieval.embedding.id = v,
        TextField::ToolName(i) => {
            if let Some(x) = s.workload.tools.get_mut(i) {
                x.name = v;
            }
        }
        TextField::Role(i) => {
            if let Some(x) = s.people.get_mut(i) {
                x.role = v;
            }
        }
    }
}

/// Why `typed` cannot be accepted for the target, or `None` if it can.
pub fn check(target: EditTarget, typed: &str, plan: &Scenario) -> Option<String> {
    match target {
        EditTarget::Number(f) => match super::entry::parse_for(f, typed) {
            Ok(v) => super::entry::overflow_with(f, v, plan),
            Err(why) => Some(why.into()),
        },
        EditTarget::Range(f) => super::entry::parse_range(f, typed, f.get(plan).unwrap_or(0.0))
            .err()
            .map(String::from),
        EditTarget::Text(TextField::Currency) => {
            let t = typed.trim();
            if t.is_empty() || t.len() > 8 || !t.chars().all(|c| c.is_ascii_alphabetic()) {
                Some("a currency code of letters, e.g. USD, EUR, GBP".into())
            } else {
                None
            }
        }
        EditTarget::Text(TextField::Name) if typed.trim().is_empty() => {
            Some("a plan needs a name".into())
        }
        EditTarget::Text(t @ (TextField::ToolName(i) | TextField::Role(i))) => {
            let t2 = typed.trim();
            let taken = match t {
                TextField::ToolName(_) => plan
                    .workload
                    .tools
                    .iter()
                    .enumerate()
                    .any(|(j, x)| j != i && x.name == t2),
                _ => plan
                    .people
                    .iter()
                    .enumerate()
                    .any(|(j, x)| j != i && x.role == t2),
            };
            if t2.is_empty() || control_char(typed).is_some() {
                Some(format!("{} is one line of text, not empty", text_label(t)))
            } else if taken {
                Some(format!("another line already has {t2:?}: names are unique"))
            } else {
                None
            }
        }
        EditTarget::Text(t) if control_char(typed).is_some() => Some(format!(
            "{} cannot contain {} — use letters, digits, spaces and punctuation",
            text_label(t),
            control_char(typed).unwrap_or_default()
        )),
        EditTarget::Text(_) => None,
        EditTarget::CaseName => super::cases::case_name_error(typed, plan),
    }
}
