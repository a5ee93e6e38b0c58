//! The inputs pane: every field of the plan, grouped in collapsible sections,
//! each with its unit; the selected row is highlighted.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Paragraph};

use super::theme::Theme;
use crate::app::rows::{Group, Row, TextField, Toggle};
use crate::app::{App, Focus, Mode};
use crate::model::fields::{Field, Section, TextInput};
use crate::model::headline::UPKEEP_RANGE_PCT;
use crate::model::{Pricing, Reviewers};
use crate::numbers::{field_value, number, pct};

pub fn render(f: &mut Frame, area: Rect, app: &App, theme: &Theme) {
    let focused = app.focus == Focus::Inputs && matches!(app.mode(), Mode::Normal);
    let block = Block::default()
        .borders(Borders::ALL)
        .border_style(theme.border(focused))
        .title(Span::styled(" Inputs ", theme.heading()));
    let inner = block.inner(area);
    f.render_widget(block, area);
    let width = inner.width as usize;
    let list_rows = crate::app::layout::input_rows_in(app.regions());
    let lines: Vec<Line> = app
        .rows
        .iter()
        .enumerate()
        .skip(app.offset)
        .take(list_rows.min(inner.height as usize))
        .map(|(i, row)| {
            let line = row_line(app, *row, width, theme);
            if i == app.selected && app.focus == Focus::Inputs {
                line.patch_style(theme.selected())
            } else {
                line
            }
        })
        .collect();
    f.render_widget(Paragraph::new(lines), inner);
    // The foot of the pane says what the input under the cursor means.
    if inner.height as usize > list_rows && focused {
        let foot = Rect {
            y: inner.y + inner.height - 1,
            height: 1,
            ..inner
        };
        let text = fit_words(&super::explain::explain(app), width);
        f.render_widget(
            Paragraph::new(Line::from(Span::styled(text, theme.muted()))),
            foot,
        );
    }
}

/// Panes narrower than this use the short field labels.
const NARROW: usize = 44;

/// The fewest label characters a field row keeps before extras (a range's
/// bounds) give way: the value itself is never shortened.
const MIN_LABEL: usize = 8;

/// `text` in `max` characters: words give way, figures stay whole
/// ([`super::fit::fit`]).
pub fn fit_words(text: &str, max: usize) -> String {
    super::fit::fit(text, max)
}

/// `label ……… value` filling `width`, value right-aligned.
fn spread<'a>(
    indent: usize,
    label: String,
    value: Vec<Span<'a>>,
    width: usize,
    theme: &Theme,
) -> Line<'a> {
    let value_len: usize = value.iter().map(|s| s.content.chars().count()).sum();
    let room = width.saturating_sub(indent + value_len + 1);
    let label = fit_words(&label, room);
    let gap = width.saturating_sub(indent + label.chars().count() + value_len);
    let mut spans = vec![
        Span::raw(" ".repeat(indent)),
        Span::styled(label, theme.label()),
        Span::raw(" ".repeat(gap)),
    ];
    spans.extend(value);
    Line::from(spans)
}

fn row_line<'a>(app: &'a App, row: Row, width: usize, theme: &Theme) -> Line<'a> {
    let plan = &app.doc().plan;
    let currency = plan.currency.as_str();
    match row {
        Row::Heading(g) => {
            let mark = if app.collapsed.contains(&g) {
                "▸"
            } else {
                "▾"
            };
            Line::from(Span::styled(
                format!("{mark} {}", g.label()),
                theme.heading(),
            ))
        }
        Row::Field(field) => {
            let Some(v) = field.get(plan) else {
                return Line::from("");
            };
            let indent = if field.index().is_some() { 4 } else { 2 };
            let mut value = vec![Span::styled(field_value(field, v, currency), theme.value())];
            // A value that is not in the plan but its fallback: say whose.
            let note = field.fallback_note();
            if !note.is_empty() && field.falls_back(plan) && width >= NARROW {
                value.push(Span::styled(format!(" {note}"), theme.muted()));
            }
            if let Some((lo, hi)) = app.range_of(field) {
                // The bounds as exact as the value (never rounded to two
                // places, which misstates cent-fraction prices); where they
                // do not fit beside a readable label, only the mark ±.
                let full = format!(" [{}–{}]", number(lo, 6), number(hi, 6));
                let shown_len = field_value(field, v, currency).chars().count();
                let text = if width < NARROW
                    || width
                        < (if field.index().is_some() { 4 } else { 2 })
                            + MIN_LABEL
                            + 1
                            + shown_len
                            + full.chars().count()
                {
                    " ±".to_string()
                } else {
                    full
                };
                value.push(Span::styled(text, theme.heading()));
            }
            if let Some(src) = app.source_of(field) {
                // Where the value comes from: a dim ·H/·M, a warning ·L.
                let style = match src.confidence {
                    crate::model::Confidence::Low => theme.warning(),
                    _ => theme.muted(),
                };
                value.push(Span::styled(
                    format!(" ·{}", &src.confidence.label()[..1]),
                    style,
                ));
            }
            if field == Field::MaintenancePct {
                let (lo, hi) = UPKEEP_RANGE_PCT;
                let outside = v < lo || v > hi;
                match (outside, width < NARROW) {
                    (true, true) => value.push(Span::styled(" ⚠", theme.warning())),
                    (true, false) => value.push(Span::styled(
                        format!(" ⚠ not {lo:.0}–{hi:.0}"),
                        theme.warning(),
                    )),
                    (false, true) => {}
                    (false, false) => {
                        value.push(Span::styled(format!(" ({lo:.0}–{hi:.0})"), theme.muted()))
                    }
                }
            }
            if field == Field::ModelShare(field.index().unwrap_or(0))
                && app.doc().plan.shares_miss_100()
            {
                value.insert(0, Span::styled("⚠ ", theme.warning()));
            }
            let label = if width < NARROW {
                field.short_label()
            } else {
                field.label()
            };
            spread(indent, label.to_string(), value, width, theme)
        }
        Row::Text(t) => {
            let spec = t.input().spec();
            let label = if width < NARROW {
                spec.short_label
            } else {
                spec.row_label
            };
            let (value, indent) = match t {
                TextField::Name => (plan.name.clone(), 2),
                TextField::Client => (plan.client.clone(), 2),
                TextField::Currency => (plan.currency.clone(), 2),
                TextField::EmbeddingId => (plan.retrieval.embedding.id.clone(), 2),
                TextField::InfraName(_) | TextField::ToolName(_) | TextField::Role(_) => {
                    (crate::app::text::text_value(plan, t), 2)
                }
            };
            if let TextField::InfraName(_) | TextField::ToolName(_) | TextField::Role(_) = t {
                let name = fit_words(&value, width.saturating_sub(5));
                return Line::from(vec![
                    Span::raw("  "),
                    Span::styled(format!("{label} "), theme.muted()),
                    Span::styled(name, theme.value()),
                ]);
            }
            let shown = if value.is_empty() {
                "—".to_string()
            } else {
                value
            };
            let max = width.saturating_sub(indent + label.len() + 2);
            let shown = fit_words(&shown, max);
            spread(
                indent,
                label.to_string(),
                vec![Span::styled(shown, theme.value())],
                width,
                theme,
            )
        }
        Row::Notes => {
            // Count lines ended by CR (old Mac, some pastes) as well as LF.
            let n = crate::app::text::normalize_newlines(&plan.notes)
                .lines()
                .filter(|l| !l.trim().is_empty())
                .count();
            let v = if n == 0 {
                "none — Enter to write".to_string()
            } else {
                format!("{n} line{} — Enter", if n == 1 { "" } else { "s" })
            };
            spread(
                2,
                "Notes".into(),
                vec![Span::styled(v, theme.value())],
                width,
                theme,
            )
        }
        Row::Toggle(Toggle::Retrieval) => {
            let v = if plan.retrieval.enabled { "on" } else { "off" };
            spread(
                2,
                Toggle::Retrieval.input().spec().row_label.into(),
                vec![Span::styled(format!("[{v}]"), theme.value())],
                width,
                theme,
            )
        }
        Row::Toggle(Toggle::Reviewers) => {
            let v = match plan.oversight.reviewers {
                Reviewers::Auto => "[Auto] Fixed".to_string(),
                Reviewers::Fixed(_) => "Auto [Fixed]".to_string(),
            };
            spread(
                2,
                {
                    let spec = TextInput::Staffing.spec();
                    if width < NARROW {
                        spec.short_label
                    } else {
                        spec.row_label
                    }
                }
                .into(),
                vec![Span::styled(v, theme.value())],
                width,
                theme,
            )
        }
        Row::Model(i) => {
            let Some(m) = plan.models.get(i) else {
                return Line::from("");
            };
            let base = match &m.pricing {
                Some(Pricing::Api(_)) => "API",
                Some(Pricing::SelfHosted(_)) => "GPU",
                None => "unpriced",
            };
            let retiring = app.retirements().iter().find(|r| r.index == i);
            let repriced = app.price_changes().iter().any(|c| c.index == i);
            let retired = app.retired_models().iter().any(|r| r.index == i);
            let kind = match (retiring, repriced) {
                _ if retired => format!("⚠ retired {base}"),
                (Some(r), _) => format!(
                    "⚠ retires {} (month {})",
                    super::explain::month_year(&r.date),
                    r.month
                ),
                (None, true) => format!("⚠ price {base}"),
                _ => base.to_string(),
            };
            let kind = kind.as_str();
            let id = fit_words(&m.id, width.saturating_sub(6 + kind.len()));
            let gap = width.saturating_sub(4 + id.chars().count() + kind.len());
            let kind_style = if kind.starts_with('⚠') {
                theme.warning()
            } else {
                theme.muted()
            };
            Line::from(vec![
                Span::raw("  "),
                Span::styled("◆ ", theme.muted()),
                Span::styled(id, theme.value()),
                Span::raw(" ".repeat(gap)),
                Span::styled(kind.to_string(), kind_style),
            ])
        }
        Row::Info(g) => info_line(app, g, width, theme),
        Row::Gpus(i) => super::gpus::line(app, i, width, theme),
        Row::AddLine(l) => Line::from(Span::styled(
            match l {
                crate::app::rows::Line::Tool => "  + add a tool billed per use (i)",
                crate::app::rows::Line::Person => "  + add a role of the team (i)",
                crate::app::rows::Line::PriceStep => "  + add a one-off price change (i)",
            },
            theme.muted(),
        )),
    }
}

fn info_line<'a>(app: &'a App, g: Group, width: usize, theme: &Theme) -> Line<'a> {
    match g {
        Group::Model(Section::Models) => {
            let total = app.share_total();
            if app.doc().plan.shares_miss_100() {
                Line::from(Span::styled(
                    format!("  ⚠ shares total {} — b rebalances", pct(total)),
                    theme.warning(),
                ))
            } else {
                let full = "  shares total 100 % · m model · a add · d remove";
                let text = if width >= full.chars().count() {
                    full
                } else {
                    "  shares total 100 %"
                };
                Line::from(Span::styled(text, theme.muted()))
            }
        }
        Group::Model(Section::Infrastructure) => {
            Line::from(Span::styled("  no lines — i adds one", theme.muted()))
        }
        Group::Model(Section::Oversight) => {
            let p = app.projection();
            let first = p.first().map_or(0.0, |m| m.reviewer_fte_needed);
            let peak = p.totals.peak_reviewer_fte;
            let staffed = match app.doc().plan.oversight.reviewers {
                Reviewers::Auto => "as needed".to_string(),
                Reviewers::Fixed(x) => format!("{} FTE", number(x, 2)),
            };
            match app.understaffed() {
                Some((month, coverage)) => Line::from(Span::styled(
                    format!(
                        "  ⚠ understaffed from month {month}: reviewers needed {} now, {} at peak; staffed {staffed}, coverage {}",
                        number(first, 2),
                        number(peak, 2),
                        pct(coverage)
                    ),
                    theme.warning(),
                )),
                None => Line::from(Span::styled(
                    format!(
                        "  Reviewers needed: {} now, {} at peak · staffed {staffed} · coverage 100 %",
                        number(first, 2),
                        number(peak, 2)
                    ),
                    theme.muted(),
                )),
            }
        }
        _ => Line::from(""),
    }
}
