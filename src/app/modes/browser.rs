//! Opening plans: the browser of the plans on disk (filter as you type, Space
//! marks plans to open side by side) and the list of examples to start from.

use ratatui_textarea::TextArea;

use super::super::cursor::{ListCursor, Move};
use super::super::keymap::{Described, Dialog, Key, KeyChord, KeyList, Keymap, bar, k};
use super::super::{App, MAX_PLANS, Pending, StatusKind, text};
use super::picker::matches_filter;
use super::{LIST_KEYS, LIST_PAGE, ListAction, ModeState, Outcome};
use crate::store::plans::{PlanSummary, TEMPLATES};

pub struct BrowserState {
    pub filter: TextArea<'static>,
    pub plans: Vec<PlanSummary>,
    pub matches: Vec<usize>,
    pub cursor: ListCursor,
    /// Plans marked with Space to open side by side (indices into `plans`).
    pub marked: Vec<usize>,
    pub loading: bool,
    /// Chosen plans open beside the open ones to compare ("compare with"),
    /// instead of replacing them.
    pub beside: bool,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum BrowserAction {
    Move(Move),
    Mark,
    Open,
    Cancel,
}

impl Described for BrowserAction {
    fn description(self) -> &'static str {
        match self {
            BrowserAction::Move(m) => m.description(),
            BrowserAction::Mark => "mark the plan to open side by side (2 to 4)",
            BrowserAction::Open => Dialog::Confirm.description(),
            BrowserAction::Cancel => Dialog::Cancel.description(),
        }
    }
    fn short(self) -> &'static str {
        match self {
            BrowserAction::Mark => "mark",
            BrowserAction::Open => Dialog::Confirm.short(),
            BrowserAction::Cancel => Dialog::Cancel.short(),
            BrowserAction::Move(m) => m.description(),
        }
    }
}

pub const KEYS: Keymap<BrowserAction> = Keymap {
    tables: &[
        moves!(m => BrowserAction::Move(m)),
        &[
            (KeyChord::ch(' '), BrowserAction::Mark),
            (k(Key::Enter), BrowserAction::Open),
            (k(Key::Esc), BrowserAction::Cancel),
        ],
    ],
    any_key: None,
    bar: &[
        bar(BrowserAction::Mark),
        bar(BrowserAction::Open),
        bar(BrowserAction::Cancel),
    ],
};

impl BrowserState {
    /// The browser as it opens, while the runtime lists the plans.
    pub fn loading() -> Self {
        BrowserState {
            filter: text::single_line(""),
            plans: Vec::new(),
            matches: Vec::new(),
            cursor: ListCursor::default(),
            marked: Vec::new(),
            loading: true,
            beside: false,
        }
    }

    /// The browser in "compare with" mode.
    pub fn compare_with() -> Self {
        BrowserState {
            beside: true,
            ..Self::loading()
        }
    }

    /// The filter, when it names a plan file rather than filters the list.
    fn typed_path(&self, app: &App) -> Option<std::path::PathBuf> {
        let typed = self.filter.lines().join("");
        let t = typed.trim();
        if !t.ends_with(".ron") {
            return None;
        }
        match (t.strip_prefix("~/"), &app.home) {
            (Some(rest), Some(home)) => Some(home.join(rest)),
            _ => Some(std::path::PathBuf::from(t)),
        }
    }

    /// The runtime listed the plans on disk.
    pub fn listed(&mut self, plans: Vec<PlanSummary>) {
        self.plans = plans;
        self.loading = false;
        self.refilter();
    }

    fn refilter(&mut self) {
        self.matches = self
            .plans
            .iter()
            .enumerate()
            .filter(|(_, p)| {
                matches_filter(
                    &self.filter,
                    &format!("{} {} {}", p.name, p.client, p.path.display()),
                )
            })
            .map(|(i, _)| i)
            .collect();
        self.cursor.clamp(self.matches.len());
    }
}

impl ModeState for BrowserState {
    fn keys(&self, _: &App) -> &'static dyn KeyList {
        &KEYS
    }

    fn press(&mut self, chord: KeyChord, app: &mut App) -> Outcome {
        let len = self.matches.len();
        match KEYS.lookup(chord) {
            Some(BrowserAction::Cancel) => return Outcome::Close,
            Some(BrowserAction::Move(m)) => self.cursor.go(m, len, LIST_PAGE),
            Some(BrowserAction::Mark) => {
                if let Some(&k) = self.matches.get(self.cursor.selected) {
                    if let Some(p) = self.marked.iter().position(|m| *m == k) {
                        self.marked.remove(p);
                    } else if self.marked.len() < MAX_PLANS {
                        self.marked.push(k);
                    } else {
                        let msg = format!("at most {MAX_PLANS} plans side by side");
                        app.say(StatusKind::Warning, msg);
                        return Outcome::Stay;
                    }
                    self.cursor.by(1, len);
                }
            }
            Some(BrowserAction::Open) if self.beside => {
                let mut paths: Vec<_> = self
                    .marked
                    .iter()
                    .map(|&k| self.plans[k].path.clone())
                    .collect();
                if paths.is_empty() {
                    paths.extend(self.typed_path(app).or_else(|| {
                        let k = *self.matches.get(self.cursor.selected)?;
                        Some(self.plans[k].path.clone())
                    }));
                }
                if paths.is_empty() {
                    return Outcome::Stay;
                }
                return Outcome::CloseWith(app.open_beside(paths));
            }
            Some(BrowserAction::Open) if self.typed_path(app).is_some() => {
                let path = self.typed_path(app).unwrap_or_default();
                return Outcome::CloseWith(app.guard(Pending::Open(path)));
            }
            Some(BrowserAction::Open) => {
                if self.marked.len() >= 2 {
                    let paths = self
                        .marked
                        .iter()
                        .map(|&k| self.plans[k].path.clone())
                        .collect();
                    return Outcome::CloseWith(app.guard(Pending::OpenMany(paths)));
                }
                let chosen = self
                    .marked
                    .first()
                    .copied()
                    .or_else(|| self.matches.get(self.cursor.selected).copied());
                if let Some(k) = chosen {
                    let path = self.plans[k].path.clone();
                    return Outcome::CloseWith(app.guard(Pending::Open(path)));
                }
            }
            None => {
                if self.filter.input(text::to_input(chord)) {
                    self.cursor.selected = 0;
                }
                self.refilter();
            }
        }
        Outcome::Stay
    }

    fn pasted(&mut self, pasted: &str, _: &mut App) {
        let single = pasted.replace(['\r', '\n'], " ");
        self.filter.insert_str(single.trim());
        self.refilter();
    }

    fn list(&mut self) -> Option<(&mut ListCursor, usize)> {
        Some((&mut self.cursor, self.matches.len()))
    }
}

/// The examples to start a new plan from.
#[derive(Debug, Clone, Copy, Default)]
pub struct ExamplesState {
    pub cursor: ListCursor,
}

impl ModeState for ExamplesState {
    fn keys(&self, _: &App) -> &'static dyn KeyList {
        &LIST_KEYS
    }

    fn press(&mut self, chord: KeyChord, app: &mut App) -> Outcome {
        match LIST_KEYS.lookup(chord) {
            Some(ListAction::Cancel) => Outcome::Close,
            Some(ListAction::Move(m)) => {
                // The examples, then "start from questions".
                self.cursor.go(m, TEMPLATES.len() + 1, LIST_PAGE);
                Outcome::Stay
            }
            Some(ListAction::Choose) if self.cursor.selected == TEMPLATES.len() => {
                Outcome::CloseWith(app.guard(Pending::Interview))
            }
            Some(ListAction::Choose) => {
                Outcome::CloseWith(app.guard(Pending::NewFrom(self.cursor.selected)))
            }
            None => Outcome::Stay,
        }
    }
}
