//! The client report as data: a title, a line of facts and sections of
//! paragraphs, tables, charts and lists. Built once (`build`) and rendered
//! by each format (`markdown`, `html`), so every format has the same
//! sections, tables, titles and numbers. All text here is plain: each
//! renderer escapes it for its format.

use crate::model::prices::YearMonth;

/// The whole report.
#[derive(Debug, Clone)]
pub struct ClientReport {
    /// `Support assistant — what it costs in production`.
    pub title: String,
    /// Facts under the title: `("Client", "Acme")`, `("Report date", …)`.
    pub facts: Vec<(String, String)>,
    pub sections: Vec<Section>,
    /// The closing paragraphs: where the figures come from
    /// (`report::provenance`).
    pub footer: Vec<String>,
}

/// One titled part of the report.
#[derive(Debug, Clone)]
pub struct Section {
    /// A stable name (`summary`, `monthly`), the HTML `id`.
    pub id: &'static str,
    pub title: String,
    pub blocks: Vec<Block>,
}

impl Section {
    pub fn new(id: &'static str, title: impl Into<String>) -> Self {
        Section {
            id,
            title: title.into(),
            blocks: Vec::new(),
        }
    }

    pub fn with(mut self, block: Block) -> Self {
        self.blocks.push(block);
        self
    }

    /// The section with `block` added when there is one.
    pub fn with_some(self, block: Option<Block>) -> Self {
        match block {
            Some(b) => self.with(b),
            None => self,
        }
    }

    /// Every table of the section, in order.
    pub fn tables(&self) -> impl Iterator<Item = &Table> {
        self.blocks.iter().filter_map(|b| match b {
            Block::Table(t) => Some(t),
            _ => None,
        })
    }
}

#[derive(Debug, Clone)]
pub enum Block {
    /// A paragraph.
    Text(String),
    /// A paragraph that must not be missed (a warning).
    Strong(String),
    /// The one-sentence answer that opens the report.
    Answer(String),
    Table(Table),
    Chart(Chart),
    /// A bulleted list.
    List(Vec<String>),
    /// Lines quoted as they were written (the call notes): each line break kept.
    Quote(Vec<String>),
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Align {
    /// Text columns.
    Left,
    /// Number columns.
    Right,
}

#[derive(Debug, Clone)]
pub struct Column {
    pub title: String,
    pub align: Align,
}

#[derive(Debug, Clone)]
pub struct Row {
    pub cells: Vec<String>,
    /// A totals row, set in bold.
    pub total: bool,
}

#[derive(Debug, Clone)]
pub struct Table {
    pub columns: Vec<Column>,
    pub rows: Vec<Row>,
}

impl Table {
    pub fn new<S: Into<String>>(columns: impl IntoIterator<Item = (S, Align)>) -> Self {
        Table {
            columns: columns
                .into_iter()
                .map(|(t, align)| Column {
                    title: t.into(),
                    align,
                })
                .collect(),
            rows: Vec::new(),
        }
    }

    pub fn row(&mut self, cells: Vec<String>) {
        self.rows.push(Row {
            cells,
            total: false,
        });
    }

    pub fn total(&mut self, cells: Vec<String>) {
        self.rows.push(Row { cells, total: true });
    }

    /// Many columns: printed smaller.
    pub fn is_wide(&self) -> bool {
        self.columns.len() > 6
    }
}

/// One series of monthly values.
#[derive(Debug, Clone)]
pub struct Series {
    pub label: String,
    pub values: Vec<f64>,
}

/// A month on a chart's axis: its number in the plan and, when the plan has
/// a `start`, its calendar month.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct MonthTick {
    pub month: u32,
    pub calendar: Option<YearMonth>,
}

const MONTHS: [&str; 12] = [
    "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec",
];

impl MonthTick {
    /// `7`, or `Jul 2027` with a start.
    pub fn label(self) -> String {
        match self.calendar {
            Some(c) => format!("{} {}", MONTHS[(c.month - 1) as usize % 12], c.year),
            None => self.month.to_string(),
        }
    }

    /// The short label on an axis: `7`, or `Jul` (the year goes below it).
    pub fn short(self) -> String {
        match self.calendar {
            Some(c) => MONTHS[(c.month - 1) as usize % 12].to_string(),
            None => self.month.to_string(),
        }
    }
}

/// Which months of `n` get a label on an axis: every month up to 12, every
/// 3rd up to 36, then every 6th; always the first and the last.
pub fn labelled_months(n: usize) -> Vec<usize> {
    let step = match n {
        0..=12 => 1,
        13..=36 => 3,
        _ => 6,
    };
    let mut v: Vec<usize> = (1..=n).filter(|m| *m == 1 || m % step == 0).collect();
    if let Some(&last) = v.last()
        && last != n
    {
        // The last month, unless it would collide with the previous label.
        if n - last >= step.div_ceil(2) {
            v.push(n);
        } else if v.len() > 1 {
            *v.last_mut().expect("non-empty") = n;
        }
    }
    v
}

#[derive(Debug, Clone)]
pub enum ChartKind {
    /// Monthly run cost stacked by category, with the P10–P90 band of the
    /// monthly total when the plan gives ranges.
    Monthly {
        stacks: Vec<Series>,
        band: Option<Vec<(f64, f64)>>,
    },
    /// Cumulative net (value − cost, build included) with the payback month.
    Cumulative {
        values: Vec<f64>,
        payback: Option<u32>,
    },
    /// Where the run cost goes: one bar split by category.
    Breakdown { parts: Vec<(String, f64)> },
}

#[derive(Debug, Clone)]
pub struct Chart {
    /// What the chart shows, said in words (its caption and `aria-label`).
    pub title: String,
    pub currency: String,
    pub months: Vec<MonthTick>,
    pub kind: ChartKind,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn axes_label_every_month_to_12_then_every_3rd_or_6th() {
        assert_eq!(labelled_months(1), vec![1]);
        assert_eq!(labelled_months(12), (1..=12).collect::<Vec<_>>());
        assert_eq!(labelled_months(24), vec![1, 3, 6, 9, 12, 15, 18, 21, 24]);
        assert_eq!(labelled_months(60)[..3], [1, 6, 12]);
        assert_eq!(*labelled_months(60).last().unwrap(), 60);
        assert_eq!(*labelled_months(25).last().unwrap(), 25);
        assert!(!labelled_months(25).contains(&24));
        let t = MonthTick {
            month: 1,
            calendar: YearMonth::parse("2027-07"),
        };
        assert_eq!((t.label(), t.short()), ("Jul 2027".into(), "Jul".into()));
    }
}
