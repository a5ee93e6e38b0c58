//! What it takes to pay back: the minutes each request must save for the
//! value over the horizon to cover the TCO, and the highest daily volume a
//! monthly budget holds.

use crate::model::projection::{Projection, project_into};
use crate::model::scenario::Scenario;
use crate::model::validate::Range;

/// What the minutes saved per request must be for the plan to pay back by
/// the last month of its horizon.
#[derive(Debug, Clone, Copy, PartialEq, serde::Serialize)]
#[serde(tag = "finding", rename_all = "snake_case")]
pub enum MinutesToPayBack {
    /// At least this many minutes a request (above 0, within what a plan may
    /// say a request saves).
    AtLeast { minutes: f64 },
    /// Today's errors the system no longer makes are worth at least the TCO
    /// on their own: it pays back with no minute saved, and every minute
    /// saved comes on top.
    ErrorsAvoidedAlone { errors_avoided: f64, tco: f64 },
    /// It would take more minutes a request than a plan may say one saves
    /// (`minutes`, the exact figure, is above `most`): saved time does not
    /// pay it back.
    BeyondBound { minutes: f64, most: f64 },
    /// Saved time is worth nothing in this plan: it has no requests, no
    /// labour cost or none of the saved time is realised.
    NoTimeValue { why: NoTimeValue },
    /// The plan's team (`value.team_fte`) caps the hours saved: even every
    /// productive hour of the team, every month, is worth `most_time_value`,
    /// less than the `uncovered` part of the TCO (the TCO less today's
    /// errors avoided). No number of minutes pays it back.
    TeamCannotCover {
        team_fte: f64,
        most_time_value: f64,
        uncovered: f64,
    },
}

/// Why saved time is worth nothing.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize)]
#[serde(rename_all = "snake_case")]
pub enum NoTimeValue {
    NoRequests,
    NoLabourCost,
    NothingRealised,
}

impl NoTimeValue {
    /// "the plan has no requests".
    pub fn says(self) -> &'static str {
        match self {
            NoTimeValue::NoRequests => "the plan has no requests",
            NoTimeValue::NoLabourCost => "the labour cost saved (value.labour_hourly_cost) is 0",
            NoTimeValue::NothingRealised => {
                "none of the saved time is realised (value.realization_pct is 0)"
            }
        }
    }
}

impl MinutesToPayBack {
    /// The minutes needed, where saved time can pay it back: the figure, or
    /// 0 when errors avoided alone do.
    pub fn minutes(self) -> Option<f64> {
        match self {
            MinutesToPayBack::AtLeast { minutes } => Some(minutes),
            MinutesToPayBack::ErrorsAvoidedAlone { .. } => Some(0.0),
            MinutesToPayBack::BeyondBound { .. }
            | MinutesToPayBack::NoTimeValue { .. }
            | MinutesToPayBack::TeamCannotCover { .. } => None,
        }
    }
}

/// Minutes saved per request at which the value over the horizon covers the
/// TCO (payback by the last month): the labour value of a minute counts only
/// its realized share, and today's errors avoided (which do not depend on the
/// minutes) already cover part of the TCO — or all of it.
pub fn minutes_to_pay_back(s: &Scenario) -> MinutesToPayBack {
    let mut p = Projection::default();
    project_into(s, &mut p);
    let v = &s.value;
    if p.totals.requests <= 0.0 {
        return MinutesToPayBack::NoTimeValue {
            why: NoTimeValue::NoRequests,
        };
    }
    // Today's errors avoided do not depend on the minutes: where they cover
    // the TCO, that is what pays it back, whatever saved time is worth.
    let uncovered = p.totals.tco - p.totals.errors_avoided;
    if uncovered <= 0.0 {
        return MinutesToPayBack::ErrorsAvoidedAlone {
            errors_avoided: p.totals.errors_avoided,
            tco: p.totals.tco,
        };
    }
    let why = if v.labour_hourly_cost <= 0.0 {
        Some(NoTimeValue::NoLabourCost)
    } else if v.realization_pct <= 0.0 {
        Some(NoTimeValue::NothingRealised)
    } else {
        None
    };
    if let Some(why) = why {
        return MinutesToPayBack::NoTimeValue { why };
    }
    let per_minute = p.totals.requests * v.labour_hourly_cost / 60.0 * v.realization_pct / 100.0;
    let mut minutes = uncovered / per_minute;
    if let Some(team) = v.team_fte {
        // The team caps the hours saved a month, so the uncapped figure is
        // only a lower bound: past it, more minutes stop adding value in
        // the months where the team is saturated.
        let cap = team * s.oversight.productive_hours_per_month * v.labour_hourly_cost;
        let busy = p.months.iter().filter(|m| m.requests > 0.0).count() as f64;
        let most_time_value = cap * busy;
        if most_time_value < uncovered {
            return MinutesToPayBack::TeamCannotCover {
                team_fte: team,
                most_time_value,
                uncovered,
            };
        }
        minutes = capped_minutes(s, minutes, &mut p);
    }
    let most = Range::Minutes.hi;
    if minutes > most {
        MinutesToPayBack::BeyondBound { minutes, most }
    } else {
        MinutesToPayBack::AtLeast { minutes }
    }
}

/// The fewest minutes a request at which the engine's own projection pays
/// back by the last month, for a plan whose team caps the hours saved:
/// `from` (the uncapped figure) is a lower bound, and the value only grows
/// with the minutes, so a doubling search then a bisection finds it.
fn capped_minutes(s: &Scenario, from: f64, p: &mut Projection) -> f64 {
    let mut w = s.clone();
    let mut pays = |minutes: f64, p: &mut Projection| {
        w.value.minutes_saved_per_request = minutes;
        project_into(&w, p);
        p.totals.net >= 0.0
    };
    if pays(from, p) {
        return from;
    }
    let (mut lo, mut hi) = (from, from.max(1e-9) * 2.0);
    // The caller checked the saturated team covers the TCO, so some finite
    // figure pays; the bound only keeps a pathological plan from spinning.
    let mut doublings = 0;
    while !pays(hi, p) && doublings < 200 {
        lo = hi;
        hi *= 2.0;
        doublings += 1;
    }
    for _ in 0..100 {
        let mid = (lo + hi) / 2.0;
        if mid <= lo || mid >= hi {
            break;
        }
        if pays(mid, p) {
            hi = mid;
        } else {
            lo = mid;
        }
    }
    hi
}

/// What a monthly budget holds.
#[derive(Debug, Clone, Copy, PartialEq, serde::Serialize)]
#[serde(tag = "finding", rename_all = "snake_case")]
pub enum BudgetHolds {
    /// Up to this many requests a day in the most expensive month.
    UpTo { requests_per_day: f64 },
    /// Even the most a plan may have (`requests_per_day`, the bound of the
    /// input) stays within it.
    AllAllowed { requests_per_day: f64 },
    /// Even the fixed costs (no requests at all) exceed it.
    NotFixedCosts,
}

/// The highest requests per day whose most expensive month stays within
/// `budget`.
pub fn volume_for_budget(s: &Scenario, budget: f64) -> BudgetHolds {
    let s = &super::lean(s);
    let mut p = Projection::default();
    let mut w = s.clone();
    let peak = |rpd: f64, w: &mut Scenario, p: &mut Projection| {
        w.clone_from(s);
        w.workload.requests_per_day = rpd;
        project_into(w, p);
        p.months.iter().map(|m| m.total).fold(0.0, f64::max)
    };
    if peak(0.0, &mut w, &mut p) > budget {
        return BudgetHolds::NotFixedCosts;
    }
    let most = Range::RequestsPerDay.hi;
    if peak(most, &mut w, &mut p) <= budget {
        return BudgetHolds::AllAllowed {
            requests_per_day: most,
        };
    }
    let mut hi = s.workload.requests_per_day.clamp(1.0, most);
    while hi < most && peak(hi, &mut w, &mut p) <= budget {
        hi = (hi * 2.0).min(most);
    }
    let mut lo = 0.0;
    for _ in 0..80 {
        let mid = (lo + hi) / 2.0;
        if peak(mid, &mut w, &mut p) <= budget {
            lo = mid;
        } else {
            hi = mid;
        }
    }
    BudgetHolds::UpTo {
        requests_per_day: lo,
    }
}
