//! The notes from the call: a multi-line editor. Esc finishes and records the
//! notes as one undoable change; every other key is typed.

use ratatui_textarea::TextArea;

use super::super::keymap::{Dialog, Key, KeyChord, Keymap, bar, k};
use super::super::{App, text};
use super::{Mode, Outcome};

pub const KEYS: Keymap<Dialog> = Keymap {
    tables: &[&[(k(Key::Esc), Dialog::Confirm)]],
    any_key: None,
    bar: &[bar(Dialog::Confirm)],
};

impl App {
    pub(crate) fn open_notes(&mut self) {
        let mut area = TextArea::new(
            text::normalize_newlines(&self.doc().plan.notes)
                .split('\n')
                .map(str::to_string)
                .collect(),
        );
        area.move_cursor(ratatui_textarea::CursorMove::Bottom);
        area.move_cursor(ratatui_textarea::CursorMove::End);
        self.switch_to(Mode::Notes(Box::new(area)));
    }
}

pub fn handle(area: &mut TextArea<'static>, chord: KeyChord, app: &mut App) -> Outcome {
    if KEYS.lookup(chord).is_some() {
        let notes = text::normalize_newlines(&area.lines().join("\n"));
        app.commit("Notes edited".into(), |s| s.notes = notes);
        Outcome::Close
    } else {
        area.input(text::to_input(chord));
        Outcome::Stay
    }
}
