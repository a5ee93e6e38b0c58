//! The messages a plan file's reader gives: where the error is (the field and
//! the value written there) and what is allowed, in words, from ron's codes.

use super::locate::unclosed_brackets;
use crate::model::fields::TextInput;

/// The field name and the value written at an error position: `horizon_months`
/// and `-1` for `    horizon_months: -1,` with the position anywhere in `-1`.
pub(super) fn field_at(text: &str, (line, col): (usize, usize)) -> Option<(String, String)> {
    let chars: Vec<char> = text.lines().nth(line.checked_sub(1)?)?.chars().collect();
    let at = col.saturating_sub(1).min(chars.len());
    let colon = chars[..at].iter().rposition(|c| *c == ':')?;
    let key_end = chars[..colon]
        .iter()
        .rposition(|c| !c.is_whitespace())
        .map_or(0, |i| i + 1);
    let key_start = chars[..key_end]
        .iter()
        .rposition(|c| !(c.is_alphanumeric() || *c == '_'))
        .map_or(0, |i| i + 1);
    let key: String = chars[key_start..key_end].iter().collect();
    let value: String = chars[colon + 1..]
        .iter()
        .skip_while(|c| c.is_whitespace())
        .take_while(|c| !(c.is_whitespace() || matches!(c, ',' | ')' | ']')))
        .collect();
    (!key.is_empty() && !value.is_empty()).then_some((key, value))
}

/// A value as the user wrote it, short enough to read: a 309-digit number is
/// shown as `1e308`, any other long text cut with an ellipsis.
pub(super) fn shown_value(value: &str) -> String {
    if value.chars().count() <= 24 {
        return value.to_string();
    }
    match value.parse::<f64>() {
        Ok(v) => crate::model::validate::show(v),
        Err(_) => format!("{}…", value.chars().take(24).collect::<String>()),
    }
}

/// What a whole-number field allows, for a value that is not one (`-1`,
/// `1e9`, `12.5`, a number past the integer range).
pub(super) fn whole_number_message(key: &str, value: &str) -> String {
    let value = shown_value(value);
    match key {
        "version" => format!(
            "version is {value}; a plan says which format it is written in, and this runcost reads format versions 1 to {v}: write `version: 1` (or the version of the newest fields the plan uses, up to `version: {v}`)",
            v = crate::model::FORMAT_VERSION
        ),
        "horizon_months" => format!(
            "horizon_months is {value}; it must be a whole number of months from 1 to 60 (no decimals or exponent), e.g. horizon_months: 24"
        ),
        "min_gpus" => format!(
            "min_gpus is {value}; it must be a whole number of GPUs from 0 to 4294967295 (no decimals or exponent), e.g. min_gpus: 2"
        ),
        _ => format!(
            "{key} is {value}; a whole number is expected here (no decimals, sign or exponent), e.g. {key}: 2"
        ),
    }
}

/// Whether the error sits on the last line of a file whose brackets never close.
pub(super) fn at_end(text: &str, (line, _): (usize, usize)) -> bool {
    let last_line = text.trim_end().lines().count().max(1);
    line >= last_line && unclosed_brackets(text)
}

pub(super) fn char_at(text: &str, (line, col): (usize, usize)) -> Option<char> {
    text.lines()
        .nth(line.checked_sub(1)?)?
        .chars()
        .nth(col.checked_sub(1)?)
}

/// Turns ron's error codes into sentences that say what is allowed.
pub(super) fn explain_ron(code: &ron::Error) -> String {
    use ron::Error as E;
    match code {
        E::NoSuchStructField {
            expected,
            found,
            outer,
        } => {
            let section = outer.as_deref().map(section_name).unwrap_or("this section");
            format!(
                "unknown field `{found}` in {section}; allowed fields: {}",
                expected.join(", ")
            )
        }
        E::MissingStructField { field, outer } => {
            let section = outer.as_deref().map(section_name).unwrap_or("this section");
            format!("required field `{field}` is missing from {section}")
        }
        E::DuplicateStructField { field, .. } => {
            format!("field `{field}` is given twice; keep one")
        }
        E::ExpectedNamedStructLike("Scenario") => {
            "a plan file starts with `Scenario(` and lists its fields inside; see docs/scenario-format.md".into()
        }
        E::ExpectedNamedStructLike(name) => {
            let section = section_name(name);
            format!("expected `(` opening {section}, written `( field: value, … )`")
        }
        E::Eof => "the file ends too early (truncated?): a bracket or value is missing".into(),
        E::ExpectedComma => "expected `,` between fields or a closing bracket here; check the text just before (an unclosed quote or bracket?)".into(),
        E::ExpectedFloat | E::ExpectedInteger => format!("{code}: write a number such as 12 or 0.5"),
        E::ExpectedString | E::ExpectedStringEnd => {
            format!("{code}: text is written in double quotes, e.g. \"Acme Corp\"")
        }
        E::NoSuchEnumVariant {
            expected, found, ..
        } => format!(
            "unknown choice `{found}`; allowed: {}",
            expected.join(", ")
        ),
        other => other.to_string(),
    }
}

pub(super) fn section_name(outer: &str) -> &'static str {
    match outer {
        "Scenario" => "the plan (Scenario)",
        "Workload" => "workload",
        "ModelEntry" => "a models entry",
        "ApiPricing" => "Api pricing",
        "SelfHostedPricing" => "SelfHosted pricing",
        "LongContext" => "long_context",
        "Retrieval" => TextInput::Retrieval.parent(),
        "Embedding" => TextInput::EmbeddingId.parent(),
        "InfraItem" => "an infrastructure line",
        "Build" => "build",
        "Oversight" => "oversight",
        "Risk" => "risk",
        "Change" => "change",
        "Value" => "value",
        "Source" => "a sources entry",
        "ErrorCost" => "a risk.error_costs tier",
        _ => "this section",
    }
}

pub(super) fn unknown_id_message(id: &str, suggestions: &[String], what: &str) -> String {
    let mut msg = format!(
        "{id:?} is not in the catalog and the entry has no pricing; give a pricing snapshot or a catalog id"
    );
    if !suggestions.is_empty() {
        msg.push_str(&format!(
            " (closest {what} ids: {})",
            suggestions.join(", ")
        ));
    }
    msg.push_str("; `runcost catalog` lists them all");
    msg
}
