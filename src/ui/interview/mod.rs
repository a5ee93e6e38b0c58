//! The guided interview: the templates to start from, what the chosen one
//! assumes, then one question at a time on the left (why it matters, the
//! default, the answer and what it becomes) with the projection on the
//! right, updated after every answer; at the end the follow-up list.

use ratatui::Frame;
use ratatui::layout::{Direction, Rect};
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Clear, Paragraph, Wrap};

mod done;
mod figures;

use super::theme::Theme;
use crate::app::App;
use crate::app::interview::Reply;
use crate::app::interview::record::client_source;
use crate::app::layout::split;
use crate::app::modes::interview::{InterviewState, Preview, Stage};
use crate::model::Confidence;
use crate::model::analysis::followup::source_for;
use crate::numbers::field_value;
use crate::store::use_cases::USE_CASES;

/// Draws the interview over `body` (the screen between the title and the
/// status bar).
pub fn render(f: &mut Frame, body: Rect, app: &App, s: &InterviewState, theme: &Theme) {
    f.render_widget(Clear, body);
    match s.stage {
        Stage::Pick => pick(f, body, s, theme),
        Stage::About => about(f, body, s, theme),
        Stage::Done => {
            // The follow-up list takes the width: it is read, not answered.
            let inner = panel(
                f,
                body,
                &format!(" Interview — {} — done ", s.use_case().title),
                theme,
            );
            done::done(f, inner, app, s, theme);
        }
        Stage::Ask => {
            let left_w = (body.width * 3 / 5)
                .max(48)
                .min(body.width.saturating_sub(28));
            let (left, right) = split(body, Direction::Horizontal, left_w);
            let title = format!(" Interview — {} ", s.use_case().title);
            let inner = panel(f, left, &title, theme);
            ask(f, inner, app, s, theme);
            let inner = panel(f, right, " Projection — live ", theme);
            figures::render(f, inner, app, theme);
        }
    }
}

fn panel(f: &mut Frame, area: Rect, title: &str, theme: &Theme) -> Rect {
    super::popup::frame(f, area, title.to_string(), true, theme)
}

fn pick(f: &mut Frame, body: Rect, s: &InterviewState, theme: &Theme) {
    let inner = panel(
        f,
        body,
        " Start from questions — choose the kind of system ",
        theme,
    );
    let mut lines = Vec::new();
    for (i, u) in USE_CASES.iter().enumerate() {
        let chosen = i == s.cursor.selected;
        let style = if chosen {
            theme.selected()
        } else {
            theme.value()
        };
        lines.push(Line::from(Span::styled(
            format!("{} {}", if chosen { "▸" } else { " " }, u.title),
            style,
        )));
        lines.push(Line::from(Span::styled(
            format!("    {}", u.summary),
            theme.muted(),
        )));
    }
    keys_below(
        f,
        inner,
        lines,
        "Enter: what it assumes, then the questions · Esc: cancel",
        theme,
    );
}

/// `lines`, then a blank line and what the keys do, wrapped into `inner`.
pub(super) fn keys_below<'a>(
    f: &mut Frame,
    inner: Rect,
    mut lines: Vec<Line<'a>>,
    keys: &'a str,
    theme: &Theme,
) {
    lines.push(Line::from(""));
    lines.push(Line::from(Span::styled(keys, theme.muted())));
    f.render_widget(Paragraph::new(lines).wrap(Wrap { trim: false }), inner);
}

fn about(f: &mut Frame, body: Rect, s: &InterviewState, theme: &Theme) {
    let u = s.use_case();
    let block = Block::default()
        .borders(Borders::TOP)
        .border_style(theme.border(true))
        .title(Span::styled(
            format!(" {} — what it assumes and why ", u.title),
            theme.heading(),
        ));
    let inner = block.inner(body);
    f.render_widget(block, body);
    let mut lines: Vec<Line> = u.about.lines().map(Line::from).collect();
    lines.push(Line::from(""));
    lines.push(Line::from(Span::styled(
        format!(
            "Every figure is a template default (Low) until the client says. {} questions. Enter: begin · Esc: back",
            s.questions().len()
        ),
        theme.muted(),
    )));
    if let Some(why) = &s.error {
        lines.push(Line::from(Span::styled(format!("⚠ {why}"), theme.error())));
    }
    f.render_widget(Paragraph::new(lines).wrap(Wrap { trim: false }), inner);
}

/// Lines `text` takes at `width` (at least one).
fn rows(text: &str, width: u16) -> u16 {
    let w = width.max(1) as usize;
    (text.chars().count().div_ceil(w)).max(1) as u16
}

fn ask(f: &mut Frame, inner: Rect, app: &App, s: &InterviewState, theme: &Theme) {
    let Some(q) = s.question() else {
        return;
    };
    let plan = &app.doc().plan;
    let c = plan.currency.as_str();
    let w = inner.width;
    let mut lines: Vec<(Line, u16)> = Vec::new();
    let mut push = |text: String, style: Style| {
        let n = rows(&text, w);
        lines.push((Line::from(Span::styled(text, style)), n));
    };
    push(
        format!("Question {} of {}", s.index + 1, s.questions().len()),
        theme.muted(),
    );
    if let Some(last) = &s.last {
        let style = if last.starts_with('✓') {
            theme.good()
        } else {
            theme.muted()
        };
        push(last.clone(), style);
    }
    push(q.ask.to_string(), theme.heading());
    push(format!("Why: {}", q.why), theme.muted());
    let defaults: Vec<String> = q
        .targets
        .iter()
        .filter_map(|t| Some(field_value(t.field, t.field.get(plan)?, c)))
        .collect();
    let source = q
        .targets
        .first()
        .and_then(|t| source_for(plan, t.field))
        .map(|x| format!(" · {}, {}", x.source, x.confidence.label()))
        .unwrap_or_default();
    let now = match &s.answers[s.index] {
        Some(Reply::Given(_)) => "Now",
        _ => "Default",
    };
    push(
        format!("{now}: {}{source}", defaults.join("; ")),
        theme.label(),
    );
    push(format!("› {}█", s.input), theme.value());
    let preview = s.preview(app);
    match (&s.error, &preview) {
        (Some(why), _) => push(format!("⚠ {why}"), theme.error()),
        (
            None,
            Some(Preview::Records {
                text,
                doubt,
                confirming,
                ..
            }),
        ) => match doubt {
            None => push(text.clone(), theme.good()),
            Some(d) => {
                push(text.clone(), theme.warning());
                let enter = if *confirming {
                    "Enter again records it as shown, or change the answer"
                } else {
                    "Enter twice to record it as shown"
                };
                push(format!("? {d} — {enter}"), theme.warning());
            }
        },
        (None, Some(Preview::Keeps(text))) => push(text.clone(), theme.label()),
        (None, Some(Preview::Refused(why))) => push(format!("⚠ {why}"), theme.warning()),
        (None, None) => push(
            "e.g. 2k a day · 1,500 to 3,000 · 1 in 20 · $18 · 15% · no idea".into(),
            theme.muted(),
        ),
    }
    // The source and confidence the answer will be recorded with.
    let confidence = match &preview {
        Some(Preview::Records { confidence, .. }) => *confidence,
        _ if s.high => Confidence::High,
        _ => Confidence::Medium,
    };
    let why = match confidence {
        Confidence::High => " (marked)",
        Confidence::Low => " (the client's guess)",
        Confidence::Medium => "",
    };
    let toggle = if s.high {
        "Ctrl-T: Medium"
    } else {
        "Ctrl-T: High"
    };
    let source = client_source(app.today.as_deref().unwrap_or_default());
    push(
        match &preview {
            Some(Preview::Keeps(_)) => format!("Stays: template default, Low · {toggle}"),
            _ => format!(
                "Recorded as: {source}, {}{why} · {toggle}",
                confidence.label()
            ),
        },
        theme.muted(),
    );
    let used: u16 = lines.iter().map(|(_, n)| n).sum();
    f.render_widget(
        Paragraph::new(lines.into_iter().map(|(l, _)| l).collect::<Vec<_>>())
            .wrap(Wrap { trim: false }),
        Rect {
            height: used.min(inner.height),
            ..inner
        },
    );
    // The questions so far, around the current one.
    let top = inner.y + used + 1;
    let room = (inner.y + inner.height).saturating_sub(top) as usize;
    if room < 2 {
        return;
    }
    let qs = s.questions();
    let shown = room.min(qs.len());
    let first = s
        .index
        .saturating_sub(shown / 2)
        .min(qs.len().saturating_sub(shown));
    let value_of = |i: usize| {
        let t = qs[i].targets[0];
        t.field
            .get(plan)
            .map(|v| field_value(t.field, v, c))
            .unwrap_or_default()
    };
    let widest = (first..first + shown)
        .map(|i| value_of(i).chars().count())
        .max()
        .unwrap_or(0);
    // Mark, label, a space, the value: the label gives way (to its short
    // form) before anything is cut.
    let label_w = (w as usize).saturating_sub(widest + 3).min(26);
    let list: Vec<Line> = (first..first + shown)
        .map(|i| {
            let t = qs[i].targets[0];
            let (mark, style) = match (&s.answers[i], i == s.index) {
                (_, true) => ("›", theme.selected()),
                (Some(Reply::Given(_)), _) => ("✓", theme.good()),
                (Some(Reply::NotKnown(_)), _) => ("?", theme.muted()),
                _ => ("·", theme.muted()),
            };
            let value = value_of(i);
            let label = if t.field.label().chars().count() <= label_w {
                t.field.label()
            } else {
                t.field.short_label()
            };
            let text = format!("{mark} {label:<label_w$} {value}");
            let text: String = text.chars().take(w as usize).collect();
            Line::from(Span::styled(text, style))
        })
        .collect();
    f.render_widget(
        Paragraph::new(list),
        Rect {
            y: top,
            height: shown as u16,
            ..inner
        },
    );
}
