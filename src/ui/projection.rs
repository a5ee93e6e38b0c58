//! The projection pane: headline figures, what the last edit changed, the
//! monthly sparklines, where the money goes, and the monthly table.
//! Space is handed out in that order of importance.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;

use super::theme::Theme;
use super::under_headline as under;
use super::{breakdown, sparklines, table};
use crate::app::{App, Focus, Mode};
use crate::model::analysis::metric::Metric;
use crate::model::headline::{Figure as Headline, Kind};
use crate::numbers::{money, payback, roi, unit_money};

pub fn render(f: &mut Frame, area: Rect, app: &App, theme: &Theme) {
    let h = app.projection().months.len();
    let focused = app.focus == Focus::Table && matches!(app.mode(), Mode::Normal);
    let title = match app.case_shown() {
        Some((_, name)) => format!(" Projection — case {name:?} — {h} months (w: next) "),
        None => format!(" Projection — {h} months "),
    };
    let inner = super::popup::frame(f, area, title, focused, theme);
    if inner.height == 0 || inner.width == 0 {
        return;
    }

    let cols = (inner.width as usize / 22).clamp(2, 5);
    let figures = headline(app, theme, cols);
    let head_rows = figures.len().div_ceil(cols) as u16;
    let mut cursor = Cursor {
        area: inner,
        used: 0,
    };
    render_headline(f, cursor.take(head_rows), &figures, cols, theme);
    if let Some(why) = under::off_band_line(app, theme, inner.width as usize) {
        let rows = (why.width().div_ceil(inner.width.max(1) as usize) as u16).clamp(1, 2);
        f.render_widget(
            Paragraph::new(why).wrap(ratatui::widgets::Wrap { trim: true }),
            cursor.take(rows),
        );
    }
    // When the system is wrong more often than today's process, in words.
    if let Some(worse) = under::worse_line(app, theme) {
        let rows = (super::fit::line_rows(&worse, inner.width as usize) as u16).clamp(1, 2);
        f.render_widget(
            Paragraph::new(worse).wrap(ratatui::widgets::Wrap { trim: true }),
            cursor.take(rows),
        );
    }
    // Where the plan is landing, when it has actuals beside it.
    if let Some(landing) = under::landing_line(app, theme) {
        let rows = (super::fit::line_rows(&landing, inner.width as usize) as u16).clamp(1, 2);
        f.render_widget(
            Paragraph::new(landing).wrap(ratatui::widgets::Wrap { trim: true }),
            cursor.take(rows),
        );
    }
    // While the band updates the headline says so: the Δ line says what the
    // change did to the TCO.
    let change = under::edit_effect(app, theme, inner.width as usize);
    let change_rows = (super::fit::line_rows(&change, inner.width as usize) as u16).clamp(1, 3);
    f.render_widget(
        Paragraph::new(change).wrap(ratatui::widgets::Wrap { trim: true }),
        cursor.take(change_rows),
    );
    // The cases beside the plan, when it has any (at most 8, so 9 rows).
    let cases = super::cases::lines(app, theme, inner.width as usize);
    if !cases.is_empty() && cursor.left() >= cases.len() as u16 + 6 {
        let rows = cases.len() as u16;
        f.render_widget(Paragraph::new(cases), cursor.take(rows));
    }
    // The band's rows stay while it updates, so the lines under it do not
    // jump on every edit.
    let band_rows = if app.doc().plan.uncertainty.is_empty() {
        0
    } else {
        2
    };
    let spark_rows = (sparklines::wanted_rows(&app.doc().plan) + band_rows)
        .min(cursor.left().saturating_sub(2).max(2));
    sparklines::render(f, cursor.take(spark_rows), app, theme);
    if cursor.left() >= 5 {
        breakdown::render(f, cursor.take(2), app, theme);
    }
    let rest = cursor.left();
    table::render(f, cursor.take(rest), app, theme);
}

/// Hands out rows of an area from the top down.
struct Cursor {
    area: Rect,
    used: u16,
}

impl Cursor {
    fn left(&self) -> u16 {
        self.area.height.saturating_sub(self.used)
    }

    fn take(&mut self, n: u16) -> Rect {
        let n = n.min(self.left());
        let r = Rect::new(self.area.x, self.area.y + self.used, self.area.width, n);
        self.used += n;
        r
    }
}

/// The headline figures in the order the workbench shows them: cash TCO
/// first, the two estimates beside it (never summed into it), then the TCO
/// with expected losses and its price band (the band is of that TCO, so it
/// sits after it); their labels are `model::headline::Figure`'s. The
/// version-2 figures show only for a version-2 plan (`Figure::applies`).
const SHOWN: [Headline; 15] = [
    Headline::CashTco,
    Headline::ExpectedErrorCost,
    Headline::QualityImpact,
    Headline::Tco,
    Headline::Build,
    Headline::CashRunCost,
    Headline::CashCostPerRequest,
    Headline::Value,
    Headline::RoiOnCash,
    Headline::Payback,
    Headline::RunToBuild,
    Headline::Net,
    Headline::Npv,
    Headline::PaybackFromStart,
    Headline::Upkeep,
];

struct Figure {
    label: &'static str,
    value: String,
    /// Compact forms shown when the value and its label do not fit, most
    /// detailed first.
    short: Vec<String>,
    style: Option<ratatui::style::Style>,
}

fn headline(app: &App, theme: &Theme, cols: usize) -> Vec<Figure> {
    let p = app.shown_projection();
    let p = p.as_ref();
    let c = app.doc().plan.currency.as_str();
    let fig = |label, value| Figure {
        label,
        value,
        short: Vec::new(),
        style: None,
    };
    let money_fig = |label, v: f64| Figure {
        label,
        value: money(v, c),
        short: vec![crate::numbers::money_short(v, c)],
        style: None,
    };
    let mut figures = Vec::new();
    let plan = &app.doc().plan;
    // In two columns (80 wide) every extra figure costs the monthly table a
    // row: a version-2 plan shows NPV in the place of the net (the net
    // discounted; equal without a discount rate), and payback from the start
    // of the build and upkeep stay in the reports.
    let narrow = cols <= 2;
    let left_out = |h: Headline| {
        matches!(
            h,
            Headline::PaybackFromStart | Headline::Upkeep | Headline::RunToBuild
        ) || (h == Headline::Net && Headline::Npv.applies(plan))
    };
    let shown: Vec<Headline> = SHOWN
        .into_iter()
        .filter(|h| h.applies(plan))
        .filter(|h| !narrow || !left_out(*h))
        .collect();
    // The band sits after the figure it is of (`M` picks which).
    let anchor = match app.metric {
        Metric::Tco => Headline::Tco,
        Metric::CashTco => Headline::CashTco,
        Metric::Npv if shown.contains(&Headline::Npv) => Headline::Npv,
        Metric::Npv => Headline::Net,
    };
    for h in shown {
        let label = label_of(h);
        let v = h.value(p);
        figures.push(match h.kind() {
            // An estimate says so in its label; the net quality impact has
            // its sign (above 0: wrong answers cost more than today's).
            Kind::Money if h == Headline::QualityImpact => {
                let v = v.unwrap_or(0.0);
                let plus = if v >= 0.5 { "+" } else { "" };
                Figure {
                    label,
                    value: format!("{plus}{}", money(v, c)),
                    short: vec![format!("{plus}{}", crate::numbers::money_short(v, c))],
                    style: (v >= 0.5).then(|| theme.warning()),
                }
            }
            // Value says the people it stands for (peak FTE saved).
            Kind::Money if h == Headline::Value => {
                let v = v.unwrap_or(0.0);
                let fte = crate::numbers::fte(Headline::FteSaved.value(p).unwrap_or(0.0));
                let short = crate::numbers::money_short(v, c);
                Figure {
                    label,
                    value: format!("{} = {fte}", money(v, c)),
                    short: vec![format!("{short} = {fte}"), format!("{short}={fte}")],
                    style: None,
                }
            }
            Kind::Money => money_fig(label, v.unwrap_or(0.0)),
            Kind::MoneyPerRequest => fig(label, v.map_or("n/a".into(), |v| unit_money(v, c))),
            Kind::Percent => Figure {
                label,
                value: roi(v),
                short: Vec::new(),
                style: v.filter(|r| *r < 0.0).map(|_| theme.warning()),
            },
            Kind::Month => {
                let month = v.map(|m| m as u32);
                Figure {
                    label,
                    value: payback(month, p.months.len()).replace("not within", "none in"),
                    short: vec![month.map_or("none".into(), |m| format!("m{m}"))],
                    style: None,
                }
            }
            Kind::PercentOfBuild => Figure {
                label,
                value: v.map_or("n/a".into(), |u| {
                    let flag = if h.flagged(p) { " ⚠" } else { "" };
                    format!("{u:.0} %{flag}")
                }),
                short: Vec::new(),
                style: h.flagged(p).then(|| theme.warning()),
            },
            Kind::Ratio => fig(label, v.map_or("n/a".into(), crate::numbers::ratio)),
            Kind::Fte => fig(label, crate::numbers::fte(v.unwrap_or(0.0))),
        });
        if h == anchor {
            figures.push(band_figure(app, theme));
        }
    }
    // The band must never open a row: read down a column, it would sit
    // under another figure. The figure before its own moves after the band,
    // so the pair shares a row (and the headline keeps its rows).
    if let Some(at) = figures.iter().position(|f| f.label == "P10–P90")
        && cols > 1
        && at >= 2
        && at % cols == 0
    {
        let moved = figures.remove(at - 2);
        figures.insert(at, moved);
    }
    figures
}

/// The P10–P90 of the figure the band is read on (`App::metric`), of the
/// plan as it is now: while the worker computes it, "updating…" and no
/// figures (the previous band is of another plan and never sits beside this
/// figure).
fn band_figure(app: &App, theme: &Theme) -> Figure {
    let c = app.doc().plan.currency.as_str();
    match app.simulation() {
        // The band is of the plan, never of a case.
        _ if app.case_shown().is_some() => Figure {
            label: "P10–P90",
            value: "of the plan only".into(),
            short: vec!["plan only".into()],
            style: Some(theme.muted()),
        },
        Some(sim) => {
            let b = sim.band(app.metric);
            let tight = |v: f64| crate::numbers::money_tight(v, c);
            let (low, high) = (
                crate::numbers::money_short(b.p10, c),
                crate::numbers::money_short(b.p90, c),
            );
            // Outside the band: marked, and the line under the figures says
            // why (it explains the TCO with expected losses' band only).
            let off = sim.off_band.is_some() && app.metric == Metric::Tco;
            let mark = if off { " ⚠" } else { "" };
            Figure {
                label: "P10–P90",
                value: format!("{low} – {high}{mark}"),
                // Without the spaces when the cell is narrow, so both ends
                // show ("$12.1M–$13.5M", never "$12.1M – $13.…"), and then in
                // whole units ("$70M–$91M"): the band always shows, never a
                // bare "…" that reads as "still computing".
                short: vec![
                    format!("{low}–{high}{mark}"),
                    format!("{}–{}{mark}", tight(b.p10), tight(b.p90)),
                    format!("{}–{}", tight(b.p10), tight(b.p90)),
                ],
                style: off.then(|| theme.warning()),
            }
        }
        None if app.band_updating() => Figure {
            label: "P10–P90",
            value: "updating…".into(),
            short: Vec::new(),
            style: Some(theme.muted()),
        },
        // The slot stays, so adding a range does not move every figure
        // after it.
        None => Figure {
            label: "P10–P90",
            value: "no ranges (r)".into(),
            short: vec!["none".into()],
            style: Some(theme.muted()),
        },
    }
}

/// A figure's label in the workbench: the model's short label, with the
/// estimates marked "est." and the TCO that holds expected losses said so
/// (cash TCO sits beside it).
pub(crate) fn label_of(h: Headline) -> &'static str {
    match h {
        Headline::ExpectedErrorCost => "Wrong ans. est.",
        Headline::QualityImpact => "Quality est.",
        Headline::Tco => "TCO w/ losses",
        _ => h.short_label(),
    }
}

fn render_headline(f: &mut Frame, area: Rect, figures: &[Figure], cols: usize, theme: &Theme) {
    if area.height == 0 {
        return;
    }
    let cell = (area.width as usize / cols).max(1);
    let lines: Vec<Line> = figures
        .chunks(cols)
        .map(|chunk| {
            let mut spans = Vec::new();
            for fig in chunk {
                let (label, value) = fit_figure(fig.label, &fig.value, &fig.short, cell);
                let value_len = value.chars().count();
                let gap = cell.saturating_sub(label.chars().count() + value_len + 1);
                spans.push(Span::styled(label, theme.muted()));
                spans.push(Span::raw(" ".repeat(gap)));
                let style = fig.style.map_or(theme.value(), |s| s.patch(theme.value()));
                spans.push(Span::styled(value, style));
                spans.push(Span::raw(" "));
            }
            Line::from(spans)
        })
        .collect();
    f.render_widget(Paragraph::new(lines), area);
}

/// A label and value in `cell` columns (with a space between and after):
/// the label stays whole and the value goes compact, then is cut with "…";
/// only a cell too narrow for the label cuts the label, marked with "…".
fn fit_figure(label: &str, value: &str, short: &[String], cell: usize) -> (String, String) {
    let len = |s: &str| s.chars().count();
    let fits = |v: &str| len(label) + len(v) + 2 <= cell;
    if fits(value) {
        return (label.to_string(), value.to_string());
    }
    if let Some(s) = short.iter().find(|s| fits(s)) {
        return (label.to_string(), s.clone());
    }
    // Never a figure cut in two: its words give way, or it goes whole.
    let value = short.last().map_or(value, String::as_str);
    let room = cell.saturating_sub(len(label) + 2);
    // A compact figure of one word ("$70M–$91M") cut to "…" would say
    // nothing: it goes whole and the label gives way.
    if room >= 4 && (short.is_empty() || value.contains(' ')) {
        return (label.to_string(), super::fit::fit(value, room));
    }
    // Too narrow for the whole label: the value first, the label shortened.
    let value = super::fit::fit(value, cell.saturating_sub(3));
    let label = super::fit::fit(label, cell.saturating_sub(len(&value) + 2));
    (label, value)
}

#[cfg(test)]
mod tests {
    use super::fit_figure;

    #[test]
    fn labels_stay_whole_and_values_go_compact() {
        let (l, v) = fit_figure("Payback", "none in 24 months", &["none".into()], 20);
        assert_eq!((l.as_str(), v.as_str()), ("Payback", "none"));
        let (l, v) = fit_figure("TCO", "$5,812,345,678", &["$5.8B".into()], 12);
        assert_eq!((l.as_str(), v.as_str()), ("TCO", "$5.8B"));
        let (l, v) = fit_figure("TCO", "$828,660", &["$829k".into()], 22);
        assert_eq!((l.as_str(), v.as_str()), ("TCO", "$828,660"));
        let (l, v) = fit_figure("Run ÷ build", "12345.6×", &[], 18);
        assert_eq!(l, "Run ÷ build");
        assert!(!v.contains("123"), "a figure is whole or gone: {v}");
        let (_, v) = fit_figure("P10–P90", "$12.1M – $13.5M", &["$12.1M–$13.5M".into()], 23);
        assert_eq!(v, "$12.1M–$13.5M");
    }
}
