//! The table of non-numeric inputs: names, the currency, the embedding
//! model, the retrieval switch, reviewer staffing and the severity tiers as
//! a whole. Like the numeric table, each input is one key and one spec; the
//! workbench rows, the edit box, the finder, comparisons, sources and
//! validation read their paths and labels from here.

/// A non-numeric input. `LineName` is the tail of an infrastructure line's
/// path (`infrastructure[i].name`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum TextInput {
    Name,
    Client,
    Currency,
    LineName,
    EmbeddingId,
    Retrieval,
    Staffing,
    ErrorCosts,
}

/// What the table says about one non-numeric input.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct TextSpec {
    /// Where it is in the plan file.
    pub path: &'static str,
    /// The label of the edit box, the finder and comparisons.
    pub label: &'static str,
    /// The label of its row on the input pane.
    pub row_label: &'static str,
    /// The row label on a narrow pane.
    pub short_label: &'static str,
}

impl TextInput {
    pub fn spec(self) -> TextSpec {
        use TextInput::*;
        // (path, label, row label if not the label, narrow label if not the row label)
        let (path, label, row, short) = match self {
            Name => ("name", "Plan name", Some("Name"), None),
            Client => ("client", "Client", None, None),
            Currency => ("currency", "Currency", None, None),
            LineName => ("name", "Line name", Some("◆"), None),
            EmbeddingId => (
                "retrieval.embedding.id",
                "Embedding model",
                None,
                Some("Embeddings"),
            ),
            Retrieval => ("retrieval.enabled", "Retrieval", None, None),
            Staffing => (
                "oversight.reviewers",
                "Reviewer staffing",
                None,
                Some("Staffing"),
            ),
            ErrorCosts => (
                "risk.error_costs",
                "Cost of an error by severity",
                None,
                Some("Error costs"),
            ),
        };
        let row_label = row.unwrap_or(label);
        let short_label = short.unwrap_or(row_label);
        TextSpec {
            path,
            label,
            row_label,
            short_label,
        }
    }

    /// Its path in the plan file.
    pub fn path(self) -> &'static str {
        self.spec().path
    }
}
