//! What a `sources` or `uncertainty` entry names: an input path of the plan
//! file, read once (when the plan is read) into the input of the table it
//! names. The file keeps the path as written: a target is written back as the
//! same string, and a path that names no input of the table stays the text it
//! was, for validation to report.

use std::borrow::Cow;
use std::fmt;

use serde::{Deserialize, Deserializer, Serialize, Serializer};

use super::{
    Field, InfraField, ModelField, PersonField, PlanField, StepField, TextInput, TierField,
    ToolField,
};

/// An input named by its path (`workload.requests_per_day`,
/// `models[0].pricing.input_per_mtok`, `risk.error_costs`).
#[derive(Clone, PartialEq, Eq, Hash)]
pub enum Target {
    /// A numeric input of the table (it may still be missing from a plan:
    /// a fourth model of a plan of three).
    Numeric(Field),
    /// A non-numeric input of the plan as a whole.
    Text(TextInput),
    /// A path naming no input, kept as written.
    Unknown(String),
}

impl Target {
    /// The input `path` names; a path is read only in the form the table
    /// writes it (`models[01].share_pct` names nothing).
    pub fn parse(path: &str) -> Target {
        if let Some(f) = numeric(path) {
            return Target::Numeric(f);
        }
        match TEXT.iter().find(|t| t.path() == path) {
            Some(t) => Target::Text(*t),
            None => Target::Unknown(path.to_string()),
        }
    }

    /// The path as the plan file writes it.
    pub fn path(&self) -> Cow<'_, str> {
        match self {
            Target::Numeric(f) => Cow::Owned(f.path()),
            Target::Text(t) => Cow::Borrowed(t.path()),
            Target::Unknown(p) => Cow::Borrowed(p),
        }
    }

    /// The numeric input named, if the target is one.
    pub fn field(&self) -> Option<Field> {
        match self {
            Target::Numeric(f) => Some(*f),
            _ => None,
        }
    }

    /// The bytes the target holds on the heap (for the undo history's size).
    pub fn capacity(&self) -> usize {
        match self {
            Target::Unknown(p) => p.capacity(),
            _ => 0,
        }
    }
}

/// The non-numeric inputs a path can name on its own (a line name needs its
/// line's index, and names no target). The staffing's path names the staffed
/// reviewers, the number, first.
const TEXT: [TextInput; 7] = [
    TextInput::Name,
    TextInput::Client,
    TextInput::Currency,
    TextInput::EmbeddingId,
    TextInput::Retrieval,
    TextInput::Staffing,
    TextInput::ErrorCosts,
];

/// The numeric input at `path`, read back from [`Field::path`]'s form.
fn numeric(path: &str) -> Option<Field> {
    let indexed = |list: &str| -> Option<(usize, &str)> {
        let rest = path.strip_prefix(list)?.strip_prefix('[')?;
        let (i, tail) = rest.split_once("].")?;
        Some((i.parse().ok()?, tail))
    };
    fn find<K: Copy>(keys: &[K], tail: &str, path: fn(K) -> &'static str) -> Option<K> {
        keys.iter().copied().find(|k| path(*k) == tail)
    }
    let f = if let Some((i, tail)) = indexed("models") {
        find(ModelField::ALL, tail, |k| k.spec().path).map(|k| Field::Model(i, k))
    } else if let Some((i, tail)) = indexed("infrastructure") {
        find(InfraField::ALL, tail, |k| k.spec().path).map(|k| Field::Infra(i, k))
    } else if let Some((j, tail)) = indexed(TextInput::ErrorCosts.path()) {
        find(TierField::ALL, tail, |k| k.spec().path).map(|k| Field::Tier(j, k))
    } else if let Some((j, tail)) = indexed("workload.tools") {
        find(ToolField::ALL, tail, |k| k.spec().path).map(|k| Field::Tool(j, k))
    } else if let Some((j, tail)) = indexed("people") {
        find(PersonField::ALL, tail, |k| k.spec().path).map(|k| Field::Person(j, k))
    } else if let Some((j, tail)) = indexed("change.price_steps") {
        find(StepField::ALL, tail, |k| k.spec().path).map(|k| Field::PriceStep(j, k))
    } else {
        find(PlanField::ALL, path, |k| k.spec().path).map(Field::Plan)
    };
    f.filter(|f| f.path() == path)
}

impl From<Field> for Target {
    fn from(f: Field) -> Target {
        Target::Numeric(f)
    }
}

impl From<TextInput> for Target {
    fn from(t: TextInput) -> Target {
        Target::Text(t)
    }
}

impl From<&str> for Target {
    fn from(path: &str) -> Target {
        Target::parse(path)
    }
}

impl From<String> for Target {
    fn from(path: String) -> Target {
        Target::parse(&path)
    }
}

impl PartialEq<Field> for Target {
    fn eq(&self, f: &Field) -> bool {
        *self == Target::Numeric(*f)
    }
}

impl PartialEq<str> for Target {
    fn eq(&self, path: &str) -> bool {
        self.path() == path
    }
}

impl PartialEq<String> for Target {
    fn eq(&self, path: &String) -> bool {
        self.path() == path.as_str()
    }
}

impl PartialEq<&str> for Target {
    fn eq(&self, path: &&str) -> bool {
        self.path() == *path
    }
}

/// Shown as the path it was written as, quoted (as the string was).
impl fmt::Debug for Target {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Debug::fmt(&*self.path(), f)
    }
}

impl fmt::Display for Target {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.path())
    }
}

impl Serialize for Target {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(&self.path())
    }
}

/// Read as a string (with a string's errors), then parsed.
impl<'de> Deserialize<'de> for Target {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Target, D::Error> {
        String::deserialize(d).map(Target::from)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_path_of_the_table_reads_back_as_its_input() {
        let fields = [
            Field::RequestsPerDay,
            Field::Model(3, ModelField::Share),
            Field::Infra(0, InfraField::Monthly),
            Field::Tier(2, TierField::Share),
        ];
        for f in fields {
            assert_eq!(Target::parse(&f.path()), Target::Numeric(f));
        }
        // Staffed reviewers are a number at the path of the staffing.
        assert_eq!(
            Target::parse(TextInput::Staffing.path()),
            Target::Numeric(Field::FixedReviewers)
        );
        for t in TEXT.into_iter().filter(|t| *t != TextInput::Staffing) {
            assert_eq!(Target::parse(t.path()), Target::Text(t));
        }
    }

    #[test]
    fn a_path_in_another_form_is_kept_as_written() {
        for p in [
            "models[01].share_pct",
            "models[+1].share_pct",
            "models[0]share_pct",
            "workload.requests",
            "infrastructure[0].name",
            "",
        ] {
            let t = Target::parse(p);
            assert_eq!(t, Target::Unknown(p.to_string()));
            assert_eq!(t.path(), p);
            assert_eq!(format!("{t:?}"), format!("{p:?}"));
        }
    }
}
