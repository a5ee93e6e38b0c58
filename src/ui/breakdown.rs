//! Where the horizon's run cost goes: one proportional bar and its legend,
//! largest share first.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;

use super::theme::Theme;
use crate::app::App;
use crate::model::Category;

/// Each category's share of the run cost, largest first, in percent.
pub fn shares(app: &App) -> Vec<(Category, f64)> {
    let t = app.shown_projection().totals;
    let mut v: Vec<(Category, f64)> = Category::of_plan(&app.doc().plan)
        .iter()
        .map(|c| (*c, t.share_pct(*c)))
        .collect();
    v.sort_by(|a, b| b.1.total_cmp(&a.1));
    v
}

pub fn render(f: &mut Frame, area: Rect, app: &App, theme: &Theme) {
    if area.height == 0 || area.width == 0 {
        return;
    }
    let shares = shares(app);
    let width = area.width as usize;
    // Largest-remainder allocation so the segments fill the bar exactly.
    let mut cells: Vec<(Category, usize, f64)> = shares
        .iter()
        .map(|(c, s)| {
            let exact = s / 100.0 * width as f64;
            (*c, exact.floor() as usize, exact - exact.floor())
        })
        .collect();
    let used: usize = cells.iter().map(|c| c.1).sum();
    if app.shown_projection().totals.run_cost > 0.0 {
        let mut order: Vec<usize> = (0..cells.len()).collect();
        order.sort_by(|a, b| cells[*b].2.total_cmp(&cells[*a].2));
        for i in order.into_iter().take(width.saturating_sub(used)) {
            cells[i].1 += 1;
        }
    }
    let bar: Vec<Span> = cells
        .iter()
        .filter(|c| c.1 > 0)
        .map(|(c, n, _)| Span::styled(theme.segment_glyph(*c).repeat(*n), theme.segment(*c)))
        .collect();
    let mut legend = Vec::new();
    let mut len = 0;
    for (c, s) in shares.iter().filter(|(_, s)| *s > 0.0) {
        let item = format!(
            "{} {} {:.1} %  ",
            theme.segment_glyph(*c),
            c.screen_label(),
            s
        );
        let n = item.chars().count();
        if len + n > width {
            break;
        }
        len += n;
        legend.push(Span::styled(item, theme.category(*c)));
    }
    let lines = if bar.is_empty() {
        vec![Line::from(Span::styled("no running cost", theme.muted()))]
    } else {
        vec![Line::from(bar), Line::from(legend)]
    };
    f.render_widget(Paragraph::new(lines), area);
}
