//! The unsaved-changes question before anything that would lose work
//! (quit, open, close a plan, start a new one): save, discard, or cancel.

use super::super::keymap::{Described, Key, KeyChord, KeyList, Keymap, bar, k};
use super::super::{App, Pending, StatusKind};
use super::{ModeState, Outcome};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum ConfirmAction {
    Save,
    Discard,
    Cancel,
}

impl Described for ConfirmAction {
    fn description(self) -> &'static str {
        match self {
            ConfirmAction::Save => "save, then continue",
            ConfirmAction::Discard => "discard the changes and continue",
            ConfirmAction::Cancel => "cancel",
        }
    }
    fn short(self) -> &'static str {
        match self {
            ConfirmAction::Save => "save",
            ConfirmAction::Discard => "discard",
            ConfirmAction::Cancel => "cancel",
        }
    }
}

pub const KEYS: Keymap<ConfirmAction> = Keymap {
    tables: &[&[
        (KeyChord::ch('s'), ConfirmAction::Save),
        (KeyChord::ch('d'), ConfirmAction::Discard),
        (KeyChord::ch('c'), ConfirmAction::Cancel),
        (k(Key::Esc), ConfirmAction::Cancel),
    ]],
    any_key: None,
    bar: &[
        bar(ConfirmAction::Save),
        bar(ConfirmAction::Discard),
        bar(ConfirmAction::Cancel),
    ],
};

/// The question's state is what the app goes on with once it is answered.
impl ModeState for Pending {
    fn keys(&self, _: &App) -> &'static dyn KeyList {
        &KEYS
    }

    fn press(&mut self, chord: KeyChord, app: &mut App) -> Outcome {
        answer(self.clone(), chord, app)
    }
}

fn answer(pending: Pending, chord: KeyChord, app: &mut App) -> Outcome {
    match KEYS.lookup(chord) {
        Some(ConfirmAction::Cancel) => Outcome::Close,
        Some(ConfirmAction::Discard) => Outcome::CloseWith(app.proceed(pending)),
        Some(ConfirmAction::Save) => {
            let targets = app.at_risk(&pending);
            for &i in &targets {
                if app.session.get(i).path.is_none() {
                    app.say(
                        StatusKind::Error,
                        format!(
                            "{:?} has no file yet: save it with S (save as) first",
                            app.session.get(i).plan.name
                        ),
                    );
                    return Outcome::Close;
                }
            }
            let mut effects = Vec::new();
            for &i in &targets {
                match app.save_effect(i, None) {
                    Some(e) => effects.push(e),
                    None => return Outcome::Close,
                }
            }
            app.pending_saves = effects.len();
            app.after_save = Some(pending);
            Outcome::CloseWith(effects)
        }
        None => Outcome::Stay,
    }
}
