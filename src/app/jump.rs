//! Reaching an input fast: the cursor on a given row (unfolding its section),
//! on a section by its number, and where it was when the plan was last
//! closed (the runtime keeps that per plan file; here it is a path string).

use super::App;
use super::rows::{Group, Row};
use crate::model::fields::{Field, Section};

impl App {
    /// Puts the cursor on `row`, unfolding its section first.
    pub fn place_on(&mut self, row: Row) {
        if let Some(g) = row.group() {
            self.collapsed.retain(|c| *c != g);
        }
        self.rebuild_rows();
        if let Some(i) = self.rows.iter().position(|r| *r == row) {
            self.selected = i;
            self.scroll_into_view();
        }
    }

    /// `1`–`9`: the cursor on the first input of that section (1 Volume,
    /// 2 Tokens & caching, …), unfolded.
    pub fn jump_to_section(&mut self, n: usize) {
        let Some(section) = n.checked_sub(1).and_then(|i| Section::ALL.get(i)) else {
            return;
        };
        let group = Group::Model(*section);
        self.collapsed.retain(|c| *c != group);
        self.rebuild_rows();
        let Some(heading) = self.rows.iter().position(|r| *r == Row::Heading(group)) else {
            return;
        };
        self.selected = (heading + 1..self.rows.len())
            .take_while(|i| !matches!(self.rows[*i], Row::Heading(_)))
            .find(|i| self.rows[*i].selectable())
            .unwrap_or(heading);
        // Show the heading too, so the section's name is on screen.
        self.offset = self.offset.min(heading);
        self.scroll_into_view();
    }

    /// Where the cursor opens on a plan: the first lever, requests per day.
    pub(crate) fn first_lever(&mut self) {
        let at = self
            .rows
            .iter()
            .position(|r| *r == Row::Field(Field::RequestsPerDay));
        self.selected = at.unwrap_or_else(|| self.first_selectable_from(1));
        self.offset = 0;
        self.scroll_into_view();
    }

    /// The input under the cursor as a path in the plan file, to reopen the
    /// plan there (`None` on a row that is not a numeric input).
    pub fn cursor_key(&self) -> Option<String> {
        match self.selected_row()? {
            Row::Field(f) => Some(f.path()),
            _ => None,
        }
    }

    /// Puts the cursor back on the input at `path` (from [`Self::cursor_key`]);
    /// returns whether the plan still has it.
    pub fn restore_cursor(&mut self, path: &str) -> bool {
        let found = Field::all(&self.doc().plan)
            .into_iter()
            .find(|f| f.path() == path);
        match found {
            Some(f) => {
                self.place_on(Row::Field(f));
                true
            }
            None => false,
        }
    }
}
