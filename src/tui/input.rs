//! Terminal events as the workbench's messages: key presses as chords,
//! clicks, the wheel, paste and resize.

use crossterm::event::{
    Event, KeyCode, KeyEvent, KeyEventKind, KeyModifiers, MouseButton, MouseEventKind,
};

use crate::app::Msg;
use crate::app::keymap::{Key, KeyChord};

fn chord(k: KeyEvent) -> Option<KeyChord> {
    let key = match k.code {
        KeyCode::Char(c) => Key::Char(c),
        KeyCode::Enter => Key::Enter,
        KeyCode::Esc => Key::Esc,
        KeyCode::Up => Key::Up,
        KeyCode::Down => Key::Down,
        KeyCode::Left => Key::Left,
        KeyCode::Right => Key::Right,
        KeyCode::Tab => Key::Tab,
        KeyCode::BackTab => Key::BackTab,
        KeyCode::Backspace => Key::Backspace,
        KeyCode::Delete => Key::Delete,
        KeyCode::Home => Key::Home,
        KeyCode::End => Key::End,
        KeyCode::PageUp => Key::PageUp,
        KeyCode::PageDown => Key::PageDown,
        KeyCode::F(n) => Key::F(n),
        _ => return None,
    };
    Some(
        KeyChord {
            key,
            ctrl: k.modifiers.contains(KeyModifiers::CONTROL),
            alt: k.modifiers.contains(KeyModifiers::ALT),
            shift: k.modifiers.contains(KeyModifiers::SHIFT),
        }
        .normalized(),
    )
}

/// Terminal events as messages; `None` for events the workbench ignores.
pub fn to_msg(event: Event) -> Option<Msg> {
    match event {
        // Windows also reports releases; only presses (and repeats) are input.
        Event::Key(k) if k.kind != KeyEventKind::Release => chord(k).map(Msg::Key),
        Event::Mouse(m) => match m.kind {
            MouseEventKind::Down(MouseButton::Left) => Some(Msg::Click {
                col: m.column,
                row: m.row,
            }),
            MouseEventKind::ScrollDown => Some(Msg::Scroll {
                col: m.column,
                row: m.row,
                down: true,
            }),
            MouseEventKind::ScrollUp => Some(Msg::Scroll {
                col: m.column,
                row: m.row,
                down: false,
            }),
            _ => None,
        },
        Event::Paste(s) => Some(Msg::Paste(s)),
        Event::Resize(width, height) => Some(Msg::Resize { width, height }),
        _ => None,
    }
}
