//! The read-only line under a self-hosted model's sizing inputs: the whole
//! GPUs that peak, replica size and spares give, in month 1 and at the peak
//! (the monthly table's GPUs column has every month).

use ratatui::text::{Line, Span};

use super::theme::Theme;
use crate::app::App;
use crate::model::GpuProfile;
use crate::numbers::count;

/// The line for model `i` in a pane `width` columns wide.
pub fn line<'a>(app: &App, i: usize, width: usize, theme: &Theme) -> Line<'a> {
    let text = match app.projection().model_gpus(i) {
        Some(p) => text(&p, width.saturating_sub(4)),
        None => "GPUs: none (no traffic)".to_string(),
    };
    Line::from(vec![Span::raw("    "), Span::styled(text, theme.muted())])
}

/// The summary in at most `room` columns, the longest form that fits:
/// `GPUs: 8 in month 1 → peak 12 in month 7`, `GPUs: 8 m1 → 12 peak m7`,
/// `GPUs 8→12`.
pub fn text(p: &GpuProfile, room: usize) -> String {
    let (first, peak) = (count(p.first), count(p.peak));
    let forms = if p.peak == p.first {
        vec![
            format!("GPUs: {first} every month ({} months)", p.months),
            format!("GPUs: {first} every month"),
            format!("GPUs {first}"),
        ]
    } else {
        vec![
            format!(
                "GPUs: {first} in month 1 → peak {peak} in month {}",
                p.peak_month
            ),
            format!("GPUs: {first} m1 → {peak} peak m{}", p.peak_month),
            format!("GPUs {first}→{peak}"),
        ]
    };
    let last = forms.last().cloned().unwrap_or_default();
    forms
        .into_iter()
        .find(|f| f.chars().count() <= room)
        .unwrap_or(last)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn profile(first: f64, peak: f64, peak_month: u32) -> GpuProfile {
        GpuProfile {
            first,
            peak,
            peak_month,
            months: 12,
        }
    }

    #[test]
    fn the_longest_form_that_fits_is_chosen() {
        let p = profile(8.0, 12.0, 7);
        assert_eq!(text(&p, 60), "GPUs: 8 in month 1 → peak 12 in month 7");
        assert_eq!(text(&p, 30), "GPUs: 8 m1 → 12 peak m7");
        assert_eq!(text(&p, 12), "GPUs 8→12");
        let flat = profile(8.0, 8.0, 1);
        assert_eq!(text(&flat, 60), "GPUs: 8 every month (12 months)");
        assert_eq!(text(&flat, 20), "GPUs: 8 every month");
    }
}
