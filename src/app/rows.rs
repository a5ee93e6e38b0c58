//! The rows of the inputs pane, derived from the plan: section headings, the
//! numeric fields of the model's field list, and the few non-numeric inputs
//! (names, toggles, the model of each mix entry, notes).

use crate::model::fields::{Field, ModelField, Section, TextInput};
use crate::model::{Pricing, Scenario};

/// A text input edited as a string.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum TextField {
    Name,
    Client,
    Currency,
    InfraName(usize),
    EmbeddingId,
}

impl TextField {
    /// Its entry in the table of non-numeric inputs.
    pub fn input(self) -> TextInput {
        match self {
            TextField::Name => TextInput::Name,
            TextField::Client => TextInput::Client,
            TextField::Currency => TextInput::Currency,
            TextField::InfraName(_) => TextInput::LineName,
            TextField::EmbeddingId => TextInput::EmbeddingId,
        }
    }

    /// Its path in the plan file (`infrastructure[i].name` for a line).
    pub fn path(self) -> String {
        match self {
            TextField::InfraName(i) => self.input().path_at(i),
            _ => self.input().path().to_string(),
        }
    }
}

/// Something on/off or one-of-two.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Toggle {
    Retrieval,
    Reviewers,
}

impl Toggle {
    /// Its entry in the table of non-numeric inputs.
    pub fn input(self) -> TextInput {
        match self {
            Toggle::Retrieval => TextInput::Retrieval,
            Toggle::Reviewers => TextInput::Staffing,
        }
    }
}

/// The sections of the pane: the plan's own details, then the model's sections.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Group {
    Plan,
    Model(Section),
}

impl Group {
    pub fn label(self) -> &'static str {
        match self {
            Group::Plan => "Plan",
            Group::Model(s) => s.label(),
        }
    }

    pub fn all() -> impl Iterator<Item = Group> {
        std::iter::once(Group::Plan).chain(Section::ALL.into_iter().map(Group::Model))
    }
}

#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Row {
    Heading(Group),
    Field(Field),
    Text(TextField),
    Toggle(Toggle),
    /// The model of mix entry `i`: Enter opens the catalog picker.
    Model(usize),
    Notes,
    /// Informational line under a section (staffing, share total).
    Info(Group),
    /// The GPUs self-hosted model `i`'s sizing gives, month by month (read-only).
    Gpus(usize),
}

impl Row {
    pub fn group(self) -> Option<Group> {
        if let Some(t) = self.input() {
            return Some(t.spec().section.map_or(Group::Plan, Group::Model));
        }
        match self {
            Row::Heading(g) | Row::Info(g) => Some(g),
            Row::Field(f) => Some(Group::Model(f.section())),
            Row::Notes => Some(Group::Plan),
            Row::Gpus(_) | Row::Text(_) | Row::Toggle(_) | Row::Model(_) => {
                Some(Group::Model(Section::Models))
            }
        }
    }

    /// The non-numeric input of the table the row shows, if any.
    pub fn input(self) -> Option<TextInput> {
        match self {
            Row::Text(t) => Some(t.input()),
            Row::Toggle(t) => Some(t.input()),
            Row::Model(_) => Some(TextInput::ModelId),
            _ => None,
        }
    }

    /// Rows the cursor can rest on (everything but info lines).
    pub fn selectable(self) -> bool {
        !matches!(self, Row::Info(_) | Row::Gpus(_))
    }
}

/// All rows for the plan, with collapsed groups reduced to their heading.
pub fn build(s: &Scenario, collapsed: &[Group]) -> Vec<Row> {
    build_from(s, collapsed, Field::all(s))
}

/// The rows for the plan's numeric inputs `fields` ([`Field::all`] in
/// production; a test adds its throwaway input).
pub fn build_from(s: &Scenario, collapsed: &[Group], fields: Vec<Field>) -> Vec<Row> {
    let mut rows = Vec::with_capacity(fields.len() + 32);
    for group in Group::all() {
        rows.push(Row::Heading(group));
        if collapsed.contains(&group) {
            continue;
        }
        match group {
            Group::Plan => {
                rows.extend([
                    Row::Text(TextField::Name),
                    Row::Text(TextField::Client),
                    Row::Text(TextField::Currency),
                    Row::Notes,
                ]);
            }
            Group::Model(Section::Models) => {
                rows.push(Row::Info(group));
                for i in 0..s.models.len() {
                    rows.push(Row::Model(i));
                    let own: Vec<Row> = fields
                        .iter()
                        .filter(|f| f.section() == Section::Models && f.index() == Some(i))
                        .map(|f| Row::Field(*f))
                        .collect();
                    // A self-hosted model's GPU count sits right under the
                    // inputs that size it (peak, replica size, spares).
                    let hosted = matches!(s.models[i].pricing, Some(Pricing::SelfHosted(_)));
                    let at = own
                        .iter()
                        .position(|r| *r == Row::Field(Field::Model(i, ModelField::SpareReplicas)))
                        .map_or(own.len(), |p| p + 1);
                    rows.extend(own[..at].iter().copied());
                    if hosted {
                        rows.push(Row::Gpus(i));
                    }
                    rows.extend(own[at..].iter().copied());
                }
            }
            Group::Model(Section::Retrieval) => {
                rows.push(Row::Toggle(Toggle::Retrieval));
                if s.retrieval.enabled {
                    rows.push(Row::Text(TextField::EmbeddingId));
                    rows.extend(section_fields(&fields, Section::Retrieval));
                }
            }
            Group::Model(Section::Infrastructure) => {
                for i in 0..s.infrastructure.len() {
                    rows.push(Row::Text(TextField::InfraName(i)));
                    rows.extend(
                        fields
                            .iter()
                            .filter(|f| {
                                f.index() == Some(i) && f.section() == Section::Infrastructure
                            })
                            .map(|f| Row::Field(*f)),
                    );
                }
                if s.infrastructure.is_empty() {
                    rows.push(Row::Info(group));
                }
            }
            Group::Model(Section::Oversight) => {
                let mut own = section_fields(&fields, Section::Oversight);
                // Staffing mode sits right after the review load it staffs.
                let at = own
                    .iter()
                    .position(|r| *r == Row::Field(Field::MinutesPerReview))
                    .map_or(own.len(), |p| p + 1);
                own.insert(at, Row::Toggle(Toggle::Reviewers));
                rows.extend(own);
                rows.push(Row::Info(group));
            }
            Group::Model(section) => rows.extend(section_fields(&fields, section)),
        }
    }
    rows
}

fn section_fields(fields: &[Field], section: Section) -> Vec<Row> {
    fields
        .iter()
        .filter(|f| f.section() == section)
        .map(|f| Row::Field(*f))
        .collect()
}
