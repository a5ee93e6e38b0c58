//! Presentation mode: what a client should see on a shared screen — the big
//! figures, the monthly cost, and the drivers. Any key returns.

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::style::Modifier;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Bar, BarChart, BarGroup, Block, Borders, Clear, Paragraph};

use super::theme::Theme;
use crate::app::App;
use crate::app::TORNADO_PCT;
use crate::app::modes::panel::PresentState;
use crate::model::Confidence;
use crate::model::analysis::sensitivity::Swing;
use crate::model::headline::Figure;
use crate::numbers::{money, money_short};
use crate::report::headline::value_text;

pub fn render(f: &mut Frame, app: &App, present: &PresentState, theme: &Theme) {
    let area = f.area();
    f.render_widget(Clear, area);
    let plan = &app.doc().plan;
    let p = app.projection();
    let c = plan.currency.as_str();
    let [title, figures, chart, drivers, foot] = Layout::vertical([
        Constraint::Length(2),
        Constraint::Length(5),
        Constraint::Min(6),
        Constraint::Length(7),
        Constraint::Length(1),
    ])
    .areas(area);
    let mut heading = plan.name.clone();
    if !plan.client.is_empty() {
        heading.push_str(&format!(" — {}", plan.client));
    }
    f.render_widget(
        Paragraph::new(Line::from(Span::styled(heading, theme.heading()))).centered(),
        title,
    );
    // Cash first, as the headline leads: what is billed or paid, the build
    // beside it, and the expected cost of wrong answers as an estimate
    // (never added to cash). Each label is the longest of its forms that
    // fits its box.
    let room = (figures.width / 6).saturating_sub(2) as usize;
    let fit = |forms: &[String]| {
        forms
            .iter()
            .find(|f| f.chars().count() <= room)
            .or(forms.last())
            .cloned()
            .unwrap_or_default()
    };
    let n = p.months.len();
    let big = [
        Figure::CashTco,
        Figure::Build,
        Figure::CashRunCost,
        Figure::ExpectedErrorCost,
        Figure::RoiOnCash,
        Figure::Payback,
    ]
    .map(|fig| {
        let label = match fig {
            Figure::CashRunCost => {
                let short = fig.short_label();
                fit(&[
                    format!("{short}, {n} months"),
                    format!("{short}, {n} mo"),
                    short.into(),
                ])
            }
            Figure::ExpectedErrorCost => fit(&[
                "Wrong answers (est.)".into(),
                "Wrong ans. (est.)".into(),
                "Errors est.".into(),
            ]),
            _ => fig.short_label().to_string(),
        };
        (
            label,
            value_text(fig, p, c),
            fig == Figure::ExpectedErrorCost,
        )
    });
    let cols = Layout::horizontal([Constraint::Ratio(1, 6); 6]).split(figures);
    for ((label, value, estimate), r) in big.iter().zip(cols.iter()) {
        let block = Block::default()
            .borders(Borders::ALL)
            .border_style(theme.muted());
        let inner = block.inner(*r);
        f.render_widget(block, *r);
        let style = if *estimate {
            theme.muted()
        } else {
            theme.value().add_modifier(Modifier::BOLD)
        };
        f.render_widget(
            Paragraph::new(vec![
                Line::from(Span::styled(label.clone(), theme.muted())).centered(),
                Line::from(""),
                Line::from(Span::styled(value.clone(), style)).centered(),
            ]),
            inner,
        );
    }
    let bars: Vec<Bar> = p
        .months
        .iter()
        .map(|m| {
            Bar::default()
                .value(m.cash.max(0.0).round() as u64)
                .label(Line::from(m.month.to_string()))
                .text_value(money_short(m.cash, c))
        })
        .collect();
    let bar_width = ((chart.width.saturating_sub(2) as usize / p.months.len().max(1))
        .saturating_sub(1))
    .clamp(1, 9) as u16;
    f.render_widget(
        BarChart::default()
            .block(Block::default().title(Span::styled(
                if chart.width >= 90 {
                    " Monthly cash cost (billed or paid; wrong answers are an estimate, not in the bars) "
                } else {
                    " Monthly cash cost (billed or paid) "
                },
                theme.muted(),
            )))
            .data(BarGroup::default().bars(&bars))
            .bar_width(bar_width)
            .bar_gap(1)
            .bar_style(theme.total()),
        chart,
    );
    let mut lines = vec![Line::from(Span::styled(
        format!("What drives the {}", app.metric.label()),
        theme.heading(),
    ))];
    lines.extend(driver_lines(
        app,
        &present.top,
        drivers.width as usize,
        theme,
    ));
    if present.computing {
        lines.push(Line::from(Span::styled("  computing…", theme.muted())));
    }
    f.render_widget(Paragraph::new(lines), drivers);
    f.render_widget(
        Paragraph::new(Line::from(Span::styled(
            format!(
                "prices as of {} · any key returns to the workbench",
                app.catalog.as_of
            ),
            theme.muted(),
        )))
        .centered(),
        Rect { ..foot },
    );
}

/// Why a driver's input should not be presented as a fact: it has no
/// source, or only a Low-confidence one.
pub fn guess_mark(app: &App, field: crate::model::fields::Field) -> Option<&'static str> {
    match app.source_of(field).map(|s| s.confidence) {
        None => Some("⚠ no source"),
        Some(Confidence::Low) => Some("⚠ low confidence"),
        Some(_) => None,
    }
}

/// One line per driver, marked where it rests on a guess, and a line that
/// counts them.
fn driver_lines<'a>(app: &App, top: &[Swing], width: usize, theme: &Theme) -> Vec<Line<'a>> {
    let c = app.doc().plan.currency.as_str();
    let marks: Vec<Option<&'static str>> = top.iter().map(|w| guess_mark(app, w.field)).collect();
    let guesses = marks.iter().flatten().count();
    let mark_w = if guesses > 0 { 18 } else { 0 };
    // "swing −20 %…+20 %: $1,614,089" (the heading names the figure; the
    // swing is the whole gap from one end to the other), or its
    // short form when narrow, so the driver's name keeps the room.
    let long = width >= 100;
    let swing_w = if long { 30 } else { 20 };
    let label_w = width.saturating_sub(2 + mark_w + swing_w).clamp(12, 40);
    let mut lines: Vec<Line> = top
        .iter()
        .zip(&marks)
        .map(|(w, mark)| {
            let label = super::fit::label(&w.label, label_w);
            let mut spans = vec![Span::styled(format!("  {label:<label_w$}"), theme.label())];
            if mark_w > 0 {
                spans.push(Span::styled(
                    format!("{:<mark_w$}", mark.unwrap_or("")),
                    theme.warning(),
                ));
            }
            let swing = if long {
                format!(
                    "swing −{TORNADO_PCT} %…+{TORNADO_PCT} %: {}",
                    money(w.swing, c)
                )
            } else {
                format!("swing {}", money(w.swing, c))
            };
            spans.push(Span::styled(swing, theme.muted()));
            Line::from(spans)
        })
        .collect();
    if !top.is_empty() {
        lines.push(if guesses > 0 {
            Line::from(Span::styled(
                if guesses == top.len() && guesses > 1 {
                    format!(
                        "  all {guesses} top drivers rest on guesses (no source, or low confidence)"
                    )
                } else {
                    format!(
                        "  {guesses} of the top {} drivers {} on guesses (no source, or low confidence)",
                        top.len(),
                        if guesses == 1 { "rests" } else { "rest" }
                    )
                },
                theme.warning(),
            ))
        } else {
            Line::from(Span::styled(
                "  every top driver has a source of High or Medium confidence",
                theme.muted(),
            ))
        });
    }
    lines
}
