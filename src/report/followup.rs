//! "What we still need from you": the inputs that move the TCO most and
//! still rest on a guess (a Low-confidence source, such as a template
//! default, or none) — the questions to chase after the discovery call.
//! The client report places it as one section (`client/build.rs`); the
//! interview's last screen shows the same lines.

use super::assumptions::NONE_GIVEN;
use crate::model::Scenario;
use crate::model::analysis::followup::{FollowUp, follow_ups};
use crate::model::analysis::sensitivity::TORNADO_PCT;
use crate::numbers::{field_value, money_short};

/// The section's title.
pub const TITLE: &str = "What we still need from you";

/// The sentence that opens the section.
pub const INTRO: &str = "These figures move the total cost most and rest on a Low-confidence source or on none. Please confirm or correct them:";

/// How many inputs the section names.
pub const LIMIT: usize = 5;

/// One line per input, its source as recorded and its confidence worded as
/// the Assumptions table words them: "Requests per day — now 2,500 req/day
/// (source: template default (…), Low); ±20 % moves the TCO by $120k",
/// "… (source: none given); …".
fn line(s: &Scenario, f: &FollowUp) -> String {
    let c = s.currency.as_str();
    let basis = match &f.source {
        None => format!("source: {NONE_GIVEN}"),
        Some(x) if x.source.trim().is_empty() => {
            format!("source: —, {}", x.confidence.label())
        }
        Some(x) => format!("source: {}, {}", x.source.trim(), x.confidence.label()),
    };
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
