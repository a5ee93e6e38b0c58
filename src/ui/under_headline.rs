//! The lines under the projection's headline: the sentence when the system
//! is wrong more often than today, why the TCO is outside its band, and what
//! the last edit changed.

use ratatui::text::{Line, Span};

use super::theme::Theme;
use crate::app::App;
use crate::numbers::delta;

/// "⚠ The system is expected to be wrong more often than today's process:
/// 2.3 % vs 1.5 %" for the projection shown, when it is.
pub(super) fn worse_line(app: &App, theme: &Theme) -> Option<Line<'static>> {
    let p = app.shown_projection();
    let plan = &app.doc().plan;
    let said = crate::model::quality::worse_than_today_sentence(plan, &p.totals)?;
    let mut chars = said.chars();
    let said = match chars.next() {
        Some(first) => first.to_uppercase().chain(chars).collect::<String>(),
        None => said,
    };
    Some(Line::from(vec![
        Span::styled("⚠ ", theme.warning()),
        Span::styled(format!("{said}."), theme.warning()),
    ]))
}

/// Where the plan is landing, when it has actuals: the outturn against the
/// TCO and, first, the cash outturn against the cash TCO.
pub(super) fn landing_line(app: &App, theme: &Theme) -> Option<Line<'static>> {
    if app.case_shown().is_some() {
        return None;
    }
    let a = app.against()?;
    let c = app.doc().plan.currency.as_str();
    let t = &a.totals;
    let pct = |v: f64, of: f64| {
        if of == 0.0 {
            String::new()
        } else {
            format!(", {}", crate::numbers::signed_pct(v / of * 100.0))
        }
    };
    let nb = |t: String| t.replace(' ', "\u{a0}");
    let actual_to = if a.last_actual_month == 0 {
        "no month yet".to_string()
    } else {
        a.start.plus(a.last_actual_month - 1).to_string()
    };
    Some(Line::from(vec![
        Span::styled("Landing ", theme.heading()),
        Span::styled(
            nb(format!(
                "cash {} (plan {}{})",
                crate::numbers::money(t.cash_outturn, c),
                crate::numbers::money(t.cash_tco, c),
                pct(t.cash_variance_at_completion, t.cash_tco)
            )),
            theme
                .delta(t.cash_variance_at_completion)
                .patch(theme.value()),
        ),
        Span::raw(" · "),
        Span::styled(
            nb(format!(
                "w/ losses {} (plan {}{})",
                crate::numbers::money_short(t.outturn, c),
                crate::numbers::money_short(t.tco, c),
                pct(t.variance_at_completion, t.tco)
            )),
            theme.muted(),
        ),
        Span::styled(nb(format!(" · actuals to {actual_to} · A")), theme.muted()),
    ]))
}

/// Why the TCO is outside its own P10–P90, when it is: the reports' words
/// when they fit in two rows of `width`, else fewer.
pub(super) fn off_band_line(app: &App, theme: &Theme, width: usize) -> Option<Line<'static>> {
    use crate::report::analysis::{off_band_brief, off_band_text};
    if app.case_shown().is_some() {
        return None;
    }
    let why = app.simulation()?.off_band.as_ref()?;
    let plan = &app.doc().plan;
    // Words wrap, so a row holds a little less than its width.
    let room = (2 * width).saturating_sub(2 + width / 4);
    let text = [2, 1]
        .into_iter()
        .map(|names| off_band_text(plan, why, names))
        .find(|t| unicode_width::UnicodeWidthStr::width(t.as_str()) <= room)
        .unwrap_or_else(|| off_band_brief(plan, why));
    Some(Line::from(vec![
        Span::styled("⚠ ", theme.warning()),
        Span::styled(text, theme.muted()),
    ]))
}

pub(super) fn edit_effect(app: &App, theme: &Theme, width: usize) -> Line<'static> {
    let c = app.doc().plan.currency.as_str();
    match &app.last_change {
        None => Line::from(Span::styled(
            "Change an input: its effect shows here.",
            theme.muted(),
        )),
        Some(ch) if ch.ranges_changed && (ch.tco_after - ch.tco_before).abs() < 0.005 => {
            // A range moves the band, not the TCO: say what it did to it.
            let short = |(a, b): (f64, f64)| {
                format!(
                    "{}–{}",
                    crate::numbers::money_short(a, c),
                    crate::numbers::money_short(b, c)
                )
            };
            let now = app.simulation().map(|s| {
                let b = s.band(app.metric);
                (b.p10, b.p90)
            });
            let band = match (ch.band_before, now) {
                _ if app.band_updating() => "P10–P90 updating…".to_string(),
                (Some(b), Some(n)) => format!("P10–P90 {} → {}", short(b), short(n)),
                (None, Some(n)) => format!("P10–P90 now {}", short(n)),
                (Some(b), None) => format!("P10–P90 {} → none (no ranges left)", short(b)),
                (None, None) => "no ranges".to_string(),
            };
            Line::from(vec![
                Span::styled("Δ ", theme.heading()),
                Span::raw(ch.what.clone()),
                followed(ch, theme),
                Span::raw(": "),
                Span::styled(band.replace(' ', "\u{a0}"), theme.value()),
                Span::styled(" · the plan's figures unchanged", theme.muted()),
            ])
        }
        Some(ch) => {
            // Cash first, as the headline: what is billed or paid; the
            // expected cost of wrong answers after it, as an estimate, when
            // the edit moved it.
            let cash = ch.cash_after - ch.cash_before;
            let losses = (ch.tco_after - ch.cash_after) - (ch.tco_before - ch.cash_before);
            let month = ch.month_cash_after - ch.month_cash_before;
            let nb = |t: String| t.replace(' ', "\u{a0}");
            let mut spans = vec![
                Span::styled("Δ ", theme.heading()),
                Span::raw(ch.what.clone()),
                followed(ch, theme),
                Span::raw(": "),
                Span::styled(
                    nb(format!("cash TCO {}", delta(cash, ch.cash_before, c))),
                    theme.delta(cash).patch(theme.value()),
                ),
            ];
            if losses.abs() >= 0.5 {
                let sign = if losses > 0.0 { "+" } else { "" };
                spans.push(Span::raw(" · "));
                spans.push(Span::styled(
                    nb(format!(
                        "wrong ans. est. {sign}{}",
                        crate::numbers::money(losses, c)
                    )),
                    theme.delta(losses),
                ));
            }
            // The month's change goes first when the rows cannot hold it.
            let without = Line::from(spans.clone());
            spans.push(Span::raw(" · "));
            // "unchanged" rather than "$0 (0.0 %)", which reads as a fault
            // (a volume ceiling, say, holds the last month where it was).
            let month_said = if month.abs() < 0.5 {
                format!("month {} cash unchanged", ch.month)
            } else {
                format!(
                    "month {} cash {}",
                    ch.month,
                    delta(month, ch.month_cash_before, c)
                )
            };
            spans.push(Span::styled(nb(month_said), theme.delta(month)));
            let with = Line::from(spans);
            if super::fit::line_rows(&with, width) > 3 {
                without
            } else {
                with
            }
        }
    }
}

/// What the ranges did to follow the change ("range widened to 10–100"),
/// in brackets after what changed; empty when nothing.
fn followed(ch: &crate::app::ChangeEffect, theme: &Theme) -> Span<'static> {
    if ch.ranges_followed.is_empty() {
        return Span::raw("");
    }
    Span::styled(
        format!(" ({})", ch.ranges_followed.join("; ")),
        theme.warning(),
    )
}
