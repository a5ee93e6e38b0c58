//! `/`: find any input by what it is called, its section or its path in the
//! plan file — fuzzy, best match first — and put the cursor on it (unfolding
//! its section). On a call, "maintenance" and Enter reach the lever at once.

use nucleo_matcher::pattern::{CaseMatching, Normalization, Pattern};
use nucleo_matcher::{Config, Matcher, Utf32Str};
use ratatui_textarea::TextArea;

use super::super::cursor::{ListCursor, Move};
use super::super::keymap::{Described, Dialog, Key, KeyList, Keymap, bar, k};
use super::super::rows::{self, Row, Toggle};
use super::super::{App, text};
use super::{LIST_PAGE, ModeState, Outcome};
use crate::app::keymap::KeyChord;
use crate::model::fields::TextInput;

/// One input the finder can reach.
#[derive(Debug, Clone, PartialEq)]
pub struct Item {
    pub row: Row,
    /// "Maintenance rate", "gpt-5.4-mini: share of traffic".
    pub label: String,
    pub section: &'static str,
    /// Where it is in the plan file (`FieldSpec::path`).
    pub path: String,
}

pub struct FinderState {
    pub query: TextArea<'static>,
    pub items: Vec<Item>,
    /// Indices into `items`, best match first.
    pub matches: Vec<usize>,
    pub cursor: ListCursor,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum FinderAction {
    Move(Move),
    Go,
    Cancel,
}

impl Described for FinderAction {
    fn description(self) -> &'static str {
        match self {
            FinderAction::Move(m) => m.description(),
            FinderAction::Go => "put the cursor on the input",
            FinderAction::Cancel => Dialog::Cancel.description(),
        }
    }
    fn short(self) -> &'static str {
        match self {
            FinderAction::Go => "go",
            FinderAction::Cancel => Dialog::Cancel.short(),
            FinderAction::Move(m) => m.description(),
        }
    }
}

/// Its section of help.
pub const TITLE: &str = "Find an input (/)";

/// Typing goes to the search box; these keys move and choose.
pub const KEYS: Keymap<FinderAction> = Keymap {
    tables: &[
        moves!(m => FinderAction::Move(m)),
        &[
            (k(Key::Enter), FinderAction::Go),
            (k(Key::Esc), FinderAction::Cancel),
        ],
    ],
    any_key: None,
    bar: &[bar(FinderAction::Go), bar(FinderAction::Cancel)],
};

impl FinderState {
    /// The finder over every input of the plan being edited, all listed.
    pub fn new(app: &App) -> Self {
        let items = items(app);
        let matches = (0..items.len()).collect();
        FinderState {
            query: text::single_line(""),
            items,
            matches,
            cursor: ListCursor::default(),
        }
    }

    pub fn selected(&self) -> Option<&Item> {
        self.matches
            .get(self.cursor.selected)
            .and_then(|i| self.items.get(*i))
    }

    /// What is typed so far.
    pub fn typed(&self) -> String {
        self.query.lines().join("")
    }

    /// Orders the inputs by how well they match what is typed (a match in
    /// the label counts double), dropping those that do not match at all.
    fn rank(&mut self) {
        self.matches = ranked(&self.items, &self.typed());
        self.cursor = ListCursor::default();
    }
}

impl ModeState for FinderState {
    fn keys(&self, _: &App) -> &'static dyn KeyList {
        &KEYS
    }

    fn press(&mut self, chord: KeyChord, app: &mut App) -> Outcome {
        match KEYS.lookup(chord) {
            Some(FinderAction::Cancel) => Outcome::Close,
            Some(FinderAction::Move(m)) => {
                self.cursor.go(m, self.matches.len(), LIST_PAGE);
                Outcome::Stay
            }
            Some(FinderAction::Go) => {
                if let Some(item) = self.selected() {
                    let row = item.row;
                    app.place_on(row);
                }
                Outcome::Close
            }
            None => {
                if self.query.input(text::to_input(chord)) {
                    self.rank();
                }
                Outcome::Stay
            }
        }
    }

    fn pasted(&mut self, pasted: &str, _: &mut App) {
        self.query
            .insert_str(pasted.replace(['\r', '\n'], " ").trim());
        self.rank();
    }

    fn list(&mut self) -> Option<(&mut ListCursor, usize)> {
        Some((&mut self.cursor, self.matches.len()))
    }

    fn help_title(&self) -> Option<&'static str> {
        Some(TITLE)
    }
}

/// The indices of `items` matching `query`, best first (ties in pane order).
pub fn ranked(items: &[Item], query: &str) -> Vec<usize> {
    if query.trim().is_empty() {
        return (0..items.len()).collect();
    }
    let mut matcher = Matcher::new(Config::DEFAULT);
    let pattern = Pattern::parse(query, CaseMatching::Ignore, Normalization::Smart);
    let mut buf = Vec::new();
    let mut score = |text: &str| pattern.score(Utf32Str::new(text, &mut buf), &mut matcher);
    let mut scored: Vec<(u32, usize)> = items
        .iter()
        .enumerate()
        .filter_map(|(i, it)| {
            let label = score(&it.label).map(|s| s * 2);
            let all = score(&format!("{} {} {}", it.label, it.section, it.path));
            label.max(all).map(|s| (s, i))
        })
        .collect();
    scored.sort_by(|a, b| b.0.cmp(&a.0).then(a.1.cmp(&b.1)));
    scored.into_iter().map(|(_, i)| i).collect()
}

/// Every input of the plan being edited, in pane order (sections unfolded).
pub fn items(app: &App) -> Vec<Item> {
    items_of(app, rows::build(&app.doc().plan, &[]))
}

/// The finder's entries for `rows` of the plan being edited.
fn items_of(app: &App, rows: Vec<Row>) -> Vec<Item> {
    let plan = &app.doc().plan;
    rows.into_iter()
        .filter_map(|row| {
            let section = row.group()?.label();
            let (label, path) = match row {
                Row::Heading(_) | Row::Info(_) | Row::Gpus(_) | Row::AddLine(_) => return None,
                Row::Field(f) => (app.field_label(f), f.path()),
                Row::Text(t) => (text::text_label(t).to_string(), t.path()),
                Row::Toggle(Toggle::Retrieval) => {
                    // The switch of the whole section, named by its path.
                    let t = TextInput::Retrieval;
                    (format!("{} on/off", t.spec().label), t.parent().into())
                }
                Row::Toggle(Toggle::Reviewers) => {
                    let spec = TextInput::Staffing.spec();
                    (format!("{} (Auto/Fixed)", spec.label), spec.path.into())
                }
                Row::Model(i) => (
                    format!(
                        "{} {}",
                        TextInput::ModelId.spec().label,
                        plan.models.get(i).map(|m| m.id.as_str()).unwrap_or("")
                    ),
                    TextInput::ModelId.path_at(i),
                ),
                Row::Notes => ("Notes from the call".into(), "notes".into()),
            };
            Some(Item {
                row,
                label,
                section,
                path,
            })
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::fields::Field;

    fn item(label: &str, f: Field) -> Item {
        Item {
            row: Row::Field(f),
            label: label.into(),
            section: "S",
            path: f.path(),
        }
    }

    #[test]
    fn the_best_label_match_comes_first_and_non_matches_are_dropped() {
        let items = vec![
            item("Requests per day", Field::RequestsPerDay),
            item("Maintenance rate", Field::MaintenancePct),
            item("Monthly growth", Field::MonthlyGrowth),
        ];
        assert_eq!(ranked(&items, "maint"), vec![1]);
        assert_eq!(ranked(&items, "")[..], [0, 1, 2]);
        assert!(ranked(&items, "zzzq").is_empty());
        // By path too.
        assert_eq!(ranked(&items, "growth_pct").first(), Some(&2));
    }

    #[test]
    fn a_throwaway_input_is_among_the_finders_items() {
        use crate::app::document::Document;
        use crate::model::fields::throwaway;
        let plan = throwaway::plan(1000.0);
        let rows = rows::build_from(&plan, &[], throwaway::table(&plan));
        let app = App::new(Document::opened(plan, None), Default::default(), None);
        let items = items_of(&app, rows);
        let extra = Field::Extra(0);
        let at = items.iter().position(|it| it.row == Row::Field(extra));
        let at = at.expect("the throwaway input is among the finder's items");
        assert_eq!(items[at].path, "value.throwaway_pct");
        assert_eq!(items[at].section, "Value");
        assert_eq!(items[at].label, app.field_label(extra));
        // And typing its name finds it.
        assert!(ranked(&items, "throwaway").contains(&at));
    }
}
