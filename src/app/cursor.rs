//! A cursor over a list: which item is selected and which is shown first,
//! moved by keys or the wheel and always clamped to the list. Every list of
//! the workbench (picker, browser, examples, tornado, help, the compare view's
//! differences, the monthly table) moves with this one piece of code.

/// A movement asked for by a key.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Move {
    Up,
    Down,
    PageUp,
    PageDown,
    Top,
    Bottom,
}

impl Move {
    /// What the movement does, as the help overlay says it.
    pub fn description(self) -> &'static str {
        match self {
            Move::Up => "move up",
            Move::Down => "move down",
            Move::PageUp => "page up",
            Move::PageDown => "page down",
            Move::Top => "first row",
            Move::Bottom => "last row",
        }
    }
}

#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct ListCursor {
    /// The selected item (for a list that only scrolls: the first one shown).
    pub selected: usize,
    /// The first item shown.
    pub offset: usize,
}

impl ListCursor {
    /// Applies a movement to a list of `len` items, `page` items a page.
    pub fn go(&mut self, m: Move, len: usize, page: usize) {
        let page = page as isize;
        match m {
            Move::Up => self.by(-1, len),
            Move::Down => self.by(1, len),
            Move::PageUp => self.by(-page, len),
            Move::PageDown => self.by(page, len),
            Move::Top => self.selected = 0,
            Move::Bottom => self.selected = len.saturating_sub(1),
        }
    }

    /// Moves by `delta` items (the wheel moves three), staying in the list.
    pub fn by(&mut self, delta: isize, len: usize) {
        let last = len.saturating_sub(1) as isize;
        self.selected = (self.selected as isize)
            .saturating_add(delta)
            .clamp(0, last) as usize;
    }

    /// Keeps the selection within a list that may have shrunk.
    pub fn clamp(&mut self, len: usize) {
        self.selected = self.selected.min(len.saturating_sub(1));
    }

    /// Moves `offset` so the selection is among the `visible` items shown,
    /// and no further than needed to fill the view with `len` items.
    pub fn show(&mut self, visible: usize, len: usize) {
        let visible = visible.max(1);
        if self.selected < self.offset {
            self.offset = self.selected;
        } else if self.selected >= self.offset + visible {
            self.offset = self.selected + 1 - visible;
        }
        self.offset = self.offset.min(len.saturating_sub(visible));
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn moves_stay_in_the_list() {
        let mut c = ListCursor::default();
        // (move, list length, visible rows, where the cursor lands)
        let steps = [
            (Move::Up, 5, 10, 0),
            (Move::PageDown, 5, 10, 4),
            (Move::Down, 5, 10, 4),
            (Move::PageUp, 5, 2, 2),
            (Move::Top, 5, 2, 0),
            (Move::Bottom, 5, 2, 4),
        ];
        for (m, len, visible, lands) in steps {
            c.go(m, len, visible);
            assert_eq!(c.selected, lands, "{m:?} in {len} rows, {visible} visible");
        }
        c.by(-3, 5);
        assert_eq!(c.selected, 1);
        c.go(Move::Down, 0, 10);
        assert_eq!(c.selected, 0, "an empty list keeps the cursor at 0");
        c.selected = 9;
        c.clamp(3);
        assert_eq!(c.selected, 2);
    }

    #[test]
    fn the_view_follows_the_selection() {
        let mut c = ListCursor {
            selected: 7,
            offset: 0,
        };
        c.show(3, 10);
        assert_eq!(c.offset, 5);
        c.selected = 1;
        c.show(3, 10);
        assert_eq!(c.offset, 1);
        c.offset = 9;
        c.selected = 9;
        c.show(3, 10);
        assert_eq!(c.offset, 7, "no empty rows below the last item");
    }
}
