//! Where an input's value comes from: a short text and a confidence
//! (High/Medium/Low) for the numeric input under the cursor. Enter records it
//! as one undoable change (an empty text removes it, as Ctrl-D does); Esc
//! leaves everything as it was.

use ratatui_textarea::TextArea;

use super::super::keymap::{Binding, Described, Dialog, Key, KeyChord, Keymap, bar, bar_as, k};
use super::super::{App, text};
use super::{Mode, Outcome};
use crate::model::fields::{Field, Target};
use crate::model::{Confidence, Source};

/// Source texts longer than this (in characters) are refused: the source is
/// a reference ("client's ticket export, March 2026"), not a document.
pub const MAX_SOURCE: usize = 200;

pub struct SourceState {
    pub field: Field,
    pub input: TextArea<'static>,
    pub confidence: Confidence,
    /// Why the current text is not acceptable (shown inline; Enter refuses).
    pub error: Option<String>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum SourceAction {
    Confirm,
    Cancel,
    NextConfidence,
    PrevConfidence,
    Remove,
}

use SourceAction as S;

impl Described for SourceAction {
    fn description(self) -> &'static str {
        match self {
            S::Confirm => "record the source (an empty text removes it)",
            S::Cancel => Dialog::Cancel.description(),
            S::NextConfidence => "next confidence: High, Medium, Low",
            S::PrevConfidence => "previous confidence",
            S::Remove => "remove the input's source",
        }
    }
    fn short(self) -> &'static str {
        match self {
            S::Confirm => Dialog::Confirm.short(),
            S::Cancel => Dialog::Cancel.short(),
            S::NextConfidence | S::PrevConfidence => "confidence",
            S::Remove => "remove",
        }
    }
}

const BINDINGS: &[Binding<S>] = &[
    (k(Key::Enter), S::Confirm),
    (k(Key::Esc), S::Cancel),
    (k(Key::Tab), S::NextConfidence),
    (k(Key::Down), S::NextConfidence),
    (k(Key::BackTab), S::PrevConfidence),
    (k(Key::Up), S::PrevConfidence),
    (KeyChord::ctrl('d'), S::Remove),
];

/// Its own keys; every other key is typed into the text box (so ←/→ move in
/// the text, and Tab or ↑/↓ change the confidence).
pub const KEYS: Keymap<S> = Keymap {
    tables: &[BINDINGS],
    any_key: None,
    bar: &[
        bar(S::Confirm),
        bar_as(S::NextConfidence, "Tab", "confidence"),
        bar(S::Remove),
        bar(S::Cancel),
    ],
};

fn cycle(c: Confidence, forward: bool) -> Confidence {
    use Confidence::*;
    match (c, forward) {
        (High, true) | (Low, false) => Medium,
        (Medium, true) | (High, false) => Low,
        (Low, true) | (Medium, false) => High,
    }
}

/// Why a source text cannot be recorded, or `None` if it can.
pub fn source_error(typed: &str) -> Option<String> {
    if let Some(what) = text::control_char(typed) {
        return Some(format!(
            "a source cannot contain {what} — use letters, digits, spaces and punctuation"
        ));
    }
    let n = typed.trim().chars().count();
    if n > MAX_SOURCE {
        return Some(format!(
            "the source is {n} characters long; keep it to {MAX_SOURCE} (a reference, not the document)"
        ));
    }
    None
}

/// An input path after line `removed` of `list` ("models",
/// "infrastructure") is removed: `None` for the removed line's own inputs,
/// later lines' indices one lower, any other path as it was.
pub fn path_after_removal(path: &str, list: &str, removed: usize) -> Option<String> {
    let Some(rest) = path.strip_prefix(list).and_then(|r| r.strip_prefix('[')) else {
        return Some(path.to_string());
    };
    let Some((index, tail)) = rest.split_once(']') else {
        return Some(path.to_string());
    };
    match index.parse::<usize>() {
        Ok(i) if i == removed => None,
        Ok(i) if i > removed => Some(format!("{list}[{}]{tail}", i - 1)),
        _ => Some(path.to_string()),
    }
}

/// Keeps the plan's sources and ranges on the inputs they were given for
/// when line `removed` of `list` goes: the removed line's go with it.
pub fn follow_removal(s: &mut crate::model::Scenario, list: &str, removed: usize) {
    let follow = |t: &mut Target| match path_after_removal(&t.path(), list, removed) {
        Some(p) => {
            *t = Target::from(p);
            true
        }
        None => false,
    };
    s.sources.retain_mut(|x| follow(&mut x.field));
    s.uncertainty.retain_mut(|x| follow(&mut x.field));
}

impl App {
    /// The plan's source for an input, if it has one.
    pub fn source_of(&self, f: Field) -> Option<&Source> {
        self.doc().plan.sources.iter().find(|s| s.field == f)
    }

    /// `o`: give the selected input a source and a confidence.
    pub(crate) fn open_source(&mut self) {
        let Some(field) = self.selected_field("say where its value comes from") else {
            return;
        };
        let (current, confidence) = self
            .source_of(field)
            .map_or((String::new(), Confidence::Medium), |s| {
                (s.source.clone(), s.confidence)
            });
        self.switch_to(Mode::Source(SourceState {
            field,
            input: text::selected_line(&current),
            confidence,
            error: None,
        }));
    }

    /// Records (or with `None` removes) the source of an input, undoably.
    pub(crate) fn set_source(&mut self, field: Field, source: Option<(String, Confidence)>) {
        let label = self.field_label(field);
        let what = match &source {
            Some((text, c)) => format!("{label}: source {text:?} ({})", c.label()),
            None => format!("{label}: source removed"),
        };
        self.commit(what, |s| {
            let at = s.sources.iter().position(|x| x.field == field);
            match (source, at) {
                // Replaced in place, so the file's order stays stable.
                (Some((text, confidence)), Some(i)) => {
                    s.sources[i].source = text;
                    s.sources[i].confidence = confidence;
                }
                (Some((text, confidence)), None) => s.sources.push(Source {
                    field: field.into(),
                    source: text,
                    confidence,
                }),
                (None, Some(i)) => {
                    s.sources.remove(i);
                }
                (None, None) => {}
            }
        });
    }
}

impl SourceState {
    fn typed(&self) -> String {
        self.input.lines().join("")
    }

    pub fn handle(&mut self, chord: KeyChord, app: &mut App) -> Outcome {
        match KEYS.lookup(chord) {
            Some(S::Cancel) => Outcome::Close,
            Some(S::NextConfidence) => {
                self.confidence = cycle(self.confidence, true);
                Outcome::Stay
            }
            Some(S::PrevConfidence) => {
                self.confidence = cycle(self.confidence, false);
                Outcome::Stay
            }
            Some(S::Remove) => {
                app.set_source(self.field, None);
                Outcome::Close
            }
            Some(S::Confirm) => {
                let typed = self.typed();
                if let Some(why) = source_error(&typed) {
                    self.error = Some(why);
                    return Outcome::Stay;
                }
                let t = typed.trim();
                let next = (!t.is_empty()).then(|| (t.to_string(), self.confidence));
                app.set_source(self.field, next);
                Outcome::Close
            }
            None => {
                if chord == KeyChord::ctrl('u') {
                    self.input.delete_line_by_head();
                } else {
                    text::feed(&mut self.input, chord);
                }
                self.error = source_error(&self.typed());
                Outcome::Stay
            }
        }
    }

    /// Bracketed paste: one line, line breaks become spaces.
    pub fn paste(&mut self, pasted: &str) {
        let single = pasted.replace(['\r', '\n'], " ");
        self.input.insert_str(single.trim());
        self.error = source_error(&self.typed());
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn paths_follow_a_removed_line() {
        use crate::model::fields::{ModelField, TextInput};
        let p = |path: &str| path_after_removal(path, "models", 1);
        let share = |i| Field::Model(i, ModelField::Share).path();
        let price = |i| Field::Model(i, ModelField::ApiInput).path();
        // A path naming no input follows too (`models[12].idx`).
        let other = |i| TextInput::ModelId.path_at(i) + "x";
        assert_eq!(p(&share(0)), Some(share(0)));
        assert_eq!(p(&share(1)), None);
        assert_eq!(p(&price(2)), Some(price(1)));
        assert_eq!(p(&other(12)), Some(other(11)));
        let plan_wide = crate::model::fields::PlanField::RequestsPerDay.spec().path;
        assert_eq!(p(plan_wide).as_deref(), Some(plan_wide));
        assert_eq!(
            p("infrastructure[2].monthly").as_deref(),
            Some("infrastructure[2].monthly")
        );
    }

    #[test]
    fn confidence_cycles_both_ways_through_all_three() {
        let mut c = Confidence::High;
        for want in [Confidence::Medium, Confidence::Low, Confidence::High] {
            c = cycle(c, true);
            assert_eq!(c, want);
        }
        for want in [Confidence::Low, Confidence::Medium, Confidence::High] {
            c = cycle(c, false);
            assert_eq!(c, want);
        }
    }

    #[test]
    fn control_characters_and_long_texts_are_refused() {
        assert!(
            source_error("ticket export\u{1b}[2J")
                .unwrap()
                .contains("escape")
        );
        assert!(
            source_error(&"x".repeat(MAX_SOURCE + 1))
                .unwrap()
                .contains("200")
        );
        assert_eq!(source_error("client's ticket export, March"), None);
        assert_eq!(source_error(""), None);
    }
}
