//! Renderers for the break-even findings: self-hosting options against the
//! plan, the minutes saved that pay back, the volume a budget holds; as text
//! or JSON.

use serde_json::json;

use super::Rendered;
use super::json::pretty;
use crate::model::Scenario;
use crate::model::analysis::breakeven::{
    Against, BudgetHolds, Compares, HostingBreakEven, MinutesToPayBack,
};
use crate::numbers::{count, money, number, number_up, pct};

pub fn breakeven_text(
    s: &Scenario,
    hosting: &[HostingBreakEven],
    minutes: MinutesToPayBack,
    budget: Option<(f64, BudgetHolds)>,
) -> String {
    let c = s.currency.as_str();
    let mut o = String::from("Self-hosting against the plan's model mix, over the horizon:\n");
    // One column for the options' names, however long the longest is.
    let w = hosting
        .iter()
        .map(|h| h.option.chars().count())
        .fold(26, usize::max);
    for h in hosting.iter().filter(|h| h.against != Against::Nothing) {
        let cheaper = h.cheaper_above.as_deref().unwrap_or_default();
        let (lead, other) = match h.against {
            Against::ApiModels => (
                format!(
                    "already self-hosted for {} of the traffic; against the plan's API models alone: ",
                    pct(h.plan_share_pct)
                ),
                "the API models",
            ),
            _ => (String::new(), "the mix"),
        };
        match (h.requests_per_day, h.gpus) {
            (Some(rpd), Some(g)) => o.push_str(&format!(
                "  {:<w$} {lead}break-even at {} requests/day ({} GPU{}); above it {cheaper} is cheaper — {}\n",
                h.option,
                count(rpd),
                number(g, 0),
                if g == 1.0 { "" } else { "s" },
                hosting_caveat(h)
            )),
            _ => o.push_str(&format!(
                "  {:<w$} {lead}no break-even between 1 % and 100× today's volume: {cheaper} is cheaper (at today's volume: self-hosted {}, {other} {}) — {}\n",
                h.option,
                money(h.option_inference + h.option_errors, c),
                money(h.plan_inference + h.plan_errors, c),
                hosting_caveat(h)
            )),
        }
    }
    if let Some(note) = hosting_note(hosting) {
        o.push_str(&format!("  {note}\n"));
    }
    for h in hosting.iter().filter(|h| h.against == Against::Nothing) {
        o.push_str(&format!("  {}\n", not_compared(h)));
    }
    o.push_str(&format!(
        "\n{}\n",
        payback_sentence(s, minutes, "Pays back")
    ));
    if let Some((budget, v)) = budget {
        o.push_str(&budget_sentence(s, budget, v));
        o.push('\n');
    }
    o
}

/// Why an option is left out of the comparison: the plan already self-hosts
/// it, with no API model to weigh it against.
pub fn not_compared(h: &HostingBreakEven) -> String {
    format!(
        "Not compared: {} is what the plan already self-hosts ({} of the traffic), and the plan has no API model to weigh it against.",
        h.option,
        pct(h.plan_share_pct)
    )
}

/// What the minutes saved must be to pay back, as a sentence beginning
/// with `pays` ("Pays back", "The investment pays back").
pub fn payback_sentence(s: &Scenario, m: MinutesToPayBack, pays: &str) -> String {
    let c = s.currency.as_str();
    let h = s.horizon_months;
    let now = number(s.value.minutes_saved_per_request, 2);
    match m {
        // Rounded up: at the figure printed it pays back, as "at least" says.
        MinutesToPayBack::AtLeast { minutes } => format!(
            "{pays} within {h} months if each request saves at least {} minutes (the plan assumes {now}).",
            number_up(minutes, 2)
        ),
        MinutesToPayBack::ErrorsAvoidedAlone { tco, .. } if tco <= 0.0 => {
            format!("Nothing to pay back: the plan costs nothing over {h} months.")
        }
        MinutesToPayBack::ErrorsAvoidedAlone {
            errors_avoided,
            tco,
        } => format!(
            "{pays} within {h} months on the errors it avoids alone, even if no request saves a minute: the errors today's process makes and this system no longer does are worth {}, at least the TCO of {}; the {now} minutes the plan assumes a request saves come on top.",
            money(errors_avoided, c),
            money(tco, c)
        ),
        MinutesToPayBack::BeyondBound { most, .. } => format!(
            "Saved time does not pay it back within {h} months: each request would have to save more than {} minutes (the plan assumes {now}).",
            count(most)
        ),
        MinutesToPayBack::NoTimeValue { why } => format!(
            "Saved time does not pay it back within {h} months: {}.",
            why.says()
        ),
        MinutesToPayBack::TeamCannotCover {
            team_fte,
            most_time_value,
            uncovered,
        } => format!(
            "Saved time does not pay it back within {h} months, however many minutes a request saves: the team whose time it saves is {} FTE (value.team_fte), and every productive hour of it is worth {}, less than the {} of the TCO that the errors avoided leave to cover.",
            crate::numbers::fte(team_fte),
            money(most_time_value, c),
            money(uncovered, c)
        ),
    }
}

/// What a monthly budget holds, as a sentence.
pub fn budget_sentence(s: &Scenario, budget: f64, v: BudgetHolds) -> String {
    let c = s.currency.as_str();
    match v {
        BudgetHolds::UpTo { requests_per_day } => format!(
            "A monthly budget of {} holds up to {} requests/day in the most expensive month.",
            money(budget, c),
            count(requests_per_day)
        ),
        BudgetHolds::AllAllowed { requests_per_day } => format!(
            "A monthly budget of {} holds even {} requests/day (the most a plan may have) in the most expensive month.",
            money(budget, c),
            count(requests_per_day)
        ),
        BudgetHolds::NotFixedCosts => format!(
            "A monthly budget of {} does not cover even the fixed costs.",
            money(budget, c)
        ),
    }
}

pub fn breakeven_json(
    hosting: &[HostingBreakEven],
    minutes: MinutesToPayBack,
    budget: Option<(f64, BudgetHolds)>,
) -> Rendered {
    let max = |v: BudgetHolds| match v {
        BudgetHolds::UpTo { requests_per_day } | BudgetHolds::AllAllowed { requests_per_day } => {
            Some(requests_per_day)
        }
        BudgetHolds::NotFixedCosts => None,
    };
    pretty(&json!({
        "self_hosting": hosting,
        "minutes_saved_to_pay_back": minutes.minutes(),
        "payback": minutes,
        "budget": budget.map(|(b, v)| json!({
            "monthly_budget": b,
            "max_requests_per_day": max(v),
            "holds": v,
        })),
    }))
}

/// What a break-even line compares, and the caveat that goes with it: an
/// inference-only line does not say the option answers as well as the plan's
/// models; an errors line says where the option's error rate comes from.
pub fn hosting_caveat(h: &HostingBreakEven) -> String {
    let mut sizing = Vec::new();
    if h.peak_to_average != 1.0 {
        sizing.push(format!("peak {}×", number(h.peak_to_average, 2)));
    }
    if h.gpus_per_replica > 1 {
        sizing.push(format!("{}-GPU replicas", h.gpus_per_replica));
    }
    if h.spare_replicas > 0 {
        sizing.push(format!("{} spare", h.spare_replicas));
    }
    let sizing = if sizing.is_empty() {
        String::new()
    } else {
        format!("; sized for {}", sizing.join(", "))
    };
    match h.compares {
        Compares::InferenceOnly => format!("{}{sizing}", h.compares.label()),
        Compares::InferenceAndErrors if h.option_error_rate_known => format!(
            "{} (its error rate {} %){sizing}",
            h.compares.label(),
            number(h.option_error_rate_pct, 2)
        ),
        Compares::InferenceAndErrors => format!(
            "{} ({} % error rate assumed: none given for it){sizing}",
            h.compares.label(),
            number(h.option_error_rate_pct, 2)
        ),
    }
}

/// The caveat said once under the break-even lines that compare inference
/// only: a cheaper model is not a drop-in for the plan's models.
pub fn hosting_note(hosting: &[HostingBreakEven]) -> Option<&'static str> {
    hosting
        .iter()
        .any(|h| h.compares == Compares::InferenceOnly)
        .then_some(
            "Inference only: quality not compared (the plan gives no error rate for the option); not a drop-in until its error rate is checked.",
        )
}
