//! The charts of the HTML report as inline SVG: labelled month axis, money
//! ticks with light gridlines, a legend, data labels on the first, last and
//! peak months, and the P10–P90 range when the plan gives ranges. Nothing
//! is shown only on hover, so a printed page loses nothing.

use super::html::esc;
use super::model::{Chart, ChartKind, MonthTick, labelled_months};
use crate::numbers::{money, money_short, pct};

pub const COLORS: [&str; 9] = [
    "#3366cc", "#22a6b3", "#888888", "#d4a017", "#2e8b57", "#cc3333", "#9b59b6", "#e67e22",
    "#8c564b",
];

/// The colour of a series: a cost category keeps its own in every chart
/// (errors red whether or not a chart shows them), anything else by place.
fn color(k: usize, label: &str) -> &'static str {
    crate::model::Category::ALL
        .iter()
        .position(|c| c.label() == label)
        .map_or(COLORS[k % COLORS.len()], |i| COLORS[i % COLORS.len()])
}
const W: f64 = 720.0;
const X0: f64 = 76.0;
const X1: f64 = 704.0;
/// Top and bottom of the plot area.
const Y0: f64 = 52.0;
const Y1: f64 = 252.0;
const H: f64 = 312.0;
/// Roughly how wide a character of 11 px text is.
const CH: f64 = 6.2;

pub fn render(c: &Chart) -> String {
    match &c.kind {
        ChartKind::Breakdown { parts } => breakdown(c, parts),
        ChartKind::Monthly { stacks, band } => {
            let n = c.months.len();
            let totals: Vec<f64> = (0..n)
                .map(|i| {
                    stacks
                        .iter()
                        .map(|s| s.values.get(i).copied().unwrap_or(0.0))
                        .sum()
                })
                .collect();
            let top = band
                .iter()
                .flatten()
                .map(|b| b.1)
                .chain(totals.iter().copied())
                .fold(0.0, f64::max);
            let axis = Axis::new(0.0, top);
            let mut o = open(c, H);
            let mut legend: Vec<(&str, String)> = stacks
                .iter()
                .enumerate()
                .map(|(k, s)| (color(k, &s.label), s.label.clone()))
                .collect();
            if band.is_some() {
                legend.push(("band", "P10–P90 range".into()));
            }
            o.push_str(&legend_row(&legend));
            o.push_str(&axis.grid(&c.currency));
            let slot = (X1 - X0) / n.max(1) as f64;
            let bw = (slot * 0.72).clamp(1.0, 48.0);
            for i in 0..n {
                let x = X0 + slot * (i as f64 + 0.5) - bw / 2.0;
                let mut acc = 0.0;
                for (k, s) in stacks.iter().enumerate() {
                    let v = s.values.get(i).copied().unwrap_or(0.0).max(0.0);
                    if v > 0.0 {
                        let (ya, yb) = (axis.y(acc + v), axis.y(acc));
                        o.push_str(&format!(
                            r#"<rect x="{x:.1}" y="{ya:.1}" width="{bw:.1}" height="{:.1}" fill="{}"/>"#,
                            (yb - ya).max(0.0),
                            color(k, &s.label)
                        ));
                    }
                    acc += v;
                }
                if let Some((lo, hi)) = band.as_ref().and_then(|b| b.get(i)) {
                    let cx = x + bw / 2.0;
                    let cap = (bw * 0.6).min(10.0) / 2.0;
                    let (yl, yh) = (axis.y(*lo), axis.y(*hi));
                    o.push_str(&format!(
                        r##"<path d="M{cx:.1} {yl:.1}V{yh:.1}M{:.1} {yl:.1}H{:.1}M{:.1} {yh:.1}H{:.1}" stroke="#222" stroke-width="1.2" fill="none"/>"##,
                        cx - cap,
                        cx + cap,
                        cx - cap,
                        cx + cap
                    ));
                }
            }
            let tops: Vec<f64> = (0..n)
                .map(|i| {
                    let hi = band.as_ref().and_then(|b| b.get(i)).map_or(0.0, |b| b.1);
                    totals[i].max(hi)
                })
                .collect();
            o.push_str(&data_labels(&totals, &tops, &axis, &c.currency, slot));
            o.push_str(&month_axis(&c.months));
            o.push_str(r##"<line x1="76" y1="252" x2="704" y2="252" stroke="#444"/>"##);
            o.push_str("</svg>");
            o
        }
        ChartKind::Cumulative { values, payback } => {
            let n = c.months.len();
            let lo = values.iter().copied().fold(0.0, f64::min);
            let hi = values.iter().copied().fold(0.0, f64::max);
            let axis = Axis::new(lo, hi);
            let mut o = open(c, H);
            o.push_str(&legend_row(&[
                ("#3366cc", "Cumulative net".into()),
                ("payback", "Payback month".into()),
            ]));
            o.push_str(&axis.grid(&c.currency));
            let slot = (X1 - X0) / n.max(1) as f64;
            let x = |i: usize| X0 + slot * (i as f64 + 0.5);
            o.push_str(&format!(
                r##"<line x1="{X0}" y1="{0:.1}" x2="{X1}" y2="{0:.1}" stroke="#444"/>"##,
                axis.y(0.0)
            ));
            if let Some(m) = payback
                && let Some(i) = c.months.iter().position(|t| t.month == *m)
            {
                let label = format!("Payback: month {}", c.months[i].label());
                let anchor = if x(i) > W * 0.75 { "end" } else { "start" };
                let dx = if anchor == "end" { -4.0 } else { 4.0 };
                o.push_str(&format!(
                    r##"<line x1="{0:.1}" y1="{Y0}" x2="{0:.1}" y2="{Y1}" stroke="#2e8b57" stroke-width="1.5" stroke-dasharray="5 3"/><text x="{1:.1}" y="{2:.1}" font-size="11" fill="#2e8b57" text-anchor="{anchor}">{3}</text>"##,
                    x(i),
                    x(i) + dx,
                    Y0 + 12.0,
                    esc(&label)
                ));
            }
            let points: Vec<String> = values
                .iter()
                .enumerate()
                .map(|(i, v)| format!("{:.1},{:.1}", x(i), axis.y(*v)))
                .collect();
            o.push_str(&format!(
                r##"<polyline points="{}" fill="none" stroke="#3366cc" stroke-width="2"/>"##,
                points.join(" ")
            ));
            if n <= 36 {
                for (i, v) in values.iter().enumerate() {
                    o.push_str(&format!(
                        r##"<circle cx="{:.1}" cy="{:.1}" r="2.5" fill="#3366cc"/>"##,
                        x(i),
                        axis.y(*v)
                    ));
                }
            }
            o.push_str(&data_labels(values, values, &axis, &c.currency, slot));
            o.push_str(&month_axis(&c.months));
            o.push_str("</svg>");
            o
        }
    }
}

fn open(c: &Chart, h: f64) -> String {
    format!(
        r#"<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {W} {h}" width="100%" font-size="11" role="img" aria-label="{0}"><title>{0}</title>"#,
        esc(&c.title)
    )
}

/// A value axis from `lo` to `hi` (0 always included) on round steps.
struct Axis {
    lo: f64,
    hi: f64,
    step: f64,
}

impl Axis {
    fn new(lo: f64, hi: f64) -> Self {
        let (lo, hi) = (lo.min(0.0), hi.max(0.0));
        let raw = ((hi - lo) / 4.0).max(1.0);
        let mag = 10f64.powf(raw.log10().floor());
        let step = [1.0, 2.0, 2.5, 5.0, 10.0]
            .iter()
            .map(|m| m * mag)
            .find(|s| *s >= raw)
            .unwrap_or(10.0 * mag);
        Axis {
            lo: (lo / step).floor() * step,
            hi: ((hi / step).ceil() * step).max(step),
            step,
        }
    }

    fn y(&self, v: f64) -> f64 {
        Y1 - (v - self.lo) / (self.hi - self.lo) * (Y1 - Y0)
    }

    /// Gridlines and money labels at each step.
    fn grid(&self, currency: &str) -> String {
        let mut o = String::new();
        let steps = ((self.hi - self.lo) / self.step).round() as i64;
        for k in 0..=steps {
            let v = self.lo + k as f64 * self.step;
            let y = self.y(v);
            o.push_str(&format!(
                r##"<line x1="{X0}" y1="{y:.1}" x2="{X1}" y2="{y:.1}" stroke="#e3e3e3"/><text x="{:.0}" y="{:.1}" text-anchor="end" fill="#444">{}</text>"##,
                X0 - 6.0,
                y + 4.0,
                esc(&money_short(v, currency))
            ));
        }
        o
    }
}

/// Swatches and labels in rows across the top.
fn legend_row(items: &[(&str, String)]) -> String {
    let (mut o, mut x, mut y) = (String::new(), X0, 14.0);
    for (color, label) in items {
        let w = 22.0 + label.chars().count() as f64 * CH + 14.0;
        if x + w > W && x > X0 {
            x = X0;
            y += 16.0;
        }
        let swatch = match *color {
            "band" => format!(
                r##"<path d="M{0:.1} {1:.1}V{2:.1}M{3:.1} {1:.1}H{4:.1}M{3:.1} {2:.1}H{4:.1}" stroke="#222" stroke-width="1.2" fill="none"/>"##,
                x + 5.0,
                y - 9.0,
                y + 1.0,
                x + 1.0,
                x + 9.0
            ),
            "payback" => format!(
                r##"<line x1="{0:.1}" y1="{1:.1}" x2="{0:.1}" y2="{2:.1}" stroke="#2e8b57" stroke-width="1.5" stroke-dasharray="3 2"/>"##,
                x + 5.0,
                y - 10.0,
                y + 2.0
            ),
            c => format!(
                r#"<rect x="{x:.1}" y="{:.1}" width="10" height="10" fill="{c}"/>"#,
                y - 9.0
            ),
        };
        o.push_str(&swatch);
        o.push_str(&format!(
            r#"<text x="{:.1}" y="{y:.1}">{}</text>"#,
            x + 14.0,
            esc(label)
        ));
        x += w;
    }
    o
}

/// The value of the first, last and peak month above its bar or point.
fn data_labels(values: &[f64], tops: &[f64], axis: &Axis, currency: &str, slot: f64) -> String {
    let n = values.len();
    if n == 0 {
        return String::new();
    }
    let peak = (0..n)
        .max_by(|a, b| values[*a].total_cmp(&values[*b]))
        .unwrap_or(0);
    let mut which = vec![0, n - 1, peak];
    which.sort_unstable();
    which.dedup();
    let mut o = String::new();
    for i in which {
        let x = X0 + slot * (i as f64 + 0.5);
        let anchor = match i {
            0 if n > 1 => "start",
            i if i == n - 1 && n > 1 => "end",
            _ => "middle",
        };
        // Inside the plot, clear of the money labels left of it.
        let x = match anchor {
            "start" => (x - 6.0).max(X0 + 2.0),
            "end" => (x + 6.0).min(X1),
            _ => x,
        };
        o.push_str(&format!(
            r##"<text x="{x:.1}" y="{:.1}" text-anchor="{anchor}" font-weight="bold" fill="#222">{}</text>"##,
            (axis.y(tops[i].max(0.0)) - 5.0).max(Y0 - 4.0),
            esc(&money_short(values[i], currency))
        ));
    }
    o
}

/// Month labels under the plot, the year under the first label and under
/// each label that starts a new year, and the axis title.
fn month_axis(months: &[MonthTick]) -> String {
    let n = months.len();
    let slot = (X1 - X0) / n.max(1) as f64;
    let mut o = String::new();
    let mut year = None;
    for m in labelled_months(n) {
        let t = months[m - 1];
        let x = X0 + slot * (m as f64 - 0.5);
        o.push_str(&format!(
            r##"<line x1="{x:.1}" y1="{Y1}" x2="{x:.1}" y2="{:.0}" stroke="#444"/><text x="{x:.1}" y="{:.0}" text-anchor="middle">{}</text>"##,
            Y1 + 4.0,
            Y1 + 16.0,
            esc(&t.short())
        ));
        if let Some(c) = t.calendar
            && year != Some(c.year)
        {
            year = Some(c.year);
            o.push_str(&format!(
                r##"<text x="{x:.1}" y="{:.0}" text-anchor="middle" fill="#555">{}</text>"##,
                Y1 + 29.0,
                c.year
            ));
        }
    }
    let title = if months.first().is_some_and(|m| m.calendar.is_some()) {
        "Calendar month"
    } else {
        "Month of the plan"
    };
    o.push_str(&format!(
        r##"<text x="{:.0}" y="{:.0}" text-anchor="middle" fill="#333">{title}</text>"##,
        (X0 + X1) / 2.0,
        H - 8.0
    ));
    o
}

/// Where the run cost goes: one bar split by category, and a key with
/// each category's amount and share.
fn breakdown(c: &Chart, parts: &[(String, f64)]) -> String {
    let total: f64 = parts.iter().map(|(_, v)| v.max(0.0)).sum();
    let per_row = 3;
    let rows = parts.len().div_ceil(per_row);
    let h = 56.0 + rows as f64 * 18.0;
    let mut o = open(c, h);
    let (x0, x1) = (8.0, W - 8.0);
    let mut x = x0;
    for (k, (name, v)) in parts.iter().enumerate() {
        let w = if total > 0.0 {
            v.max(0.0) / total * (x1 - x0)
        } else {
            0.0
        };
        if w <= 0.0 {
            continue;
        }
        o.push_str(&format!(
            r#"<rect x="{x:.1}" y="8" width="{w:.1}" height="28" fill="{}"/>"#,
            color(k, name)
        ));
        if w >= 44.0 {
            o.push_str(&format!(
                r##"<text x="{:.1}" y="26" text-anchor="middle" fill="#fff" font-weight="bold">{}</text>"##,
                x + w / 2.0,
                esc(&pct(v / total * 100.0))
            ));
        }
        x += w;
    }
    for (k, (name, v)) in parts.iter().enumerate() {
        let (col, row) = (k % per_row, k / per_row);
        let (lx, ly) = (x0 + col as f64 * 236.0, 60.0 + row as f64 * 18.0);
        let share = if total > 0.0 { v / total * 100.0 } else { 0.0 };
        o.push_str(&format!(
            r#"<rect x="{lx:.1}" y="{:.1}" width="10" height="10" fill="{}"/><text x="{:.1}" y="{ly:.1}">{} {} ({})</text>"#,
            ly - 9.0,
            color(k, name),
            lx + 14.0,
            esc(name),
            esc(&money(*v, &c.currency)),
            esc(&pct(share))
        ));
    }
    o.push_str("</svg>");
    o
}
