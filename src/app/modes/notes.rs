//! The notes from the call: a multi-line editor. Esc finishes and records the
//! notes as one undoable change; every other key is typed.

use ratatui_textarea::TextArea;

use super::super::keymap::{Dialog, Key, KeyChord, KeyList, Keymap, bar, k};
use super::super::{App, text};
use super::{Mode, ModeState, Outcome};

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

impl ModeState for Box<TextArea<'static>> {
    fn keys(&self, _: &App) -> &'static dyn KeyList {
        &KEYS
    }

    fn press(&mut self, chord: KeyChord, app: &mut App) -> Outcome {
        if KEYS.lookup(chord).is_some() {
            let notes = text::normalize_newlines(&self.lines().join("\n"));
            app.commit("Notes edited".into(), |s| s.notes = notes);
            Outcome::Close
        } else {
            self.input(text::to_input(chord));
            Outcome::Stay
        }
    }

    fn pasted(&mut self, pasted: &str, _: &mut App) {
        self.insert_str(text::normalize_newlines(pasted));
    }
}
