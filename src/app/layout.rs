//! Screen geometry, shared by the view (to draw) and `update` (to map mouse
//! clicks to rows). Pure arithmetic on rectangles.

use ratatui::layout::{Constraint, Direction, Layout, Rect};

/// Below this size the workbench shows a notice instead of a broken layout.
pub const MIN_WIDTH: u16 = 60;
pub const MIN_HEIGHT: u16 = 18;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Regions {
    pub title: Rect,
    pub inputs: Rect,
    pub projection: Rect,
    pub status: Rect,
}

pub fn too_small(area: Rect) -> bool {
    area.width < MIN_WIDTH || area.height < MIN_HEIGHT
}

/// The main regions: title bar, inputs pane on the left, projection on the
/// right, status bar at the bottom.
pub fn regions(area: Rect) -> Regions {
    regions_with(area, 0)
}

/// The most notice lines shown above the status bar at once.
pub const MAX_NOTICE_LINES: usize = 4;

/// Lines the notice list takes for `count` notices.
pub fn notice_lines(count: usize) -> u16 {
    count.min(MAX_NOTICE_LINES) as u16
}

/// The regions with `notices` lines of notices above the status bar (the
/// status region then holds them and the bar, bar last).
pub fn regions_with(area: Rect, notices: u16) -> Regions {
    let [title, body, status] = Layout::vertical([
        Constraint::Length(1),
        Constraint::Min(0),
        Constraint::Length(1 + notices),
    ])
    .areas(area);
    let inputs_width = (area.width.saturating_mul(2) / 5).clamp(30, 54);
    let [inputs, projection] =
        Layout::horizontal([Constraint::Length(inputs_width), Constraint::Min(0)]).areas(body);
    Regions {
        title,
        inputs,
        projection,
        status,
    }
}

/// Rows of the inputs list visible inside its border.
pub fn input_rows_visible(area: Rect) -> usize {
    input_rows_in(regions(area))
}

/// Rows of the inputs list visible inside its border, for these regions
/// (the last row inside explains the input under the cursor).
pub fn input_rows_in(regions: Regions) -> usize {
    regions.inputs.height.saturating_sub(2 + EXPLAIN_ROWS) as usize
}

/// Rows at the foot of the inputs pane that explain the selected input.
pub const EXPLAIN_ROWS: u16 = 1;

/// A centred rectangle of at most `w`×`h`, clamped to `area`.
pub fn centered(area: Rect, w: u16, h: u16) -> Rect {
    let w = w.min(area.width);
    let h = h.min(area.height);
    Rect {
        x: area.x + (area.width - w) / 2,
        y: area.y + (area.height - h) / 2,
        width: w,
        height: h,
    }
}

/// `area` cut after its first `first` rows (`Vertical`) or columns
/// (`Horizontal`), at most all of them: that part and the rest.
pub fn split(area: Rect, direction: Direction, first: u16) -> (Rect, Rect) {
    let (mut head, mut rest) = (area, area);
    match direction {
        Direction::Vertical => {
            head.height = first.min(area.height);
            rest.y += head.height;
            rest.height -= head.height;
        }
        Direction::Horizontal => {
            head.width = first.min(area.width);
            rest.x += head.width;
            rest.width -= head.width;
        }
    }
    (head, rest)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_split_hands_out_every_row_or_column_once() {
        let area = Rect::new(2, 3, 10, 6);
        let (top, rest) = split(area, Direction::Vertical, 2);
        assert_eq!(
            (top, rest),
            (Rect::new(2, 3, 10, 2), Rect::new(2, 5, 10, 4))
        );
        let (left, rest) = split(area, Direction::Horizontal, 7);
        assert_eq!((left, rest), (Rect::new(2, 3, 7, 6), Rect::new(9, 3, 3, 6)));
        // More than there is: all of it, and nothing left.
        let (all, none) = split(area, Direction::Vertical, 9);
        assert_eq!((all, none.height, none.y), (area, 0, 9));
    }
}
