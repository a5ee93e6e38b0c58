//! An answer cut into tokens: numbers (with the sign and currency symbol
//! written before them), words and marks. "shrinking, −2 % a month" is
//! `shrinking` `,` `−2` `%` `a` `month`; "2k/day" is `2` `k` `/` `day`;
//! "that's" is one word, so its `s` is never a unit. Numbers are read by the
//! workbench's number parser ([`crate::app::entry::parse_number`]), so
//! `2,500`, `2.5`, `0,75` and `1.000.000` mean here what they mean there.

use super::error::NotHeard;
use super::phrases::number_word;
use super::words::{TIME_MODIFIERS, currency_word, percent_word, scale_word, time_word};
use crate::app::entry::parse_number;

/// One token of an answer.
#[derive(Debug, Clone, PartialEq)]
pub enum Tok {
    /// A number: its value (negative after a minus sign), whether a sign
    /// was written, the currency symbol before it, and the text as typed.
    Num {
        value: f64,
        sign: Option<char>,
        currency: Option<&'static str>,
        text: String,
    },
    /// A word, lowercase; `%`, `~` and a currency symbol not before a number
    /// are words too.
    Word(String),
    /// Punctuation: `,` `;` `.` `(` `)` `/` `-` (a dash between numbers) …
    Mark(char),
}

impl Tok {
    pub fn word(&self) -> Option<&str> {
        match self {
            Tok::Word(w) => Some(w),
            _ => None,
        }
    }

    pub fn is_num(&self) -> bool {
        matches!(self, Tok::Num { .. })
    }

    /// The token as text, for matching phrases: a mark is its character.
    pub fn text(&self) -> String {
        match self {
            Tok::Num { text, .. } => text.clone(),
            Tok::Word(w) => w.clone(),
            Tok::Mark(c) => c.to_string(),
        }
    }
}

/// The answer in lowercase with its quotes and shorthands made plain.
pub fn normalized(text: &str) -> String {
    text.to_lowercase()
        .replace(['’', '‘', '`'], "'")
        .replace("n/a", "na")
        .replace("24/7", " every day ")
        .replace("per cent", "percent")
        .replace("more or less", "about")
}

/// A word that belongs to the number before it: `k`, `m`, `%`, `$`, a unit.
fn suffix(w: &str) -> bool {
    scale_word(w).is_some()
        || time_word(w).is_some()
        || percent_word(w)
        || currency_word(w).is_some()
        || w == "m"
}

fn is_dash(c: char) -> bool {
    matches!(c, '-' | '−' | '–' | '—')
}

fn is_currency(c: char) -> Option<&'static str> {
    match c {
        '$' => Some("USD"),
        '€' => Some("EUR"),
        '£' => Some("GBP"),
        '¥' => Some("JPY"),
        '₹' => Some("INR"),
        _ => None,
    }
}

/// Cuts `text` (see [`normalized`]) into tokens; `Err` names a number that
/// cannot be read ("1,2,3").
pub fn tokens(text: &str) -> Result<Vec<Tok>, NotHeard> {
    let chars: Vec<char> = text.chars().collect();
    let at = |i: usize| chars.get(i).copied();
    let digit_at = |i: usize| at(i).is_some_and(|c| c.is_ascii_digit());
    // A number starts here: a digit, or a `.` before one.
    let starts = |i: usize| digit_at(i) || (at(i) == Some('.') && digit_at(i + 1));
    let mut out: Vec<Tok> = Vec::new();
    let mut i = 0;
    while i < chars.len() {
        let c = chars[i];
        if c.is_whitespace() {
            i += 1;
            continue;
        }
        // A dash right after a number (or its `k`, `%`, unit) joins a range.
        let n = out.len();
        let after_number = match (
            n.checked_sub(1).map(|i| &out[i]),
            n.checked_sub(2).map(|i| &out[i]),
        ) {
            (Some(Tok::Num { .. }), _) => true,
            (Some(Tok::Word(w)), Some(Tok::Num { .. })) => suffix(w),
            _ => false,
        };
        // A sign, a currency symbol, or both, before a number.
        let mut j = i;
        let mut sign = None;
        let mut currency = None;
        while let Some(d) = at(j) {
            if sign.is_none() && (is_dash(d) || d == '+') && !after_number {
                sign = Some(if d == '+' { '+' } else { '−' });
                j += 1;
            } else if currency.is_none()
                && let Some(code) = is_currency(d)
            {
                currency = Some(code);
                j += 1;
            } else {
                break;
            }
        }
        if j > i && starts(j) {
            let (value, text, end) = number(&chars, j)?;
            let value = if sign == Some('−') { -value } else { value };
            out.push(Tok::Num {
                value: if value == 0.0 { 0.0 } else { value },
                sign,
                currency,
                text,
            });
            i = end;
            continue;
        }
        if starts(i) {
            let (value, text, end) = number(&chars, i)?;
            out.push(Tok::Num {
                value,
                sign: None,
                currency: None,
                text,
            });
            i = end;
            continue;
        }
        if c.is_alphabetic() {
            let mut k = i;
            while let Some(d) = at(k) {
                let inner_quote = d == '\'' && k > i && at(k + 1).is_some_and(char::is_alphabetic);
                if d.is_alphabetic() || inner_quote {
                    k += 1;
                } else {
                    break;
                }
            }
            out.push(Tok::Word(chars[i..k].iter().collect()));
            i = k;
            continue;
        }
        out.push(match c {
            '%' | '~' | '$' | '€' | '£' | '¥' | '₹' => Tok::Word(c.to_string()),
            '&' => Tok::Word("and".into()),
            d if is_dash(d) => Tok::Mark('-'),
            d => Tok::Mark(d),
        });
        i += 1;
    }
    Ok(out)
}

/// The number starting at `i`: digits with `,` or `.` between them, groups
/// of three after a space (`2 500`), an exponent (`1e6`). Returns its value,
/// its text and where it ends.
fn number(chars: &[char], i: usize) -> Result<(f64, String, usize), NotHeard> {
    let at = |k: usize| chars.get(k).copied();
    let digit_at = |k: usize| at(k).is_some_and(|c| c.is_ascii_digit());
    let mut k = i;
    // Groups after a space (`2 500`, `1 000 000`): only before any `,` or `.`,
    // after a head of one to three digits, three digits a group.
    let groups_so_far = |k: usize| {
        let run: String = chars[i..k].iter().collect();
        let mut groups = run.split(' ');
        groups.next().is_some_and(|g| (1..=3).contains(&g.len()))
            && groups.all(|g| g.len() == 3)
            && run.chars().all(|c| c.is_ascii_digit() || c == ' ')
    };
    while let Some(d) = at(k) {
        let digit = d.is_ascii_digit();
        let mark = matches!(d, ',' | '.') && digit_at(k + 1);
        let group = d == ' '
            && (1..=3).all(|n| digit_at(k + n))
            && !digit_at(k + 4)
            && !(matches!(at(k + 4), Some(',' | '.')) && digit_at(k + 5))
            && groups_so_far(k);
        if !(digit || mark || group) {
            break;
        }
        k += 1;
    }
    // An exponent: `1e6`, `2.5e-3` (never the `e` of a word such as "each").
    if at(k) == Some('e') {
        let mut e = k + 1;
        if at(e).is_some_and(|c| c == '+' || c == '-') {
            e += 1;
        }
        if digit_at(e) {
            while digit_at(e) {
                e += 1;
            }
            if !at(e).is_some_and(char::is_alphabetic) {
                k = e;
            }
        }
    }
    let text: String = chars[i..k].iter().collect();
    let value = parse_number(&text.replace(' ', ""))?;
    Ok((value, text, k))
}

/// The denominator a fraction word names: "thirds" 3, "quarters" 4
/// (unless a quarter is three months), "fifths" 5, "tenths" 10.
fn denominator(w: &str, quarter: bool) -> Option<f64> {
    Some(match w {
        "half" | "halves" => 2.0,
        "third" | "thirds" => 3.0,
        "quarter" | "quarters" if quarter => 4.0,
        "fifth" | "fifths" => 5.0,
        "tenth" | "tenths" => 10.0,
        _ => return None,
    })
}

/// How numbers said in words are read, in the question's terms.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Spelling {
    /// "an hour", "a year", "a day a week": one of the unit (a duration or
    /// a share of a week is asked).
    pub articles_count: bool,
    /// "a quarter" is three months (else a quarter of one, 0.25).
    pub quarter_is_time: bool,
    /// What "half", "a third", "a quarter" are multiplied by: 100 on a
    /// percent question ("half of them" is 50 %).
    pub fractions: f64,
}

fn num(value: f64, text: &str) -> Tok {
    Tok::Num {
        value,
        sign: None,
        currency: None,
        text: text.to_string(),
    }
}

/// Numbers said in words: "one in twenty", "twenty five", "twice", "half an
/// hour", "a dozen", "a couple of minutes", "two and a half" (only where the
/// answer has no digits, so the "one" of "$18 when we get one wrong" stays a
/// word); "and a half" after any number ("2 and a half hours"); and, with
/// [`Spelling::articles_count`], "an hour", "a year", "a minute or two".
pub fn spelt_numbers(toks: Vec<Tok>, how: Spelling) -> Vec<Tok> {
    let digits = toks.iter().any(Tok::is_num);
    let mut out: Vec<Tok> = Vec::new();
    let mut i = 0;
    while i < toks.len() {
        let w = toks[i].word().unwrap_or("");
        let next = toks.get(i + 1).and_then(Tok::word).unwrap_or("");
        // "2 and a half", "an hour and a half": half of one more.
        let and_a_half =
            w == "and" && next == "a" && toks.get(i + 2).and_then(Tok::word) == Some("half");
        if and_a_half && let Some(Tok::Num { value, text, .. }) = last_number(&mut out) {
            *value += value.signum() * 0.5;
            text.push_str(" and a half");
            i += 3;
            continue;
        }
        // "half a million", "a quarter of a million": a share of the scale.
        let fraction_before = matches!(out.last(), Some(Tok::Num { value, .. }) if *value < 1.0);
        let article_then_scale = match (w, next) {
            ("a" | "an", n) if scale_word(n).is_some() => Some(1),
            ("of", "a" | "an") => toks
                .get(i + 2)
                .and_then(Tok::word)
                .and_then(scale_word)
                .map(|_| 2),
            _ => None,
        };
        if fraction_before && let Some(skip) = article_then_scale {
            i += skip;
            continue;
        }
        let value = match w {
            _ if digits => None,
            "quarter" if !how.quarter_is_time => Some(0.25 * how.fractions),
            "half" | "third" => number_word(w).map(|v| v * how.fractions),
            "fifth" => Some(0.2 * how.fractions),
            "tenth" => Some(0.1 * how.fractions),
            "once" => Some(1.0),
            "twice" => Some(2.0),
            "thrice" => Some(3.0),
            _ => number_word(w),
        };
        if let Some(v) = value {
            // "two thirds", "three quarters", "one fifth": a fraction.
            let quarter = !how.quarter_is_time;
            if let Some(d) = denominator(next, quarter).filter(|_| (1.0..20.0).contains(&v)) {
                out.push(num(v / d * how.fractions, &format!("{w} {next}")));
                i += 2;
                continue;
            }
            // "twenty five": tens and ones.
            if v >= 20.0
                && v % 10.0 == 0.0
                && let Some(ones) = number_word(next).filter(|o| (1.0..10.0).contains(o))
            {
                out.push(num(v + ones, &format!("{w} {next}")));
                i += 2;
                continue;
            }
            // "a dozen", "a half": the article is part of the number.
            if matches!(out.last().and_then(Tok::word), Some("a" | "an")) {
                out.pop();
            }
            out.push(num(v, w));
            // "a couple of minutes": "of" belongs to the number.
            i += if w == "couple" && next == "of" { 2 } else { 1 };
            continue;
        }
        // Only where no number came before: "5 minutes a day" stays a period.
        let begins = !out.iter().any(Tok::is_num);
        if !digits && begins && matches!(w, "a" | "an") && scale_word(next).is_some() {
            // "a thousand", "a hundred", "a million": one of them.
            out.push(num(1.0, w));
            i += 1;
            continue;
        }
        if how.articles_count
            && begins
            && matches!(w, "a" | "an")
            && unit_follows(&toks[i + 1..], how)
        {
            out.push(num(1.0, w));
            i += 1;
            continue;
        }
        out.push(toks[i].clone());
        i += 1;
    }
    out
}

/// The number just before (perhaps with its unit word after it).
fn last_number(out: &mut [Tok]) -> Option<&mut Tok> {
    let n = out.len();
    let at = match (out.get(n.wrapping_sub(1)), out.get(n.wrapping_sub(2))) {
        (Some(Tok::Num { .. }), _) => n - 1,
        (Some(Tok::Word(_)), Some(Tok::Num { .. })) => n - 2,
        _ => return None,
    };
    out.get_mut(at)
}

/// A unit of time comes next, perhaps after "working" ("a quarter" is a
/// number where a quarter is not three months).
fn unit_follows(rest: &[Tok], how: Spelling) -> bool {
    rest.iter()
        .map_while(Tok::word)
        .find(|w| !TIME_MODIFIERS.contains(w))
        .is_some_and(|w| time_word(w).is_some() && (how.quarter_is_time || w != "quarter"))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn toks(s: &str) -> Vec<Tok> {
        tokens(&normalized(s)).unwrap()
    }

    fn values(t: &[Tok]) -> Vec<f64> {
        t.iter()
            .filter_map(|t| match t {
                Tok::Num { value, .. } => Some(*value),
                _ => None,
            })
            .collect()
    }

    #[test]
    fn a_minus_before_a_number_is_its_sign_a_dash_between_numbers_is_a_range() {
        assert_eq!(values(&toks("shrinking, -2 % a month")), [-2.0]);
        assert_eq!(values(&toks("−2%")), [-2.0]);
        assert_eq!(values(&toks("2-4 %")), [2.0, 4.0]);
        assert_eq!(values(&toks("2 – 4 %")), [2.0, 4.0]);
        assert_eq!(values(&toks("from -5 to -2")), [-5.0, -2.0]);
        assert_eq!(values(&toks("-$5k")), [-5.0]);
        assert_eq!(values(&toks("$150k-$200k")), [150.0, 200.0]);
        assert_eq!(values(&toks("2 % - 4 %")), [2.0, 4.0]);
        assert_eq!(values(&toks("2 to -4")), [2.0, -4.0]);
        assert!(toks("2-4").contains(&Tok::Mark('-')));
    }

    #[test]
    fn numbers_keep_their_separators_and_words_their_apostrophes() {
        assert_eq!(values(&toks("about 2,500 a day")), [2500.0]);
        assert_eq!(values(&toks("2 500 a day")), [2500.0]);
        assert_eq!(values(&toks("1 in 20")), [1.0, 20.0]);
        assert_eq!(values(&toks("2, 3 and 4")), [2.0, 3.0, 4.0]);
        assert_eq!(values(&toks("0,75")), [0.75]);
        assert_eq!(values(&toks("1e6")), [1e6]);
        assert!(toks("3 minutes, that's what QA says").contains(&Tok::Word("that's".into())));
        assert_eq!(toks("5m")[1], Tok::Word("m".into()));
        assert_eq!(toks("$1.2M")[1], Tok::Word("m".into()));
        assert!(matches!(
            toks("$18")[0],
            Tok::Num {
                currency: Some("USD"),
                ..
            }
        ));
        assert!(tokens("1,2,3").is_err());
    }

    const PLAIN: Spelling = Spelling {
        articles_count: false,
        quarter_is_time: false,
        fractions: 1.0,
    };
    const DURATION: Spelling = Spelling {
        articles_count: true,
        quarter_is_time: true,
        fractions: 1.0,
    };

    #[test]
    fn spelt_numbers_only_without_digits() {
        let s = |t: &str, how: Spelling| values(&spelt_numbers(toks(t), how));
        assert_eq!(s("one in twenty", PLAIN), [1.0, 20.0]);
        assert_eq!(s("twenty five", PLAIN), [25.0]);
        assert_eq!(s("twice", PLAIN), [2.0]);
        assert_eq!(s("half an hour", DURATION), [0.5]);
        assert_eq!(s("an hour", DURATION), [1.0]);
        assert_eq!(s("an hour", PLAIN), Vec::<f64>::new());
        assert_eq!(s("a minute or two", DURATION), [1.0, 2.0]);
        assert_eq!(s("a year and a half", DURATION), [1.5]);
        assert_eq!(s("2 and a half hours", DURATION), [2.5]);
        assert_eq!(s("two and a half thousand", PLAIN), [2.5]);
        assert_eq!(s("half a million", PLAIN), [0.5]);
        let t = spelt_numbers(toks("a quarter of a million dollars"), PLAIN);
        assert_eq!(t[1], Tok::Word("million".into()), "{t:?}");
        assert_eq!(s("a dozen", PLAIN), [12.0]);
        assert_eq!(s("$18 when we get one wrong", PLAIN), [18.0]);
        assert_eq!(s("a quarter", DURATION), [1.0]);
        assert_eq!(s("a quarter", PLAIN), [0.25]);
        let percent = Spelling {
            fractions: 100.0,
            ..PLAIN
        };
        assert_eq!(s("about half of them", percent), [50.0]);
    }
}
