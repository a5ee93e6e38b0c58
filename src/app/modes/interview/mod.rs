//! The guided interview (`runcost new --interview`, Ctrl-N → "start from
//! questions"): pick a use-case template, read what it assumes, then answer
//! its questions in the client's words while the projection beside them
//! updates. Every answer is an ordinary undoable edit of the plan; Esc
//! leaves into the workbench with everything answered so far.

use std::path::PathBuf;

use super::super::interview::{self, Question, Reply};
use super::super::keymap::{Binding, Described, Key, KeyChord, KeyList, Keymap, bar, k};
use super::super::{App, Document, StatusKind};
use super::{LIST_KEYS, LIST_PAGE, ListAction, Mode, ModeState, Outcome};
use crate::app::cursor::ListCursor;
use crate::model::Scenario;
use crate::model::analysis::followup::{FollowUp, follow_ups};
use crate::store::use_cases::{self, USE_CASES, UseCase};

mod reply;

pub use reply::Preview;

/// How many inputs the follow-up list names.
pub const FOLLOW_UPS: usize = 5;

/// Where the interview is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Stage {
    /// Choosing the use-case template.
    Pick,
    /// Reading what the chosen template assumes, before the first question.
    About,
    /// Asking question `index`.
    Ask,
    /// Every question asked: the follow-up list.
    Done,
}

pub struct InterviewState {
    pub stage: Stage,
    /// The template under the cursor (Pick) or chosen.
    pub cursor: ListCursor,
    /// The question being asked.
    pub index: usize,
    /// The answer being typed.
    pub input: String,
    /// The consultant marks the answer High confidence.
    pub high: bool,
    /// Why the last answer could not be taken.
    pub error: Option<String>,
    /// What happened at each question asked (none: not reached yet).
    pub answers: Vec<Option<Reply>>,
    /// The notes of the template, before the client's words are added.
    pub base_notes: String,
    /// The plan as the template made it: the defaults "no idea" puts back.
    pub template: Option<Box<Scenario>>,
    /// The answer whose doubt was shown by an Enter: a second Enter on the
    /// same words records it.
    pub confirm: Option<String>,
    /// Where the new plan is to be saved (`runcost new --interview FILE`).
    pub path: Option<PathBuf>,
    /// The inputs still to chase (at the end).
    pub follow_ups: Vec<FollowUp>,
    /// The last answer taken and what it became, said on the next question.
    pub last: Option<String>,
}

/// What a key does while questions are asked.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum InterviewAction {
    Answer,
    Skip,
    Back,
    MarkHigh,
    Leave,
    Erase,
    Clear,
}

use InterviewAction as I;

impl Described for InterviewAction {
    fn description(self) -> &'static str {
        match self {
            I::Answer => {
                "take the client's answer and go on (empty: skip; a doubtful reading: Enter again)"
            }
            I::Skip => "keep the template's default (noted as skipped) and go to the next question",
            I::Back => "back to the previous question",
            I::MarkHigh => "mark the answer High confidence (from their systems, not a guess)",
            I::Leave => "leave into the workbench with everything answered so far",
            I::Erase => "delete the last character",
            I::Clear => "clear the answer",
        }
    }
    fn short(self) -> &'static str {
        match self {
            I::Answer => "answer",
            I::Skip => "skip",
            I::Back => "back",
            I::MarkHigh => "High",
            I::Leave => "to workbench",
            I::Erase => "erase",
            I::Clear => "clear",
        }
    }
}

const BINDINGS: &[Binding<I>] = &[
    (k(Key::Enter), I::Answer),
    (k(Key::Tab), I::Skip),
    (k(Key::Down), I::Skip),
    (k(Key::BackTab), I::Back),
    (k(Key::Up), I::Back),
    (KeyChord::ctrl('t'), I::MarkHigh),
    (k(Key::Esc), I::Leave),
    (k(Key::Backspace), I::Erase),
    (KeyChord::ctrl('u'), I::Clear),
];

/// Its section of help.
pub const TITLE: &str = "Guided interview (Ctrl-N, runcost new --interview)";

/// The keys while questions are asked (the template list uses the list keys).
pub const KEYS: Keymap<I> = Keymap {
    tables: &[BINDINGS],
    any_key: None,
    bar: &[
        bar(I::Answer),
        bar(I::Skip),
        bar(I::Back),
        bar(I::MarkHigh),
        bar(I::Leave),
    ],
};

impl App {
    /// Opens the interview at the list of templates. `path` is where the
    /// new plan will be saved (none: Ctrl-S asks).
    pub fn start_interview(&mut self, path: Option<PathBuf>) {
        self.switch_to(Mode::Interview(Box::new(InterviewState {
            stage: Stage::Pick,
            cursor: ListCursor::default(),
            index: 0,
            input: String::new(),
            high: false,
            error: None,
            answers: Vec::new(),
            base_notes: String::new(),
            template: None,
            confirm: None,
            path,
            follow_ups: Vec::new(),
            last: None,
        })));
    }
}

impl InterviewState {
    /// The template chosen (or under the cursor).
    pub fn use_case(&self) -> &'static UseCase {
        &USE_CASES[self.cursor.selected.min(USE_CASES.len() - 1)]
    }

    pub fn questions(&self) -> &'static [Question] {
        interview::for_use_case(self.use_case().name)
    }

    pub fn question(&self) -> Option<&'static Question> {
        self.questions().get(self.index)
    }

    /// How many questions the client answered with a figure.
    pub fn answered(&self) -> usize {
        self.answers
            .iter()
            .flatten()
            .filter(|r| r.given().is_some())
            .count()
    }

    /// How many questions the client did not know.
    pub fn not_known(&self) -> usize {
        self.answers
            .iter()
            .flatten()
            .filter(|r| matches!(r, Reply::NotKnown(_)))
            .count()
    }

    /// Starts the chosen template's questions on a new plan made from it.
    fn begin(&mut self, app: &mut App) {
        let u = self.use_case();
        let asked = interview::asked_paths(u.name);
        match use_cases::load_on(u, &app.catalog, &asked, app.start_default) {
            Ok(plan) => {
                self.base_notes = plan.notes.clone();
                self.template = Some(Box::new(plan.clone()));
                self.confirm = None;
                self.answers = vec![None; self.questions().len()];
                self.index = 0;
                self.input.clear();
                self.high = false;
                self.error = None;
                self.stage = Stage::Ask;
                app.replace_workspace(vec![Document::unsaved(plan, self.path.clone())]);
            }
            Err(e) => self.error = Some(e.render(u.name)),
        }
    }

    fn on_key(&mut self, chord: KeyChord, app: &mut App) -> Outcome {
        let chord = chord.normalized();
        let action = KEYS.lookup(chord);
        if self.stage == Stage::Done {
            return match action {
                Some(I::Back) => {
                    self.go_to(self.questions().len().saturating_sub(1));
                    Outcome::Stay
                }
                Some(I::Answer | I::Leave) => self.leave(app),
                _ => Outcome::Stay,
            };
        }
        match action {
            Some(I::Answer) => self.answer(app),
            Some(I::Skip) => self.skip(app),
            Some(I::Back) => self.go_to(self.index.saturating_sub(1)),
            Some(I::MarkHigh) => self.high = !self.high,
            Some(I::Leave) => return self.leave(app),
            Some(I::Erase) => {
                self.input.pop();
                self.error = None;
                self.confirm = None;
            }
            Some(I::Clear) => {
                self.input.clear();
                self.error = None;
                self.confirm = None;
            }
            None => {
                if let Key::Char(c) = chord.key
                    && !chord.ctrl
                    && !chord.alt
                {
                    self.type_text(&c.to_string());
                }
            }
        }
        if self.stage == Stage::Done && self.follow_ups.is_empty() {
            self.follow_ups = follow_ups(&app.doc().plan, FOLLOW_UPS);
        }
        Outcome::Stay
    }

    /// Typed or pasted text goes into the answer (one line).
    pub fn type_text(&mut self, text: &str) {
        if self.stage != Stage::Ask {
            return;
        }
        const MAX: usize = 200;
        for c in text.chars() {
            if self.input.chars().count() >= MAX {
                break;
            }
            if c == '\n' || c == '\r' || c == '\t' {
                self.input.push(' ');
            } else if !c.is_control() {
                self.input.push(c);
            }
        }
        self.error = None;
        self.confirm = None;
    }

    /// Shows question `i` (its earlier answer in the box), or the end.
    fn go_to(&mut self, i: usize) {
        self.error = None;
        self.confirm = None;
        let n = self.questions().len();
        if i >= n {
            self.index = n;
            self.stage = Stage::Done;
            self.input.clear();
            self.follow_ups.clear();
            return;
        }
        self.stage = Stage::Ask;
        self.index = i;
        match &self.answers[i] {
            Some(Reply::Given(g)) => {
                self.input = g.text.clone();
                self.high = g.high;
            }
            Some(Reply::NotKnown(text)) => {
                self.input = text.clone();
                self.high = false;
            }
            _ => {
                self.input.clear();
                self.high = false;
            }
        }
    }

    /// Esc: into the workbench with everything answered so far.
    fn leave(&mut self, app: &mut App) -> Outcome {
        let n = self.questions().len();
        let save = match &app.doc().path {
            Some(p) => format!("Ctrl-S saves it to {}", p.display()),
            None => "Ctrl-S saves it".to_string(),
        };
        app.say(
            StatusKind::Info,
            format!(
                "interview: {} of {n} answered by the client, the rest are template defaults; {save}",
                self.answered()
            ),
        );
        Outcome::Close
    }
}

impl ModeState for InterviewState {
    fn keys(&self, _: &App) -> &'static dyn KeyList {
        match self.stage {
            // The list keys while choosing, else the interview's.
            Stage::Pick | Stage::About => &LIST_KEYS,
            Stage::Ask | Stage::Done => &KEYS,
        }
    }

    fn press(&mut self, chord: KeyChord, app: &mut App) -> Outcome {
        match self.stage {
            Stage::Pick => match LIST_KEYS.lookup(chord) {
                Some(ListAction::Move(m)) => {
                    self.cursor.go(m, USE_CASES.len(), LIST_PAGE);
                    Outcome::Stay
                }
                Some(ListAction::Choose) => {
                    self.stage = Stage::About;
                    Outcome::Stay
                }
                Some(ListAction::Cancel) => {
                    app.say(
                        StatusKind::Info,
                        "interview cancelled; the plan is unchanged",
                    );
                    Outcome::Close
                }
                None => Outcome::Stay,
            },
            Stage::About => match LIST_KEYS.lookup(chord) {
                Some(ListAction::Choose) => {
                    self.begin(app);
                    Outcome::Stay
                }
                Some(ListAction::Cancel) => {
                    self.stage = Stage::Pick;
                    Outcome::Stay
                }
                _ => Outcome::Stay,
            },
            Stage::Ask | Stage::Done => self.on_key(chord, app),
        }
    }

    fn pasted(&mut self, text: &str, _: &mut App) {
        self.type_text(text);
    }

    fn help_title(&self) -> Option<&'static str> {
        Some(TITLE)
    }
}
