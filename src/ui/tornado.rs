//! The tornado: each driver moved −20 % and +20 %, a bar from the lower to
//! the higher TCO around the plan's TCO, largest swing first. The two
//! columns are the TCO with the input moved down and up (so an input whose
//! increase lowers the TCO reads high, then low); an input that cannot move
//! the full 20 % (days per month stop at 31) is marked and named below.

use ratatui::Frame;
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;

use super::popup;
use super::theme::Theme;
use crate::app::{App, TORNADO_PCT, TornadoState};
use crate::model::analysis::metric::Metric;
use crate::model::analysis::sensitivity::Swing;
use crate::numbers::{money, money_short};

/// Whether the input could not move the full ±`TORNADO_PCT` % (it stopped
/// at what the field allows): (down capped, up capped).
pub fn capped(s: &Swing) -> (bool, bool) {
    let off = |moved: f64, factor: f64| {
        let want = s.value * factor;
        (moved - want).abs() > 1e-9 * want.abs().max(1.0)
    };
    (
        off(s.low_value, 1.0 - TORNADO_PCT / 100.0),
        off(s.high_value, 1.0 + TORNADO_PCT / 100.0),
    )
}

/// The metric as the workbench's headline names it ("TCO w/ losses", never a
/// bare "TCO" beside a headline that leads with cash TCO).
fn on_screen(m: Metric) -> &'static str {
    match m {
        Metric::Tco => "TCO w/ losses",
        other => other.short_label(),
    }
}

pub fn render(f: &mut Frame, app: &App, t: &TornadoState, theme: &Theme) {
    let full = f.area();
    let metric = app.metric;
    let title = format!(
        "What drives the {} — each input −{TORNADO_PCT} % and +{TORNADO_PCT} % · Enter jumps to it · M: on {} · Esc closes",
        metric.label(),
        on_screen(metric.next())
    );
    let inner = popup::open(
        f,
        full.width.saturating_sub(2),
        full.height.saturating_sub(2),
        &title,
        theme,
    );
    if inner.height < 3 || inner.width < 40 {
        return;
    }
    let c = app.doc().plan.currency.as_str();
    let base = metric.of(&app.projection().totals);
    let w = inner.width as usize;
    // Two columns of TCOs ("$1.2M", "$827k"), each headed by the move.
    let col_w = 10;
    let nums_w = 2 * col_w;
    let bar_min = 15;
    let label_w = w.saturating_sub(nums_w + bar_min + 2).clamp(14, 48);
    let bar_w = w.saturating_sub(label_w + nums_w + 2).max(10);
    let max_dev = t
        .swings
        .iter()
        .map(|s| (s.tco_low - base).abs().max((s.tco_high - base).abs()))
        .fold(0.0f64, f64::max)
        .max(1e-9);
    let half = bar_w.saturating_sub(1) / 2;
    let bar_w = 2 * half + 1;
    let mut lines = vec![Line::from(vec![
        Span::styled(format!("{:<label_w$}", "Input"), theme.heading()),
        Span::styled(
            format!(
                "{:^bar_w$}",
                format!("{} {}", on_screen(metric), money(base, c))
            ),
            theme.heading(),
        ),
        Span::styled(
            format!(
                "  {:>col_w$}{:>col_w$}",
                format!("−{TORNADO_PCT} %"),
                format!("+{TORNADO_PCT} %")
            ),
            theme.heading(),
        ),
    ])];
    let capped_rows: Vec<&Swing> = t
        .swings
        .iter()
        .filter(|s| {
            let (d, u) = capped(s);
            d || u
        })
        .collect();
    let note_rows = usize::from(!capped_rows.is_empty());
    let rows = (inner.height as usize - 1).saturating_sub(note_rows).max(1);
    let start = t.cursor.selected.saturating_sub(rows.saturating_sub(1));
    for (i, s) in t.swings.iter().enumerate().skip(start).take(rows) {
        let cells = |v: f64| ((v - base).abs() / max_dev * half as f64).round() as usize;
        let (down, up) = (s.tco_low.min(s.tco_high), s.tco_low.max(s.tco_high));
        let left = cells(down).min(half);
        let right = cells(up).min(half);
        let bar = format!(
            "{}{}│{}{}",
            " ".repeat(half - left),
            "█".repeat(left),
            "█".repeat(right),
            " ".repeat(half - right)
        );
        let (cap_down, cap_up) = capped(s);
        let mark = |v: f64, cap: bool| {
            let m = money_short(v, c);
            if cap { format!("{m}*") } else { m }
        };
        let label = super::fit::label(&s.label, label_w.saturating_sub(1));
        let mut line = Line::from(vec![
            Span::raw(format!("{label:<label_w$}")),
            Span::styled(bar, theme.category(crate::model::Category::Errors)),
            Span::styled(
                format!(
                    "  {:>col_w$}{:>col_w$}",
                    mark(s.tco_low, cap_down),
                    mark(s.tco_high, cap_up)
                ),
                theme.muted(),
            ),
        ]);
        if i == t.cursor.selected {
            line = line.patch_style(theme.selected());
        }
        lines.push(line);
    }
    if t.computing {
        lines.push(Line::from(Span::styled("computing…", theme.muted())));
    } else if t.swings.is_empty() {
        lines.push(Line::from(Span::styled(
            format!("No input moves the {}.", metric.label()),
            theme.muted(),
        )));
    } else if !capped_rows.is_empty() {
        let named: Vec<String> = capped_rows
            .iter()
            .map(|s| {
                let (d, _) = capped(s);
                let to = if d { s.low_value } else { s.high_value };
                format!(
                    "{} at {}",
                    s.label,
                    crate::numbers::field_value(s.field, to, c)
                )
            })
            .collect();
        // Whole entries, as many as fit, then how many more.
        let head = "* moved less (capped or whole):";
        let mut note = head.to_string();
        for (i, n) in named.iter().enumerate() {
            let sep = if i == 0 { " " } else { "; " };
            let more = named.len() - i - 1;
            let tail = if more > 0 {
                format!("; +{more} more")
            } else {
                String::new()
            };
            if note.chars().count() + sep.len() + n.chars().count() + tail.chars().count() > w {
                note.push_str(&format!(
                    "{}+{} more",
                    if i == 0 { " " } else { "; " },
                    named.len() - i
                ));
                break;
            }
            note.push_str(sep);
            note.push_str(n);
        }
        lines.push(Line::from(Span::styled(
            super::fit::fit(&note, w),
            theme.muted(),
        )));
    }
    f.render_widget(Paragraph::new(lines), inner);
}
