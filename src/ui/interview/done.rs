//! The interview's last page: what the plan costs now (cash first), how
//! sure the figures are, and what the client still has to confirm.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};

use super::keys_below;
use crate::app::App;
use crate::app::modes::interview::InterviewState;
use crate::numbers::{field_value, money, money_short};
use crate::ui::theme::Theme;

/// What the plan costs now, cash first as the headline leads: the cash
/// TCO, its build and last month, and the expected cost of wrong answers
/// beside it (an estimate, never added to cash).
fn done_figures(app: &App) -> String {
    let (plan, p) = (&app.doc().plan, app.projection());
    let c = plan.currency.as_str();
    let t = &p.totals;
    let mut o = format!(
        "Cash TCO over {} months: {} (build {}, month {} {}).",
        plan.horizon_months,
        money(t.cash_tco, c),
        money_short(t.build_cost, c),
        p.months.len(),
        p.months
            .last()
            .map_or("n/a".into(), |m| money_short(m.cash, c))
    );
    if t.expected_error_cost > 0.0 {
        o.push_str(&format!(
            " Wrong answers are expected to cost {} more (an estimate, not a bill).",
            money(t.expected_error_cost, c)
        ));
    }
    o
}

pub(super) fn done(f: &mut Frame, inner: Rect, app: &App, s: &InterviewState, theme: &Theme) {
    let n = s.questions().len();
    let plan = &app.doc().plan;
    let c = plan.currency.as_str();
    let not_known = match s.not_known() {
        0 => String::new(),
        k => format!(" ({k} the client did not know)"),
    };
    let mut lines = vec![
        Line::from(Span::styled(
            format!(
                "All {n} questions asked: {} answered by the client, {} kept the template default{not_known}.",
                s.answered(),
                n - s.answered()
            ),
            theme.heading(),
        )),
        Line::from(Span::styled(done_figures(app), theme.value())),
        Line::from(""),
    ];
    let ranges = plan.uncertainty.len();
    let sure = match app.simulation() {
        // Cash first, as the figures above; the TCO with expected losses
        // after it, with why the plan sits outside its band when it does.
        Some(sim) if ranges > 0 => format!(
            "How sure: from {ranges} range(s), the cash TCO is {} to {} (P10–P90); with expected losses, {} to {}.{}",
            money(sim.cash_tco.p10, c),
            money(sim.cash_tco.p90, c),
            money(sim.tco.p10, c),
            money(sim.tco.p90, c),
            sim.off_band.as_ref().map_or(String::new(), |why| format!(
                " {}",
                crate::report::analysis::off_band_text(plan, why, 2)
            ))
        ),
        _ if ranges > 0 => format!("How sure: {ranges} range(s) given; the band is computing…"),
        _ => "How sure: no ranges given. Answer with a range (1,500 to 3,000) to get a TCO band."
            .into(),
    };
    lines.push(Line::from(Span::styled(sure, theme.value())));
    lines.push(Line::from(""));
    lines.push(Line::from(Span::styled(
        "What we still need from you (moves the TCO with expected losses most, still a guess):",
        theme.heading(),
    )));
    if s.follow_ups.is_empty() {
        lines.push(Line::from(Span::styled(
            "nothing: every input that moves the TCO has a client source.",
            theme.good(),
        )));
    }
    for (i, u) in s.follow_ups.iter().enumerate() {
        let asked = s
            .questions()
            .iter()
            .find(|q| q.targets.iter().any(|t| t.field == u.field))
            .map(|q| q.ask.to_string())
            .unwrap_or_else(|| u.label.clone());
        lines.push(Line::from(vec![
            Span::styled(format!("{}. {asked} ", i + 1), theme.value()),
            Span::styled(
                format!(
                    "— {} now; from −20 % to +20 % the TCO with expected losses swings {}",
                    field_value(u.field, u.value, c),
                    money_short(u.swing, c)
                ),
                theme.muted(),
            ),
        ]));
    }
    keys_below(
        f,
        inner,
        lines,
        "Enter or Esc: into the workbench · Shift-Tab: back to the questions",
        theme,
    );
}
