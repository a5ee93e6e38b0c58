//! Dated prices: which of a model's prices is in force in a calendar month
//! (the rule the projection bills by), a catalog entry's prices as a plan
//! that starts in a given month carries them, and a plan that keeps paying a
//! price the catalog says has ended (a promotion, an introductory price).
//!
//! A month is billed at one price: a dated price applies from the first
//! month that starts on or after its `from` date.

use super::catalog::{Catalog, CatalogModel};
use super::currency::{self, Snapshot};
use super::prices::{YearMonth, own_start};
use super::pricing::{Pricing, ScheduledPrice};
use super::scenario::{ModelEntry, Scenario};

/// The first calendar month a dated price applies to: its own month when it
/// starts on the 1st, else the month after.
pub fn first_month(from: &str) -> Option<YearMonth> {
    let ym = YearMonth::parse(from)?;
    let day: u32 = from.get(8..10).and_then(|d| d.parse().ok()).unwrap_or(1);
    Some(if day <= 1 { ym } else { ym.plus(1) })
}

/// The price in force in calendar month `when`: of the dated prices whose
/// first month has come, the latest (the one listed later when two start in
/// the same month), else `base`. A date that cannot be read never applies.
pub fn in_force<'a>(
    base: &'a Pricing,
    schedule: &'a [ScheduledPrice],
    when: YearMonth,
) -> &'a Pricing {
    let mut best: Option<(YearMonth, &Pricing)> = None;
    for s in schedule {
        if let Some(m) = first_month(&s.from)
            && m <= when
            && best.is_none_or(|(b, _)| m >= b)
        {
            best = Some((m, &s.pricing));
        }
    }
    best.map_or(base, |(_, p)| p)
}

/// `snap` as a plan starting in `start` carries it: the price in force in
/// the plan's first month, and only the dated prices that come after it (an
/// earlier one can never apply). Every later month is billed exactly as the
/// whole list would bill it.
pub fn placed(snap: Snapshot, start: YearMonth) -> Snapshot {
    let pricing = in_force(&snap.pricing, &snap.schedule, start).clone();
    let schedule = snap
        .schedule
        .into_iter()
        .filter(|s| first_month(&s.from).is_some_and(|m| m > start))
        .collect();
    Snapshot {
        pricing,
        schedule,
        note: snap.note,
    }
}

/// A catalog entry's prices as they go into a plan that starts in `start`:
/// in the plan's currency (at the catalog's rate, when it has one), placed
/// at the start month. Without a start month (no clock and no `start` of
/// the plan's own) every price as listed.
pub fn entry_snapshot(
    entry: &CatalogModel,
    plan_currency: &str,
    catalog: &Catalog,
    start: Option<YearMonth>,
) -> Snapshot {
    let snap = currency::snapshot(entry, plan_currency, catalog);
    match start {
        Some(start) => placed(snap, start),
        None => snap,
    }
}

/// The entry's prices as listed (USD, unconverted), placed at `start` when
/// there is one: what a hand-written plan that names the model by id gets.
pub fn listed_snapshot(entry: &CatalogModel, start: Option<YearMonth>) -> Snapshot {
    let snap = Snapshot {
        pricing: entry.pricing.clone(),
        schedule: entry.schedule.clone(),
        note: None,
    };
    match start {
        Some(start) => placed(snap, start),
        None => snap,
    }
}

/// What the projection bills model `m` at in calendar month `when`: its
/// dated prices count only when the plan has a `start` of its own.
pub fn plan_pays<'a>(plan: &Scenario, m: &'a ModelEntry, when: YearMonth) -> Option<&'a Pricing> {
    let p = m.pricing.as_ref()?;
    Some(if own_start(plan).is_some() {
        in_force(p, &m.schedule, when)
    } else {
        p
    })
}

/// A model of the plan billed at a price the catalog says has ended by then.
#[derive(Debug, Clone, PartialEq)]
pub struct EndedPrice {
    /// Index in the plan's mix.
    pub index: usize,
    pub id: String,
    /// The price the plan bills.
    pub paid: Pricing,
    /// The last day the catalog had that price (`YYYY-MM-DD`).
    pub until: String,
    /// The first plan month (1-based) billed at it after it ended.
    pub month: u32,
    pub calendar: YearMonth,
    /// The catalog's price in force in that month.
    pub current: Pricing,
    /// The price after it is higher: it was a promotion or an introductory price.
    pub promotional: bool,
}

impl EndedPrice {
    /// Whether it ended before `today` (`YYYY-MM-DD`); without a day, it ends
    /// within the plan (a price still in force today that the plan keeps after).
    fn over(&self, today: Option<&str>) -> bool {
        today.is_some_and(|t| self.until.as_str() < t.trim())
    }

    /// "the promotional price" / "the earlier price".
    fn kind(&self) -> &'static str {
        if self.promotional {
            "the promotional price"
        } else {
            "an earlier price"
        }
    }

    /// "gpt-5.6 is priced at $4.00 in / $20.00 out per 1M tokens, the
    /// promotional price that ended on 2026-11-21: from month 1 (2026-12) the
    /// catalog's price is $5.00 in / $30.00 out per 1M tokens", each amount
    /// written by `show`.
    pub fn fact(&self, show: &dyn Fn(f64) -> String, today: Option<&str>) -> String {
        let ended = if self.over(today) { "ended" } else { "ends" };
        format!(
            "{} is priced at {}, {} that {ended} on {}: from month {} ({}) the catalog's price is {}",
            self.id,
            price_words(&self.paid, show),
            self.kind(),
            self.until,
            self.month,
            self.calendar,
            price_words(&self.current, show),
        )
    }

    /// [`fact`](Self::fact) and what to do about it, for the one who edits the plan.
    pub fn sentence(&self, show: &dyn Fn(f64) -> String, today: Option<&str>) -> String {
        format!(
            "{}; refresh the snapshot (p in the workbench) or enter the price agreed with the provider",
            self.fact(show, today)
        )
    }

    /// A few words for a title bar: "promotion ended" / "price ends in plan".
    pub fn tag(&self, today: Option<&str>) -> &'static str {
        match (self.promotional, self.over(today)) {
            (true, true) => "promotion ended",
            (true, false) => "promotion ends in plan",
            (false, true) => "price ended",
            (false, false) => "price ends in plan",
        }
    }
}

/// "$4.00 in / $20.00 out per 1M tokens" or "$2.50 per GPU-hour".
pub(crate) fn price_words(p: &Pricing, show: &dyn Fn(f64) -> String) -> String {
    match p {
        Pricing::Api(a) => format!(
            "{} in / {} out per 1M tokens",
            show(a.input_per_mtok),
            show(a.output_per_mtok)
        ),
        Pricing::SelfHosted(h) => format!("{} per GPU-hour", show(h.gpu_hourly)),
    }
}

/// Whether `after` costs more than `before` (any of its amounts is higher).
fn higher(after: &Pricing, before: &Pricing) -> bool {
    match (after, before) {
        (Pricing::Api(a), Pricing::Api(b)) => {
            a.input_per_mtok > b.input_per_mtok || a.output_per_mtok > b.output_per_mtok
        }
        (Pricing::SelfHosted(a), Pricing::SelfHosted(b)) => a.gpu_hourly > b.gpu_hourly,
        _ => false,
    }
}

/// The models (with traffic) that the plan, starting in `start`, bills at a
/// price the catalog has replaced by then, at the first month that happens.
/// Prices are compared in the plan's currency (converted at the catalog's
/// rate when it has one).
pub fn ended_prices(plan: &Scenario, catalog: &Catalog, start: YearMonth) -> Vec<EndedPrice> {
    let mut out = Vec::new();
    for (index, m) in plan.models.iter().enumerate() {
        if m.share_pct <= 0.0 {
            continue;
        }
        let Some(entry) = catalog.model(&m.id).filter(|e| !e.schedule.is_empty()) else {
            continue;
        };
        let snap = currency::snapshot(entry, &plan.currency, catalog);
        // The catalog's prices in the order they take effect: the listed one,
        // then each dated one by its first month (list order on a tie).
        let mut dated: Vec<(YearMonth, &ScheduledPrice)> = snap
            .schedule
            .iter()
            .filter_map(|s| Some((first_month(&s.from)?, s)))
            .collect();
        dated.sort_by_key(|(m, _)| *m);
        let timeline: Vec<&Pricing> = std::iter::once(&snap.pricing)
            .chain(dated.iter().map(|(_, s)| &s.pricing))
            .collect();
        for month in 1..=plan.horizon_months {
            let when = start.plus(month - 1);
            let Some(paid) = plan_pays(plan, m, when) else {
                break;
            };
            let now = dated
                .iter()
                .rposition(|(first, _)| *first <= when)
                .map_or(0, |i| i + 1);
            if currency::same_prices(paid, timeline[now]) {
                continue;
            }
            let Some(k) = (0..now)
                .rev()
                .find(|&k| currency::same_prices(paid, timeline[k]))
            else {
                continue;
            };
            let Some(until) = super::lifecycle::day_before(&dated[k].1.from) else {
                continue;
            };
            out.push(EndedPrice {
                index,
                id: m.id.clone(),
                paid: paid.clone(),
                until,
                month,
                calendar: when,
                current: timeline[now].clone(),
                promotional: higher(timeline[k + 1], timeline[k]),
            });
            break;
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::pricing::ApiPricing;

    fn price(input: f64) -> Pricing {
        Pricing::Api(ApiPricing {
            input_per_mtok: input,
            ..ApiPricing::default()
        })
    }

    fn at(from: &str, input: f64) -> ScheduledPrice {
        ScheduledPrice {
            from: from.into(),
            pricing: price(input),
        }
    }

    fn ym(s: &str) -> YearMonth {
        YearMonth::parse(s).unwrap()
    }

    #[test]
    fn the_price_in_force_is_the_latest_that_has_started_in_any_order() {
        let base = price(1.0);
        let listed = [
            at("2027-03-01", 3.0),
            at("2027-01-01", 2.0),
            at("soon", 9.0),
        ];
        let input = |m: &str| match in_force(&base, &listed, ym(m)) {
            Pricing::Api(a) => a.input_per_mtok,
            _ => unreachable!(),
        };
        assert_eq!(input("2026-12"), 1.0);
        assert_eq!(input("2027-01"), 2.0);
        assert_eq!(input("2027-04"), 3.0, "not the one listed last");
        // A price from the 15th applies from the next month.
        assert_eq!(first_month("2026-11-22"), Some(ym("2026-12")));
        assert_eq!(first_month("2027-01-01"), Some(ym("2027-01")));
    }

    #[test]
    fn a_placed_snapshot_bills_every_later_month_as_the_whole_list() {
        let snap = Snapshot {
            pricing: price(1.0),
            schedule: vec![
                at("2027-03-01", 3.0),
                at("2026-11-22", 2.0),
                at("2027-03-01", 4.0),
            ],
            note: None,
        };
        for start in ["2026-10", "2026-12", "2027-02", "2027-03", "2027-06"] {
            let p = placed(snap.clone(), ym(start));
            for k in 0..12 {
                let m = ym(start).plus(k);
                assert_eq!(
                    in_force(&p.pricing, &p.schedule, m),
                    in_force(&snap.pricing, &snap.schedule, m),
                    "start {start}, month {m}"
                );
            }
            assert!(
                p.schedule
                    .iter()
                    .all(|s| first_month(&s.from).unwrap() > ym(start)),
                "only what is still to come"
            );
        }
    }
}
