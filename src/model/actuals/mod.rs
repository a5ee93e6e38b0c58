//! Plan against actuals (spec actuals.md): what the client really spent,
//! row by row as the actuals file holds it, and the variance and re-forecast
//! worked out from it ([`variance`]). Pure: the file is read and written by
//! `codec::actuals` and `store`.

pub mod variance;

use crate::model::Category;
use crate::model::prices::YearMonth;

/// What a row counts: the month's requests, or one of the plan's cost lines.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Counted {
    Requests,
    Line(Category),
}

impl Ord for Counted {
    fn cmp(&self, other: &Self) -> std::cmp::Ordering {
        self.order().cmp(&other.order())
    }
}

impl PartialOrd for Counted {
    fn partial_cmp(&self, other: &Self) -> Option<std::cmp::Ordering> {
        Some(self.cmp(other))
    }
}

impl Counted {
    /// The name in the file's `category` column.
    pub fn key(self) -> &'static str {
        match self {
            Counted::Requests => "requests",
            Counted::Line(c) => c.key(),
        }
    }

    /// The category a `category` cell names, if it names one.
    pub fn parse(s: &str) -> Option<Counted> {
        if s == "requests" {
            return Some(Counted::Requests);
        }
        Category::ALL
            .into_iter()
            .find(|c| c.key() == s)
            .map(Counted::Line)
    }

    /// Its place when rows are sorted: requests first, then the cost lines
    /// in the order of the spec.
    fn order(self) -> usize {
        match self {
            Counted::Requests => 0,
            Counted::Line(c) => 1 + Category::ALL.iter().position(|k| *k == c).unwrap_or(0),
        }
    }
}

/// Whether a row is what was billed or a tool's own pricing of the usage.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Basis {
    Invoice,
    Estimate,
}

impl Basis {
    pub fn key(self) -> &'static str {
        match self {
            Basis::Invoice => "invoice",
            Basis::Estimate => "estimate",
        }
    }

    pub fn parse(s: &str) -> Option<Basis> {
        match s {
            "invoice" => Some(Basis::Invoice),
            "estimate" => Some(Basis::Estimate),
            _ => None,
        }
    }
}

/// One row of the actuals file.
#[derive(Debug, Clone, PartialEq)]
pub struct Row {
    pub month: YearMonth,
    pub counted: Counted,
    /// Model id for inference, line or role name for others; may be empty.
    pub item: String,
    /// The month's requests (a `requests` row).
    pub quantity: Option<f64>,
    /// Money in the plan's currency (a cost row; a credit is negative).
    pub cost: Option<f64>,
    pub basis: Basis,
    pub source: String,
    /// The row's identity: a re-import of the same key replaces it.
    pub key: String,
}

impl Row {
    /// What the row adds to its month and category: the quantity of a
    /// `requests` row, the cost of any other.
    pub fn amount(&self) -> f64 {
        match self.counted {
            Counted::Requests => self.quantity.unwrap_or(0.0),
            Counted::Line(_) => self.cost.unwrap_or(0.0),
        }
    }
}

/// Rows in the file's order: month, category, item, key.
pub fn sort(rows: &mut [Row]) {
    rows.sort_by(|a, b| {
        (
            a.month.year,
            a.month.month,
            a.counted.order(),
            &a.item,
            &a.key,
        )
            .cmp(&(
                b.month.year,
                b.month.month,
                b.counted.order(),
                &b.item,
                &b.key,
            ))
    });
}

/// `incoming` merged into `rows` by key: a row whose key is already there
/// replaces it, a new one is added; the result is sorted. Returns how many
/// were replaced and how many added.
pub fn merge(rows: &mut Vec<Row>, incoming: Vec<Row>) -> (usize, usize) {
    let (mut replaced, mut added) = (0, 0);
    let mut at: std::collections::HashMap<String, usize> = rows
        .iter()
        .enumerate()
        .map(|(i, r)| (r.key.clone(), i))
        .collect();
    for r in incoming {
        match at.get(&r.key) {
            Some(&i) => {
                rows[i] = r;
                replaced += 1;
            }
            None => {
                at.insert(r.key.clone(), rows.len());
                rows.push(r);
                added += 1;
            }
        }
    }
    sort(rows);
    (replaced, added)
}
