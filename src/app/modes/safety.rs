//! Keys of the safety questions (recovery copy, conflict on save, reload):
//! each question has its own keys, as its dialog lists them. The questions,
//! their state and `App::ask` are here; when they are asked is in
//! `app/safety.rs`.

use super::super::keymap::{Bar, Binding, Described, Key, KeyChord, KeyList, Keymap, bar, k};
use std::path::PathBuf;

use super::super::{App, DocId, Effect, Mode, StatusKind};
use super::{ModeState, Outcome};
use crate::model::Scenario;
use crate::model::compare::{InputDiff, differences, text_differences};
use crate::store::recovery::Owner;

/// Which question a safety dialog asks.
#[derive(Debug, Clone, PartialEq)]
pub enum Question {
    /// A recovery copy of unsaved changes exists: restore it?
    Recover {
        written: String,
        /// The copy itself (deleted if the user discards it).
        file: PathBuf,
        /// A never-saved plan of a runcost that stopped: restored as a plan of
        /// its own, not over the open one.
        orphan: bool,
    },
    /// The file changed on disk since it was opened, and we are about to save.
    Conflict,
    /// The same, but what is on disk now is not a valid plan (`why`): there
    /// is nothing to reload, only to overwrite or save elsewhere.
    ConflictInvalid { why: String },
    /// The file changed on disk and this plan has no unsaved edits: reload?
    Reload,
}

pub struct SafetyState {
    pub question: Question,
    /// The open plan it is about.
    pub doc: DocId,
    /// The other version: the recovery copy, or what is on disk now.
    pub theirs: Option<Box<Scenario>>,
    pub theirs_hash: Option<u64>,
    /// What differs between the plan in the workbench and `theirs`.
    pub differences: Vec<InputDiff>,
}

impl App {
    /// Opens the safety dialog: `question` about open plan `doc`, with
    /// what differs from `theirs`.
    pub(crate) fn ask(
        &mut self,
        question: Question,
        doc: DocId,
        theirs: Option<Box<Scenario>>,
        hash: Option<u64>,
    ) {
        let Some(mine) = self.session.by_id(doc) else {
            return;
        };
        let differences = match &theirs {
            Some(t) => {
                let mine = &mine.plan;
                let mut d = text_differences(mine, t);
                d.extend(differences(&[mine, t]));
                d
            }
            None => Vec::new(),
        };
        self.switch_to(Mode::Safety(SafetyState {
            question,
            doc,
            theirs,
            theirs_hash: hash,
            differences,
        }));
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum SafetyAction {
    Restore,
    Discard,
    Overwrite,
    SaveAs,
    Keep,
    Cancel,
}

use SafetyAction as S;

impl Described for SafetyAction {
    fn description(self) -> &'static str {
        match self {
            S::Restore => "restore the recovered changes / reload the version on disk",
            S::Discard => "discard the changes and continue",
            S::Overwrite => "overwrite the file on disk with this plan",
            S::SaveAs => "save this plan under another name instead",
            S::Keep => "keep the plan as it is here",
            S::Cancel => "cancel",
        }
    }
    fn short(self) -> &'static str {
        match self {
            S::Restore => "restore/reload",
            S::Discard => "discard",
            S::Overwrite => "overwrite",
            S::SaveAs => "save as",
            S::Keep => "keep",
            S::Cancel => "cancel",
        }
    }
}

const ESC: Binding<S> = (k(Key::Esc), S::Cancel);
const R: Binding<S> = (KeyChord::ch('r'), S::Restore);
const D: Binding<S> = (KeyChord::ch('d'), S::Discard);
const O: Binding<S> = (KeyChord::ch('o'), S::Overwrite);
const A: Binding<S> = (KeyChord::ch('a'), S::SaveAs);
const K: Binding<S> = (KeyChord::ch('k'), S::Keep);

const BAR: &[Bar<S>] = &[bar(S::Cancel)];

const fn keys(tables: &'static [&'static [Binding<S>]]) -> Keymap<S> {
    Keymap {
        tables,
        any_key: None,
        bar: BAR,
    }
}

pub const RECOVER: Keymap<S> = keys(&[&[R, D, K, ESC]]);
pub const CONFLICT: Keymap<S> = keys(&[&[O, A, R, K, ESC]]);
pub const CONFLICT_INVALID: Keymap<S> = keys(&[&[O, A, K, ESC]]);
pub const RELOAD: Keymap<S> = keys(&[&[R, K, ESC]]);

impl SafetyState {
    /// The keys of the question asked.
    pub fn keymap(&self) -> &'static Keymap<S> {
        match self.question {
            Question::Recover { .. } => &RECOVER,
            Question::Conflict => &CONFLICT,
            Question::ConflictInvalid { .. } => &CONFLICT_INVALID,
            Question::Reload => &RELOAD,
        }
    }

    /// Whether `action` answers the question asked (the keymaps bind only
    /// those; anything else leaves the question open).
    fn answers(&self, action: S) -> bool {
        match (&self.question, action) {
            (_, S::Cancel | S::Keep) => true,
            (Question::Recover { .. }, a) => matches!(a, S::Restore | S::Discard),
            (Question::Conflict, a) => matches!(a, S::Overwrite | S::SaveAs | S::Restore),
            (Question::ConflictInvalid { .. }, a) => matches!(a, S::Overwrite | S::SaveAs),
            (Question::Reload, a) => a == S::Restore,
        }
    }

    fn answer(&mut self, action: S, app: &mut App) -> Vec<Effect> {
        // The plan it is about (it may have been closed meanwhile).
        let Some(doc) = app.session.index_of(self.doc) else {
            return Vec::new();
        };
        match (&self.question, action) {
            (
                Question::Recover {
                    orphan: true, file, ..
                },
                S::Restore,
            ) => {
                let file = file.clone();
                match self.theirs.take() {
                    Some(plan) => app.restore_orphan(*plan, file),
                    None => Vec::new(),
                }
            }
            (Question::Recover { file, .. }, S::Restore) => {
                let from = file.clone();
                let Some(plan) = self.theirs.take() else {
                    return Vec::new();
                };
                app.session.set_active(doc);
                // Other windows' copies of this plan, still to be offered, are
                // now opened as plans of their own: restoring one over this
                // would replace these changes.
                for (_, _, orphan) in &mut app.recovery_queue {
                    *orphan = true;
                }
                let kept = plan.clone();
                app.commit("Restored the recovered changes".into(), |s| *s = *plan);
                app.say(
                    StatusKind::Info,
                    "recovered changes restored — Ctrl-S saves them",
                );
                app.problems_notice();
                // Written again at once under this plan's own name (an older
                // runcost's copy moves there).
                let d = app.session.get(doc);
                vec![Effect::AdoptRecovery {
                    from,
                    owner: Owner::of(d.path.as_deref(), d.recovery_id),
                    plan: kept,
                }]
            }
            (Question::Recover { file, .. }, S::Discard) => {
                app.say(StatusKind::Info, "recovery copy discarded");
                vec![Effect::DiscardRecovery(file.clone())]
            }
            (Question::Conflict | Question::ConflictInvalid { .. }, S::Overwrite) => {
                app.pending_saves = 1;
                match app.save_effect(doc, None) {
                    Some(Effect::Save {
                        doc,
                        generation,
                        path,
                        text,
                        create_new,
                        ..
                    }) => vec![Effect::Save {
                        doc,
                        generation,
                        path,
                        text,
                        create_new,
                        expected: None,
                    }],
                    _ => Vec::new(),
                }
            }
            (Question::Conflict | Question::ConflictInvalid { .. }, S::SaveAs) => {
                app.session.set_active(doc);
                app.refresh();
                app.open_save_as();
                Vec::new()
            }
            (Question::Conflict | Question::Reload, S::Restore) => {
                if let Some(plan) = self.theirs.take() {
                    app.session.set_active(doc);
                    app.session.reload(doc, *plan, self.theirs_hash);
                    app.refresh();
                    app.say(
                        StatusKind::Info,
                        "reloaded the version on disk (u takes it back)",
                    );
                }
                Vec::new()
            }
            (Question::Reload, S::Cancel | S::Keep) => {
                // Keep ours; remember the new disk state so saving asks no more.
                app.session.disk_is(doc, self.theirs_hash);
                app.say(StatusKind::Info, "kept the plan as it is here");
                Vec::new()
            }
            // Esc or k on the other questions: decide later / keep ours.
            _ => Vec::new(),
        }
    }
}

impl ModeState for SafetyState {
    fn keys(&self, _: &App) -> &'static dyn KeyList {
        self.keymap()
    }

    fn press(&mut self, chord: KeyChord, app: &mut App) -> Outcome {
        let Some(action) = self.keymap().lookup(chord) else {
            return Outcome::Stay;
        };
        if !self.answers(action) {
            return Outcome::Stay;
        }
        let effects = self.answer(action, app);
        // The question is answered: the next recovery copy, if one waits.
        app.next_offer();
        Outcome::CloseWith(effects)
    }
}
