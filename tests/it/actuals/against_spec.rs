//! Issue 23: the variance, its volume/rate split, the re-forecast with its
//! band and the outturn follow spec actuals.md §3–§5 exactly, checked
//! against a second, plain implementation written from the spec's text, on
//! plans and rows the spec names as edge cases (missing months, estimates
//! beside invoices, rows outside the horizon, credits, zero plans).

use crate::common;

use common::scenario;
use runcost::model::actuals::variance::{Status, against};
use runcost::model::actuals::{Basis, Counted, Row};
use runcost::model::prices::YearMonth;
use runcost::model::{Category, Projection, Scenario, project};

const START: YearMonth = YearMonth {
    year: 2027,
    month: 1,
};

fn ym(y: i32, m: u32) -> YearMonth {
    YearMonth { year: y, month: m }
}

fn row(month: YearMonth, c: Counted, item: &str, amount: f64, basis: Basis, key: &str) -> Row {
    let (quantity, cost) = match c {
        Counted::Requests => (Some(amount), None),
        Counted::Line(_) => (None, Some(amount)),
    };
    Row {
        month,
        counted: c,
        item: item.into(),
        quantity,
        cost,
        basis,
        source: "test".into(),
        key: key.into(),
    }
}

const INF: Counted = Counted::Line(Category::Inference);
const OVS: Counted = Counted::Line(Category::Oversight);
const ERR: Counted = Counted::Line(Category::Errors);
const REQ: Counted = Counted::Requests;

/// The spec's arithmetic, written out again as plainly as it reads.
struct Plain {
    a: std::collections::HashMap<(u32, Counted), f64>,
    actual_months: Vec<u32>,
}

fn plain(p: &Projection, rows: &[Row]) -> Plain {
    use std::collections::HashMap;
    let h = p.months.len() as i64;
    // Per month, category and item: invoice rows win over estimates.
    type Sums = HashMap<(u32, Counted, String), (Option<f64>, Option<f64>)>;
    let mut by_item: Sums = HashMap::new();
    for r in rows {
        let m = (r.month.year as i64 - 2027) * 12 + r.month.month as i64;
        if m < 1 || m > h {
            continue;
        }
        let amount = r.quantity.or(r.cost).unwrap();
        let e = by_item
            .entry((m as u32, r.counted, r.item.clone()))
            .or_default();
        match r.basis {
            Basis::Invoice => e.0 = Some(e.0.unwrap_or(0.0) + amount),
            Basis::Estimate => e.1 = Some(e.1.unwrap_or(0.0) + amount),
        }
    }
    let mut a: HashMap<(u32, Counted), f64> = HashMap::new();
    for ((m, c, _), (inv, est)) in by_item {
        *a.entry((m, c)).or_default() += inv.or(est).unwrap();
    }
    let mut actual_months: Vec<u32> = a.keys().map(|(m, _)| *m).collect();
    actual_months.sort_unstable();
    actual_months.dedup();
    Plain { a, actual_months }
}

fn planned(p: &Projection, m: u32, c: Counted) -> f64 {
    let month = &p.months[m as usize - 1];
    match c {
        Counted::Requests => month.requests,
        Counted::Line(k) => month.category(k),
    }
}

fn close(a: f64, b: f64, what: &str) {
    assert!(
        (a - b).abs() <= 1e-9 * a.abs().max(b.abs()).max(1.0),
        "{what}: {a} vs {b}"
    );
}

/// Checks every figure of `against` for `s` and `rows` against the plain one.
fn agrees(s: &Scenario, rows: &[Row]) {
    let p = project(s);
    let got = against(s, &p, START, rows);
    let x = plain(&p, rows);
    let last = x.actual_months.last().copied().unwrap_or(0);
    assert_eq!(got.last_actual_month, last);
    let window: Vec<u32> = x.actual_months.iter().rev().take(3).copied().collect();
    let all: Vec<Counted> = std::iter::once(REQ)
        .chain(Category::ALL.into_iter().map(Counted::Line))
        .collect();
    let mut ratio = std::collections::HashMap::new();
    for &c in &all {
        let ms: Vec<u32> = window
            .iter()
            .copied()
            .filter(|m| x.a.contains_key(&(*m, c)))
            .collect();
        let (r, lo, hi) = if ms.is_empty() {
            (1.0, 1.0, 1.0)
        } else {
            let sa: f64 = ms.iter().map(|m| x.a[&(*m, c)]).sum();
            let sp: f64 = ms.iter().map(|m| planned(&p, *m, c)).sum();
            let r = if sp == 0.0 { 1.0 } else { sa / sp };
            let pts: Vec<f64> = ms
                .iter()
                .filter(|m| planned(&p, **m, c) > 0.0)
                .map(|m| x.a[&(*m, c)] / planned(&p, *m, c))
                .collect();
            let lo = pts.iter().copied().fold(r, f64::min);
            let hi = pts.iter().copied().fold(r, f64::max);
            (r, lo, hi)
        };
        ratio.insert(c, (r, lo, hi));
        let mine = match c {
            Counted::Requests => got.requests_ratio,
            Counted::Line(k) => got.ratios.iter().find(|(q, _)| *q == k).unwrap().1,
        };
        close(mine.ratio, r, &format!("ratio {c:?}"));
        close(mine.low, lo, &format!("low {c:?}"));
        close(mine.high, hi, &format!("high {c:?}"));
    }
    for m in 1..=p.months.len() as u32 {
        let month = &got.months[m as usize - 1];
        assert_eq!(month.calendar, START.plus(m - 1));
        let status = if x.actual_months.contains(&m) {
            Status::Actual
        } else if m <= last {
            Status::Missing
        } else {
            Status::Forecast
        };
        assert_eq!(month.status, status, "month {m}");
        for &c in &all {
            let cell = match c {
                Counted::Requests => month.requests,
                Counted::Line(k) => month.lines.iter().find(|(q, _)| *q == k).unwrap().1,
            };
            let pl = planned(&p, m, c);
            close(cell.planned, pl, "planned");
            let a = x.a.get(&(m, c)).copied();
            match status {
                Status::Forecast => {
                    assert_eq!(cell.actual, None);
                    close(cell.forecast.unwrap(), pl * ratio[&c].0, "forecast");
                }
                Status::Missing => {
                    assert_eq!(
                        (cell.actual, cell.variance, cell.forecast),
                        (None, None, None)
                    );
                }
                Status::Actual => {
                    assert_eq!(cell.forecast, None);
                    assert_eq!(cell.actual.is_some(), a.is_some(), "month {m} {c:?}");
                    if let Some(a) = a {
                        close(cell.variance.unwrap(), a - pl, "variance");
                        match cell.variance_pct {
                            None => assert_eq!(pl, 0.0),
                            Some(v) => close(v, (a - pl) / pl * 100.0, "variance %"),
                        }
                        let ra = x.a.get(&(m, REQ)).copied();
                        let rp = planned(&p, m, REQ);
                        match (c, ra) {
                            (Counted::Line(_), Some(ra)) if rp > 0.0 => {
                                let vol = (ra - rp) * pl / rp;
                                close(cell.volume_effect.unwrap(), vol, "volume");
                                close(cell.rate_effect.unwrap(), a - pl - vol, "rate");
                            }
                            _ => assert_eq!((cell.volume_effect, cell.rate_effect), (None, None)),
                        }
                    }
                }
            }
        }
    }
    let outturn = |pick: usize| -> (f64, f64) {
        let mut total = s.build.initial_cost;
        let mut errors = 0.0;
        for k in Category::ALL {
            let c = Counted::Line(k);
            let r = match pick {
                0 => ratio[&c].0,
                1 => ratio[&c].1,
                _ => ratio[&c].2,
            };
            let line: f64 = (1..=p.months.len() as u32)
                .map(|m| {
                    if m <= last {
                        x.a.get(&(m, c))
                            .copied()
                            .unwrap_or_else(|| planned(&p, m, c))
                    } else {
                        planned(&p, m, c) * r
                    }
                })
                .sum();
            total += line;
            if k == Category::Errors {
                errors = line;
            }
        }
        (total, total - errors)
    };
    let (o, cash) = outturn(0);
    let t = &got.totals;
    close(t.outturn, o, "outturn");
    close(t.cash_outturn, cash, "cash outturn");
    close(
        t.variance_at_completion,
        o - p.totals.tco,
        "variance at completion",
    );
    close(
        t.cash_variance_at_completion,
        cash - p.totals.cash_tco,
        "cash variance at completion",
    );
    close(t.outturn_low, outturn(1).0, "outturn low");
    close(t.outturn_high, outturn(2).0, "outturn high");
}

fn support() -> Scenario {
    scenario("support-assistant")
}

#[test]
fn four_months_with_a_missing_one_estimates_and_a_row_outside_agree_with_the_spec() {
    let rows = vec![
        row(ym(2027, 1), REQ, "", 24_000.0, Basis::Invoice, "r1"),
        row(
            ym(2027, 1),
            INF,
            "gpt-5.4-mini",
            300.0,
            Basis::Invoice,
            "i1",
        ),
        row(
            ym(2027, 1),
            INF,
            "gpt-5.4-mini",
            250.0,
            Basis::Estimate,
            "e1",
        ),
        row(ym(2027, 1), OVS, "", 8_000.0, Basis::Invoice, "o1"),
        row(ym(2027, 2), REQ, "", 41_000.0, Basis::Invoice, "r2"),
        row(
            ym(2027, 2),
            INF,
            "gpt-5.4-mini",
            520.0,
            Basis::Invoice,
            "i2",
        ),
        row(
            ym(2027, 2),
            INF,
            "claude-sonnet-5-5",
            90.0,
            Basis::Estimate,
            "e2",
        ),
        row(ym(2027, 2), OVS, "", 9_300.0, Basis::Invoice, "o2"),
        row(ym(2027, 4), REQ, "", 80_000.0, Basis::Invoice, "r4"),
        row(
            ym(2027, 4),
            INF,
            "gpt-5.4-mini",
            700.0,
            Basis::Invoice,
            "i4",
        ),
        row(
            ym(2027, 4),
            INF,
            "gpt-5.4-mini",
            -50.0,
            Basis::Invoice,
            "credit4",
        ),
        row(
            ym(2026, 11),
            INF,
            "gpt-5.4-mini",
            10.0,
            Basis::Invoice,
            "before",
        ),
        row(
            ym(2028, 1),
            INF,
            "gpt-5.4-mini",
            10.0,
            Basis::Invoice,
            "after",
        ),
    ];
    agrees(&support(), &rows);
    let s = support();
    let a = against(&s, &project(&s), START, &rows);
    assert_eq!(
        a.last_actual_month, 4,
        "rows outside the horizon make no month actual"
    );
    assert_eq!(a.months[2].status, Status::Missing);
    assert_eq!(a.outside.len(), 2);
    assert_eq!(a.set_aside.len(), 1, "the estimate beside an invoice");
    assert_eq!(a.set_aside[0].amount, 250.0);
    let m2 = a.months[1]
        .lines
        .iter()
        .find(|(k, _)| *k == Category::Inference)
        .unwrap()
        .1;
    assert_eq!(m2.actual, Some(610.0), "an item with estimates only counts");
    assert!(m2.estimate, "and is marked");
}

#[test]
fn no_actuals_keep_the_plan_everywhere_and_land_on_its_tco() {
    let s = support();
    let p = project(&s);
    let a = against(&s, &p, START, &[]);
    assert_eq!(a.last_actual_month, 0);
    assert!(a.months.iter().all(|m| m.status == Status::Forecast));
    assert!(a.ratios.iter().all(|(_, r)| r.kept && r.ratio == 1.0));
    close(a.totals.outturn, p.totals.tco, "outturn");
    close(a.totals.cash_outturn, p.totals.cash_tco, "cash outturn");
    agrees(&s, &[]);
}

#[test]
fn only_the_last_three_actual_months_make_the_ratio_and_lines_without_actuals_are_kept() {
    let mut rows = Vec::new();
    for (m, spend) in [(1, 100.0), (2, 900.0), (3, 300.0), (5, 400.0), (6, 500.0)] {
        rows.push(row(
            ym(2027, m),
            INF,
            "",
            spend,
            Basis::Invoice,
            &format!("i{m}"),
        ));
    }
    // Errors in month 1 only: outside the window, the line keeps its plan.
    rows.push(row(ym(2027, 1), ERR, "", 5_000.0, Basis::Invoice, "err1"));
    agrees(&support(), &rows);
    let s = support();
    let a = against(&s, &project(&s), START, &rows);
    let errors = a
        .ratios
        .iter()
        .find(|(k, _)| *k == Category::Errors)
        .unwrap()
        .1;
    assert!(errors.kept, "errors had actuals only before the window");
    assert_eq!(a.months[3].status, Status::Missing);
}

#[test]
fn a_line_the_plan_sets_at_zero_has_no_percentage_and_a_ratio_of_one() {
    // The support plan has no tools: an actual tool fee has variance, no %.
    let tools = Counted::Line(Category::Tools);
    let rows = vec![
        row(ym(2027, 1), tools, "web search", 40.0, Basis::Invoice, "t1"),
        row(ym(2027, 2), REQ, "", 0.0, Basis::Invoice, "r2"),
    ];
    agrees(&support(), &rows);
    let s = support();
    let a = against(&s, &project(&s), START, &rows);
    let t1 = a.months[0]
        .lines
        .iter()
        .find(|(k, _)| *k == Category::Tools)
        .unwrap()
        .1;
    assert_eq!((t1.variance, t1.variance_pct), (Some(40.0), None));
    let tools_ratio = a
        .ratios
        .iter()
        .find(|(k, _)| *k == Category::Tools)
        .unwrap()
        .1;
    assert_eq!(tools_ratio.ratio, 1.0, "Σ plan is 0: ratio 1");
}

#[test]
fn every_example_agrees_with_the_spec_under_the_same_rows() {
    let rows: Vec<Row> = (1..=5)
        .flat_map(|m| {
            [
                row(
                    ym(2027, m),
                    REQ,
                    "",
                    10_000.0 * m as f64,
                    Basis::Invoice,
                    &format!("r{m}"),
                ),
                row(
                    ym(2027, m),
                    INF,
                    "",
                    500.0 * m as f64,
                    Basis::Invoice,
                    &format!("i{m}"),
                ),
                row(
                    ym(2027, m),
                    ERR,
                    "",
                    2_000.0,
                    Basis::Estimate,
                    &format!("e{m}"),
                ),
            ]
        })
        .collect();
    for name in common::EXAMPLES {
        agrees(&scenario(name), &rows);
    }
}
