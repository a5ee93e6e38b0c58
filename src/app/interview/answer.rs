//! Reading an answer in the client's own words, as a careful listener
//! does: "about 2,500 a day this month", "3 months, within the year",
//! "shrinking, −2 % a month", "5m", "about 4k, maybe 6k by summer", "no
//! idea", "none", "weekdays". The steps, each in its own module:
//!
//! 1. [`super::tokens`] cuts the answer into numbers, words and marks;
//! 2. [`super::figures`] gives each number the words written next to it
//!    (scale, `%`, currency, unit, period, people) — and only those;
//! 3. here the figures are joined (one, a range, a ratio, a hedge "4k, maybe
//!    6k"), signed ("shrinking", "down", "minus" where the question allows
//!    a negative), and [`super::convert`]ed to the question's unit;
//! 4. what may not be meant (a unit word away from the number, people for
//!    a count of conversations, a figure far beyond the usual) becomes a
//!    *doubt*: the reading is shown and needs a second Enter.
//!
//! What cannot be read is refused with what was heard. Every conversion is
//! said, so the client hears what is written down.

use super::convert::{say, wants};
use super::error::NotHeard;
use super::figures::{Em, figures};
use super::joins::with_figures;
use super::phrases::{ALL, AT_ONCE, DAYS, FLAT, GUESS, NONE, NOT_KNOWN, has_phrase};
use super::tokens::{Spelling, Tok, normalized, spelt_numbers, tokens};
use super::words::{Time, period_word, time_word};
use crate::app::entry::quoted;

pub use super::convert::HOURS_PER_YEAR;

/// What a question's answer is measured in, and so which words convert it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Basis {
    /// A plain number ("about 40 agents", "2.5").
    Number,
    /// A number per active day; "a week", "a month", "a year" convert.
    PerDay,
    /// A percentage: "15%", "4", "1 in 20", "2–4 %".
    Percent,
    /// One amount of money ("$18", "$1.2M", "5m").
    Money,
    /// Money per year; "an hour" (2,080 hours) and "a month" convert.
    MoneyPerYear,
    /// Money per hour; "a year" (2,080 hours) and "a month" convert.
    MoneyPerHour,
    /// Minutes; "seconds" and "hours" convert, `5m` is five minutes.
    Minutes,
    /// Whole months; "a year", "weeks" and "quarters" convert, `5m` is five
    /// months.
    Months,
    /// Active days a month: "22", "weekdays" (22), "every day" (30), "5 days
    /// a week".
    DaysPerMonth,
    /// A share of one person's time: "0.5", "half", "50 %".
    Fte,
}

/// The question an answer is read against: its unit, and what the plan
/// and its inputs allow.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Ask<'a> {
    pub basis: Basis,
    /// Active days a month, to read "60k a month" as a count a day.
    pub days_per_month: f64,
    /// The input may be negative (growth, drift): sign words count.
    pub signed: bool,
    /// The question counts people ("How many developers"): "40 agents" fits.
    pub people: bool,
    /// The period the question names ("per month", "a year"), if any.
    pub period: Option<Time>,
    /// The plan's currency.
    pub currency: &'a str,
    /// What the question counts, singular ("page", "document"), if it names
    /// a measure: "6k tokens" to a pages question is converted, not 6,000.
    pub counts: Option<&'static str>,
    /// Tokens each counted thing sets (600 a page), to convert tokens.
    pub tokens_each: Option<f64>,
    /// The question asks a share caught: "we miss 1 in 10" is 90 %.
    pub caught: bool,
}

impl Ask<'static> {
    /// A question in `basis` with nothing else said (30 days a month, USD).
    pub fn of(basis: Basis) -> Self {
        Ask {
            basis,
            days_per_month: 30.0,
            signed: false,
            people: false,
            period: None,
            currency: "USD",
            counts: None,
            tokens_each: None,
            caught: false,
        }
    }
}

/// An answer read: the value in the question's unit, the range the client
/// gave (if any), what was heard, said, and anything doubtful about it.
#[derive(Debug, Clone, PartialEq)]
pub struct Reading {
    pub value: f64,
    pub range: Option<(f64, f64)>,
    /// "2,500 a day", "60,000 a month ÷ 30 days = 2,000 a day", "1 in 20 = 5 %".
    pub shown: String,
    /// Why the reading may not be what was meant: it needs a second Enter.
    pub doubt: Option<String>,
    /// The client said it was a guess ("not sure, maybe 3k"): Low confidence.
    pub guess: bool,
}

/// What an answer says.
#[derive(Debug, Clone, PartialEq)]
pub enum Heard {
    Figure(Reading),
    /// "no idea", "don't know", "skip": the default stays, noted.
    NotKnown,
}

/// The largest answer the interview takes: no volume, price or time of a real
/// plan comes near a trillion, so a larger figure is a slip (a pasted column
/// of digits) and is refused rather than saved.
pub const LARGEST: f64 = 1e12;

/// Reads `text` as an answer to `ask`. Answers beyond [`LARGEST`] are refused.
pub fn read(text: &str, ask: &Ask) -> Result<Heard, NotHeard> {
    let t = text.trim();
    if t.is_empty() {
        return Err("type the client's answer, or Tab to keep the default".into());
    }
    let lower = normalized(t);
    let em = match ask.basis {
        Basis::Minutes => Em::Minute,
        Basis::Months => Em::Month,
        _ => Em::Million,
    };
    let spelling = Spelling {
        articles_count: matches!(ask.basis, Basis::Minutes | Basis::Months | Basis::Fte),
        quarter_is_time: ask.basis == Basis::Months,
        fractions: if ask.basis == Basis::Percent {
            100.0
        } else {
            1.0
        },
    };
    let toks = spelt_numbers(tokens(&lower)?, spelling);
    let words: Vec<&str> = toks.iter().filter_map(Tok::word).collect();
    let figs = figures(&toks, em);
    if figs.is_empty() {
        return without_number(t, &words, ask);
    }
    let mut r = with_figures(t, &toks, figs, ask)?;
    r.guess = GUESS.iter().any(|g| has_phrase(&words, g));
    let too_big = |x: f64| !x.is_finite() || x.abs() > LARGEST;
    if too_big(r.value) || r.range.is_some_and(|(lo, hi)| too_big(lo) || too_big(hi)) {
        return Err(format!(
            "{} is far beyond any real plan (answers up to 1,000,000,000,000 are taken); check the digits",
            quoted(t)
        ).into());
    }
    Ok(Heard::Figure(r))
}

/// An answer without a number: "no idea", "none", "weekdays", "right away".
fn without_number(t: &str, words: &[&str], ask: &Ask) -> Result<Heard, NotHeard> {
    if NOT_KNOWN.iter().any(|p| has_phrase(words, p)) || t.chars().all(|c| c == '?') {
        return Ok(Heard::NotKnown);
    }
    let reading = |v: f64, said: &str| Reading {
        value: v,
        range: None,
        shown: format!("“{said}” = {}", say(v, ask)),
        doubt: None,
        guess: false,
    };
    let fixed = |v: f64, said: &str| Ok(Heard::Figure(reading(v, said)));
    if ask.basis == Basis::DaysPerMonth
        && let Some((_, v)) = DAYS.iter().find(|(p, _)| has_phrase(words, p))
    {
        return fixed(*v, if *v < 30.0 { "weekdays" } else { "every day" });
    }
    if ask.basis == Basis::Months
        && let Some(p) = AT_ONCE.iter().find(|p| has_phrase(words, p))
    {
        return fixed(0.0, p);
    }
    let none_said = NONE.iter().find(|p| **p != "no" && has_phrase(words, p));
    if ask.basis == Basis::Percent
        && !ask.signed
        && let Some(p) = ALL.iter().find(|p| has_phrase(words, p))
    {
        // "none, it's all live": both said; none is the share, doubted.
        if let Some(n) = none_said {
            let mut r = reading(0.0, n);
            r.doubt = Some(format!(
                "heard both “{n}” and “{p}”: recorded as {}; check which the client meant",
                say(0.0, ask)
            ));
            return Ok(Heard::Figure(r));
        }
        return fixed(100.0, p);
    }
    if ask.signed
        && let Some(p) = FLAT.iter().find(|p| has_phrase(words, p))
    {
        return fixed(0.0, p);
    }
    // "quarterly", "every month" to a question a year: 4, 12.
    if ask.basis == Basis::Number
        && let Some(per) = ask.period.and_then(Time::months)
        && let Some((w, t)) = words.iter().enumerate().find_map(|(i, w)| {
            let t = period_word(w).or_else(|| {
                (i > 0 && words[i - 1] == "every")
                    .then(|| time_word(w))
                    .flatten()
            })?;
            Some((*w, t))
        })
        && let Some(m) = t.months()
    {
        return fixed(per / m, w);
    }
    // "no" on its own, or "no reviews": none; "no budget yet" is not read.
    let no = words.first() == Some(&"no") && words.len() <= 2;
    if let Some(p) = none_said.or(no.then_some(&"no")) {
        return fixed(0.0, p);
    }
    Err(format!(
        "no number in {} — this question asks {}; “no idea” keeps the default",
        quoted(t),
        wants(ask.basis)
    )
    .into())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ask(basis: Basis) -> Ask<'static> {
        Ask::of(basis)
    }

    fn heard(text: &str, a: &Ask) -> Reading {
        match read(text, a) {
            Ok(Heard::Figure(r)) => r,
            other => panic!("{text}: {other:?}"),
        }
    }

    fn v(text: &str, basis: Basis) -> f64 {
        let r = heard(text, &ask(basis));
        assert!(r.doubt.is_none(), "{text}: {:?}", r.doubt);
        r.value
    }

    #[test]
    fn the_unit_next_to_the_number_is_the_unit() {
        let per_day = Ask {
            period: Some(Time::Day),
            ..ask(Basis::PerDay)
        };
        let r = heard("about 2,500 a day this month", &per_day);
        assert_eq!(
            (r.value, r.shown.as_str(), &r.doubt),
            (2500.0, "2,500 a day", &None)
        );
        assert_eq!(v("3 months, within the year", Basis::Months), 3.0);
        assert_eq!(v("3 minutes, that's what QA says", Basis::Minutes), 3.0);
        assert_eq!(v("60k a month", Basis::PerDay), 2000.0);
        assert_eq!(
            heard("60k a month", &ask(Basis::PerDay)).shown,
            "60,000 a month ÷ 30 days = 2,000 a day"
        );
        // Away from the number a unit word changes nothing, but is doubted.
        let r = heard("2,500 this month", &per_day);
        assert_eq!(r.value, 2500.0);
        assert!(
            r.doubt
                .unwrap()
                .contains("“month” is not next to the number")
        );
    }

    #[test]
    fn sign_words_keep_the_sign_where_a_negative_is_allowed() {
        let growth = Ask {
            signed: true,
            period: Some(Time::Month),
            ..ask(Basis::Percent)
        };
        for text in [
            "shrinking, -2 % a month",
            "-2%",
            "down 2 %",
            "minus 2 percent",
            "2 % fewer a month",
            "shrinking 2 %",
            "−2 %",
        ] {
            let r = heard(text, &growth);
            assert_eq!((r.value, &r.doubt), (-2.0, &None), "{text}");
        }
        assert_eq!(
            heard("down to 2 %", &growth).value,
            2.0,
            "“down to” is no sign"
        );
        assert!(heard("growing, -2%", &growth).doubt.is_some());
        let r = heard("down 2 to 4 %", &growth);
        assert_eq!((r.value, r.range), (-3.0, Some((-4.0, -2.0))));
        // A share cannot be negative: the words are not signs there.
        assert_eq!(v("down 2%", Basis::Percent), 2.0);
    }

    #[test]
    fn shorthand_is_read_in_the_questions_terms() {
        assert_eq!(v("5m", Basis::Minutes), 5.0);
        assert_eq!(v("5m", Basis::Months), 5.0);
        assert_eq!(v("5m", Basis::Money), 5e6);
        assert_eq!(v("$5m", Basis::Money), 5e6);
        assert_eq!(v("5m", Basis::Number), 5e6);
        assert_eq!(v("2 k", Basis::Money), 2000.0);
        assert_eq!(v("2 k", Basis::PerDay), 2000.0);
        assert_eq!(v("90s", Basis::Minutes), 1.5);
        assert_eq!(v("2h", Basis::Minutes), 120.0);
        assert_eq!(v("$30 an hour", Basis::MoneyPerYear), 62_400.0);
        let hourly = v("$80k a year", Basis::MoneyPerHour);
        assert!(
            (hourly - 80_000.0 / HOURS_PER_YEAR).abs() < 1e-9,
            "{hourly}"
        );
        // A minutes question never takes millions silently.
        let r = heard("5 million", &ask(Basis::Minutes));
        assert!(r.doubt.unwrap().contains("more than a working day"));
    }

    #[test]
    fn ranges_ratios_and_hedges() {
        let r = heard("1,500 to 3,000", &ask(Basis::PerDay));
        assert_eq!((r.value, r.range), (2250.0, Some((1500.0, 3000.0))));
        assert_eq!(r.shown, "1,500–3,000 a day, middle 2,250");
        let r = heard("1,500 to 3,000, most likely 2,000", &ask(Basis::PerDay));
        assert_eq!((r.value, r.range), (2000.0, Some((1500.0, 3000.0))));
        let r = heard("about 4k, maybe 6k by summer", &ask(Basis::PerDay));
        assert_eq!((r.value, r.range), (4000.0, Some((4000.0, 6000.0))));
        let r = heard("3k, at least 2k", &ask(Basis::PerDay));
        assert_eq!((r.value, r.range), (3000.0, Some((2000.0, 3000.0))));
        assert_eq!(
            heard("10-20k", &ask(Basis::PerDay)).range,
            Some((10_000.0, 20_000.0))
        );
        assert_eq!(v("we spot-check 1 in 20", Basis::Percent), 5.0);
        assert!(read("1,500 to 3,000, most likely 5,000", &ask(Basis::PerDay)).is_err());
        assert!(read("1 in 0", &ask(Basis::Percent)).is_err());
        assert!(
            read("1 in 20", &ask(Basis::Money))
                .unwrap_err()
                .contains("ratio")
        );
    }

    #[test]
    fn answers_without_a_figure() {
        for text in [
            "no idea",
            "don't know",
            "skip",
            "Not sure",
            "n/a",
            "??",
            "nobody knows",
        ] {
            assert_eq!(
                read(text, &ask(Basis::PerDay)),
                Ok(Heard::NotKnown),
                "{text}"
            );
        }
        assert_eq!(v("none", Basis::Number), 0.0);
        assert_eq!(v("never", Basis::Percent), 0.0);
        assert_eq!(v("no reviews", Basis::Percent), 0.0);
        assert_eq!(v("weekdays", Basis::DaysPerMonth), 22.0);
        assert_eq!(v("every day", Basis::DaysPerMonth), 30.0);
        assert_eq!(v("right away", Basis::Months), 0.0);
        let updates = Ask {
            period: Some(Time::Year),
            ..ask(Basis::Number)
        };
        assert_eq!(heard("quarterly", &updates).value, 4.0);
        assert_eq!(heard("every 6 months", &updates).value, 2.0);
        let e = read("no budget yet", &ask(Basis::Money)).unwrap_err();
        assert!(
            e.contains("no number") && e.contains("“no idea” keeps the default"),
            "{e}"
        );
        // A guess is taken, marked.
        assert!(heard("not sure, maybe 3k", &ask(Basis::PerDay)).guess);
        assert!(!heard("about 3k", &ask(Basis::PerDay)).guess);
    }

    #[test]
    fn a_unit_of_another_kind_is_refused_with_what_was_heard() {
        let e = read("15%", &ask(Basis::Minutes)).unwrap_err();
        assert!(e.starts_with("heard 15 %: a share in %"), "{e}");
        let e = read("$40", &ask(Basis::PerDay)).unwrap_err();
        assert!(e.contains("heard $40: an amount of money"), "{e}");
        let e = read("$5k a month", &ask(Basis::Money)).unwrap_err();
        assert!(e.contains("one amount"), "{e}");
        let e = read("2, 3 and 4", &ask(Basis::Number)).unwrap_err();
        assert!(e.contains("several numbers (heard 2, 3, 4)"), "{e}");
        let people = heard("about 40 agents", &ask(Basis::PerDay));
        assert!(people.doubt.unwrap().contains("“agents” are people"));
        let staff = Ask {
            people: true,
            ..ask(Basis::Number)
        };
        assert!(heard("about 40 agents", &staff).doubt.is_none());
    }

    #[test]
    fn a_pasted_column_of_digits_is_refused_not_saved() {
        let digits = "9".repeat(200);
        let e = read(&digits, &ask(Basis::Minutes)).unwrap_err();
        assert!(
            e.contains("far beyond") && e.contains("1,000,000,000,000"),
            "{e}"
        );
        assert!(read(&"9".repeat(10_000), &ask(Basis::Minutes)).is_err());
        assert!(read("2 to 1e15", &ask(Basis::Number)).is_err());
        assert_eq!(v("1,000,000,000,000", Basis::Number), 1e12);
        assert!(read("", &ask(Basis::Number)).unwrap_err().contains("Tab"));
    }
}
