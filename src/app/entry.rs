//! Parsing what a person types into a number field: `2,500`, `2.5k`, `$1.2M`,
//! `15%`, `1e6`. Anything else is refused with a sentence saying what is allowed.

use crate::model::fields::Field;

/// Parses a typed number; `Err` says why it is not one.
pub fn parse_number(text: &str) -> Result<f64, String> {
    let cleaned: String = text
        .trim()
        .chars()
        .filter(|c| !matches!(c, ',' | '_' | ' ' | '$' | '€' | '£' | '%'))
        .collect();
    if cleaned.is_empty() {
        return Err("type a number".into());
    }
    let (body, factor) = match cleaned.chars().last() {
        Some('k' | 'K') => (&cleaned[..cleaned.len() - 1], 1e3),
        Some('m' | 'M') => (&cleaned[..cleaned.len() - 1], 1e6),
        Some('b' | 'B') => (&cleaned[..cleaned.len() - 1], 1e9),
        _ => (cleaned.as_str(), 1.0),
    };
    match body.parse::<f64>() {
        Ok(v) if v.is_finite() => Ok(v * factor),
        Ok(_) => Err("must be a finite number".into()),
        Err(_) => Err(format!(
            "{:?} is not a number (e.g. 2500, 2.5k, 0.75)",
            text.trim()
        )),
    }
}

/// Parses and range-checks a typed value for a field.
pub fn parse_for(field: Field, text: &str) -> Result<f64, String> {
    let v = parse_number(text)?;
    field.check(v).map_err(str::to_string)?;
    Ok(v)
}

/// Parses a typed range for a field ("1,500 – 3,000", "1.5k to 3k", "10..40";
/// empty removes the range). The plan's `value` must lie inside it.
pub fn parse_range(field: Field, text: &str, value: f64) -> Result<Option<(f64, f64)>, String> {
    let t = text.trim();
    if t.is_empty() {
        return Ok(None);
    }
    let parts: Vec<&str> = ["–", "—", "..", " to ", " - "]
        .iter()
        .find_map(|sep| t.split_once(sep).map(|(a, b)| vec![a, b]))
        .or_else(|| {
            // "1500-3000": a dash between two unsigned numbers.
            let i = t[1..].find('-')? + 1;
            Some(vec![&t[..i], &t[i + 1..]])
        })
        .ok_or("type low – high, e.g. 1500 – 3000 (empty removes the range)")?;
    let low = parse_number(parts[0])?;
    let high = parse_number(parts[1])?;
    field.check(low).map_err(str::to_string)?;
    field.check(high).map_err(str::to_string)?;
    if !(low <= value && value <= high) {
        return Err(format!(
            "the range must contain the plan's value {}",
            edit_text(value)
        ));
    }
    Ok(Some((low, high)))
}

/// How a value is shown in its edit box: plain, round-trippable, no separators.
pub fn edit_text(v: f64) -> String {
    let s = format!("{v}");
    s.strip_suffix(".0").map(str::to_string).unwrap_or(s)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn accepts_what_people_type() {
        assert_eq!(parse_number("2,500"), Ok(2500.0));
        assert_eq!(parse_number(" 2.5k "), Ok(2500.0));
        assert_eq!(parse_number("$1.2M"), Ok(1_200_000.0));
        assert_eq!(parse_number("15%"), Ok(15.0));
        assert_eq!(parse_number("1e6"), Ok(1e6));
        assert_eq!(parse_number("-3"), Ok(-3.0));
    }

    #[test]
    fn refuses_what_is_not_a_number() {
        assert!(parse_number("").is_err());
        assert!(parse_number("abc").unwrap_err().contains("not a number"));
        assert!(parse_number("NaN").is_err());
        assert!(parse_number("inf").is_err());
    }

    #[test]
    fn checks_the_field_range() {
        assert!(
            parse_for(Field::CachedInput, "120")
                .unwrap_err()
                .contains("0 to 100")
        );
        assert!(parse_for(Field::RequestsPerDay, "-1").is_err());
        assert_eq!(parse_for(Field::Horizon, "24"), Ok(24.0));
        assert!(parse_for(Field::Horizon, "24.5").is_err());
    }

    #[test]
    fn ranges_accept_common_separators_and_contain_the_value() {
        assert_eq!(
            parse_range(Field::RequestsPerDay, "1,500 – 3,000", 2500.0),
            Ok(Some((1500.0, 3000.0)))
        );
        assert_eq!(
            parse_range(Field::RequestsPerDay, "1.5k to 3k", 2500.0),
            Ok(Some((1500.0, 3000.0)))
        );
        assert_eq!(
            parse_range(Field::RequestsPerDay, "1500-3000", 2500.0),
            Ok(Some((1500.0, 3000.0)))
        );
        assert_eq!(
            parse_range(Field::MonthlyGrowth, "-5 - 10", 6.0),
            Ok(Some((-5.0, 10.0)))
        );
        assert_eq!(parse_range(Field::RequestsPerDay, "", 2500.0), Ok(None));
        assert!(
            parse_range(Field::RequestsPerDay, "3000 – 4000", 2500.0)
                .unwrap_err()
                .contains("contain")
        );
        assert!(
            parse_range(Field::CachedInput, "10 – 140", 40.0)
                .unwrap_err()
                .contains("0 to 100")
        );
    }

    #[test]
    fn edit_text_round_trips() {
        assert_eq!(edit_text(2500.0), "2500");
        assert_eq!(edit_text(0.075), "0.075");
    }
}
