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
    /// The name of tool `i` (`workload.tools[i].name`).
    ToolName(usize),
    /// The role of team line `i` (`people[i].role`).
    Role(usize),
}

impl TextField {
    /// Its entry in the table of non-numeric inputs.
    pub fn input(self) -> TextInput {
        match self {
            TextField::Name => TextInput::Name,
            TextField::Client => TextInput::Client,
            TextField::Currency => TextInput::Currency,
            TextField::InfraName(_) | TextField::ToolName(_) | TextField::Role(_) => {
                TextInput::LineName
            }
            TextField::EmbeddingId => TextInput::EmbeddingId,
        }
    }

    /// Its path in the plan file (`infrastructure[i].name` for a line).
    pub fn path(self) -> String {
        match self {
            TextField::InfraName(i) => self.input().path_at(i),
            TextField::ToolName(i) => format!("workload.tools[{i}].name"),
            TextField::Role(i) => format!("people[{i}].role"),
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
    /// "+ add a tool / a role / a price change": `i` or Enter adds one.
    AddLine(Line),
}

/// A list of the plan edited line by line besides the infrastructure.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Line {
    Tool,
    Person,
    PriceStep,
}

impl Line {
    pub fn section(self) -> Section {
        match self {
            Line::Tool => Section::Infrastructure,
            Line::Person => Section::Oversight,
            Line::PriceStep => Section::Change,
        }
    }
}

impl Row {
    pub fn group(self) -> Option<Group> {
        match self {
            Row::Text(TextField::Role(_)) => return Some(Group::Model(Section::Oversight)),
            Row::AddLine(l) => return Some(Group::Model(l.section())),
            _ => {}
        }
        if let Some(t) = self.input() {
            return Some(t.spec().section.map_or(Group::Plan, Group::Model));
        }
        match self {
            Row::Heading(g) | Row::Info(g) => Some(g),
            Row::Field(f) => Some(Group::Model(f.section())),
            Row::Notes => Some(Group::Plan),
            Row::Gpus(_) | Row::Text(_) | Row::Toggle(_) | Row::Model(_) | Row::AddLine(_) => {
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
                            .filter(|f| matches!(f, Field::Infra(j, _) if *j == i))
                            .map(|f| Row::Field(*f)),
                    );
                }
                if s.infrastructure.is_empty() {
                    rows.push(Row::Info(group));
                }
                // Tools are edited like infrastructure lines: a name, its
                // inputs, `i` adds one and `d` removes it.
                for j in 0..s.workload.tools.len() {
                    rows.push(Row::Text(TextField::ToolName(j)));
                    rows.extend(line_fields(
                        &fields,
                        |f| matches!(f, Field::Tool(k, _) if k == j),
                    ));
                }
                rows.push(Row::AddLine(Line::Tool));
            }
            Group::Model(Section::Oversight) => {
                let mut own = section_fields(&fields, Section::Oversight);
                // Staffing mode sits right after the review load it staffs.
                let at = own
                    .iter()
                    .position(|r| *r == Row::Field(Field::MinutesPerReview))
                    .map_or(own.len(), |p| p + 1);
                own.insert(at, Row::Toggle(Toggle::Reviewers));
                own.retain(|r| !matches!(r, Row::Field(Field::Person(..))));
                rows.extend(own);
                rows.push(Row::Info(group));
                // The rest of the team, role by role.
                for j in 0..s.people.len() {
                    rows.push(Row::Text(TextField::Role(j)));
                    rows.extend(line_fields(
                        &fields,
                        |f| matches!(f, Field::Person(k, _) if k == j),
                    ));
                }
                rows.push(Row::AddLine(Line::Person));
            }
            Group::Model(Section::Change) => {
                rows.extend(section_fields(&fields, Section::Change));
                rows.push(Row::AddLine(Line::PriceStep));
            }
            Group::Model(section) => rows.extend(section_fields(&fields, section)),
        }
    }
    rows
}

fn line_fields(fields: &[Field], of: impl Fn(Field) -> bool) -> Vec<Row> {
    fields
        .iter()
        .filter(|f| of(**f))
        .map(|f| Row::Field(*f))
        .collect()
}

fn section_fields(fields: &[Field], section: Section) -> Vec<Row> {
    fields
        .iter()
        .filter(|f| f.section() == section)
        .map(|f| Row::Field(*f))
        .collect()
}
