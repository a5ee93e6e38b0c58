//! The mouse over the editor: a click selects a row (a heading clicked
//! again folds) or focuses the table; the wheel scrolls the pane under it.

use ratatui::layout::Rect;

use super::super::cursor::ListCursor;
use super::super::rows::Row;
use super::super::{App, Focus, layout};
use super::Mode;

impl App {
    pub(in crate::app) fn on_click(&mut self, col: u16, row: u16) {
        if !matches!(self.mode(), Mode::Normal) || layout::too_small(self.size) {
            return;
        }
        let r = self.regions();
        let inside =
            |a: Rect| col >= a.x && col < a.x + a.width && row >= a.y && row < a.y + a.height;
        if inside(r.inputs) {
            self.focus = Focus::Inputs;
            if row > r.inputs.y && row < r.inputs.y + 1 + layout::input_rows_in(r) as u16 {
                let i = self.offset + (row - r.inputs.y - 1) as usize;
                if i < self.rows.len() && self.rows[i].selectable() {
                    if self.selected == i && matches!(self.rows[i], Row::Heading(_)) {
                        self.toggle_section();
                    } else {
                        self.selected = i;
                    }
                }
            }
        } else if inside(r.projection) {
            self.focus = Focus::Table;
        }
    }

    /// The wheel over the editor: the table or the inputs pane scrolls.
    pub(super) fn wheel(&mut self, col: u16, row: u16, delta: isize) {
        let r = self.regions();
        if col >= r.projection.x && row >= r.projection.y {
            let months = self.projection().months.len();
            let mut c = ListCursor {
                selected: self.table_offset,
                offset: 0,
            };
            c.by(delta, months);
            self.table_offset = c.selected;
        } else {
            let visible = layout::input_rows_in(self.regions());
            let max = self.rows.len().saturating_sub(visible);
            self.offset = (self.offset as isize + delta).clamp(0, max as isize) as usize;
            // Keep the cursor on screen.
            if self.selected < self.offset {
                self.selected = self.first_selectable_from(self.offset);
            } else if self.selected >= self.offset + visible {
                self.selected = (self.offset + visible).saturating_sub(1);
                self.move_selection(0);
            }
        }
    }
}
