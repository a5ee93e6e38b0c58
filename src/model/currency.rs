//! Catalog prices are in USD; a plan may be in another currency. The user's
//! catalog can carry dated exchange rates (`usd_to`), with which a catalog
//! entry is converted when it is snapshotted into a plan; without one, a plan
//! in another currency that uses USD catalog prices gets a warning.

use serde::{Deserialize, Serialize};

use super::catalog::{Catalog, CatalogModel};
use super::pricing::{Pricing, ScheduledPrice};
use super::scenario::Scenario;
use super::validate::{Invalid, show};

/// The currency catalog prices are in.
pub const CATALOG_CURRENCY: &str = "USD";

/// 1 USD = `rate` units of the currency, as read on `date`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ExchangeRate {
    pub rate: f64,
    /// `YYYY-MM-DD` the rate was read.
    pub date: String,
}

/// The smallest exchange rate a catalog may give (units of a currency per
/// 1 USD): below every currency in use (the Kuwaiti dinar is about 0.3), so a
/// smaller one is a typing or unit error that would show every price as 0.
pub const MIN_RATE: f64 = 1e-4;
/// The largest exchange rate a catalog may give: above every currency in use
/// (the weakest are in the tens or hundreds of thousands per USD).
pub const MAX_RATE: f64 = 1e6;

impl ExchangeRate {
    /// What is wrong with this rate for currency `code` (empty when it may
    /// convert prices): a three-letter code, a rate between [`MIN_RATE`] and
    /// [`MAX_RATE`], and the day it was read written `YYYY-MM-DD`.
    pub fn problems(&self, code: &str) -> Vec<Invalid> {
        let mut out = Vec::new();
        let c = code.trim();
        if c.len() != 3 || !c.bytes().all(|b| b.is_ascii_alphabetic()) {
            out.push(Invalid {
                path: "code".into(),
                value: format!("{code:?}"),
                allowed: "must be a three-letter currency code (ISO 4217), e.g. \"EUR\"".into(),
            });
        }
        if !(MIN_RATE..=MAX_RATE).contains(&self.rate) {
            out.push(Invalid {
                path: "rate".into(),
                value: show(self.rate),
                allowed: format!(
                    "must be between {MIN_RATE} and {MAX_RATE} (units of the currency for 1 USD)"
                ),
            });
        }
        if !super::lifecycle::is_date(&self.date) {
            out.push(Invalid {
                path: "date".into(),
                value: format!("{:?}", self.date),
                allowed: "must be the day the rate was read, a date written \"YYYY-MM-DD\" (e.g. \"2026-11-20\")".into(),
            });
        }
        out
    }
}

/// Whether `currency` is the catalog's own (any case, surrounding spaces).
pub fn is_catalog_currency(currency: &str) -> bool {
    let c = currency.trim();
    c.is_empty() || c.eq_ignore_ascii_case(CATALOG_CURRENCY)
}

impl Catalog {
    /// The usable rate from USD to `currency`, when the catalog has one.
    pub fn rate_to(&self, currency: &str) -> Option<&ExchangeRate> {
        let want = currency.trim();
        self.usd_to
            .iter()
            .find(|(k, _)| k.trim().eq_ignore_ascii_case(want))
            .filter(|(k, r)| r.problems(k).is_empty())
            .map(|(_, r)| r)
    }
}

/// Every money amount of `p` multiplied by `rate` (token counts, percentages
/// and GPU counts unchanged).
pub fn convert_pricing(p: &Pricing, rate: f64) -> Pricing {
    match p {
        Pricing::Api(a) => {
            let mut a = a.clone();
            a.input_per_mtok *= rate;
            a.output_per_mtok *= rate;
            a.cached_input_per_mtok = a.cached_input_per_mtok.map(|v| v * rate);
            if let Some(t) = a.long_context.as_mut() {
                t.input_per_mtok *= rate;
                t.output_per_mtok *= rate;
                t.cached_input_per_mtok = t.cached_input_per_mtok.map(|v| v * rate);
            }
            Pricing::Api(a)
        }
        Pricing::SelfHosted(h) => {
            let mut h = h.clone();
            h.gpu_hourly *= rate;
            Pricing::SelfHosted(h)
        }
    }
}

/// A catalog entry's prices as they go into a plan.
#[derive(Debug, Clone, PartialEq)]
pub struct Snapshot {
    pub pricing: Pricing,
    pub schedule: Vec<ScheduledPrice>,
    /// What was converted, at which rate of which date (for the plan's notes);
    /// `None` when the prices are taken as they are.
    pub note: Option<String>,
}

/// The entry's prices in the plan's `currency`: converted at the catalog's
/// `usd_to` rate when there is one, else as they are (and
/// [`currency_warning`] says so).
pub fn snapshot(entry: &CatalogModel, currency: &str, catalog: &Catalog) -> Snapshot {
    let rate = (!is_catalog_currency(currency))
        .then(|| catalog.rate_to(currency))
        .flatten();
    match rate {
        None => Snapshot {
            pricing: entry.pricing.clone(),
            schedule: entry.schedule.clone(),
            note: None,
        },
        Some(r) => Snapshot {
            pricing: convert_pricing(&entry.pricing, r.rate),
            schedule: entry
                .schedule
                .iter()
                .map(|s| ScheduledPrice {
                    from: s.from.clone(),
                    pricing: convert_pricing(&s.pricing, r.rate),
                })
                .collect(),
            note: Some(format!(
                "{}: catalog prices converted from {CATALOG_CURRENCY} to {} at 1 {CATALOG_CURRENCY} = {} {} (rate of {}, catalog usd_to).",
                entry.id,
                currency.trim(),
                r.rate,
                currency.trim(),
                r.date
            )),
        },
    }
}

/// The currency a catalog snapshot for a plan in `plan_currency` is in: the
/// plan's when the catalog has a rate to it (the snapshot is converted),
/// else the catalog's own.
pub fn snapshot_currency<'a>(plan_currency: &'a str, catalog: &Catalog) -> &'a str {
    if !is_catalog_currency(plan_currency) && catalog.rate_to(plan_currency).is_some() {
        plan_currency.trim()
    } else {
        CATALOG_CURRENCY
    }
}

/// The plan's notes with a snapshot's conversion note added on a line of its own.
pub fn with_note(notes: &str, note: &str) -> String {
    if notes.trim().is_empty() {
        note.to_string()
    } else {
        format!("{}\n{note}", notes.trim_end())
    }
}

/// A warning when the plan is in another currency than the catalog and some
/// of its models carry the catalog's USD prices unconverted, naming both
/// currencies and what to do.
pub fn currency_warning(plan: &Scenario, catalog: &Catalog) -> Option<String> {
    if is_catalog_currency(&plan.currency) {
        return None;
    }
    let unconverted: Vec<&str> = plan
        .models
        .iter()
        .filter(|m| {
            // Any of the entry's prices, listed or dated, taken as it is.
            catalog.model(&m.id).is_some_and(|e| {
                m.pricing.as_ref().is_none_or(|p| {
                    std::iter::once(&e.pricing)
                        .chain(e.schedule.iter().map(|s| &s.pricing))
                        .any(|c| same_prices(p, c))
                })
            })
        })
        .map(|m| m.id.as_str())
        .collect();
    if unconverted.is_empty() {
        return None;
    }
    let cur = plan.currency.trim();
    let fix = match catalog.rate_to(cur) {
        Some(r) => format!(
            "refreshing the prices (p in the workbench) converts them at 1 {CATALOG_CURRENCY} = {} {cur} (rate of {})",
            r.rate, r.date
        ),
        None => format!(
            "add usd_to: {{\"{cur}\": (rate: …, date: \"YYYY-MM-DD\")}} to your catalog and pick them again, or enter {cur} prices"
        ),
    };
    Some(format!(
        "the plan is in {cur} but {} {} the catalog's {CATALOG_CURRENCY} prices unconverted: {fix}",
        unconverted.join(", "),
        if unconverted.len() == 1 {
            "carries"
        } else {
            "carry"
        }
    ))
}

/// Whether the money amounts are the same (a self-hosted plan's own sizing
/// — peak, replicas — does not make its price a converted one, nor another).
pub(crate) fn same_prices(plan: &Pricing, catalog: &Pricing) -> bool {
    match (plan, catalog) {
        (Pricing::SelfHosted(p), Pricing::SelfHosted(c)) => p.gpu_hourly == c.gpu_hourly,
        (Pricing::Api(p), Pricing::Api(c)) => {
            p.input_per_mtok == c.input_per_mtok
                && p.output_per_mtok == c.output_per_mtok
                && p.cached_input_per_mtok == c.cached_input_per_mtok
        }
        _ => false,
    }
}
