//! One sparkline per line of the monthly cost: what is paid in cash first
//! (as the headline leads), then each category — the expected cost of wrong
//! answers among them, marked as an estimate — each labelled with its
//! horizon sum and last-month value. Each line is drawn on its own scale
//! (its shape, not its size; the sums say size).

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Paragraph, Sparkline};

use super::theme::Theme;
use crate::app::App;
use crate::model::Category;
use crate::numbers::money_short;

/// Cash and one row per category the plan has (`Category::of_plan`).
pub fn wanted_rows(plan: &crate::model::Scenario) -> u16 {
    1 + Category::of_plan(plan).len() as u16
}

/// Like [`fit`], scaled to `max` instead of the values' own maximum, so
/// several series share one scale.
pub fn fit_to(values: &[f64], width: usize, max: f64) -> Vec<u64> {
    if max <= 0.0 {
        return fit(values, width);
    }
    let own = values.iter().copied().fold(0.0f64, f64::max);
    fit(values, width)
        .into_iter()
        .map(|v| ((v as f64) * own / max).round() as u64)
        .collect()
}

/// Fits `values` into `width` columns: buckets averaged when there are more
/// months than columns, months widened when there are few.
pub fn fit(values: &[f64], width: usize) -> Vec<u64> {
    if values.is_empty() || width == 0 {
        return Vec::new();
    }
    let max = values.iter().copied().fold(0.0f64, f64::max);
    let scale = |v: f64| {
        if max > 0.0 && v.is_finite() {
            ((v.max(0.0) / max) * 1000.0).round() as u64
        } else {
            0
        }
    };
    if values.len() > width {
        (0..width)
            .map(|i| {
                let a = i * values.len() / width;
                let b = ((i + 1) * values.len() / width).max(a + 1);
                let avg = values[a..b].iter().sum::<f64>() / (b - a) as f64;
                scale(avg)
            })
            .collect()
    } else {
        // Stretch across the width: each column shows the month under it.
        (0..width)
            .map(|i| scale(values[i * values.len() / width]))
            .collect()
    }
}

pub fn render(f: &mut Frame, area: Rect, app: &App, theme: &Theme) {
    if area.height == 0 || area.width < 20 {
        return;
    }
    let p = app.shown_projection();
    let p = p.as_ref();
    // The band is of the plan, never of a case shown instead.
    let of_plan = app.case_shown().is_none();
    let c = app.doc().plan.currency.as_str();
    let mut series: Vec<(&str, Vec<f64>, f64, ratatui::style::Style)> = vec![(
        crate::model::headline::Figure::CashRunCost.short_label(),
        p.months.iter().map(|m| m.cash).collect(),
        p.totals.cash_run_cost,
        theme.total(),
    )];
    // With input ranges, P90 and P10 of each month's cash sit under it on
    // one shared scale: the band.
    let band: Option<(Vec<f64>, Vec<f64>)> = app.simulation().filter(|_| of_plan).map(|sim| {
        (
            sim.monthly_cash.iter().map(|b| b.p90).collect(),
            sim.monthly_cash.iter().map(|b| b.p10).collect(),
        )
    });
    let shared_max = band
        .as_ref()
        .map(|(hi, _)| hi.iter().copied().fold(0.0f64, f64::max))
        .unwrap_or(0.0)
        .max(p.months.iter().map(|m| m.cash).fold(0.0, f64::max));
    if let Some((hi, lo)) = &band {
        let sum = |v: &Vec<f64>| v.iter().sum::<f64>();
        series.push((" P90", hi.clone(), sum(hi), theme.muted()));
        series.push((" P10", lo.clone(), sum(lo), theme.muted()));
    }
    // While the band of the plan as it is now is computed, its rows stay,
    // empty and saying so (never the previous plan's band).
    let pending = of_plan && band.is_none() && app.band_updating();
    if pending {
        series.push((" P90", Vec::new(), 0.0, theme.muted()));
        series.push((" P10", Vec::new(), 0.0, theme.muted()));
    }
    let mut cats: Vec<Category> = Category::of_plan(&app.doc().plan);
    // When rows are short, keep the biggest lines.
    let head = series.len();
    if (area.height as usize) < head + cats.len() {
        cats.sort_by(|a, b| p.totals.category(*b).total_cmp(&p.totals.category(*a)));
        cats.truncate((area.height as usize).saturating_sub(head));
    }
    for cat in cats {
        series.push((
            cat.screen_label(),
            p.months.iter().map(|m| m.category(cat)).collect(),
            p.totals.category(cat),
            theme.category(cat),
        ));
    }
    let narrow = area.width < 70;
    let figures: Vec<String> = series
        .iter()
        .enumerate()
        .map(|(i, (_, values, sum, _))| {
            let last = values.last().copied().unwrap_or(0.0);
            if pending && (1..head).contains(&i) {
                "updating…".to_string()
            } else if narrow {
                format!("{} · {}/mo", money_short(*sum, c), money_short(last, c))
            } else {
                format!("Σ {} · {}/mo", money_short(*sum, c), money_short(last, c))
            }
        })
        .collect();
    let label_w: u16 = if narrow { 12 } else { 15 };
    let figures_w =
        (figures.iter().map(|t| t.chars().count()).max().unwrap_or(0) as u16).min(area.width / 2);
    let spark_w = area.width.saturating_sub(label_w + figures_w + 1);
    for (i, (label, values, _, style)) in series.iter().enumerate().take(area.height as usize) {
        let y = area.y + i as u16;
        let label_style = if i == 0 { theme.value() } else { theme.label() };
        let label = match (*label, narrow) {
            ("Infrastructure", true) => "Infra",
            ("Maintenance", true) => "Maint.",
            ("Errors (est.)", true) => "Errs est.",
            (l, _) => l,
        };
        let shown: String = label.chars().take(label_w as usize - 1).collect();
        f.render_widget(
            Paragraph::new(Line::from(Span::styled(shown, label_style))),
            Rect::new(area.x, y, label_w, 1),
        );
        let data = if i < head && band.is_some() {
            fit_to(values, spark_w as usize, shared_max)
        } else {
            fit(values, spark_w as usize)
        };
        f.render_widget(
            Sparkline::default().data(data).max(1000).style(*style),
            Rect::new(area.x + label_w, y, spark_w, 1),
        );
        let text: String = figures[i].chars().take(figures_w as usize).collect();
        f.render_widget(
            Paragraph::new(Line::from(Span::styled(text, theme.muted())))
                .alignment(ratatui::layout::Alignment::Right),
            Rect::new(area.x + label_w + spark_w + 1, y, figures_w, 1),
        );
    }
}

#[cfg(test)]
mod tests {
    use super::fit;

    #[test]
    fn all_zero_series_draw_empty_bars() {
        assert_eq!(fit(&[0.0, 0.0, 0.0], 3), vec![0, 0, 0]);
    }

    #[test]
    fn long_horizons_are_averaged_into_the_width() {
        let v: Vec<f64> = (1..=60).map(|m| m as f64).collect();
        let out = fit(&v, 20);
        assert_eq!(out.len(), 20);
        assert!(out.windows(2).all(|w| w[0] <= w[1]));
        assert_eq!(
            *out.last().unwrap(),
            983,
            "mean of 58..=60 (59) over max 60, in thousandths"
        );
    }

    #[test]
    fn short_horizons_are_widened() {
        assert_eq!(fit(&[1.0, 2.0], 6), vec![500, 500, 500, 1000, 1000, 1000]);
        assert!(fit(&[], 10).is_empty());
    }
}
