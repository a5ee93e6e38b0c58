//! "What we still need from you": the inputs that move the TCO most and
//! still rest on a guess (a Low-confidence source, such as a template
//! default, or none) — the questions to chase after the discovery call.
//! Self-contained, so any renderer of the client report can place it: it
//! takes the plan and gives a Markdown section or an HTML one (empty when
//! nothing is left to ask).

use super::format::{field_value, money_short};
use crate::model::Scenario;
use crate::model::analysis::followup::{FollowUp, follow_ups};
use crate::model::analysis::sensitivity::TORNADO_PCT;

/// The section's title.
pub const TITLE: &str = "What we still need from you";

/// How many inputs the section names.
pub const LIMIT: usize = 5;

/// One line per input: "Requests per day — now 2,500 req/day (template
/// default (…)); ±20 % moves the TCO by $120k".
fn line(s: &Scenario, f: &FollowUp) -> String {
    let c = s.currency.as_str();
    let basis = f
        .source
        .as_ref()
        .map_or("no source yet".to_string(), |x| x.source.clone());
    format!(
        "{} — now {} ({basis}); ±{TORNADO_PCT} % moves the TCO by {}",
        f.label,
        field_value(f.field, f.value, c),
        money_short(f.swing, c)
    )
}

/// The lines of the section, largest effect first.
pub fn lines(s: &Scenario) -> Vec<String> {
    follow_ups(s, LIMIT).iter().map(|f| line(s, f)).collect()
}

/// The section in Markdown (escaped by the report's `markup` pass), or ""
/// when every input that moves the TCO has a Medium or High source.
pub fn markdown(s: &Scenario) -> String {
    let lines = lines(s);
    if lines.is_empty() {
        return String::new();
    }
    let mut o = format!(
        "\n## {TITLE}\n\nThese figures move the total cost most and are still our assumptions, not yours. Please confirm or correct them:\n\n"
    );
    for (i, l) in lines.iter().enumerate() {
        o.push_str(&format!("{}. {}\n", i + 1, super::escape::markdown_cell(l)));
    }
    o
}

/// The section in HTML, or "".
pub fn html(s: &Scenario) -> String {
    let lines = lines(s);
    if lines.is_empty() {
        return String::new();
    }
    let esc = |t: &str| {
        t.replace('&', "&amp;")
            .replace('<', "&lt;")
            .replace('>', "&gt;")
            .replace('"', "&quot;")
    };
    let mut o = format!(
        "<h2>{TITLE}</h2><p>These figures move the total cost most and are still our assumptions, not yours. Please confirm or correct them:</p><ol>"
    );
    for l in &lines {
        o.push_str(&format!("<li>{}</li>", esc(l)));
    }
    o.push_str("</ol>");
    o
}
