//! Parsing what a person types into a number field: `2,500`, `2.5k`, `$1.2M`,
//! `15%`, `1e6`, `0,75`, `1 000 000`. Anything else is refused with a sentence
//! saying what was typed and what is allowed.
//!
//! The rules (nothing is ever silently dropped):
//! - thousands separators (`,` `.` `_` `'` or a space, NBSP, thin space) only
//!   between groups of three digits after a head of one to three digits
//!   (`2,500`, `1 000 000`, `12,345.6`, `1.000,5`), one kind per number;
//! - a lone comma that is not followed by exactly three digits is a decimal
//!   comma (`0,75`, `1,5`, `12,34`), as is the last mark of `1.000,5`; so is a
//!   lone comma after `0` or after space-grouped thousands (`0,750`, `1 000,500`);
//! - the ambiguous `1,500` is one thousand five hundred (thousands, as most
//!   people in the workbench's English interface mean it); type `1.5` for one
//!   and a half;
//! - one number only: `2,500 3,000` and pasted line breaks are refused;
//! - a suffix `k`, `M`, `B` or an exponent `1e6`, never both (`1e3k` is refused);
//! - a sign, a currency symbol (`$` `€` `£`) and `%` may surround the number.

use crate::model::fields::Field;

super::sentence::sentence! {
    /// Why typed text is not a value the field takes, as the box says it.
    BadEntry
}

/// What a typed number may look like, for messages.
const EXAMPLES: &str = "e.g. 2500, 2,500, 2.5k, 0.75, 1e6";

/// A space that may separate groups of thousands.
fn is_group_space(c: char) -> bool {
    matches!(c, ' ' | '\u{a0}' | '\u{2009}' | '\u{202f}')
}

/// A mark that may separate groups of thousands (besides a decimal mark).
fn is_group_mark(c: char) -> bool {
    matches!(c, ',' | '.' | '_' | '\'' | '\u{2019}') || is_group_space(c)
}

const CURRENCY: [char; 3] = ['$', '€', '£'];

/// `text` quoted for a message: control characters escaped, long text cut.
pub fn quoted(text: &str) -> String {
    const MAX: usize = 24;
    let mut out = String::new();
    for (i, c) in text.chars().enumerate() {
        if i == MAX {
            out.push('…');
            break;
        }
        if c.is_control() {
            out.extend(c.escape_default());
        } else {
            out.push(c);
        }
    }
    format!("‘{out}’")
}

fn count_word(n: usize) -> String {
    match n {
        2 => "two".into(),
        3 => "three".into(),
        4 => "four".into(),
        n => n.to_string(),
    }
}

/// Parses a typed number; `Err` says why it is not one.
pub fn parse_number(text: &str) -> Result<f64, BadEntry> {
    let t = text.trim();
    if t.is_empty() {
        return Err("type a number".into());
    }
    let shown = quoted(t);
    let not_a_number = || BadEntry(format!("{shown} is not a number ({EXAMPLES})"));
    if t.contains(['\n', '\r']) {
        return Err(BadEntry(format!(
            "{shown} has a line break — type or paste one number ({EXAMPLES})"
        )));
    }
    // Decorations before the number: a sign and a currency symbol, any order.
    let mut s = t;
    let mut negative = false;
    let (mut signed, mut currency, mut percent) = (false, false, false);
    let mut exp_shift: Option<i32> = None;
    loop {
        s = s.trim_start();
        if !signed && let Some(r) = s.strip_prefix(['-', '\u{2212}']) {
            (negative, signed, s) = (true, true, r);
        } else if !signed && let Some(r) = s.strip_prefix('+') {
            (signed, s) = (true, r);
        } else if !currency && let Some(r) = s.strip_prefix(CURRENCY) {
            (currency, s) = (true, r);
        } else {
            break;
        }
    }
    // After it: `%`, a currency symbol and a k/M/B suffix.
    loop {
        s = s.trim_end();
        if !percent && let Some(r) = s.strip_suffix('%') {
            (percent, s) = (true, r);
        } else if !currency && let Some(r) = s.strip_suffix(CURRENCY) {
            (currency, s) = (true, r);
        } else if exp_shift.is_none()
            && let Some(c) = s.chars().last()
            && let Some(shift) = match c {
                'k' | 'K' => Some(3),
                'm' | 'M' => Some(6),
                'b' | 'B' => Some(9),
                _ => None,
            }
        {
            exp_shift = Some(shift);
            s = &s[..s.len() - c.len_utf8()];
        } else {
            break;
        }
    }
    if s.is_empty() {
        return Err(not_a_number());
    }
    // An exponent, never together with a suffix.
    let (mantissa, exponent) = match s.find(['e', 'E']) {
        Some(i) => (&s[..i], Some(&s[i + 1..])),
        None => (s, None),
    };
    let exponent = match (exponent, exp_shift) {
        (Some(_), Some(_)) => {
            return Err(BadEntry(format!(
                "{shown} has both an exponent and a suffix; use one, e.g. 1e6 or 1000k"
            )));
        }
        (Some(e), None) => {
            let digits = e.strip_prefix(['+', '-']).unwrap_or(e);
            if digits.is_empty() || !digits.chars().all(|c| c.is_ascii_digit()) {
                return Err(not_a_number());
            }
            e.to_string()
        }
        (None, Some(shift)) => shift.to_string(),
        (None, None) => "0".to_string(),
    };
    let (int, frac) = split_mantissa(mantissa, &shown, &not_a_number)?;
    let plain = format!(
        "{}{}.{}e{exponent}",
        if negative { "-" } else { "" },
        if int.is_empty() { "0" } else { &int },
        if frac.is_empty() { "0" } else { frac },
    );
    let nonzero = int
        .bytes()
        .chain(frac.bytes())
        .any(|b| (b'1'..=b'9').contains(&b));
    match plain.parse::<f64>() {
        // Below about 5e-324 a number becomes 0: said, never done silently.
        Ok(v) if nonzero && v == 0.0 => Err(BadEntry(format!(
            "{shown} is too small to compute with (it would become 0); type 0 for none"
        ))),
        // `-0` is 0 (never shown as "-0 req/day").
        Ok(v) if v.is_finite() => Ok(if v == 0.0 { 0.0 } else { v }),
        Ok(_) => Err(BadEntry(format!("{shown} is too large to compute with"))),
        Err(_) => Err(not_a_number()),
    }
}

/// The integer digits (separators removed) and the decimal digits of a
/// mantissa such as `12,345.6`, `1 000,5`, `0,75`.
fn split_mantissa<'a>(
    m: &'a str,
    shown: &str,
    not_a_number: &dyn Fn() -> BadEntry,
) -> Result<(String, &'a str), BadEntry> {
    if !m.chars().any(|c| c.is_ascii_digit())
        || !m.chars().all(|c| c.is_ascii_digit() || is_group_mark(c))
    {
        return Err(not_a_number());
    }
    let several = |m: &str| {
        let n = m.split(is_group_space).filter(|p| !p.is_empty()).count();
        BadEntry(format!(
            "{shown} looks like {} numbers; type one ({EXAMPLES})",
            count_word(n)
        ))
    };
    let commas = m.matches(',').count();
    let dots = m.matches('.').count();
    let decimal = match (commas, dots) {
        (0, 0) => None,
        (0, 1) => Some('.'),
        (0, _) => None, // 1.000.000: dots group thousands
        (1, 0) => {
            let (head, tail) = m.split_once(',').unwrap_or((m, ""));
            let head_digits = head.trim_start_matches('0');
            let tail_is_digits = tail.chars().all(|c| c.is_ascii_digit());
            let decimal_comma = tail_is_digits
                && (tail.len() != 3
                    || head.is_empty()
                    || (head_digits.is_empty() && !head.is_empty())
                    || head.contains(is_group_space));
            decimal_comma.then_some(',')
        }
        (_, 0) => None, // 1,000,000: commas group thousands
        _ => {
            // Both: the last one is the decimal mark and appears once.
            let last_dot = m.rfind('.').unwrap_or(0);
            let last_comma = m.rfind(',').unwrap_or(0);
            let (mark, count) = if last_dot > last_comma {
                ('.', dots)
            } else {
                (',', commas)
            };
            if count != 1 {
                if m.contains(is_group_space) {
                    return Err(several(m));
                }
                return Err(BadEntry(format!(
                    "{shown} mixes ‘,’ and ‘.’ in a way that cannot be read; type e.g. 12,345.6 or 12345.6"
                )));
            }
            Some(mark)
        }
    };
    let (int, frac) = match decimal {
        Some(mark) => m.split_once(mark).unwrap_or((m, "")),
        None => (m, ""),
    };
    if !frac.chars().all(|c| c.is_ascii_digit()) {
        if frac.contains(is_group_space) {
            return Err(several(m));
        }
        return Err(BadEntry(format!(
            "{shown}: no separators after the decimal mark ({EXAMPLES})"
        )));
    }
    let groups: Vec<&str> = int.split(is_group_mark).collect();
    if groups.len() == 1 {
        return Ok((int.to_string(), frac));
    }
    // One kind of separator (any space counts as one kind), groups of three.
    let kind = |c: char| if is_group_space(c) { ' ' } else { c };
    let mut marks = int.chars().filter(|c| is_group_mark(*c)).map(kind);
    let first = marks.next();
    let one_kind = marks.all(|c| Some(c) == first);
    let valid =
        one_kind && (1..=3).contains(&groups[0].len()) && groups[1..].iter().all(|g| g.len() == 3);
    if !valid {
        if m.contains(is_group_space) {
            return Err(several(m));
        }
        return Err(BadEntry(format!(
            "{shown}: thousands separators go between groups of three digits (e.g. 12,345); for a decimal type 12.34"
        )));
    }
    Ok((groups.concat(), frac))
}

/// Parses and range-checks a typed value for a field.
pub fn parse_for(field: Field, text: &str) -> Result<f64, BadEntry> {
    let v = parse_number(text)?;
    field.check(v).map_err(BadEntry::from)?;
    Ok(v)
}

/// Why `v` in `field` would make the plan's projection overflow (the rule
/// `check`, reports and saving apply: `validate::overflow`), or its ranges
/// once they widen to take it (`validate::range_overflow`), or `None`. A
/// plan that overflows already takes any value, so it can be put right.
pub fn overflow_with(field: Field, v: f64, plan: &crate::model::Scenario) -> Option<String> {
    use crate::model::validate::{overflow, range_overflow};
    if field.get(plan) == Some(v) || overflow(plan).is_some() {
        return None;
    }
    let mut candidate = plan.clone();
    field.set(&mut candidate, v);
    if let Some(why) = overflow(&candidate) {
        return Some(why.to_string());
    }
    if crate::model::ranges::follow_values(&mut candidate, &mut Vec::new()).is_empty()
        || range_overflow(plan).is_some()
    {
        return None;
    }
    range_overflow(&candidate).map(|why| format!("with its range widened to take it, {why}"))
}

/// Parses a typed range for a field ("1,500 – 3,000", "1.5k to 3k", "10..40";
/// empty removes the range). The plan's `value` must lie inside it.
pub fn parse_range(field: Field, text: &str, value: f64) -> Result<Option<(f64, f64)>, BadEntry> {
    let t = text.trim();
    if t.is_empty() {
        return Ok(None);
    }
    let parts: Vec<&str> = ["–", "—", "..", " to ", " - "]
        .iter()
        .find_map(|sep| t.split_once(sep).map(|(a, b)| vec![a, b]))
        .or_else(|| {
            // "1500-3000": a dash between two unsigned numbers (the first
            // character may be a sign, or a multi-byte symbol such as €).
            let first = t.chars().next()?.len_utf8();
            let i = t[first..].find('-')? + first;
            Some(vec![&t[..i], &t[i + 1..]])
        })
        .ok_or("type low – high, e.g. 1500 – 3000 (empty removes the range)")?;
    let low = parse_number(parts[0])?;
    let high = parse_number(parts[1])?;
    field.check(low).map_err(BadEntry::from)?;
    field.check(high).map_err(BadEntry::from)?;
    if !(low <= value && value <= high) {
        return Err(BadEntry(format!(
            "the range must contain the plan's value {}",
            edit_text(value)
        )));
    }
    Ok(Some((low, high)))
}

/// How a value is shown in its edit box: plain, round-trippable, no separators.
pub fn edit_text(v: f64) -> String {
    // `1e308`, not 309 digits (still a number the box reads back).
    let s = crate::model::validate::show(v);
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
