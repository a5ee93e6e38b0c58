//! Keeping prices honest: which pricing snapshots in a plan differ from the
//! current catalog (and what refreshing them would do), which models retire
//! within the plan's horizon, and calendar months for dated prices.

use super::pricing::{Catalog, Pricing};
use super::projection::project;
use super::scenario::Scenario;

/// A calendar month.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub struct YearMonth {
    pub year: i32,
    pub month: u32,
}

impl YearMonth {
    /// `2027-01` or a date `2027-01-15` (its month).
    pub fn parse(s: &str) -> Option<Self> {
        let mut parts = s.trim().split('-');
        let year: i32 = parts.next()?.parse().ok()?;
        let month: u32 = parts.next()?.parse().ok()?;
        (1..=12)
            .contains(&month)
            .then_some(YearMonth { year, month })
    }

    /// The month `n` months later.
    pub fn plus(self, n: u32) -> Self {
        let total = self.year as i64 * 12 + (self.month as i64 - 1) + n as i64;
        YearMonth {
            year: (total / 12) as i32,
            month: (total % 12) as u32 + 1,
        }
    }

    /// Months from `self` to `other` (negative when `other` is earlier).
    pub fn months_until(self, other: YearMonth) -> i64 {
        (other.year as i64 * 12 + other.month as i64) - (self.year as i64 * 12 + self.month as i64)
    }
}

impl std::fmt::Display for YearMonth {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{:04}-{:02}", self.year, self.month)
    }
}

/// The plan's own `start` month, when it gives a valid one.
pub fn own_start(plan: &Scenario) -> Option<YearMonth> {
    plan.start.as_deref().and_then(YearMonth::parse)
}

/// The month a plan starts: its own `start`, else this month (`today`, which
/// the edge reads from the clock and passes in). The one definition used by
/// the workbench and the command line alike.
pub fn plan_start(plan: &Scenario, today: YearMonth) -> YearMonth {
    own_start(plan).unwrap_or(today)
}

/// A model whose pricing snapshot differs from the catalog.
#[derive(Debug, Clone, PartialEq)]
pub struct PriceChange {
    /// Index in the plan's mix.
    pub index: usize,
    pub id: String,
    pub old: Pricing,
    pub new: Pricing,
    /// The catalog's dated prices for the model (taken along on refresh).
    pub schedule: Vec<super::pricing::ScheduledPrice>,
    /// Whether the dated prices differ from the plan's.
    pub schedule_changed: bool,
    /// The plan month the catalog's prices were placed at (its own `start`,
    /// else this month); refreshing a plan without a `start` pins it there
    /// when dated prices come along, so they land in the right months.
    pub placed_at: Option<YearMonth>,
}

/// The kind of a value in a price change, for the one who writes it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ChangeUnit {
    /// A price in the plan's currency.
    Money,
    /// Tokens per second.
    Throughput,
    /// A percentage.
    Percent,
    /// A count (GPUs).
    Plain,
}

impl PriceChange {
    /// "input $2.5 → $3 (+20 %), output $15 → $18 (+20 %)"; each value in its
    /// own unit (money, tokens per second, percent, GPUs).
    pub fn summary(&self) -> String {
        self.summary_with(&|unit, v| match unit {
            ChangeUnit::Money => format!("${v}"),
            ChangeUnit::Throughput | ChangeUnit::Plain => format!("{v}"),
            ChangeUnit::Percent => format!("{v} %"),
        })
    }

    /// The summary with each value written by `show` (the report layer's
    /// one formatting rule per kind: `$2.50`, `2,500 tok/s`, `50.0 %`).
    pub fn summary_with(&self, show: &dyn Fn(ChangeUnit, f64) -> String) -> String {
        use ChangeUnit as Unit;
        let part = |name: &str, a: f64, b: f64, unit: Unit| -> Option<String> {
            (a != b).then(|| {
                let rel = if a != 0.0 {
                    // A true minus sign, as every figure shown to a person.
                    format!(" ({:+.0} %)", (b - a) / a * 100.0).replace('-', "\u{2212}")
                } else {
                    String::new()
                };
                let show = |v: f64| show(unit, v);
                // A change of a percentage is said in points, not relative.
                let rel = if let Unit::Percent = unit {
                    String::new()
                } else {
                    rel
                };
                format!("{name} {} → {}{rel}", show(a), show(b))
            })
        };
        use ChangeUnit::*;
        let parts: Vec<String> = match (&self.old, &self.new) {
            (Pricing::Api(a), Pricing::Api(b)) => [
                part("input", a.input_per_mtok, b.input_per_mtok, Money),
                part(
                    "cached",
                    a.cached_input_per_mtok.unwrap_or(a.input_per_mtok),
                    b.cached_input_per_mtok.unwrap_or(b.input_per_mtok),
                    Money,
                ),
                part("output", a.output_per_mtok, b.output_per_mtok, Money),
                part(
                    "batch discount",
                    a.batch_discount_pct,
                    b.batch_discount_pct,
                    Percent,
                ),
                (a.long_context != b.long_context).then(|| "long-context tier".to_string()),
            ]
            .into_iter()
            .flatten()
            .collect(),
            (Pricing::SelfHosted(a), Pricing::SelfHosted(b)) => [
                part("GPU-hour", a.gpu_hourly, b.gpu_hourly, Money),
                part(
                    "tok/s per GPU",
                    a.tokens_per_second_per_gpu,
                    b.tokens_per_second_per_gpu,
                    Throughput,
                ),
                part("utilization", a.utilization_pct, b.utilization_pct, Percent),
                part("min GPUs", a.min_gpus as f64, b.min_gpus as f64, Plain),
            ]
            .into_iter()
            .flatten()
            .collect(),
            _ => vec!["pricing kind".into()],
        };
        let mut parts = parts;
        if self.schedule_changed {
            parts.push("dated prices".into());
        }
        if parts.is_empty() {
            "details".into()
        } else {
            parts.join(", ")
        }
    }
}

/// Every model of the plan that the catalog knows and prices differently,
/// for a plan starting in `start` (`plan_start`: its own `start`, else this
/// month). Both sides are compared as the months are billed: the catalog's
/// prices placed at the start (the price in force in month 1 and the dated
/// prices after it), the plan's own snapshot with its dated prices when it
/// has a `start` of its own (without one they are never billed). So a
/// snapshot of a promotion that has ended, or one without the dated price
/// rise the catalog knows, is a change. Without a start month (no clock,
/// no `start`) the listed prices are compared as written.
pub fn snapshot_changes(
    s: &Scenario,
    catalog: &Catalog,
    start: Option<YearMonth>,
) -> Vec<PriceChange> {
    let older = s.format_version() < 3;
    s.models
        .iter()
        .enumerate()
        .filter_map(|(index, m)| {
            let entry = catalog.model(&m.id)?;
            let written = m.pricing.clone()?;
            // In the plan's currency, when the catalog has a rate to it.
            let snap = super::dated::entry_snapshot(entry, &s.currency, catalog, start);
            let (old, old_schedule, schedule_changed) = match start {
                // Hand-written files without dated prices compare on the
                // snapshot alone.
                None => {
                    let changed = !m.schedule.is_empty() && m.schedule != snap.schedule;
                    (written, m.schedule.clone(), changed)
                }
                Some(start) => {
                    let billed = if own_start(s).is_some() {
                        let own = super::currency::Snapshot {
                            pricing: written,
                            schedule: m.schedule.clone(),
                            note: None,
                        };
                        super::dated::placed(own, start)
                    } else {
                        super::currency::Snapshot {
                            pricing: written,
                            schedule: Vec::new(),
                            note: None,
                        }
                    };
                    (billed.pricing, billed.schedule, false)
                }
            };
            // An older plan takes no cache-write price (as reading it does).
            let own = |p: Pricing| if older { p.without_cache_write() } else { p };
            let new = own(keeping_sizing(&snap.pricing, &old));
            let schedule: Vec<super::pricing::ScheduledPrice> = snap
                .schedule
                .iter()
                .map(|d| super::pricing::ScheduledPrice {
                    from: d.from.clone(),
                    pricing: own(keeping_sizing(&d.pricing, &old)),
                })
                .collect();
            // Only dated prices that fall in the plan's months make a change.
            let billed = |dated: &[super::pricing::ScheduledPrice]| match start {
                Some(start) => {
                    let end = start.plus(s.horizon_months);
                    dated
                        .iter()
                        .filter(|d| super::dated::first_month(&d.from).is_some_and(|m| m < end))
                        .cloned()
                        .collect::<Vec<_>>()
                }
                None => Vec::new(),
            };
            let schedule_changed =
                schedule_changed || (start.is_some() && billed(&old_schedule) != billed(&schedule));
            (old != new || schedule_changed).then(|| PriceChange {
                index,
                id: m.id.clone(),
                old,
                new,
                schedule,
                schedule_changed,
                placed_at: start,
            })
        })
        .collect()
}

/// The catalog's pricing with the plan's own sizing of a self-hosted model
/// (peak over average, GPUs per replica, spare replicas): those describe the
/// plan's traffic and deployment, not a price, so refreshing prices keeps
/// them and a plan that sets them is not "priced differently".
fn keeping_sizing(catalog: &Pricing, plan: &Pricing) -> Pricing {
    match (catalog, plan) {
        (Pricing::SelfHosted(c), Pricing::SelfHosted(p)) => {
            let mut c = c.clone();
            c.peak_to_average = p.peak_to_average;
            c.gpus_per_replica = p.gpus_per_replica;
            c.spare_replicas = p.spare_replicas;
            Pricing::SelfHosted(c)
        }
        _ => catalog.clone(),
    }
}

/// The plan with the given models' snapshots replaced by the catalog's prices.
pub fn refreshed(s: &Scenario, changes: &[PriceChange]) -> Scenario {
    let mut out = s.clone();
    for c in changes {
        if let Some(m) = out.models.get_mut(c.index) {
            m.pricing = Some(c.new.clone());
            if c.placed_at.is_some() || !m.schedule.is_empty() || c.schedule_changed {
                m.schedule = c.schedule.clone();
            }
        }
        // Dated prices are billed only in a plan with a start month.
        if out.start.is_none()
            && !c.schedule.is_empty()
            && let Some(month) = c.placed_at
        {
            out.start = Some(month.to_string());
        }
    }
    out
}

/// What refreshing all changed snapshots would do to the horizon TCO.
pub fn refresh_effect(s: &Scenario, changes: &[PriceChange]) -> (f64, f64) {
    let before = project(s).totals.tco;
    let after = project(&refreshed(s, changes)).totals.tco;
    (before, after)
}

/// A model of the plan that the provider retires within the horizon.
#[derive(Debug, Clone, PartialEq)]
pub struct Retirement {
    pub index: usize,
    pub id: String,
    pub date: String,
    /// The plan month it falls in (1 when it is already retired).
    pub month: u32,
}

impl Retirement {
    pub fn sentence(&self) -> String {
        if self.month == 1 {
            format!(
                "{} is retired on {} (month 1 of the plan or earlier): plan the switch and its re-tune cost",
                self.id, self.date
            )
        } else {
            format!(
                "{} is retired on {}, month {} of the plan: plan the switch and its re-tune cost",
                self.id, self.date, self.month
            )
        }
    }
}

/// Models with a deprecation date that falls within the plan's horizon when
/// the plan starts in `start`.
pub fn retirements(s: &Scenario, catalog: &Catalog, start: YearMonth) -> Vec<Retirement> {
    s.models
        .iter()
        .enumerate()
        .filter(|(_, m)| m.share_pct > 0.0)
        .filter_map(|(index, m)| {
            let date = catalog.model(&m.id)?.deprecation.clone()?;
            let when = YearMonth::parse(&date)?;
            let offset = start.months_until(when);
            let month = (offset + 1).max(1);
            (month <= s.horizon_months as i64).then(|| Retirement {
                index,
                id: m.id.clone(),
                date,
                month: month as u32,
            })
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::{PriceChange, YearMonth};
    use crate::model::pricing::{ApiPricing, Pricing, SelfHostedPricing};

    #[test]
    fn a_price_change_says_each_value_in_its_own_unit() {
        let hosted = |hourly, tps, util, min| {
            Pricing::SelfHosted(SelfHostedPricing {
                gpu_hourly: hourly,
                tokens_per_second_per_gpu: tps,
                utilization_pct: util,
                min_gpus: min,
                ..SelfHostedPricing::default()
            })
        };
        let change = |old, new| PriceChange {
            index: 0,
            id: "m".into(),
            old,
            new,
            schedule: Vec::new(),
            schedule_changed: false,
            placed_at: None,
        };
        let s = change(hosted(2.0, 2500.0, 50.0, 1), hosted(2.5, 3958.0, 60.0, 2)).summary();
        assert_eq!(
            s,
            "GPU-hour $2 → $2.5 (+25 %), tok/s per GPU 2500 → 3958 (+58 %), \
             utilization 50 % → 60 %, min GPUs 1 → 2 (+100 %)"
        );
        let api = |batch| {
            Pricing::Api(ApiPricing {
                input_per_mtok: 1.0,
                batch_discount_pct: batch,
                ..ApiPricing::default()
            })
        };
        assert_eq!(
            change(api(50.0), api(40.0)).summary(),
            "batch discount 50 % → 40 %"
        );
    }

    #[test]
    fn months_count_across_years() {
        let jan = YearMonth::parse("2027-01").unwrap();
        assert_eq!(jan.plus(11), YearMonth::parse("2027-12").unwrap());
        assert_eq!(jan.plus(12), YearMonth::parse("2028-01-31").unwrap());
        assert_eq!(YearMonth::parse("2026-12").unwrap().months_until(jan), 1);
        assert_eq!(jan.months_until(YearMonth::parse("2026-11").unwrap()), -2);
        assert_eq!(YearMonth::parse("2027-13"), None);
        assert_eq!(jan.to_string(), "2027-01");
    }

    #[test]
    fn a_plan_starts_in_its_own_month_else_today() {
        let today = YearMonth::parse("2026-11").unwrap();
        let mut plan =
            crate::model::Scenario::minimal("p", crate::model::ModelEntry::sole("m", None));
        plan.start = None;
        assert_eq!(super::plan_start(&plan, today), today);
        plan.start = Some("2027-03".into());
        assert_eq!(
            super::plan_start(&plan, today),
            YearMonth::parse("2027-03").unwrap()
        );
        // An unreadable start counts as none, in the workbench and the CLI alike.
        plan.start = Some("soon".into());
        assert_eq!(super::plan_start(&plan, today), today);
        assert_eq!(super::own_start(&plan), None);
    }
}
