//! The table of non-numeric inputs: names, the currency, the embedding
//! model, the retrieval switch, reviewer staffing and the severity tiers as
//! a whole. Like the numeric table, each input is one key and one spec; the
//! workbench rows, the edit box, the finder, comparisons, sources and
//! validation read their paths and labels from here.

use super::Section;

/// A non-numeric input. `LineName` and `ModelId` are the tails of an
/// infrastructure line's and a model's paths (`infrastructure[i].name`,
/// `models[i].id`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum TextInput {
    Name,
    Client,
    Currency,
    ModelId,
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
    /// One line saying what the input is, shown under the pane.
    pub help: &'static str,
    /// The section it is shown in; `None` for the plan's own details (name,
    /// client, currency).
    pub section: Option<Section>,
    /// What a plan that leaves it out has, as the file writes it.
    pub default: &'static str,
    /// The format version that introduced it.
    pub version: u32,
}

impl TextInput {
    pub fn spec(self) -> TextSpec {
        use Section as S;
        use TextInput::*;
        let none = "\"\"";
        // (path, label, row label if not the label, narrow label if not the
        // row label, help, section, default, version)
        #[rustfmt::skip]
        let (path, label, row, short, help, section, default, version) = match self {
            Name => ("name", "Plan name", Some("Name"), None,
                "The plan's name, as the report titles it.", None, none, 1),
            Client => ("client", "Client", None, None,
                "Who the plan is for.", None, none, 1),
            Currency => ("currency", "Currency", None, None,
                "The currency every amount is in.", None, "\"USD\"", 1),
            ModelId => ("id", "Model", None, None,
                "Enter or m picks the model from the catalog.", Some(S::Models), none, 1),
            LineName => ("name", "Line name", Some("◆"), None,
                "A fixed monthly cost line; Enter renames it.", Some(S::Infrastructure), none, 1),
            EmbeddingId => ("retrieval.embedding.id", "Embedding model", None, Some("Embeddings"),
                "The model that embeds the documents.", Some(S::Retrieval), none, 1),
            Retrieval => ("retrieval.enabled", "Retrieval", None, None,
                "Whether answers search your documents first.", Some(S::Retrieval), "false", 1),
            Staffing => ("oversight.reviewers", "Reviewer staffing", None, Some("Staffing"),
                "Auto staffs reviewers as needed; Fixed keeps a set team.", Some(S::Oversight),
                "Auto", 1),
            ErrorCosts => ("risk.error_costs", "Cost of an error by severity", None,
                Some("Error costs"),
                "What an uncaught error costs, tier by tier of severity.", Some(S::Risk), "[]", 2),
        };
        let row_label = row.unwrap_or(label);
        let short_label = short.unwrap_or(row_label);
        TextSpec {
            path,
            label,
            row_label,
            short_label,
            help,
            section,
            default,
            version,
        }
    }

    /// Its path in the plan file (for a model's id or a line's name, the
    /// tail after the line).
    pub fn path(self) -> &'static str {
        self.spec().path
    }

    /// The path of the part of the plan file it is in: `retrieval` for
    /// `retrieval.enabled` (itself for a top-level input).
    pub fn parent(self) -> &'static str {
        let path = self.path();
        path.rsplit_once('.').map_or(path, |(parent, _)| parent)
    }

    /// Its path in the plan file, for a model's id or a line's name that of
    /// line `i` (`models[0].id`).
    pub fn path_at(self, i: usize) -> String {
        match self {
            TextInput::ModelId => format!("models[{i}].{}", self.path()),
            TextInput::LineName => format!("infrastructure[{i}].{}", self.path()),
            _ => self.path().to_string(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::scenario::{FORMAT_VERSION, Reviewers};

    const ALL: [TextInput; 9] = [
        TextInput::Name,
        TextInput::Client,
        TextInput::Currency,
        TextInput::ModelId,
        TextInput::LineName,
        TextInput::EmbeddingId,
        TextInput::Retrieval,
        TextInput::Staffing,
        TextInput::ErrorCosts,
    ];

    #[test]
    fn every_text_input_has_its_help_version_and_narrow_label() {
        for t in ALL {
            let spec = t.spec();
            assert!(!spec.help.is_empty(), "{t:?} has no help");
            assert!((1..=FORMAT_VERSION).contains(&spec.version), "{t:?}");
            assert!(spec.short_label.chars().count() <= 18, "{t:?}");
        }
    }

    #[test]
    fn the_defaults_are_what_a_plan_that_leaves_them_out_has() {
        assert_eq!(TextInput::Currency.spec().default, "\"USD\"");
        assert_eq!(
            TextInput::Staffing.spec().default,
            format!("{:?}", Reviewers::default())
        );
        assert_eq!(
            TextInput::Retrieval.spec().default,
            crate::model::Retrieval::default().enabled.to_string()
        );
        assert_eq!(TextInput::ModelId.path_at(2), "models[2].id");
        assert_eq!(TextInput::EmbeddingId.parent(), "retrieval.embedding");
    }
}
