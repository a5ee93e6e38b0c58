//! The figures of an answer: each number with the words written next to
//! it — a scale (`2k`, `2 k`, `1.2 million`), `%`, a currency, a unit of
//! time ("3 months"), the people it counts ("40 agents") and a period
//! ("a day", "per month", "/h", "monthly"), perhaps after a noun or two
//! ("2,500 conversations a day"). Only these adjacent words belong to the
//! number; words elsewhere in the sentence ("this month", "within the
//! year", "that's") never change it.

use super::tokens::Tok;
use super::words::{
    PER, TIME_MODIFIERS, Time, currency_word, percent_word, period_word, person_word, scale_word,
    time_word,
};

/// What a bare `m` after a number means in the question's terms.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Em {
    Minute,
    Month,
    Million,
}

/// A number and the words that belong to it.
#[derive(Debug, Clone, PartialEq)]
pub struct Figure {
    /// As typed, with its sign and scale: "−2", "5 million" → 5,000,000.
    pub value: f64,
    /// The sign written before it (`−` or `+`).
    pub sign: Option<char>,
    /// The scale written after it (`k`, `million`) and its factor.
    pub scale: Option<(f64, &'static str)>,
    /// The currency written with it ("$", "dollars", "€").
    pub currency: Option<&'static str>,
    pub percent: bool,
    /// A unit of time written right after it: "3 months", "90 s", "5m".
    pub unit: Option<Time>,
    /// A period after "a", "per", "/" or a word such as "daily".
    pub period: Option<Time>,
    /// People it counts: "40 agents".
    pub person: Option<String>,
    /// The first noun written after it: "6k tokens", "20,000 pages a day".
    pub noun: Option<String>,
    /// "every" is written before it: "every 6 months".
    pub every: bool,
    /// A rank, not an amount: "20th", "1st".
    pub ordinal: bool,
    /// The tokens it covers (first and last index).
    pub first: usize,
    pub last: usize,
    /// The words it was read from, for messages: "60 k a month".
    pub text: String,
}

/// Words that end the search for a period after a number: they join
/// numbers, hedge them or begin another clause.
const STOP: [&str; 18] = [
    "to", "and", "or", "in", "of", "out", "maybe", "perhaps", "up", "at", "but", "then", "by",
    "from", "between", "most", "likely", "when",
];

fn time_unit(w: &str, em: Em, money: bool) -> Option<Time> {
    match (w, em) {
        ("m", Em::Minute) if !money => Some(Time::Minute),
        ("m", Em::Month) if !money => Some(Time::Month),
        _ => time_word(w),
    }
}

/// The figures of `toks`, in order; "1 h 30 min" and "1h30" are one figure.
pub fn figures(toks: &[Tok], em: Em) -> Vec<Figure> {
    let mut out: Vec<Figure> = Vec::new();
    let mut i = 0;
    while i < toks.len() {
        if toks[i].is_num() {
            let free = out.last().map_or(0, |p| p.last + 1);
            let f = figure_at(toks, i, em, free);
            i = f.last + 1;
            match out.last_mut() {
                Some(prev) if joins_duration(toks, prev, &f) => merge(prev, f),
                _ => out.push(f),
            }
        } else {
            i += 1;
        }
    }
    out
}

/// The figure of the number at `i`; a currency word before it is its own
/// from `free` on (not one the previous figure took).
fn figure_at(toks: &[Tok], i: usize, em: Em, free: usize) -> Figure {
    let word = |j: usize| toks.get(j).and_then(Tok::word);
    let (value, sign, currency) = match &toks[i] {
        Tok::Num {
            value,
            sign,
            currency,
            ..
        } => (*value, *sign, *currency),
        _ => (0.0, None, None),
    };
    let mut f = Figure {
        value,
        sign,
        scale: None,
        currency,
        percent: false,
        unit: None,
        period: None,
        person: None,
        noun: None,
        every: i > 0 && word(i - 1) == Some("every"),
        ordinal: false,
        first: i,
        last: i,
        text: String::new(),
    };
    // A currency written before the number: "EUR 40k", "€ 40000".
    if f.currency.is_none()
        && i > free
        && let Some(code) = i.checked_sub(1).and_then(word).and_then(currency_word)
    {
        f.currency = Some(code);
        f.first = i - 1;
    }
    let mut j = i + 1;
    if matches!(word(j), Some("st" | "nd" | "rd" | "th")) {
        f.ordinal = true;
        j += 1;
    }
    if let Some(w) = word(j) {
        let million = w == "m" && (em == Em::Million || f.currency.is_some());
        if let Some((x, name)) = scale_word(w).or(million.then_some((1e6, "million"))) {
            f.value *= x;
            f.scale = Some((x, name));
            j += 1;
        }
    }
    if word(j).is_some_and(percent_word) {
        f.percent = true;
        j += 1;
    }
    if let Some(code) = word(j).and_then(currency_word) {
        f.currency.get_or_insert(code);
        j += 1;
    }
    let mut k = j;
    while word(k).is_some_and(|w| TIME_MODIFIERS.contains(&w)) {
        k += 1;
    }
    if let Some(t) = word(k).and_then(|w| time_unit(w, em, f.currency.is_some())) {
        f.unit = Some(t);
        j = k + 1;
    }
    // A period, perhaps after a noun or two; a person among those nouns.
    let mut k = j;
    let mut nouns = 0;
    loop {
        match toks.get(k) {
            Some(Tok::Word(w)) if PER.contains(&w.as_str()) => {
                let mut e = k + 1;
                while word(e).is_some_and(|w| TIME_MODIFIERS.contains(&w)) {
                    e += 1;
                }
                if let Some(t) = word(e).and_then(time_word) {
                    f.period = Some(t);
                    j = e + 1;
                }
                break;
            }
            Some(Tok::Mark('/')) => {
                if let Some(t) = word(k + 1).and_then(time_word) {
                    f.period = Some(t);
                    j = k + 2;
                }
                break;
            }
            Some(Tok::Word(w)) if period_word(w).is_some() => {
                f.period = period_word(w);
                j = k + 1;
                break;
            }
            Some(Tok::Word(w)) if nouns < 2 && is_noun(w) => {
                if nouns == 0 {
                    f.noun = Some(w.clone());
                }
                if person_word(w) && f.person.is_none() {
                    f.person = Some(w.clone());
                    j = j.max(k + 1);
                }
                nouns += 1;
                k += 1;
            }
            _ => break,
        }
    }
    // On a duration question "half an hour", "a year" are the unit.
    // ("20 a day" stays a period: twenty of something each day).
    if matches!(em, Em::Minute | Em::Month) && f.unit.is_none() && f.value.abs() < 1.0 {
        f.unit = f.period.take();
    }
    f.last = j - 1;
    f.text = toks[f.first..j]
        .iter()
        .map(Tok::text)
        .collect::<Vec<_>>()
        .join(" ");
    f
}

/// A word that may stand between a number and its period ("2,500
/// conversations a day"): not a unit, a joining word or a number.
fn is_noun(w: &str) -> bool {
    w.chars().all(|c| c.is_alphabetic() || c == '\'')
        && !STOP.contains(&w)
        && time_word(w).is_none()
        && scale_word(w).is_none()
        && !percent_word(w)
        && currency_word(w).is_none()
}

/// "1 h 30 min", "1 hour and 30 minutes", "1h30": a second duration right
/// after the first, in a smaller unit (or none, after hours or minutes).
fn joins_duration(toks: &[Tok], a: &Figure, b: &Figure) -> bool {
    let between: Vec<String> = toks[a.last + 1..b.first].iter().map(Tok::text).collect();
    let plain =
        |f: &Figure| f.scale.is_none() && !f.percent && f.currency.is_none() && f.sign.is_none();
    let smaller = match (a.unit, b.unit) {
        (Some(x), Some(y)) => y < x && x.minutes().is_some() == y.minutes().is_some(),
        (Some(Time::Hour | Time::Minute), None) => b.period.is_none() && b.person.is_none(),
        _ => false,
    };
    a.period.is_none()
        && plain(a)
        && plain(b)
        && smaller
        && (between.is_empty() || between == ["and"])
}

fn merge(a: &mut Figure, b: Figure) {
    let Some(big) = a.unit else { return };
    let small = b.unit.unwrap_or(if big == Time::Hour {
        Time::Minute
    } else {
        Time::Second
    });
    let factor = match (small.minutes(), big.minutes()) {
        (Some(s), Some(g)) => s / g,
        _ => small.months().unwrap_or(1.0) / big.months().unwrap_or(1.0),
    };
    a.value += b.value * factor;
    a.period = b.period;
    a.person = a.person.take().or(b.person);
    a.last = b.last;
    a.text = format!("{} {}", a.text, b.text);
}

/// The words of `toks` outside every figure, in order.
pub fn loose_words<'a>(toks: &'a [Tok], figs: &[Figure]) -> Vec<&'a str> {
    toks.iter()
        .enumerate()
        .filter(|(i, _)| !figs.iter().any(|f| (f.first..=f.last).contains(i)))
        .filter_map(|(_, t)| t.word())
        .collect()
}

/// The tokens between two figures, as text.
pub fn between(toks: &[Tok], a: &Figure, b: &Figure) -> Vec<String> {
    toks[a.last + 1..b.first].iter().map(Tok::text).collect()
}

#[cfg(test)]
mod tests {
    use super::super::tokens::{normalized, tokens};
    use super::*;

    fn figs(s: &str, em: Em) -> Vec<Figure> {
        figures(&tokens(&normalized(s)).unwrap(), em)
    }

    fn one(s: &str, em: Em) -> Figure {
        let f = figs(s, em);
        assert_eq!(f.len(), 1, "{s}: {f:?}");
        f.into_iter().next().unwrap()
    }

    #[test]
    fn the_unit_next_to_the_number_is_its_unit() {
        let f = one("about 2,500 a day this month", Em::Million);
        assert_eq!((f.value, f.period), (2500.0, Some(Time::Day)));
        let f = one("3 months, within the year", Em::Month);
        assert_eq!((f.value, f.unit, f.period), (3.0, Some(Time::Month), None));
        let f = one("3 minutes, that's what QA says", Em::Minute);
        assert_eq!((f.unit, f.period), (Some(Time::Minute), None));
        let f = one("2,500 conversations a day", Em::Million);
        assert_eq!(f.period, Some(Time::Day));
        let f = one("2,500 this month", Em::Million);
        assert_eq!(f.period, None, "“this month” is not “a month”");
        let f = one("$30/h", Em::Million);
        assert_eq!((f.currency, f.period), (Some("USD"), Some(Time::Hour)));
        let f = one("$62k loaded, yearly", Em::Million);
        assert_eq!(f.period, None, "a comma ends the figure");
        let f = one("18k weekly", Em::Million);
        assert_eq!((f.value, f.period), (18_000.0, Some(Time::Week)));
        let f = one("22 working days a month", Em::Million);
        assert_eq!((f.unit, f.period), (Some(Time::Day), Some(Time::Month)));
    }

    #[test]
    fn m_is_read_in_the_questions_terms() {
        assert_eq!(one("5m", Em::Minute).unit, Some(Time::Minute));
        assert_eq!(one("5m", Em::Month).unit, Some(Time::Month));
        assert_eq!(one("5m", Em::Million).value, 5e6);
        assert_eq!(one("$5m", Em::Minute).value, 5e6, "money: million");
        assert_eq!(one("2 k", Em::Minute).value, 2000.0);
        assert_eq!(one("2 thousand", Em::Minute).value, 2000.0);
        assert_eq!(one("1.2 million", Em::Minute).value, 1.2e6);
    }

    #[test]
    fn people_and_durations() {
        assert_eq!(
            one("about 40 agents", Em::Million).person.as_deref(),
            Some("agents")
        );
        assert_eq!(
            one("40 support agents", Em::Million).person.as_deref(),
            Some("agents")
        );
        let f = one("1 h 30 min", Em::Minute);
        assert_eq!((f.value, f.unit), (1.5, Some(Time::Hour)));
        assert_eq!(one("1h30", Em::Minute).value, 1.5);
        assert_eq!(one("2 minutes and 30 seconds", Em::Minute).value, 2.5);
        assert_eq!(figs("2 minutes 3 minutes", Em::Minute).len(), 2);
        assert_eq!(figs("1,500 to 3,000", Em::Million).len(), 2);
    }
}
