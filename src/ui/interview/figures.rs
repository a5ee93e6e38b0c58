//! The projection beside the interview's questions: the figures the client
//! watches change with each answer.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;

use crate::app::App;
use crate::model::Category;
use crate::model::headline::Figure;
use crate::numbers::{money, money_short};
use crate::ui::theme::Theme;

/// The figures the client watches while answering.
pub fn render(f: &mut Frame, inner: Rect, app: &App, theme: &Theme) {
    let p = app.projection();
    let plan = &app.doc().plan;
    let c = plan.currency.as_str();
    let t = &p.totals;
    let w = inner.width as usize;
    let row = |label: &str, value: String, style: Style| {
        let pad = w.saturating_sub(label.chars().count() + value.chars().count());
        Line::from(vec![
            Span::styled(label.to_string(), theme.label()),
            Span::styled(format!("{}{value}", " ".repeat(pad)), style),
        ])
    };
    // Cash first, as the headline: what is billed or paid, its change with
    // the last answer and its band; the expected cost of wrong answers
    // after it, as an estimate.
    let mut lines = vec![row(
        &format!("Cash TCO {} mo", plan.horizon_months),
        money(t.cash_tco, c),
        theme.total(),
    )];
    if let Some(ch) = &app.last_change {
        let d = ch.cash_after - ch.cash_before;
        let sign = if d > 0.0 { "+" } else { "" };
        lines.push(row(
            "last answer",
            format!("{sign}{}", money_short(d, c)),
            theme.delta(d),
        ));
    }
    if !plan.uncertainty.is_empty() {
        // Only the band of the plan as it is now (never the previous one).
        let band = app.simulation().map_or("updating…".into(), |x| {
            format!(
                "{}–{}",
                money_short(x.cash_tco.p10, c),
                money_short(x.cash_tco.p90, c)
            )
        });
        lines.push(row("P10–P90", band, theme.muted()));
    }
    if t.expected_error_cost > 0.0 {
        lines.push(row(
            "Wrong ans. est.",
            money_short(t.expected_error_cost, c),
            theme.muted(),
        ));
    }
    let last = p.months.last();
    let month = format!("Month {} cash", p.months.len());
    let figures = [
        (
            month.as_str(),
            last.map_or("n/a".into(), |m| money_short(m.cash, c)),
        ),
        (Figure::Build.short_label(), money_short(t.build_cost, c)),
        (
            Figure::CashCostPerRequest.short_label(),
            t.cash_cost_per_request
                .map_or("n/a".into(), |v| crate::numbers::unit_money(v, c)),
        ),
        ("Reviewers", format!("{:.1} FTE", t.peak_reviewer_fte)),
        (Figure::Value.short_label(), money_short(t.value, c)),
        (
            Figure::Payback.short_label(),
            t.payback_month
                .map_or("none".into(), |m| format!("month {m}")),
        ),
    ];
    for (label, value) in figures {
        lines.push(row(label, value, theme.value()));
    }
    lines.push(Line::from(""));
    lines.push(Line::from(Span::styled("Where it goes", theme.heading())));
    let mut cats: Vec<(Category, f64)> = Category::ALL
        .iter()
        .map(|k| (*k, t.category(*k)))
        .filter(|(_, v)| *v > 0.0)
        .collect();
    cats.sort_by(|a, b| b.1.total_cmp(&a.1));
    for (k, v) in cats {
        lines.push(row(
            k.label(),
            format!("{} {:>3.0}%", money_short(v, c), t.share_pct(k)),
            theme.category(k),
        ));
    }
    lines.truncate(inner.height as usize);
    f.render_widget(Paragraph::new(lines), inner);
}
