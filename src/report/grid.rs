//! Text tables and paragraphs that fit the terminal: a [`Grid`] is a table as
//! data (header, rows, alignment), rendered for a width in columns. Too wide,
//! it first leaves out the columns marked optional (and says so), then folds
//! the rest into blocks that each repeat the key columns, and only as a last
//! resort shortens cells with "…". It never lets a line wrap and never ends a
//! line with spaces. `None` as width (piped output) keeps everything.
//! [`wrap`] does the same for prose. Widths are display columns
//! (`unicode-width`), not bytes.

use unicode_width::{UnicodeWidthChar, UnicodeWidthStr};

/// Spaces before the first column and between two columns.
const INDENT: usize = 2;
const GAP: usize = 3;
/// Narrower than this, a column is not shortened any further.
const MIN_COLUMN: usize = 4;
/// The narrowest width rendered for; a smaller `COLUMNS` is treated as this.
pub const MIN_WIDTH: usize = 40;

/// How wide a text is on a terminal.
pub fn width_of(s: &str) -> usize {
    UnicodeWidthStr::width(s)
}

/// A table as data; see the module doc.
#[derive(Debug, Clone, Default)]
pub struct Grid {
    pub header: Vec<String>,
    pub rows: Vec<Vec<String>>,
    /// Right-aligned columns (numbers).
    pub right: Vec<bool>,
    /// Columns that may be left out when the table does not fit.
    pub optional: Vec<bool>,
    /// The leading columns repeated in every block of a folded table.
    pub keys: usize,
    /// Too wide, show one record per row instead of folding into blocks.
    pub pivot: bool,
}

impl Grid {
    /// A grid with these headers; every column left-aligned, one key column.
    pub fn new<S: Into<String>>(header: impl IntoIterator<Item = S>) -> Self {
        let header: Vec<String> = header.into_iter().map(Into::into).collect();
        let n = header.len();
        Grid {
            header,
            rows: Vec::new(),
            right: vec![false; n],
            optional: vec![false; n],
            keys: 1.min(n),
            pivot: false,
        }
    }

    /// Too wide, the grid is shown as one record per row: the key cells on a
    /// line, then `header value` pairs wrapped below (for long ids and labels).
    pub fn pivot(mut self) -> Self {
        self.pivot = true;
        self
    }

    /// Right-aligns the columns from `from` on.
    pub fn right_from(mut self, from: usize) -> Self {
        for r in self.right.iter_mut().skip(from) {
            *r = true;
        }
        self
    }

    /// The first `n` columns are repeated in each block of a folded table.
    pub fn keys(mut self, n: usize) -> Self {
        self.keys = n.min(self.header.len());
        self
    }

    /// Marks columns that may be left out to fit.
    pub fn optional(mut self, columns: &[usize]) -> Self {
        for &i in columns {
            if let Some(o) = self.optional.get_mut(i) {
                *o = true;
            }
        }
        self
    }

    /// Adds a row; missing cells are empty, extra cells are ignored.
    pub fn row<S: Into<String>>(&mut self, cells: impl IntoIterator<Item = S>) {
        let mut cells: Vec<String> = cells.into_iter().map(Into::into).collect();
        cells.resize(self.header.len(), String::new());
        self.rows.push(cells);
    }

    fn natural(&self, col: usize) -> usize {
        std::iter::once(&self.header[col])
            .chain(self.rows.iter().map(|r| &r[col]))
            .map(|s| width_of(s))
            .max()
            .unwrap_or(0)
    }

    /// How narrow a column can be without cutting a cell or a header word.
    fn compact(&self, col: usize) -> usize {
        let cells = self
            .rows
            .iter()
            .map(|r| width_of(&r[col]))
            .max()
            .unwrap_or(0);
        let words = self.header[col].split_whitespace().map(width_of).max();
        cells.max(words.unwrap_or(0))
    }

    /// The table as text for `width` columns (`None`: as wide as it is), its
    /// blocks apart by a blank line, without a final newline.
    pub fn render(&self, width: Option<usize>) -> String {
        let n = self.header.len();
        if n == 0 {
            return String::new();
        }
        let natural: Vec<usize> = (0..n).map(|c| self.natural(c)).collect();
        let span = |cols: &[usize]| line_width(cols.iter().map(|&c| natural[c]));
        let mut cols: Vec<usize> = (0..n).collect();
        let Some(width) = width.map(|w| w.max(MIN_WIDTH)) else {
            return self
                .block(&cols, &natural, false)
                .trim_end_matches('\n')
                .to_string();
        };
        // 1. Leave out optional columns, the last first, until it fits.
        let mut dropped = Vec::new();
        while span(&cols) > width {
            let Some(pos) = cols.iter().rposition(|&c| self.optional[c]) else {
                break;
            };
            dropped.insert(0, self.header[cols.remove(pos)].clone());
        }
        if self.pivot && span(&cols) > width {
            return self.records(&cols, width);
        }
        // Still too wide: headers may take several lines, so a column need
        // only be as wide as its cells and its longest header word.
        let full = natural.clone();
        let natural: Vec<usize> = if span(&cols) > width {
            (0..n).map(|c| self.compact(c)).collect()
        } else {
            natural
        };
        let span = |cols: &[usize]| line_width(cols.iter().map(|&c| natural[c]));
        // 2. Fold: the key columns, then as many others as fit, block by block.
        let keys: Vec<usize> = cols.iter().copied().filter(|&c| c < self.keys).collect();
        let rest: Vec<usize> = cols.iter().copied().filter(|&c| c >= self.keys).collect();
        let mut blocks: Vec<Vec<usize>> = Vec::new();
        let mut current = keys.clone();
        for c in rest {
            let mut trial = current.clone();
            trial.push(c);
            if span(&trial) > width && current.len() > keys.len() {
                blocks.push(std::mem::replace(&mut current, keys.clone()));
                current.push(c);
            } else {
                current = trial;
            }
        }
        if current.len() > keys.len() || blocks.is_empty() {
            blocks.push(current);
        }
        // 3. Shorten what still does not fit; in a folded table a row with
        //    nothing in a block's columns is left out of that block.
        let folded = blocks.len() > 1;
        let mut out: Vec<String> = blocks
            .iter()
            .map(|b| {
                // A block that fits with one-line headers keeps them.
                let widths = if line_width(b.iter().map(|&c| full[c])) <= width {
                    full.clone()
                } else {
                    shrink(b, &natural, &self.right, width)
                };
                self.block(b, &widths, folded)
            })
            .collect::<Vec<_>>();
        if !dropped.is_empty() {
            let note = format!(
                "(Left out to fit {width} columns: {}. Widen the terminal or pipe the output to see them.)",
                dropped.join(", ")
            );
            out.push(wrap(&note, Some(width), ""));
        }
        out.join("\n").trim_end_matches('\n').to_string()
    }

    /// One record per row: the key cells, then each other column as
    /// `header: value`, wrapped under it.
    fn records(&self, cols: &[usize], width: usize) -> String {
        let mut out = Vec::new();
        for r in &self.rows {
            let title: Vec<&str> = cols
                .iter()
                .filter(|&&c| c < self.keys)
                .map(|&c| r[c].as_str())
                .collect();
            let fields: Vec<String> = cols
                .iter()
                .filter(|&&c| c >= self.keys && !r[c].is_empty())
                .map(|&c| format!("{}: {}", self.header[c], r[c]))
                .collect();
            let text = format!("  {}\n      {}", title.join(" · "), fields.join(" · "));
            out.push(wrap(&text, Some(width), ""));
        }
        out.join("\n")
    }

    /// One block: these columns at these widths, header, rule, rows.
    /// `skip_blank` leaves out rows with nothing in the block's non-key columns.
    fn block(&self, cols: &[usize], widths: &[usize], skip_blank: bool) -> String {
        let line = |cells: &dyn Fn(usize) -> String| {
            let mut s = " ".repeat(INDENT);
            for (i, &c) in cols.iter().enumerate() {
                if i > 0 {
                    s.push_str(&" ".repeat(GAP));
                }
                let text = truncate(&cells(c), widths[c]);
                let pad = " ".repeat(widths[c].saturating_sub(width_of(&text)));
                if self.right[c] {
                    s.push_str(&pad);
                    s.push_str(&text);
                } else {
                    s.push_str(&text);
                    s.push_str(&pad);
                }
            }
            s.trim_end().to_string()
        };
        let heads: Vec<Vec<String>> = (0..self.header.len())
            .map(|c| header_lines(&self.header[c], widths[c]))
            .collect();
        let tall = cols.iter().map(|&c| heads[c].len()).max().unwrap_or(1);
        let mut out = String::new();
        for i in 0..tall {
            // Headers sit on the bottom line, as a label sits on its column.
            out.push_str(&line(&|c| {
                let skip = tall - heads[c].len();
                if i < skip {
                    String::new()
                } else {
                    heads[c][i - skip].clone()
                }
            }));
            out.push('\n');
        }
        out.push_str(&"─".repeat(line_width(cols.iter().map(|&c| widths[c]))));
        out.push('\n');
        for r in &self.rows {
            if skip_blank && cols.iter().all(|&c| c < self.keys || r[c].is_empty()) {
                continue;
            }
            out.push_str(&line(&|c| r[c].clone()));
            out.push('\n');
        }
        out
    }
}

/// A header split at spaces into lines at most `width` wide (one line when
/// it fits).
fn header_lines(text: &str, width: usize) -> Vec<String> {
    if width_of(text) <= width {
        return vec![text.to_string()];
    }
    let mut lines: Vec<String> = Vec::new();
    let mut current = String::new();
    for word in text.split_whitespace() {
        if !current.is_empty() && width_of(&current) + 1 + width_of(word) > width {
            lines.push(std::mem::take(&mut current));
        }
        if !current.is_empty() {
            current.push(' ');
        }
        current.push_str(word);
    }
    lines.push(current);
    lines
}

fn line_width(widths: impl Iterator<Item = usize>) -> usize {
    let (sum, n): (usize, usize) = widths.fold((0, 0), |(s, n), w| (s + w, n + 1));
    INDENT + sum + GAP * n.saturating_sub(1)
}

/// Column widths for `cols` that fit `width`: the widest text column gives
/// way first, numbers only when no text column can.
fn shrink(cols: &[usize], natural: &[usize], right: &[bool], width: usize) -> Vec<usize> {
    let mut w = natural.to_vec();
    loop {
        let total = line_width(cols.iter().map(|&c| w[c]));
        if total <= width {
            return w;
        }
        let pick = |numbers: bool| {
            cols.iter()
                .copied()
                .filter(|&c| right[c] == numbers && w[c] > MIN_COLUMN)
                .max_by_key(|&c| w[c])
        };
        let Some(c) = pick(false).or_else(|| pick(true)) else {
            return w;
        };
        w[c] = w[c].saturating_sub(total - width).max(MIN_COLUMN);
    }
}

/// `s` cut to `width` columns, ending in "…" when cut.
pub fn truncate(s: &str, width: usize) -> String {
    if width_of(s) <= width {
        return s.to_string();
    }
    let mut out = String::new();
    let mut used = 0;
    for ch in s.chars() {
        let w = ch.width().unwrap_or(0);
        if used + w + 1 > width {
            break;
        }
        out.push(ch);
        used += w;
    }
    out.push('…');
    out
}

/// Prose wrapped at word boundaries to `width` columns (`None`: not wrapped);
/// each line keeps its own indentation, continuation lines add `hang`. No
/// line ends in spaces; a word longer than a line is cut across lines.
pub fn wrap(text: &str, width: Option<usize>, hang: &str) -> String {
    let mut out = String::new();
    for (i, line) in text.split('\n').enumerate() {
        if i > 0 {
            out.push('\n');
        }
        let width = width.map(|w| w.max(MIN_WIDTH));
        let Some(width) = width.filter(|w| width_of(line.trim_end()) > *w) else {
            // Lines that fit are kept as they are: tables stay aligned.
            out.push_str(line.trim_end());
            continue;
        };
        let body = line.trim_start();
        let lead = &line[..line.len() - body.len()];
        let next_lead = format!("{lead}{hang}");
        let mut current = lead.to_string();
        let mut fresh = true;
        for word in body.split_whitespace() {
            let room = width.saturating_sub(width_of(&current));
            let need = width_of(word) + usize::from(!fresh);
            if need > room && !fresh {
                out.push_str(current.trim_end());
                out.push('\n');
                current = next_lead.clone();
                fresh = true;
            }
            if !fresh {
                current.push(' ');
            }
            // A word wider than a whole line is cut.
            let mut word = word.to_string();
            loop {
                let room = width.saturating_sub(width_of(&current)).max(1);
                if width_of(&word) <= room {
                    break;
                }
                let head = truncate_exact(&word, room);
                current.push_str(&head);
                out.push_str(current.trim_end());
                out.push('\n');
                current = next_lead.clone();
                word = word[head.len()..].to_string();
            }
            current.push_str(&word);
            fresh = false;
        }
        out.push_str(current.trim_end());
    }
    out
}

/// The longest prefix of `s` at most `width` columns wide (at least one char).
fn truncate_exact(s: &str, width: usize) -> String {
    let mut out = String::new();
    let mut used = 0;
    for ch in s.chars() {
        let w = ch.width().unwrap_or(0);
        if used + w > width && !out.is_empty() {
            break;
        }
        out.push(ch);
        used += w;
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn months() -> Grid {
        let mut g =
            Grid::new(["Month", "Inference", "Retrieval", "Oversight", "Total"]).right_from(0);
        for m in 1..=3 {
            g.row([
                m.to_string(),
                "$1,234,567".into(),
                "$7,654,321".into(),
                "$1".into(),
                "$99,999,999".into(),
            ]);
        }
        g
    }

    fn widest(s: &str) -> usize {
        s.lines().map(width_of).max().unwrap_or(0)
    }

    #[test]
    fn a_table_that_fits_is_one_block_without_trailing_spaces() {
        let s = months().render(Some(120));
        assert_eq!(s.matches("Month").count(), 1);
        assert!(s.lines().all(|l| !l.ends_with(' ')), "{s}");
    }

    #[test]
    fn a_wide_table_folds_into_blocks_that_repeat_the_key_column() {
        let s = months().render(Some(40));
        assert!(widest(&s) <= 40, "{s}");
        assert!(s.matches("Month").count() >= 2, "{s}");
        for h in ["Inference", "Retrieval", "Oversight", "Total"] {
            assert!(s.contains(h), "{h} lost: {s}");
        }
        assert!(s.lines().all(|l| !l.ends_with(' ')), "{s}");
    }

    #[test]
    fn optional_columns_go_first_and_are_named() {
        let s = months().optional(&[2]).render(Some(50));
        assert!(!s.contains("$7,654,321"), "{s}");
        assert!(s.contains("Left out to fit 50 columns: Retrieval"), "{s}");
        assert!(widest(&s) <= 50, "{s}");
        assert_eq!(s.matches("Month").count(), 1, "{s}");
    }

    #[test]
    fn no_width_keeps_every_column_in_one_block() {
        let s = months().optional(&[2]).render(None);
        assert!(
            s.contains("$7,654,321") && s.matches("Month").count() == 1,
            "{s}"
        );
    }

    #[test]
    fn a_pivoted_grid_shows_records_when_too_wide() {
        let s = months().pivot().render(Some(40));
        assert!(widest(&s) <= 40, "{s}");
        assert!(s.contains("Total: $99,999,999"), "{s}");
        assert_eq!(
            months().pivot().render(Some(200)),
            months().render(Some(200))
        );
    }

    #[test]
    fn long_headers_take_several_lines_before_a_table_folds() {
        let mut g = Grid::new([
            "",
            "Support assistant (baseline)",
            "Support assistant (self-hosted)",
        ])
        .right_from(1);
        g.row(["TCO", "$818,421", "$1,224,108"]);
        let s = g.render(Some(40));
        assert!(widest(&s) <= 40, "{s}");
        assert_eq!(s.matches("TCO").count(), 1, "one block: {s}");
        assert!(
            s.contains("(self-hosted)") && s.contains("$1,224,108"),
            "{s}"
        );
    }

    #[test]
    fn a_cell_too_wide_for_any_block_is_shortened_with_an_ellipsis() {
        let mut g = Grid::new(["Plan", "TCO"]).right_from(1);
        g.row(["x".repeat(200), "$1".to_string()]);
        let s = g.render(Some(50));
        assert!(widest(&s) <= 50 && s.contains('…'), "{s}");
    }

    #[test]
    fn wrap_breaks_prose_at_words_with_a_hanging_indent() {
        let text = "  option-a    break-even at 1,234 requests/day, above it the option is cheaper — inference only";
        let s = wrap(text, Some(40), "  ");
        assert!(widest(&s) <= 40, "{s}");
        assert!(s.lines().skip(1).all(|l| l.starts_with("    ")), "{s}");
        assert_eq!(
            s.split_whitespace().collect::<Vec<_>>(),
            text.split_whitespace().collect::<Vec<_>>()
        );
        assert_eq!(wrap("a  \nb ", None, ""), "a\nb");
        let long = wrap(&"é".repeat(100), Some(40), "");
        assert!(widest(&long) <= 40 && long.chars().filter(|c| *c == 'é').count() == 100);
    }
}
