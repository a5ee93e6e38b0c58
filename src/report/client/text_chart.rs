//! Charts as text for the Markdown report: one bar per month (or per
//! category) drawn with block characters, each with its value.

use super::model::{Chart, ChartKind};
use crate::numbers::{money, pct};

/// The width of the longest bar, in characters.
const WIDTH: usize = 32;

/// A bar of `v / max` of `width` characters, to an eighth of a character.
fn bar(v: f64, max: f64, width: usize) -> String {
    const PARTS: [&str; 8] = ["", "▏", "▎", "▍", "▌", "▋", "▊", "▉"];
    if !(max.is_finite() && max > 0.0 && v.is_finite() && v > 0.0) {
        return String::new();
    }
    let eighths = ((v / max).min(1.0) * (width * 8) as f64).round() as usize;
    let mut o = "█".repeat(eighths / 8);
    o.push_str(PARTS[eighths % 8]);
    o
}

fn pad(s: &str, width: usize) -> String {
    let n = s.chars().count();
    format!("{s}{}", " ".repeat(width.saturating_sub(n)))
}

fn rpad(s: &str, width: usize) -> String {
    let n = s.chars().count();
    format!("{}{s}", " ".repeat(width.saturating_sub(n)))
}

pub fn render(c: &Chart) -> String {
    let cur = c.currency.as_str();
    let labels: Vec<String> = c.months.iter().map(|m| m.label()).collect();
    let lw = labels
        .iter()
        .map(|l| l.chars().count())
        .max()
        .unwrap_or(1)
        .max(5);
    let mut o = format!("{}\n\n", c.title);
    match &c.kind {
        ChartKind::Monthly { stacks, band } => {
            let totals: Vec<f64> = (0..c.months.len())
                .map(|i| stacks.iter().map(|s| s.values[i]).sum())
                .collect();
            let max = totals.iter().copied().fold(0.0, f64::max);
            let values: Vec<String> = totals.iter().map(|v| money(*v, cur)).collect();
            let vw = values.iter().map(|v| v.chars().count()).max().unwrap_or(1);
            o.push_str(&format!(
                "{}  {}  {}\n",
                pad("Month", lw),
                pad("", WIDTH),
                rpad("Total", vw)
            ));
            for (i, l) in labels.iter().enumerate() {
                let mut row = format!(
                    "{}  {}  {}",
                    rpad(l, lw),
                    pad(&bar(totals[i], max, WIDTH), WIDTH),
                    rpad(&values[i], vw)
                );
                if let Some((lo, hi)) = band.as_ref().and_then(|b| b.get(i)) {
                    row.push_str(&format!(
                        "  (P10–P90 {} – {})",
                        money(*lo, cur),
                        money(*hi, cur)
                    ));
                }
                o.push_str(row.trim_end());
                o.push('\n');
            }
        }
        ChartKind::Cumulative { values, payback } => {
            let neg = values.iter().copied().fold(0.0f64, |a, v| a.max(-v));
            let pos = values.iter().copied().fold(0.0f64, f64::max);
            let span = (neg + pos).max(f64::MIN_POSITIVE);
            let left = ((neg / span) * WIDTH as f64).round() as usize;
            let right = WIDTH - left;
            let shown: Vec<String> = values.iter().map(|v| money(*v, cur)).collect();
            let vw = shown.iter().map(|v| v.chars().count()).max().unwrap_or(1);
            for (i, l) in labels.iter().enumerate() {
                let v = values[i];
                let (lb, rb) = if v < 0.0 {
                    (bar(-v, span, WIDTH), String::new())
                } else {
                    (String::new(), bar(v, span, WIDTH))
                };
                let mark = if *payback == Some(c.months[i].month) {
                    "  ◀ payback"
                } else {
                    ""
                };
                let row = format!(
                    "{}  {}  {}│{}{}",
                    rpad(l, lw),
                    rpad(&shown[i], vw),
                    rpad(&lb, left),
                    pad(&rb, right),
                    mark
                );
                o.push_str(row.trim_end());
                o.push('\n');
            }
        }
        ChartKind::Breakdown { parts } => {
            let total: f64 = parts.iter().map(|(_, v)| v).sum();
            let max = parts.iter().map(|(_, v)| *v).fold(0.0, f64::max);
            let nw = parts
                .iter()
                .map(|(n, _)| n.chars().count())
                .max()
                .unwrap_or(1);
            let shown: Vec<String> = parts.iter().map(|(_, v)| money(*v, cur)).collect();
            let vw = shown.iter().map(|v| v.chars().count()).max().unwrap_or(1);
            for ((name, v), s) in parts.iter().zip(&shown) {
                let share = if total > 0.0 { v / total * 100.0 } else { 0.0 };
                let row = format!(
                    "{}  {}  {}  {}",
                    pad(name, nw),
                    pad(&bar(*v, max, WIDTH), WIDTH),
                    rpad(s, vw),
                    rpad(&pct(share), 7)
                );
                o.push_str(row.trim_end());
                o.push('\n');
            }
        }
    }
    o
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bars_are_drawn_to_an_eighth() {
        assert_eq!(bar(1.0, 1.0, 4), "████");
        assert_eq!(bar(0.5, 1.0, 4), "██");
        assert_eq!(bar(1.0 / 32.0, 1.0, 4), "▏");
        assert_eq!(bar(0.0, 1.0, 4), "");
        assert_eq!(bar(1.0, 0.0, 4), "");
    }
}
