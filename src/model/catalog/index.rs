//! The catalog's index by id and alias, and the lookups and upserts that
//! models and embeddings share.

use std::collections::HashMap;

use super::{Catalog, CatalogEmbedding, CatalogModel};

/// Where each id (and alias) sits in `models` / `embeddings`: the first entry
/// that answers to it, as a search from the top would find.
#[derive(Debug, Default)]
pub(super) struct CatalogIndex {
    /// The lengths and buffers indexed, to notice a list changed since.
    pub(super) shape: (usize, usize, usize, usize),
    pub(super) models: ListIndex,
    pub(super) embeddings: ListIndex,
}

impl CatalogIndex {
    pub(super) fn build(c: &Catalog) -> Self {
        CatalogIndex {
            shape: c.shape(),
            models: ListIndex::build(&c.models),
            embeddings: ListIndex::build(&c.embeddings),
        }
    }
}

/// The positions of one list's entries (the first entry of each key).
#[derive(Debug, Default)]
pub(super) struct ListIndex {
    /// By id or alias.
    names: HashMap<String, usize>,
    /// By id alone.
    ids: HashMap<String, usize>,
}

impl ListIndex {
    fn build<E: Named>(list: &[E]) -> Self {
        let mut ix = ListIndex {
            ids: ids(list),
            ..ListIndex::default()
        };
        for (i, e) in list.iter().enumerate() {
            for key in std::iter::once(e.id()).chain(e.aliases().iter().map(String::as_str)) {
                ix.names.entry(key.to_string()).or_insert(i);
            }
        }
        ix
    }
}

/// How a lookup matches an entry.
#[derive(Clone, Copy)]
pub(super) enum Key {
    /// Its id or one of its aliases.
    Name,
    /// Its id alone.
    Id,
}

/// What the index and the lookups read of a model or an embedding.
pub(super) trait Named {
    fn id(&self) -> &str;
    fn aliases(&self) -> &[String];

    fn answers_to(&self, id: &str, key: Key) -> bool {
        self.id() == id || matches!(key, Key::Name) && self.aliases().iter().any(|a| a == id)
    }
}

/// The entry of `list` that `id` names, through `ix` while it is fresh.
pub(super) fn find<'a, E: Named>(
    list: &'a [E],
    ix: Option<&ListIndex>,
    id: &str,
    key: Key,
) -> Option<&'a E> {
    match ix {
        Some(ix) => match key {
            Key::Name => &ix.names,
            Key::Id => &ix.ids,
        }
        .get(id)
        .and_then(|&i| list.get(i))
        .filter(|e| e.answers_to(id, key)),
        None => list.iter().find(|e| e.answers_to(id, key)),
    }
}

/// Puts `e` in place of the entry of `list` with its id, or appends it;
/// `positions` ([`ids`] of `list`) is kept up to date.
pub(super) fn upsert<E: Named>(list: &mut Vec<E>, positions: &mut HashMap<String, usize>, e: E) {
    match positions.get(e.id()) {
        Some(&i) => list[i] = e,
        None => {
            positions.insert(e.id().to_string(), list.len());
            list.push(e);
        }
    }
}

impl Named for CatalogModel {
    fn id(&self) -> &str {
        &self.id
    }

    fn aliases(&self) -> &[String] {
        &self.aliases
    }
}

impl Named for CatalogEmbedding {
    fn id(&self) -> &str {
        &self.id
    }

    fn aliases(&self) -> &[String] {
        &self.aliases
    }
}

/// The first position of each id.
pub(super) fn ids<E: Named>(list: &[E]) -> HashMap<String, usize> {
    let mut out = HashMap::new();
    for (i, e) in list.iter().enumerate() {
        out.entry(e.id().to_string()).or_insert(i);
    }
    out
}
