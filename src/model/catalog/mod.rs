//! The catalog of known prices that plans resolve their models from, and its
//! index by id and alias (how a model is priced is in `pricing.rs`).

use std::collections::{BTreeMap, HashMap};
use std::sync::OnceLock;

use serde::{Deserialize, Serialize};

use super::pricing::{Pricing, ScheduledPrice};

mod index;

use index::{CatalogIndex, Key, find, ids, upsert};

/// The built-in (and user-extended) list of priced models.
///
/// Lookups by id go through an index built on first use, so resolving a plan
/// against a catalog of 100,000 entries costs one hash lookup per model.
#[derive(Debug, Default, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Catalog {
    /// The date the prices were read, `YYYY-MM-DD`.
    pub as_of: String,
    #[serde(default)]
    pub models: Vec<CatalogModel>,
    #[serde(default)]
    pub embeddings: Vec<CatalogEmbedding>,
    /// Exchange rates from USD (the catalog's currency), by currency code:
    /// `usd_to: {"EUR": (rate: 0.92, date: "2026-11-20")}`.
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub usd_to: BTreeMap<String, super::currency::ExchangeRate>,
    /// Positions by id and alias; built lazily, never copied by `clone`.
    #[serde(skip)]
    index: OnceLock<CatalogIndex>,
}

impl Clone for Catalog {
    fn clone(&self) -> Self {
        // The copy is usually changed next (filtered, extended): it indexes
        // itself when it is first looked up in.
        Catalog {
            as_of: self.as_of.clone(),
            models: self.models.clone(),
            embeddings: self.embeddings.clone(),
            usd_to: self.usd_to.clone(),
            index: OnceLock::new(),
        }
    }
}

impl PartialEq for Catalog {
    fn eq(&self, other: &Self) -> bool {
        self.as_of == other.as_of
            && self.models == other.models
            && self.embeddings == other.embeddings
            && self.usd_to == other.usd_to
    }
}

thread_local! {
    static SEARCHES: std::cell::Cell<u64> = const { std::cell::Cell::new(0) };
}

/// Lookups on this thread that had to search a catalog from the top because
/// it changed after it was indexed: each costs time linear in the catalog, so
/// a test checks that loading and importing make none.
pub fn catalog_searches() -> u64 {
    SEARCHES.with(std::cell::Cell::get)
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct CatalogModel {
    pub id: String,
    pub provider: String,
    /// Other names a plan may use for this entry (e.g. `gemini/…` prefixes).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub aliases: Vec<String>,
    pub pricing: Pricing,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub context_window: Option<u64>,
    /// `YYYY-MM-DD` when the provider retires the model.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub deprecation: Option<String>,
    /// The model the provider names to use once this one is retired.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub successor: Option<String>,
    /// Where the price comes from.
    #[serde(default)]
    pub source: String,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub notes: String,
    /// Dated future prices, oldest first.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub schedule: Vec<ScheduledPrice>,
    /// What a self-hosted price is (on demand, reserved, spot; where) and the
    /// benchmark its throughput comes from.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub offer: Option<Box<super::offer::GpuOffer>>,
    /// Its wrong-answer rate on the user's kind of work, where measured: the
    /// model picker ranks with it and puts it in the plan with its source.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub error_rate: Option<KnownErrorRate>,
}

/// A model's wrong-answer rate measured for the user's own work (an
/// evaluation of its answers), and where it comes from. Only a user's
/// catalog gives one: no public price list measures a client's task.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct KnownErrorRate {
    /// Percent of answers that are wrong, 0 to 100.
    pub pct: f64,
    /// Where it comes from: "our evaluation, 500 support tickets, 2026-11".
    #[serde(default)]
    pub source: String,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct CatalogEmbedding {
    pub id: String,
    pub provider: String,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub aliases: Vec<String>,
    pub per_mtok: f64,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub batch_per_mtok: Option<f64>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub max_input_tokens: Option<u64>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub dimensions: Option<u64>,
    #[serde(default)]
    pub source: String,
}

impl CatalogModel {
    /// An entry with only an id, a provider and a price (the optional fields
    /// empty), to fill in with `..` where more is known.
    pub fn new(id: &str, provider: &str, pricing: Pricing) -> Self {
        CatalogModel {
            id: id.into(),
            provider: provider.into(),
            aliases: Vec::new(),
            pricing,
            context_window: None,
            deprecation: None,
            successor: None,
            source: String::new(),
            notes: String::new(),
            schedule: Vec::new(),
            offer: None,
            error_rate: None,
        }
    }
}

impl Catalog {
    /// A catalog of these entries (indexed on first lookup).
    pub fn new(
        as_of: String,
        models: Vec<CatalogModel>,
        embeddings: Vec<CatalogEmbedding>,
    ) -> Self {
        Catalog {
            as_of,
            models,
            embeddings,
            usd_to: BTreeMap::new(),
            index: OnceLock::new(),
        }
    }

    fn shape(&self) -> (usize, usize, usize, usize) {
        (
            self.models.len(),
            self.models.as_ptr() as usize,
            self.embeddings.len(),
            self.embeddings.as_ptr() as usize,
        )
    }

    /// The index, when it still describes the lists (they are public and may
    /// have been changed since it was built; then lookups search instead).
    fn index(&self) -> Option<&CatalogIndex> {
        let ix = self.index.get_or_init(|| CatalogIndex::build(self));
        let fresh = ix.shape == self.shape();
        if !fresh {
            SEARCHES.with(|c| c.set(c.get() + 1));
        }
        fresh.then_some(ix)
    }

    /// Forgets the index after `models` or `embeddings` were changed in place.
    pub fn reindex(&mut self) {
        self.index = OnceLock::new();
    }

    /// The entry answering to `id` (its id or one of its aliases).
    pub fn model(&self, id: &str) -> Option<&CatalogModel> {
        find(
            &self.models,
            self.index().map(|ix| &ix.models),
            id,
            Key::Name,
        )
    }

    /// The entry whose id is exactly `id` (aliases not considered).
    pub fn model_by_id(&self, id: &str) -> Option<&CatalogModel> {
        find(&self.models, self.index().map(|ix| &ix.models), id, Key::Id)
    }

    pub fn embedding(&self, id: &str) -> Option<&CatalogEmbedding> {
        find(
            &self.embeddings,
            self.index().map(|ix| &ix.embeddings),
            id,
            Key::Name,
        )
    }

    /// The embedding whose id is exactly `id` (aliases not considered).
    pub fn embedding_by_id(&self, id: &str) -> Option<&CatalogEmbedding> {
        find(
            &self.embeddings,
            self.index().map(|ix| &ix.embeddings),
            id,
            Key::Id,
        )
    }

    /// Replaces entries with the same id and appends new ones, so a user's own
    /// catalog overrides the built-in prices. Linear in both catalogs.
    pub fn overlay(&mut self, other: Catalog) {
        let mut models = ids(&self.models);
        for m in other.models {
            upsert(&mut self.models, &mut models, m);
        }
        let mut embeddings = ids(&self.embeddings);
        for e in other.embeddings {
            upsert(&mut self.embeddings, &mut embeddings, e);
        }
        if other.as_of > self.as_of {
            self.as_of = other.as_of;
        }
        self.usd_to.extend(other.usd_to);
        self.reindex();
    }

    /// Puts `m` in place of the entry with its id, or appends it. `positions`
    /// is [`Catalog::id_positions`] of this catalog, kept up to date here.
    pub fn upsert_model(&mut self, positions: &mut HashMap<String, usize>, m: CatalogModel) {
        upsert(&mut self.models, positions, m);
        self.reindex();
    }

    /// Like [`Catalog::upsert_model`] for embeddings.
    pub fn upsert_embedding(
        &mut self,
        positions: &mut HashMap<String, usize>,
        e: CatalogEmbedding,
    ) {
        upsert(&mut self.embeddings, positions, e);
        self.reindex();
    }

    /// The first position of each model id and each embedding id.
    pub fn id_positions(&self) -> (HashMap<String, usize>, HashMap<String, usize>) {
        (ids(&self.models), ids(&self.embeddings))
    }

    /// Up to three model ids closest to `id`, for "did you mean" messages.
    pub fn suggest_models(&self, id: &str) -> Vec<String> {
        closest(id, self.models.iter().map(|m| m.id.as_str()))
    }

    pub fn suggest_embeddings(&self, id: &str) -> Vec<String> {
        closest(id, self.embeddings.iter().map(|e| e.id.as_str()))
    }
}

fn closest<'a>(id: &str, candidates: impl Iterator<Item = &'a str>) -> Vec<String> {
    let needle = id.to_lowercase();
    let mut scored: Vec<(f64, &str)> = candidates
        .map(|c| {
            let hay = c.to_lowercase();
            let mut score = strsim::normalized_damerau_levenshtein(&needle, &hay)
                .max(strsim::jaro_winkler(&needle, &hay) * 0.9);
            if !needle.is_empty() && hay.contains(&needle) {
                score += 0.3;
            }
            (score, c)
        })
        .collect();
    scored.sort_by(|a, b| b.0.total_cmp(&a.0).then_with(|| a.1.cmp(b.1)));
    scored
        .into_iter()
        .take(3)
        .map(|(_, c)| c.to_string())
        .collect()
}

#[cfg(test)]
mod tests {
    use super::index::Named;
    use super::*;
    use crate::model::pricing::ApiPricing;

    fn entry(id: &str, aliases: &[&str], input: f64) -> CatalogModel {
        CatalogModel {
            aliases: aliases.iter().map(|a| a.to_string()).collect(),
            pricing: Pricing::Api(ApiPricing {
                input_per_mtok: input,
                ..ApiPricing::default()
            }),
            ..CatalogModel::new(id, "p", Pricing::Api(ApiPricing::default()))
        }
    }

    fn input(m: Option<&CatalogModel>) -> Option<f64> {
        match m?.pricing {
            Pricing::Api(ref a) => Some(a.input_per_mtok),
            _ => None,
        }
    }

    #[test]
    fn indexed_lookups_find_what_a_search_from_the_top_finds() {
        let c = Catalog::new(
            "2026-01-01".into(),
            vec![
                entry("a", &["x"], 1.0),
                entry("b", &["a"], 2.0),
                entry("x", &[], 3.0),
                entry("a", &[], 4.0),
            ],
            Vec::new(),
        );
        for id in ["a", "b", "x", "missing"] {
            let search = c.models.iter().find(|m| m.answers_to(id, Key::Name));
            assert_eq!(input(c.model(id)), input(search), "{id}");
            let exact = c.models.iter().find(|m| m.id == id);
            assert_eq!(input(c.model_by_id(id)), input(exact), "{id}");
        }
    }

    #[test]
    fn a_list_changed_after_indexing_is_still_searched_correctly() {
        let mut c = Catalog::new("d".into(), vec![entry("a", &[], 1.0)], Vec::new());
        assert!(c.model("b").is_none()); // builds the index
        c.models.push(entry("b", &[], 2.0));
        assert_eq!(input(c.model("b")), Some(2.0));
        let copy = c.clone();
        assert_eq!(input(copy.model("b")), Some(2.0));
    }

    #[test]
    fn overlay_replaces_by_id_and_appends_in_order() {
        let mut base = Catalog::new(
            "2026-01-01".into(),
            vec![entry("a", &[], 1.0), entry("b", &[], 2.0)],
            Vec::new(),
        );
        assert!(base.model("c").is_none());
        base.overlay(Catalog::new(
            "2026-02-01".into(),
            vec![
                entry("b", &[], 20.0),
                entry("c", &[], 3.0),
                entry("c", &[], 30.0),
            ],
            Vec::new(),
        ));
        let ids: Vec<&str> = base.models.iter().map(|m| m.id.as_str()).collect();
        assert_eq!(ids, ["a", "b", "c"]);
        assert_eq!(input(base.model("b")), Some(20.0));
        assert_eq!(
            input(base.model("c")),
            Some(30.0),
            "the later duplicate wins"
        );
        assert_eq!(base.as_of, "2026-02-01");
    }
}
