//! Cases side by side with the plan in the projection pane (spec §6): one
//! row for the plan and one per case, with the headline figures (cash TCO
//! first, the estimates beside it); the row the pane shows is marked.

use ratatui::text::{Line, Span};

use super::theme::Theme;
use crate::app::App;
use crate::model::headline::Figure;
use crate::model::{Totals, cases::project_cases};
use crate::numbers::{fte, money_short};

/// The figures a case row shows, in order, as many as fit.
const FIGURES: [Figure; 6] = [
    Figure::CashTco,
    Figure::ExpectedErrorCost,
    Figure::QualityImpact,
    Figure::Value,
    Figure::FteSaved,
    Figure::Npv,
];

const NAME_W: usize = 14;
const COL_W: usize = 10;

/// The column header of each figure (the estimates marked "est.").
fn header(f: Figure) -> &'static str {
    match f {
        Figure::ExpectedErrorCost => "Errs est.",
        Figure::QualityImpact => "Qual est.",
        _ => f.short_label(),
    }
}

fn cell(f: Figure, t: &Totals, currency: &str) -> String {
    match f {
        Figure::CashTco => money_short(t.cash_tco, currency),
        Figure::ExpectedErrorCost => money_short(t.expected_error_cost, currency),
        Figure::QualityImpact => money_short(t.quality_impact, currency),
        Figure::Value => money_short(t.value, currency),
        Figure::FteSaved => fte(t.peak_fte_saved).replace(" FTE", ""),
        _ => money_short(t.npv, currency),
    }
}

/// The rows of the cases panel for `width` columns; empty when the plan
/// has no cases.
pub fn lines(app: &App, theme: &Theme, width: usize) -> Vec<Line<'static>> {
    let plan = &app.doc().plan;
    if plan.cases.is_empty() {
        return Vec::new();
    }
    let c = plan.currency.as_str();
    let fit = (width.saturating_sub(NAME_W + 2) / COL_W).clamp(1, FIGURES.len());
    let figures = &FIGURES[..fit];
    let pad = |s: &str, w: usize| {
        let s = super::fit::fit(s, w.saturating_sub(1));
        format!("{s:>w$}")
    };
    let name = |s: &str| {
        let s = super::fit::fit(s, NAME_W);
        format!("{s:<NAME_W$}")
    };
    let mut head = vec![Span::styled(
        format!("  {}", name("Cases (w, W)")),
        theme.heading(),
    )];
    head.extend(
        figures
            .iter()
            .map(|f| Span::styled(pad(header(*f), COL_W), theme.muted())),
    );
    let shown = app.case_shown().map(|(i, _)| i);
    let mut rows = vec![Line::from(head)];
    let base = ("The plan".to_string(), app.projection().totals, None);
    let cases = project_cases(plan)
        .into_iter()
        .enumerate()
        .map(|(i, ct)| (ct.name, ct.totals, Some(i)));
    for (label, totals, index) in std::iter::once(base).chain(cases) {
        let here = index == shown;
        let mark = if here { "▸ " } else { "  " };
        let style = if here { theme.value() } else { theme.muted() };
        let mut spans = vec![Span::styled(format!("{mark}{}", name(&label)), style)];
        spans.extend(
            figures
                .iter()
                .map(|f| Span::styled(pad(&cell(*f, &totals, c), COL_W), theme.value())),
        );
        rows.push(Line::from(spans));
    }
    rows
}
