//! The variance of actual months against the plan, its split into volume and
//! rate, the re-forecast of the open months with its band, and the outturn
//! (spec actuals.md §3–§4), exactly.

use std::collections::{BTreeMap, BTreeSet};

use super::{Basis, Counted, Row};
use crate::model::prices::YearMonth;
use crate::model::projection::{Category, Projection};
use crate::model::scenario::Scenario;

/// Where a month stands.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Status {
    /// It has at least one row.
    Actual,
    /// Up to the last actual month, with no rows: the plan stands for it.
    Missing,
    /// After the last actual month: re-forecast.
    Forecast,
}

impl Status {
    pub fn key(self) -> &'static str {
        match self {
            Status::Actual => "actual",
            Status::Missing => "missing",
            Status::Forecast => "forecast",
        }
    }
}

/// One figure of one month: the plan, what was spent, the difference, and
/// the re-forecast of an open month.
#[derive(Debug, Clone, Copy, PartialEq, Default)]
pub struct Cell {
    pub planned: f64,
    pub actual: Option<f64>,
    pub variance: Option<f64>,
    pub variance_pct: Option<f64>,
    /// What the difference in requests explains (cost lines only).
    pub volume_effect: Option<f64>,
    /// The rest: price, mix, usage per request (cost lines only).
    pub rate_effect: Option<f64>,
    pub forecast: Option<f64>,
    /// Some of the actual is a tool's own pricing, not an invoice.
    pub estimate: bool,
}

/// One month of the horizon against the plan.
#[derive(Debug, Clone, PartialEq)]
pub struct MonthAgainst {
    pub month: u32,
    pub calendar: YearMonth,
    pub status: Status,
    pub requests: Cell,
    /// The nine cost lines, in `Category::ALL` order.
    pub lines: Vec<(Category, Cell)>,
}

impl MonthAgainst {
    /// The month's cash (every line but the expected cost of wrong
    /// answers), each line as `pick` reads its cell, and whether an
    /// estimate is among the actuals counted.
    pub fn cash(&self, pick: impl Fn(&Cell) -> f64) -> (f64, bool) {
        self.lines
            .iter()
            .filter(|(k, _)| *k != Category::Errors)
            .fold((0.0, false), |(sum, est), (_, c)| {
                (sum + pick(c), est || (c.estimate && c.actual.is_some()))
            })
    }

    /// The cell of cost line `k`.
    pub fn line(&self, k: Category) -> &Cell {
        &self.lines[Category::ALL.iter().position(|x| *x == k).unwrap_or(0)].1
    }
}

/// How the window's actuals compare with the plan, for one figure.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Ratio {
    pub ratio: f64,
    pub low: f64,
    pub high: f64,
    /// No actuals in the window: the plan is kept (ratio 1).
    pub kept: bool,
}

impl Ratio {
    const KEPT: Ratio = Ratio {
        ratio: 1.0,
        low: 1.0,
        high: 1.0,
        kept: true,
    };
}

/// Estimate rows set aside because invoice rows exist for the same month,
/// category and item.
#[derive(Debug, Clone, PartialEq)]
pub struct SetAside {
    pub month: u32,
    pub counted: Counted,
    pub item: String,
    pub amount: f64,
    pub rows: usize,
}

/// Where the horizon lands.
#[derive(Debug, Clone, Copy, PartialEq, Default)]
pub struct Outturn {
    pub tco: f64,
    pub cash_tco: f64,
    pub outturn: f64,
    pub cash_outturn: f64,
    pub variance_at_completion: f64,
    pub cash_variance_at_completion: f64,
    pub outturn_low: f64,
    pub outturn_high: f64,
}

/// The plan set against its actuals.
#[derive(Debug, Clone, PartialEq)]
pub struct Against {
    pub start: YearMonth,
    /// 0 when no month has actuals.
    pub last_actual_month: u32,
    pub months: Vec<MonthAgainst>,
    pub requests_ratio: Ratio,
    /// The nine cost lines, in `Category::ALL` order.
    pub ratios: Vec<(Category, Ratio)>,
    pub totals: Outturn,
    /// Rows for months before month 1 or after the horizon: (month, rows).
    pub outside: Vec<(YearMonth, usize)>,
    pub set_aside: Vec<SetAside>,
}

/// Per month, category and item: (invoice sum, invoice rows, estimate sum,
/// estimate rows).
type Sums = BTreeMap<(u32, Counted, String), (f64, usize, f64, usize)>;

/// The plan's projection `p` set against `rows`, the plan starting in
/// `start` (its month 1).
pub fn against(s: &Scenario, p: &Projection, start: YearMonth, rows: &[Row]) -> Against {
    let horizon = p.months.len() as i64;
    let mut sums: Sums = BTreeMap::new();
    let mut outside: BTreeMap<YearMonth, usize> = BTreeMap::new();
    for r in rows {
        let m = start.months_until(r.month) + 1;
        if m < 1 || m > horizon {
            *outside.entry(r.month).or_default() += 1;
            continue;
        }
        let e = sums
            .entry((m as u32, r.counted, r.item.clone()))
            .or_default();
        match r.basis {
            Basis::Invoice => {
                e.0 += r.amount();
                e.1 += 1;
            }
            Basis::Estimate => {
                e.2 += r.amount();
                e.3 += 1;
            }
        }
    }
    // A(m, c), whether an estimate is in it, and the estimates set aside.
    let mut actual: BTreeMap<(u32, Counted), (f64, bool)> = BTreeMap::new();
    let mut set_aside = Vec::new();
    for ((m, c, item), (inv, n_inv, est, n_est)) in &sums {
        let e = actual.entry((*m, *c)).or_insert((0.0, false));
        if *n_inv > 0 {
            e.0 += inv;
            if *n_est > 0 {
                set_aside.push(SetAside {
                    month: *m,
                    counted: *c,
                    item: item.clone(),
                    amount: *est,
                    rows: *n_est,
                });
            }
        } else {
            e.0 += est;
            e.1 = true;
        }
    }
    let actual_months: BTreeSet<u32> = actual.keys().map(|(m, _)| *m).collect();
    let last = actual_months.last().copied().unwrap_or(0);
    let a = |m: u32, c: Counted| actual.get(&(m, c)).map(|x| x.0);
    let planned = |m: u32, c: Counted| {
        let month = &p.months[(m - 1) as usize];
        match c {
            Counted::Requests => month.requests,
            Counted::Line(k) => month.category(k),
        }
    };
    // The window: the last three actual months.
    let window: Vec<u32> = actual_months.iter().rev().take(3).copied().collect();
    let ratio_of = |c: Counted| -> Ratio {
        let ms: Vec<u32> = window
            .iter()
            .copied()
            .filter(|m| a(*m, c).is_some())
            .collect();
        if ms.is_empty() {
            return Ratio::KEPT;
        }
        let sum_a: f64 = ms.iter().map(|m| a(*m, c).unwrap_or(0.0)).sum();
        let sum_p: f64 = ms.iter().map(|m| planned(*m, c)).sum();
        let ratio = if sum_p == 0.0 { 1.0 } else { sum_a / sum_p };
        let (mut low, mut high) = (ratio, ratio);
        for m in &ms {
            let pm = planned(*m, c);
            if pm > 0.0 {
                let r = a(*m, c).unwrap_or(0.0) / pm;
                low = low.min(r);
                high = high.max(r);
            }
        }
        Ratio {
            ratio,
            low,
            high,
            kept: false,
        }
    };
    let requests_ratio = ratio_of(Counted::Requests);
    let ratios: Vec<(Category, Ratio)> = Category::ALL
        .into_iter()
        .map(|k| (k, ratio_of(Counted::Line(k))))
        .collect();
    let ratio_for = |c: Counted| match c {
        Counted::Requests => requests_ratio,
        Counted::Line(k) => ratios
            .iter()
            .find(|(x, _)| *x == k)
            .map_or(Ratio::KEPT, |(_, r)| *r),
    };
    let mut months = Vec::with_capacity(p.months.len());
    for m in 1..=p.months.len() as u32 {
        let status = if actual_months.contains(&m) {
            Status::Actual
        } else if m <= last {
            Status::Missing
        } else {
            Status::Forecast
        };
        let req_actual = a(m, Counted::Requests);
        let req_planned = planned(m, Counted::Requests);
        let cell = |c: Counted| -> Cell {
            let pl = planned(m, c);
            let mut cell = Cell {
                planned: pl,
                ..Cell::default()
            };
            match status {
                Status::Forecast => cell.forecast = Some(pl * ratio_for(c).ratio),
                Status::Missing => {}
                Status::Actual => {
                    if let Some(x) = a(m, c) {
                        let v = x - pl;
                        cell.actual = Some(x);
                        cell.variance = Some(v);
                        cell.variance_pct = (pl != 0.0).then(|| v / pl * 100.0);
                        cell.estimate = actual.get(&(m, c)).is_some_and(|e| e.1);
                        if let (Counted::Line(_), Some(ra)) = (c, req_actual)
                            && req_planned > 0.0
                        {
                            let volume = (ra - req_planned) * pl / req_planned;
                            cell.volume_effect = Some(volume);
                            cell.rate_effect = Some(v - volume);
                        }
                    }
                }
            }
            cell
        };
        months.push(MonthAgainst {
            month: m,
            calendar: start.plus(m - 1),
            status,
            requests: cell(Counted::Requests),
            lines: Category::ALL
                .into_iter()
                .map(|k| (k, cell(Counted::Line(k))))
                .collect(),
        });
    }
    // The outturn, and its band from each line's low and high.
    let outturn_of = |k: Category, pick: fn(&Ratio) -> f64| -> f64 {
        let c = Counted::Line(k);
        let r = pick(&ratio_for(c));
        (1..=p.months.len() as u32)
            .map(|m| {
                if m <= last {
                    a(m, c).unwrap_or_else(|| planned(m, c))
                } else {
                    planned(m, c) * r
                }
            })
            .sum()
    };
    let total = |pick: fn(&Ratio) -> f64| -> (f64, f64) {
        let by_line: Vec<(Category, f64)> = Category::ALL
            .into_iter()
            .map(|k| (k, outturn_of(k, pick)))
            .collect();
        let all = s.build.initial_cost + by_line.iter().map(|(_, v)| v).sum::<f64>();
        let errors = by_line
            .iter()
            .find(|(k, _)| *k == Category::Errors)
            .map_or(0.0, |(_, v)| *v);
        (all, all - errors)
    };
    let (outturn, cash_outturn) = total(|r| r.ratio);
    let (outturn_low, _) = total(|r| r.low);
    let (outturn_high, _) = total(|r| r.high);
    let t = &p.totals;
    Against {
        start,
        last_actual_month: last,
        months,
        requests_ratio,
        ratios,
        totals: Outturn {
            tco: t.tco,
            cash_tco: t.cash_tco,
            outturn,
            cash_outturn,
            variance_at_completion: outturn - t.tco,
            cash_variance_at_completion: cash_outturn - t.cash_tco,
            outturn_low,
            outturn_high,
        },
        outside: outside.into_iter().collect(),
        set_aside,
    }
}
