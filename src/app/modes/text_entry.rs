//! Typing into a one-line box: a value, a name, an uncertainty range, or the
//! file name of Save As. The box checks the text as it is typed and shows why
//! it is refused; Enter applies it, Esc leaves everything as it was.

use std::path::PathBuf;

use ratatui_textarea::TextArea;

use super::super::keymap::{Described, Dialog, Key, KeyChord, KeyList, Keymap, bar, k};
use super::super::rows::TextField;
use super::super::{App, entry, slug, text};
use super::{Mode, ModeState, Outcome};
use crate::model::fields::Field;

/// What a text box is for.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum EditTarget {
    Number(Field),
    Text(TextField),
    /// The uncertainty range of a numeric input.
    Range(Field),
    /// The name of a case made from the what-if (`W`).
    CaseName,
}

pub struct EditState {
    pub target: EditTarget,
    pub input: TextArea<'static>,
    /// Why the current text is not acceptable (shown inline; Enter refuses).
    pub error: Option<String>,
}

/// What a key does in a text box (every key not bound is typed).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum TextAction {
    Confirm,
    Cancel,
    Clear,
    DeleteWord,
    SelectAll,
}

impl Described for TextAction {
    fn description(self) -> &'static str {
        match self {
            TextAction::Confirm => "apply (refused with the reason if not allowed)",
            TextAction::Cancel => "cancel: the old value stays",
            TextAction::Clear => "clear the text before the cursor",
            TextAction::DeleteWord => "delete the word before the cursor",
            TextAction::SelectAll => "select all (typing replaces it)",
        }
    }
    fn short(self) -> &'static str {
        match self {
            TextAction::Confirm => Dialog::Confirm.short(),
            TextAction::Cancel => Dialog::Cancel.short(),
            TextAction::Clear => "clear",
            TextAction::DeleteWord => "word",
            TextAction::SelectAll => "all",
        }
    }
}

/// Enter, Esc and the editing keys; every other key is typed into the box.
pub const KEYS: Keymap<TextAction> = Keymap {
    tables: &[&[
        (k(Key::Enter), TextAction::Confirm),
        (k(Key::Esc), TextAction::Cancel),
        (KeyChord::ctrl('u'), TextAction::Clear),
        (KeyChord::ctrl('w'), TextAction::DeleteWord),
        (
            KeyChord {
                key: Key::Backspace,
                ctrl: false,
                alt: true,
                shift: false,
            },
            TextAction::DeleteWord,
        ),
        (KeyChord::ctrl('a'), TextAction::SelectAll),
    ]],
    any_key: None,
    bar: &[bar(TextAction::Confirm), bar(TextAction::Cancel)],
};

/// Applies an editing key to a one-line box.
fn edit_key(input: &mut TextArea<'static>, action: TextAction) {
    match action {
        // Readline's "clear to start of line".
        TextAction::Clear => {
            input.cancel_selection();
            input.delete_line_by_head();
        }
        TextAction::DeleteWord => {
            input.cancel_selection();
            input.delete_word();
        }
        TextAction::SelectAll => input.select_all(),
        TextAction::Confirm | TextAction::Cancel => {}
    }
}

/// Save As: the file-name box.
pub struct SaveAs(pub EditState);

impl std::ops::Deref for SaveAs {
    type Target = EditState;
    fn deref(&self) -> &EditState {
        &self.0
    }
}

impl std::ops::DerefMut for SaveAs {
    fn deref_mut(&mut self) -> &mut EditState {
        &mut self.0
    }
}

impl EditState {
    fn typed(&self) -> String {
        self.input.lines().join("")
    }
}

impl ModeState for EditState {
    fn keys(&self, _: &App) -> &'static dyn KeyList {
        &KEYS
    }

    fn pasted(&mut self, text: &str, app: &mut App) {
        self.paste(text, app);
    }

    /// A key in the value, name or range box.
    fn press(&mut self, chord: KeyChord, app: &mut App) -> Outcome {
        match KEYS.lookup(chord) {
            Some(TextAction::Cancel) => Outcome::Close,
            Some(TextAction::Confirm) => self.confirm(app),
            Some(other) => {
                edit_key(&mut self.input, other);
                self.error = text::check(self.target, &self.typed(), &app.doc().plan);
                Outcome::Stay
            }
            None => {
                self.type_key(chord, app);
                Outcome::Stay
            }
        }
    }
}

impl ModeState for SaveAs {
    fn keys(&self, _: &App) -> &'static dyn KeyList {
        &KEYS
    }

    /// A key in the Save As box: typed as in any box, checked as a file name.
    fn press(&mut self, chord: KeyChord, app: &mut App) -> Outcome {
        if KEYS.lookup(chord) != Some(TextAction::Confirm) {
            let outcome = self.0.press(chord, app);
            self.error = save_as_error(&self.typed());
            return outcome;
        }
        let typed = self.typed();
        if let Some(why) = save_as_error(&typed) {
            self.error = Some(why);
            return Outcome::Stay;
        }
        let to = PathBuf::from(expand_home(typed.trim(), app.home.as_ref()));
        app.pending_saves = 1;
        Outcome::CloseWith(
            app.save_effect(app.session.active_index(), Some(to))
                .into_iter()
                .collect(),
        )
    }

    fn pasted(&mut self, text: &str, app: &mut App) {
        self.0.paste(text, app);
        self.error = save_as_error(&self.typed());
    }
}

impl EditState {
    fn type_key(&mut self, chord: KeyChord, app: &App) {
        text::feed(&mut self.input, chord);
        self.error = text::check(self.target, &self.typed(), &app.doc().plan);
    }

    /// Enter: apply the text, or keep the box open with the reason.
    fn confirm(&mut self, app: &mut App) -> Outcome {
        let typed = self.typed();
        let refused = match self.target {
            EditTarget::Number(f) => match entry::parse_for(f, &typed) {
                // One rule everywhere: a value whose projection overflows is
                // refused here as `check` and Ctrl-S refuse it.
                Ok(v) if let Some(why) = entry::overflow_with(f, v, &app.doc().plan) => Some(why),
                Ok(v) => {
                    if let Some(current) = f.get(&app.doc().plan) {
                        app.set_field(f, current, v);
                    }
                    None
                }
                Err(why) => Some(why.into()),
            },
            EditTarget::Range(f) => {
                let value = f.get(&app.doc().plan).unwrap_or(0.0);
                match entry::parse_range(f, &typed, value) {
                    Ok(range) => {
                        app.set_range(f, range);
                        None
                    }
                    Err(why) => Some(why.into()),
                }
            }
            EditTarget::CaseName => match text::check(self.target, &typed, &app.doc().plan) {
                Some(why) => Some(why),
                None => {
                    app.make_case(&typed);
                    None
                }
            },
            EditTarget::Text(t) => match text::check(self.target, &typed, &app.doc().plan) {
                Some(why) => Some(why),
                None => {
                    let before = text::text_value(&app.doc().plan, t);
                    app.commit(
                        format!("{} {before:?} → {typed:?}", text::text_label(t)),
                        |s| text::set_text(s, t, typed.trim()),
                    );
                    if t == TextField::Name {
                        app.follow_name();
                    }
                    None
                }
            },
        };
        match refused {
            // The box stays open with the message; the old value stays.
            Some(why) => {
                self.error = Some(why);
                Outcome::Stay
            }
            None => Outcome::Close,
        }
    }

    /// Bracketed paste into the box.
    pub fn paste(&mut self, pasted: &str, app: &App) {
        // Several pasted lines are never run together into one number:
        // refuse the paste and say why (the old value stays).
        if matches!(self.target, EditTarget::Number(_) | EditTarget::Range(_))
            && pasted.trim().contains(['\r', '\n'])
        {
            self.error = Some(format!(
                "{} — the box keeps what it had",
                entry::parse_number(pasted.trim()).err().unwrap_or_default()
            ));
            return;
        }
        let single = pasted.replace(['\r', '\n'], " ");
        self.input.insert_str(single.trim());
        self.error = text::check(self.target, &self.typed(), &app.doc().plan);
    }
}

impl App {
    /// Opens the box for `target` with `current` in it, selected: typing
    /// replaces it, ←/→ keep it to edit.
    pub(crate) fn open_edit(&mut self, target: EditTarget, current: &str) {
        self.switch_to(Mode::Edit(EditState {
            target,
            input: text::selected_line(current),
            error: None,
        }));
    }

    /// Save As proposes `<plans dir>/<plan-name>.ron` (a copy under a new
    /// name goes where the plans are kept); without a plans directory, the
    /// plan's own file.
    pub(crate) fn open_save_as(&mut self) {
        let doc = &self.session.active();
        let file = format!("{}.ron", slug(&doc.plan.name));
        let suggested = match (&self.plans_dir, &doc.path) {
            (Some(dir), _) => dir.join(file),
            (None, Some(own)) => own.clone(),
            (None, None) => PathBuf::from(file),
        };
        self.switch_to(Mode::SaveAs(SaveAs(EditState {
            target: EditTarget::Text(TextField::Name),
            input: text::single_line(&suggested.display().to_string()),
            error: None,
        })));
    }
}

/// File names longer than this (in bytes) are refused: most file systems
/// allow 255, and saving needs room for a temporary name beside the file.
pub const MAX_FILE_NAME: usize = 200;

pub(crate) fn save_as_error(typed: &str) -> Option<String> {
    let t = typed.trim();
    if t.is_empty() {
        return Some("type a file name, e.g. acme-support.ron".into());
    }
    if let Some(what) = text::control_char(typed) {
        return Some(format!(
            "a file name cannot contain {what} — type letters, digits, - _ . and /"
        ));
    }
    if t.ends_with('/') {
        return Some("that is a directory; add a file name".into());
    }
    let long = std::path::Path::new(t)
        .components()
        .map(|c| c.as_os_str().len())
        .max()
        .unwrap_or(0);
    if long > MAX_FILE_NAME {
        return Some(format!(
            "a name in that path is {long} bytes long; keep each name under {MAX_FILE_NAME} bytes"
        ));
    }
    None
}

/// `~/x` under the home directory the runtime gave (as typed without one).
fn expand_home(path: &str, home: Option<&PathBuf>) -> String {
    match (path.strip_prefix("~/"), home) {
        (Some(rest), Some(home)) => format!("{}/{rest}", home.to_string_lossy()),
        _ => path.to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn home_comes_from_the_runtime() {
        let home = PathBuf::from("/home/me");
        assert_eq!(expand_home("~/a.ron", Some(&home)), "/home/me/a.ron");
        assert_eq!(expand_home("~/a.ron", None), "~/a.ron");
        assert_eq!(expand_home("b/~/a.ron", Some(&home)), "b/~/a.ron");
    }
}
