//! Reading and writing plan files (RON, format versions 1 and 2).
//!
//! Reading is forgiving where a person would be (a UTF-8 BOM, CRLF line ends,
//! comments, `2000` where `2000.0` is meant, prices left out for catalog models)
//! and strict where silence would lose or invent data (unknown fields, a newer
//! version, NaN, truncated files, binary garbage). Writing is deterministic.
//! What an error says is worked out in `messages.rs`.

use ron::extensions::Extensions;
use serde::Deserialize;

mod locate;
mod messages;

use crate::model::dated::listed_snapshot;
use crate::model::prices::{YearMonth, own_start};
use crate::model::{Catalog, FORMAT_VERSION, Scenario, validate};
use locate::locate;
use messages::{at_end, char_at, explain_ron, field_at, unknown_id_message, whole_number_message};

/// One thing wrong with a plan, positioned in the file where that is known.
#[derive(Debug, Clone, PartialEq)]
pub struct Problem {
    /// 1-based line and column.
    pub position: Option<(usize, usize)>,
    /// The field path, e.g. `workload.days_per_month`.
    pub field: Option<String>,
    pub message: String,
}

impl Problem {
    fn new(position: Option<(usize, usize)>, field: Option<String>, message: String) -> Self {
        Problem {
            position,
            field,
            message,
        }
    }

    /// `FILE:LINE:COL: message`, the form every command prints. Messages name
    /// their field themselves.
    pub fn render(&self, file: &str) -> String {
        let mut out = file.to_string();
        if let Some((l, c)) = self.position {
            out.push_str(&format!(":{l}:{c}"));
        }
        out.push_str(": ");
        out.push_str(&self.message);
        out
    }
}

/// Why a plan could not be read: every problem found.
#[derive(Debug, Clone, PartialEq)]
pub struct PlanError {
    pub problems: Vec<Problem>,
}

impl PlanError {
    fn one(
        position: Option<(usize, usize)>,
        field: Option<&str>,
        message: impl Into<String>,
    ) -> Self {
        PlanError {
            problems: vec![Problem::new(
                position,
                field.map(str::to_string),
                message.into(),
            )],
        }
    }

    pub fn render(&self, file: &str) -> String {
        self.problems
            .iter()
            .map(|p| p.render(file))
            .collect::<Vec<_>>()
            .join("\n")
    }
}

fn ron_options() -> ron::Options {
    ron::Options::default().with_default_extension(Extensions::IMPLICIT_SOME)
}

#[derive(Deserialize)]
#[serde(rename = "Scenario")]
struct VersionProbe {
    #[serde(default)]
    version: Option<u64>,
}

/// Reads a plan from raw bytes: parse, resolve unpriced models from the catalog,
/// validate. The plan is returned only if it is valid. Without a clock: a
/// plan with no `start` that names a model with dated prices gets them all,
/// unplaced (the edges read the clock and call [`parse_plan_on`]).
pub fn parse_plan(bytes: &[u8], catalog: &Catalog) -> Result<Scenario, PlanError> {
    parse_plan_on(bytes, catalog, None)
}

/// [`parse_plan`] on a day of `this_month`: the month a plan without its own
/// `start` starts in, so a model named by id is priced as that month and
/// the ones after bill it (see [`resolve_prices`]).
pub fn parse_plan_on(
    bytes: &[u8],
    catalog: &Catalog,
    this_month: Option<YearMonth>,
) -> Result<Scenario, PlanError> {
    let text = decode(bytes)?;
    let mut scenario = parse_unvalidated(&text)?;
    resolve_prices(&mut scenario, catalog, &text, this_month)?;
    let mut problems = v2_fields_in_v1(&scenario, &text);
    problems.extend(validate(&scenario).into_iter().map(|inv| {
        Problem::new(
            locate(&text, &inv.path),
            Some(inv.path.clone()),
            format!("{} is {}; {}", inv.path, inv.value, inv.allowed),
        )
    }));
    if problems.is_empty() {
        Ok(scenario)
    } else {
        Err(PlanError { problems })
    }
}

/// Reads a plan without the checks a save makes (shares summing to 100 %,
/// valid prices…): for recovery copies, which keep a plan as it was being
/// edited. It must still be a well-formed plan, and every model priced.
pub fn parse_plan_unvalidated(bytes: &[u8], catalog: &Catalog) -> Result<Scenario, PlanError> {
    let text = decode(bytes)?;
    let mut scenario = parse_unvalidated(&text)?;
    resolve_prices(&mut scenario, catalog, &text, None)?;
    Ok(scenario)
}

/// A file may not set a field of a later format version than it says: an
/// older runcost would refuse it, and the version would lie about what the
/// plan needs.
fn v2_fields_in_v1(s: &Scenario, text: &str) -> Vec<Problem> {
    let mut problems = Vec::new();
    for newer in s.version.saturating_add(1)..=crate::model::FORMAT_VERSION {
        if s.version == 0 {
            break;
        }
        for path in s.fields_set_of_version(newer) {
            let (field, what) = match path.strip_suffix(" below 0") {
                Some(p) => (p.to_string(), format!("{p} below 0 (an uplift)")),
                None => (path.clone(), path.clone()),
            };
            problems.push(Problem::new(
                locate(text, &field),
                Some(field),
                format!(
                    "{what} is a format version {newer} field, but the plan says `version: {}`; write `version: {newer}` at the top of the plan to use it (or remove the field)",
                    s.version
                ),
            ));
        }
    }
    problems
}

/// Bytes → text: UTF-8 only, BOM dropped, not empty.
fn decode(bytes: &[u8]) -> Result<String, PlanError> {
    let text = match std::str::from_utf8(bytes) {
        Ok(t) => t,
        Err(e) => {
            let at = e.valid_up_to();
            let before = &bytes[..at];
            let line = before.iter().filter(|b| **b == b'\n').count() + 1;
            let line_start = before
                .iter()
                .rposition(|b| *b == b'\n')
                .map_or(0, |i| i + 1);
            // Everything before `at` is valid UTF-8, so this never falls back.
            let col = std::str::from_utf8(&before[line_start..])
                .map_or(at - line_start, |l| l.chars().count())
                + 1;
            return Err(PlanError::one(
                Some((line, col)),
                None,
                format!(
                    "this is not a text file (invalid UTF-8 at byte {at}); a plan is a RON text file written `Scenario(...)`"
                ),
            ));
        }
    };
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    if text.contains('\0') {
        return Err(PlanError::one(
            None,
            None,
            "this is not a text file (it contains NUL bytes); a plan is a RON text file written `Scenario(...)`",
        ));
    }
    if text.trim().is_empty() {
        return Err(PlanError::one(
            None,
            None,
            "the file is empty; a plan starts with `Scenario(` and needs at least version, name, workload and models",
        ));
    }
    Ok(text.to_string())
}

fn parse_unvalidated(text: &str) -> Result<Scenario, PlanError> {
    // A newer file may use fields this program does not know: say which version
    // it is before complaining about its fields.
    if let Ok(VersionProbe { version: Some(v) }) = ron_options().from_str::<VersionProbe>(text)
        && v > FORMAT_VERSION as u64
    {
        return Err(PlanError::one(
            locate(text, "version"),
            Some("version"),
            format!(
                "version: the plan is format version {v}, but this runcost reads versions up to {FORMAT_VERSION}; upgrade runcost to open it"
            ),
        ));
    }
    ron_options().from_str::<Scenario>(text).map_err(|e| {
        let pos = (e.span.start.line, e.span.start.col);
        let whole_number = match e.code {
            ron::Error::IntegerOutOfBounds
            | ron::Error::InvalidIntegerDigit { .. }
            | ron::Error::ExpectedInteger => true,
            ron::Error::ExpectedComma => char_at(text, pos) == Some('.'),
            _ => false,
        };
        let field = field_at(text, pos);
        let message = if at_end(text, pos) {
            "the file ends too early (truncated?): a closing bracket or a value is missing".into()
        } else if let (true, Some((key, value))) = (whole_number, &field) {
            whole_number_message(key, value)
        } else if whole_number {
            "a whole number is expected here (no decimals, sign or exponent), e.g. 2".into()
        } else {
            explain_ron(&e.code)
        };
        PlanError::one(Some(pos), field.as_ref().map(|(k, _)| k.as_str()), message)
    })
}

/// Fills in pricing left out of a hand-written file from the catalog, by id,
/// with the entry's dated prices as the months bill them: the price in force
/// in the plan's first month (its own `start`, else `this_month`) and the
/// dated prices after it, so an ended promotion is never taken as the price.
/// A plan without a `start` that takes dated prices along starts in
/// `this_month` (written into it), as picking the model in the workbench
/// does, so they land in the right months. A file's own dated prices are kept.
pub fn resolve_prices(
    s: &mut Scenario,
    catalog: &Catalog,
    text: &str,
    this_month: Option<YearMonth>,
) -> Result<(), PlanError> {
    let start = own_start(s).or(this_month);
    let version = s.version;
    let mut dated = false;
    let mut problems = Vec::new();
    for (i, m) in s.models.iter_mut().enumerate() {
        if m.pricing.is_some() {
            continue;
        }
        match catalog.model(&m.id) {
            Some(entry) => {
                let mut snap = listed_snapshot(entry, start);
                if version < 3 {
                    // Cache-write prices bill nothing without `cache_write_pct`
                    // (version 3): an older plan named by id stays its version.
                    snap.pricing = snap.pricing.without_cache_write();
                    for d in &mut snap.schedule {
                        d.pricing = d.pricing.clone().without_cache_write();
                    }
                }
                m.pricing = Some(snap.pricing);
                if m.schedule.is_empty() {
                    m.schedule = snap.schedule;
                    dated |= !m.schedule.is_empty();
                }
            }
            None => {
                let path = crate::model::fields::TextInput::ModelId.path_at(i);
                problems.push(Problem::new(
                    locate(text, &path),
                    Some(path.clone()),
                    format!(
                        "{path}: {}",
                        unknown_id_message(&m.id, &catalog.suggest_models(&m.id), "model")
                    ),
                ));
            }
        }
    }
    if dated
        && s.start.is_none()
        && let Some(month) = this_month
    {
        s.start = Some(month.to_string());
    }
    let emb = &mut s.retrieval.embedding;
    if emb.per_mtok.is_none() && !emb.id.is_empty() {
        match catalog.embedding(&emb.id) {
            Some(entry) => emb.per_mtok = Some(entry.per_mtok),
            None => {
                let path = crate::model::fields::TextInput::EmbeddingId
                    .path()
                    .to_string();
                problems.push(Problem::new(
                    locate(text, &path),
                    Some(path.clone()),
                    format!(
                        "{path}: {}",
                        unknown_id_message(
                            &emb.id,
                            &catalog.suggest_embeddings(&emb.id),
                            "embedding model"
                        )
                    ),
                ));
            }
        }
    }
    if problems.is_empty() {
        Ok(())
    } else {
        Err(PlanError { problems })
    }
}

/// Writes a plan deterministically: same plan → same bytes, fields in the
/// spec's order, pricing snapshots included, one field per line.
///
/// The version written is the one the plan needs (spec §5): a plan that sets
/// no version-2 field to a non-default value is written as `version: 1`,
/// byte for byte as a version-1 runcost writes it (version-2 fields at their
/// defaults are left out); otherwise `version: 2` with the fields it sets.
pub fn write_plan(s: &Scenario) -> String {
    let version = s.format_version();
    if s.version != version {
        let mut copy = s.clone();
        copy.version = version;
        return write_as_is(&copy);
    }
    write_as_is(s)
}

fn write_as_is(s: &Scenario) -> String {
    let config = ron::ser::PrettyConfig::new()
        .indentor("    ")
        .new_line("\n")
        .struct_names(false)
        .depth_limit(3);
    // Serializing plain data with derived impls cannot fail; fall back to the
    // compact form rather than panicking if a future change makes it so.
    let body = ron::ser::to_string_pretty(s, config)
        .or_else(|_| ron::ser::to_string(s))
        .unwrap_or_default();
    format!(
        "// runcost plan, format version {}. Format: docs/scenario-format.md\n\
         Scenario{body}\n",
        s.version
    )
}
