//! Reading an answer in the client's own words: "about 40 agents", "2k a
//! day", "we spot-check 1 in 20", "$18 when we get one wrong", "1,500 to
//! 3,000", "2–4 %", "$30 an hour", "90 seconds". The numbers in it are read
//! by the workbench's number parser ([`crate::app::entry::parse_number`]);
//! the words around them say what they are per (a day, a month, an hour) and
//! whether they are a range or a ratio. Every conversion is said, so the
//! client hears what was written down.

use crate::app::entry::{parse_number, quoted};
use crate::report::format::number;

/// What a question's answer is measured in, and so which words convert it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Basis {
    /// A plain number ("about 40 agents", "2.5").
    Number,
    /// A number per active day; "a week", "a month", "a year" convert.
    PerDay,
    /// A percentage: "15%", "4", "1 in 20", "2–4 %".
    Percent,
    /// An amount of money ("$18", "$1.2M").
    Money,
    /// Money per year; "an hour" (2,080 hours) and "a month" convert.
    MoneyPerYear,
    /// Money per hour; "a year" (2,080 hours) and "a month" convert.
    MoneyPerHour,
    /// Minutes; "seconds" and "hours" convert.
    Minutes,
    /// Whole months; "a year", "weeks" and "quarters" convert.
    Months,
}

/// An answer read: the value in the question's unit, the range the client
/// gave (if any) and the conversion, said in words.
#[derive(Debug, Clone, PartialEq)]
pub struct Reading {
    pub value: f64,
    pub range: Option<(f64, f64)>,
    /// "2,000 a day", "60,000 a month ÷ 30 days = 2,000", "1 in 20 = 5".
    pub shown: String,
}

/// Hours in a working year, to turn an hourly cost into a yearly one.
pub const HOURS_PER_YEAR: f64 = 2080.0;

/// A number in the text: its value, where it is, and whether `%` follows.
#[derive(Debug, Clone, Copy)]
struct Token {
    value: f64,
    start: usize,
    end: usize,
    percent: bool,
    /// The suffix's multiplier (1 without one), so "10-20k" reads as
    /// 10k–20k.
    scale: f64,
}

/// Words that mark the most likely value after a range.
const LIKELY: [&str; 5] = ["likely", "probably", "usually", "typically", "mostly"];

/// The largest answer the interview takes: no volume, price or time of a real
/// plan comes near a trillion, so a larger figure is a slip (a pasted column
/// of digits) and is refused rather than saved.
pub const LARGEST: f64 = 1e12;

/// Reads `text` as an answer measured in `basis`; `days_per_month` turns a
/// count per month into one per day. Answers beyond [`LARGEST`] are refused.
pub fn read(text: &str, basis: Basis, days_per_month: f64) -> Result<Reading, String> {
    let r = read_any(text, basis, days_per_month)?;
    let too_big = |x: f64| !x.is_finite() || x.abs() > LARGEST;
    if too_big(r.value) || r.range.is_some_and(|(lo, hi)| too_big(lo) || too_big(hi)) {
        return Err(format!(
            "{} is far beyond any real plan (answers up to 1,000,000,000,000 are taken); check the digits",
            quoted(text.trim())
        ));
    }
    Ok(r)
}

fn read_any(text: &str, basis: Basis, days_per_month: f64) -> Result<Reading, String> {
    let t = text.trim();
    if t.is_empty() {
        return Err("type the client's answer, or Tab to keep the default".into());
    }
    let lower = t.to_lowercase().replace(['–', '—'], " - ");
    let tokens = tokens(&lower)?;
    let between = |a: &Token, b: &Token| lower[a.end..b.start].trim().to_string();
    let percent = tokens.iter().any(|k| k.percent) || lower.contains("percent");
    let (mut value, mut range, mut said) = match tokens.as_slice() {
        [] => {
            return Err(format!(
                "no number in {} — e.g. 2k a day, 1,500 to 3,000, 1 in 20, $18",
                quoted(t)
            ));
        }
        [one] => (one.value, None, number(one.value, 4)),
        [a, b, rest @ ..] => {
            let sep = between(a, b);
            let likely = match rest {
                [] => None,
                [c] if LIKELY.iter().any(|w| between(b, c).contains(w)) => Some(c.value),
                _ => return Err(several(t)),
            };
            if matches!(sep.as_str(), "in" | "out of" | "of every" | "in every") {
                if basis != Basis::Percent || likely.is_some() {
                    return Err(several(t));
                }
                if b.value <= 0.0 {
                    return Err(format!("{}: “1 in 0” is not a share", quoted(t)));
                }
                let v = a.value / b.value * 100.0;
                let said = format!(
                    "{} in {} = {}",
                    number(a.value, 4),
                    number(b.value, 4),
                    number(v, 4)
                );
                return Ok(Reading {
                    value: v,
                    range: None,
                    shown: format!("{said} %"),
                });
            }
            if !matches!(sep.as_str(), "-" | "to" | ".." | "and" | "or" | "up to") {
                return Err(several(t));
            }
            // "10-20k": the suffix of the second number is meant for both.
            let first = if a.scale == 1.0 && b.scale > 1.0 && a.value * b.scale <= b.value {
                a.value * b.scale
            } else {
                a.value
            };
            let (lo, hi) = (first.min(b.value), first.max(b.value));
            let v = match likely {
                Some(v) if (lo..=hi).contains(&v) => v,
                Some(v) => {
                    return Err(format!(
                        "the most likely value {} is outside the range {}–{}",
                        number(v, 4),
                        number(lo, 4),
                        number(hi, 4)
                    ));
                }
                None => (lo + hi) / 2.0,
            };
            let how = if likely.is_some() {
                "most likely"
            } else {
                "middle"
            };
            let said = format!(
                "{}–{}, {how} {}",
                number(lo, 4),
                number(hi, 4),
                number(v, 4)
            );
            (v, Some((lo, hi)), said)
        }
    };
    if basis == Basis::Percent && percent {
        said.push_str(" %");
    }
    let (factor, words) = conversion(&lower, basis, days_per_month);
    if let Some(words) = words {
        value *= factor;
        range = range.map(|(l, h)| (l * factor, h * factor));
        if basis == Basis::Months {
            value = value.round();
            range = range.map(|(l, h)| (l.round(), h.round()));
        }
        said = format!("{said} {words} = {}", number(value, 2));
    }
    Ok(Reading {
        value,
        range,
        shown: said,
    })
}

fn several(t: &str) -> String {
    format!(
        "{} has several numbers; give one, a range (1,500 to 3,000, most likely 2,000) or a ratio (1 in 20)",
        quoted(t)
    )
}

/// The factor from the unit the client used to the question's, and how to
/// say it ("a month ÷ 30 days"), or `None` when no conversion applies.
fn conversion(lower: &str, basis: Basis, days_per_month: f64) -> (f64, Option<String>) {
    let has = |words: &[&str]| words.iter().any(|w| has_word(lower, w));
    let per = |words: &[&str]| {
        words
            .iter()
            .any(|w| has_word(lower, w) || lower.contains(&format!("/{w}")))
    };
    let days = days_per_month.max(1.0);
    let n = |v: f64| number(v, 2);
    match basis {
        Basis::PerDay if per(&["week", "weekly"]) => {
            let d = days * 12.0 / 52.0;
            (1.0 / d, Some(format!("a week ÷ {} days", n(d))))
        }
        Basis::PerDay if per(&["month", "monthly", "mo"]) => {
            (1.0 / days, Some(format!("a month ÷ {} days", n(days))))
        }
        Basis::PerDay if per(&["year", "yearly", "annually", "yr"]) => (
            1.0 / (days * 12.0),
            Some(format!("a year ÷ {} days", n(days * 12.0))),
        ),
        Basis::MoneyPerYear if per(&["hour", "hourly", "h", "hr"]) => (
            HOURS_PER_YEAR,
            Some(format!("an hour × {} h", n(HOURS_PER_YEAR))),
        ),
        Basis::MoneyPerYear if per(&["month", "monthly", "mo"]) => {
            (12.0, Some("a month × 12".into()))
        }
        Basis::MoneyPerHour if per(&["year", "yearly", "annually", "yr"]) => (
            1.0 / HOURS_PER_YEAR,
            Some(format!("a year ÷ {} h", n(HOURS_PER_YEAR))),
        ),
        Basis::MoneyPerHour if per(&["month", "monthly", "mo"]) => (
            12.0 / HOURS_PER_YEAR,
            Some(format!("a month × 12 ÷ {} h", n(HOURS_PER_YEAR))),
        ),
        Basis::Minutes if has(&["second", "seconds", "sec", "secs", "s"]) => {
            (1.0 / 60.0, Some("seconds ÷ 60".into()))
        }
        Basis::Minutes if has(&["hour", "hours", "hr", "hrs", "h"]) => {
            (60.0, Some("hours × 60".into()))
        }
        Basis::Months if has(&["year", "years", "yr", "yrs"]) => (12.0, Some("years × 12".into())),
        Basis::Months if has(&["quarter", "quarters"]) => (3.0, Some("quarters × 3".into())),
        Basis::Months if has(&["week", "weeks"]) => (12.0 / 52.0, Some("weeks × 12 ÷ 52".into())),
        _ => (1.0, None),
    }
}

/// Whether `word` appears in `text` as a whole word (letters around it end
/// it): "a day" has "day", "today" has not.
fn has_word(text: &str, word: &str) -> bool {
    let mut from = 0;
    while let Some(i) = text[from..].find(word) {
        let start = from + i;
        let end = start + word.len();
        let before = text[..start].chars().next_back();
        let after = text[end..].chars().next();
        let edge = |c: Option<char>| c.is_none_or(|c| !c.is_alphabetic());
        // "2h" and "90s": a unit right after a digit counts as a word.
        let glued = before.is_some_and(|c| c.is_ascii_digit());
        if (edge(before) || glued) && edge(after) {
            return true;
        }
        from = end;
    }
    false
}

/// The numbers of an answer, in order. A number may carry a currency
/// symbol, thousands separators, a decimal mark, a suffix (`k`, `M`, `B`,
/// or the words thousand/million/billion) and a `%`.
fn tokens(lower: &str) -> Result<Vec<Token>, String> {
    let chars: Vec<(usize, char)> = lower.char_indices().collect();
    let at = |i: usize| chars.get(i).map(|(_, c)| *c);
    let pos = |i: usize| chars.get(i).map_or(lower.len(), |(p, _)| *p);
    let mut out = Vec::new();
    let mut i = 0;
    while i < chars.len() {
        let c = chars[i].1;
        let starts = c.is_ascii_digit()
            || (matches!(c, '$' | '€' | '£' | '.')
                && at(i + 1).is_some_and(|d| d.is_ascii_digit()));
        if !starts {
            i += 1;
            continue;
        }
        let start = i;
        i += 1;
        // Digits with separators: a `,` or `.` only when a digit follows.
        while let Some(d) = at(i) {
            let grouped = matches!(d, ',' | '.') && at(i + 1).is_some_and(|n| n.is_ascii_digit());
            if d.is_ascii_digit() || grouped {
                i += 1;
            } else {
                break;
            }
        }
        let mut text = lower[pos(start)..pos(i)].to_string();
        // A suffix letter, glued or after a space, then not part of a word.
        let mut j = i;
        if at(j) == Some(' ') {
            j += 1;
        }
        let word_end = |from: usize| {
            let mut k = from;
            while at(k).is_some_and(|c| c.is_alphabetic()) {
                k += 1;
            }
            k
        };
        let end_of_word = word_end(j);
        let word = &lower[pos(j)..pos(end_of_word)];
        let suffix = match word {
            "k" | "thousand" => Some(("k", 1e3)),
            "m" | "mn" | "million" => Some(("M", 1e6)),
            "b" | "bn" | "billion" => Some(("B", 1e9)),
            _ => None,
        };
        let mut scale = 1.0;
        if let Some((s, times)) = suffix
            && (j == i || word.len() > 1)
        {
            text.push_str(s);
            scale = times;
            i = end_of_word;
        }
        // A percent sign, glued or after a space.
        let mut percent = false;
        let mut k = i;
        if at(k) == Some(' ') {
            k += 1;
        }
        if at(k) == Some('%') {
            percent = true;
            i = k + 1;
        }
        let value = parse_number(&text)?;
        out.push(Token {
            value,
            start: pos(start),
            end: pos(i),
            percent,
            scale,
        });
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn v(text: &str, basis: Basis) -> Reading {
        read(text, basis, 30.0).unwrap_or_else(|e| panic!("{text}: {e}"))
    }

    #[test]
    fn reads_the_clients_own_words() {
        assert_eq!(v("about 40 agents", Basis::Number).value, 40.0);
        assert_eq!(v("2k a day", Basis::PerDay).value, 2000.0);
        assert_eq!(v("we spot-check 1 in 20", Basis::Percent).value, 5.0);
        assert_eq!(v("$18 when we get one wrong", Basis::Money).value, 18.0);
        assert_eq!(v("$1.2M", Basis::Money).value, 1_200_000.0);
        assert_eq!(v("15%", Basis::Percent).value, 15.0);
        assert_eq!(v("roughly 2.5 million", Basis::Number).value, 2_500_000.0);
        assert_eq!(v("3 minutes", Basis::Minutes).value, 3.0);
    }

    #[test]
    fn ranges_give_the_middle_or_the_most_likely_value() {
        let r = v("1,500 to 3,000", Basis::PerDay);
        assert_eq!((r.value, r.range), (2250.0, Some((1500.0, 3000.0))));
        assert!(r.shown.contains("1,500–3,000, middle 2,250"), "{}", r.shown);
        let r = v("2–4 %", Basis::Percent);
        assert_eq!((r.value, r.range), (3.0, Some((2.0, 4.0))));
        let r = v("1,500 to 3,000, most likely 2,000", Basis::PerDay);
        assert_eq!((r.value, r.range), (2000.0, Some((1500.0, 3000.0))));
        let r = v("between 10 and 20 minutes", Basis::Minutes);
        assert_eq!((r.value, r.range), (15.0, Some((10.0, 20.0))));
        assert!(read("1,500 to 3,000, most likely 5,000", Basis::PerDay, 30.0).is_err());
    }

    #[test]
    fn periods_and_units_convert_and_say_so() {
        let r = v("60k a month", Basis::PerDay);
        assert_eq!(r.value, 2000.0);
        assert_eq!(r.shown, "60,000 a month ÷ 30 days = 2,000");
        assert_eq!(v("$30 an hour", Basis::MoneyPerYear).value, 62_400.0);
        assert_eq!(v("$90k a year", Basis::MoneyPerYear).value, 90_000.0);
        assert_eq!(v("$5k a month", Basis::MoneyPerYear).value, 60_000.0);
        assert_eq!(v("90 seconds", Basis::Minutes).value, 1.5);
        assert_eq!(v("2h", Basis::Minutes).value, 120.0);
        assert_eq!(v("1 year", Basis::Months).value, 12.0);
        let r = v("10-20k a month", Basis::PerDay);
        assert_eq!(r.range, Some((10_000.0 / 30.0, 20_000.0 / 30.0)));
        // "today" is not "a day"; "a day" changes nothing in a per-day answer.
        assert_eq!(v("2,500 today", Basis::PerDay).value, 2500.0);
    }

    #[test]
    fn a_pasted_column_of_digits_is_refused_not_saved() {
        // A paste is cut to 200 characters: 200 nines read as 1e200.
        let digits = "9".repeat(200);
        let e = read(&digits, Basis::Minutes, 30.0).unwrap_err();
        assert!(
            e.contains("far beyond") && e.contains("1,000,000,000,000"),
            "{e}"
        );
        assert!(read(&"9".repeat(10_000), Basis::Minutes, 30.0).is_err());
        assert!(read("2 to 1e15", Basis::Number, 30.0).is_err());
        assert_eq!(v("$1.2M", Basis::Money).value, 1_200_000.0);
        assert_eq!(v("1,000,000,000,000", Basis::Number).value, 1e12);
    }

    #[test]
    fn refuses_what_cannot_be_read_and_says_why() {
        assert!(read("", Basis::Number, 30.0).unwrap_err().contains("Tab"));
        assert!(
            read("no idea", Basis::Number, 30.0)
                .unwrap_err()
                .contains("no number")
        );
        assert!(
            read("2, 3 and 4", Basis::Number, 30.0)
                .unwrap_err()
                .contains("several")
        );
        assert!(read("1 in 0", Basis::Percent, 30.0).is_err());
        assert!(read("1 in 20", Basis::Money, 30.0).is_err());
    }
}
