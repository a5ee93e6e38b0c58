//! "What we still need from you": the inputs that move the TCO most and
//! still rest on a guess (a Low-confidence source, such as a template
//! default, or none) — the questions to chase after the discovery call.
//! The client report places it as one section (`client/build.rs`); the
//! interview's last screen shows the same lines.

use super::format::{field_value, money_short};
use crate::model::Scenario;
use crate::model::analysis::followup::{FollowUp, follow_ups};
use crate::model::analysis::sensitivity::TORNADO_PCT;

/// The section's title.
pub const TITLE: &str = "What we still need from you";

/// The sentence that opens the section.
pub const INTRO: &str = "These figures move the total cost most and are still our assumptions, not yours. Please confirm or correct them:";

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

/// The client report's section: the inputs that move the TCO most and still
/// rest on a guess; none when every such input has a Medium or High source.
pub(crate) fn section(s: &Scenario) -> Option<super::client::model::Section> {
    use super::client::model::{Block, Section};
    let lines = lines(s);
    (!lines.is_empty()).then(|| {
        Section::new("follow-up", TITLE)
            .with(Block::Text(INTRO.into()))
            .with(Block::List(lines))
    })
}
