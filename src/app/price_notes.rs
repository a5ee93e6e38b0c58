//! What the workbench says about the prices behind the plan when it opens
//! one: catalog prices that moved, models retired today or within the
//! horizon, a snapshot of a promotion that has ended, spot-priced GPUs,
//! catalog prices in another currency, and a catalog too old to trust.

use super::{App, StatusKind};
use crate::model::lifecycle::{RetiredModel, retired_models, stale_days};

impl App {
    /// Sets today's date (`YYYY-MM-DD`, from the runtime's clock) and "this
    /// month", and says what has changed about the plan's prices.
    pub fn set_date(&mut self, today: &str, month: crate::model::prices::YearMonth) {
        self.today = Some(today.to_string());
        self.set_today(month);
    }

    /// The active plan's models that are retired today (none without a date).
    pub fn retired_models(&self) -> Vec<RetiredModel> {
        match &self.today {
            Some(today) => retired_models(&self.doc().plan, &self.catalog, today),
            None => Vec::new(),
        }
    }

    /// What each model billed at an ended catalog price pays, since when, and
    /// what the catalog says instead (the plan's currency).
    pub fn ended_price_sentences(&self) -> Vec<String> {
        let currency =
            crate::model::currency::snapshot_currency(&self.doc().plan.currency, &self.catalog);
        let show = |v: f64| crate::numbers::price(v, currency);
        self.ended_prices()
            .iter()
            .map(|e| e.sentence(&show, self.today.as_deref()))
            .collect()
    }

    /// The catalog's age in days when it is older than 60 days today.
    pub fn catalog_stale_days(&self) -> Option<i64> {
        stale_days(&self.catalog.as_of, self.today.as_deref()?)
    }

    /// A status message when prices moved or models retire (after opening),
    /// and a notice for each retired model, spot-priced GPU, catalog prices
    /// in another currency, and a stale catalog.
    pub fn announce_prices(&mut self) {
        let mut parts = Vec::new();
        if !self.price_changes().is_empty() {
            let changes = self.price_changes();
            let (before, after) = crate::model::prices::refresh_effect(&self.doc().plan, changes);
            let ids: Vec<&str> = changes.iter().map(|c| c.id.as_str()).collect();
            parts.push(format!(
                "catalog prices changed for {} since this plan was priced (TCO {} if refreshed) — p refreshes",
                ids.join(", "),
                crate::numbers::delta(after - before, before, &self.doc().plan.currency)
            ));
        }
        let retired = self.retired_models();
        if let Some(r) = self
            .retirements()
            .iter()
            .find(|r| !retired.iter().any(|x| x.index == r.index))
        {
            parts.push(r.sentence());
        }
        if !parts.is_empty() {
            self.say(StatusKind::Warning, parts.join(" · "));
        }
        let mut notices: Vec<String> = retired.iter().map(RetiredModel::sentence).collect();
        notices.extend(self.ended_price_sentences());
        notices.extend(crate::model::currency::currency_warning(
            &self.doc().plan,
            &self.catalog,
        ));
        notices.extend(crate::model::offer::spot_warnings(
            &self.doc().plan,
            &self.catalog,
        ));
        if let Some(today) = &self.today {
            notices.extend(crate::model::lifecycle::age_warning(
                &self.catalog.as_of,
                today,
            ));
        }
        for n in notices {
            self.notify(StatusKind::Warning, n);
        }
    }
}
