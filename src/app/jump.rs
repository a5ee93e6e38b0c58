//! Reaching an input fast: the cursor on a given row (unfolding its section),
//! on a section by its number, and where it was when the plan was last
//! closed (the runtime keeps that per plan file; here it is a path string).

use super::cursor::ListCursor;
use super::rows::{Group, Row};
use super::{App, layout};
use crate::model::fields::{Field, Section};

impl App {
    /// Puts the cursor on `row`, unfolding its section first.
    pub fn place_on(&mut self, row: Row) {
        if let Some(g) = row.group() {
            self.collapsed.retain(|c| *c != g);
        }
        self.rebuild_rows();
        self.select(row);
    }

    /// The cursor on `row`, if it is shown; says whether it is.
    pub(crate) fn select(&mut self, row: Row) -> bool {
        let Some(i) = self.rows.iter().position(|r| *r == row) else {
            return false;
        };
        self.selected = i;
        self.scroll_into_view();
        true
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
        // The section from its heading down, as much of it as fits (its
        // info line — the reviewers needed — included).
        self.offset = heading;
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

    pub(in crate::app) fn page(&self) -> usize {
        layout::input_rows_in(self.regions()).max(1)
    }

    pub(in crate::app) fn first_selectable_from(&self, start: usize) -> usize {
        (start..self.rows.len())
            .find(|i| self.rows[*i].selectable())
            .unwrap_or(0)
    }

    /// Moves the selection by `delta` rows, skipping info lines in the
    /// direction of travel.
    pub(in crate::app) fn move_selection(&mut self, delta: isize) {
        if self.rows.is_empty() {
            return;
        }
        let last = self.rows.len() - 1;
        let mut i = (self.selected as isize + delta).clamp(0, last as isize) as usize;
        while !self.rows[i].selectable() {
            if delta >= 0 && i < last {
                i += 1;
            } else if i > 0 {
                i -= 1;
            } else {
                break;
            }
        }
        self.selected = i;
        self.scroll_into_view();
    }

    pub(in crate::app) fn scroll_into_view(&mut self) {
        let visible = layout::input_rows_in(self.regions()).max(1);
        let mut c = ListCursor {
            selected: self.selected,
            offset: self.offset,
        };
        c.show(visible, self.rows.len());
        // A read-only line under the selection (the GPUs a sizing gives)
        // belongs to it: it shows too, as long as the selection stays shown.
        let said = self.rows[self.selected.min(self.rows.len())..]
            .iter()
            .skip(1)
            .take_while(|r| matches!(r, Row::Gpus(_)))
            .count();
        let last = self.selected + said;
        if last >= c.offset + visible {
            c.offset = (last + 1 - visible).min(self.selected);
        }
        self.offset = c.offset;
    }
}
