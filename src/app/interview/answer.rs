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

use super::convert::{Converted, convert, implausible, say, say_span, typed, wants};
use super::figures::{Em, Figure, between, figures, loose_words};
use super::tokens::{Spelling, Tok, normalized, spelt_numbers, tokens};
use super::words::{
    ALL, AT_ONCE, DAYS, FLAT, GUESS, Join, LIKELY, NONE, NOT_KNOWN, Time, has_phrase, join,
    negative_word, period_word, positive_word, time_word,
};
use crate::app::entry::quoted;
use crate::report::format::number;

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
pub fn read(text: &str, ask: &Ask) -> Result<Heard, String> {
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
        fractions: if ask.basis == Basis::Percent { 100.0 } else { 1.0 },
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
        ));
    }
    Ok(Heard::Figure(r))
}

/// An answer without a number: "no idea", "none", "weekdays", "right away".
fn without_number(t: &str, words: &[&str], ask: &Ask) -> Result<Heard, String> {
    if NOT_KNOWN.iter().any(|p| has_phrase(words, p)) || t.chars().all(|c| c == '?') {
        return Ok(Heard::NotKnown);
    }
    let fixed = |v: f64, said: &str| {
        Ok(Heard::Figure(Reading {
            value: v,
            range: None,
            shown: format!("“{said}” = {}", say(v, ask)),
            doubt: None,
            guess: false,
        }))
    };
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
    if ask.basis == Basis::Percent
        && !ask.signed
        && let Some(p) = ALL.iter().find(|p| has_phrase(words, p))
    {
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
            let t = period_word(w)
                .or_else(|| (i > 0 && words[i - 1] == "every").then(|| time_word(w)).flatten())?;
            Some((*w, t))
        })
        && let Some(m) = t.months()
    {
        return fixed(per / m, w);
    }
    // "no" on its own, or "no reviews": none; "no budget yet" is not read.
    let no = words.first() == Some(&"no") && words.len() <= 2;
    if let Some(p) = NONE
        .iter()
        .find(|p| **p != "no" && has_phrase(words, p))
        .or(no.then_some(&"no"))
    {
        return fixed(0.0, p);
    }
    Err(format!(
        "no number in {} — this question asks {}; “no idea” keeps the default",
        quoted(t),
        wants(ask.basis)
    ))
}

fn several(t: &str, figs: &[Figure]) -> String {
    let heard: Vec<String> = figs.iter().map(typed).collect();
    format!(
        "{} has several numbers (heard {}) but not how they go together; give one, a range (1,500 to 3,000, most likely 2,000) or a ratio (1 in 20)",
        quoted(t),
        heard.join(", ")
    )
}

/// The words between figures `a` and `b`, as [`join`] reads them. A hedge
/// may end a longer run ("4k in chat, maybe 6k"), and "4k now, 6k by
/// summer" is one too: the figure now, and where it may go.
fn joined(toks: &[Tok], a: &Figure, b: &Figure) -> Option<Join> {
    let run = between(toks, a, b);
    let run: Vec<&str> = run.iter().map(String::as_str).collect();
    if let Some(j) = join(&run) {
        return Some(j);
    }
    let words: Vec<&str> = run.iter().copied().filter(|w| !matches!(*w, "," | ";")).collect();
    let now = matches!(words.as_slice(), ["now" | "today" | "currently", ..]);
    let hedged = (1..words.len()).any(|i| join(&words[i..]) == Some(Join::Hedge));
    (hedged || (now && words.len() == 1)).then_some(Join::Hedge)
}

fn with_figures(t: &str, toks: &[Tok], mut figs: Vec<Figure>, ask: &Ask) -> Result<Reading, String> {
    let mut doubts: Vec<String> = signs(&mut figs, toks, ask).into_iter().collect();
    doubts.extend(weekdays(toks, ask));
    let loose = loose_words(toks, &figs);
    let reading = match figs.as_slice() {
        [f] => {
            doubts.extend(elsewhere(&loose, f, ask));
            single(f, ask, doubts)?
        }
        [a, b] => match joined(toks, a, b) {
            Some(Join::Ratio) => ratio(t, a, b, ask)?,
            Some(how @ (Join::Range | Join::Hedge)) => {
                let (a, b) = borrowed(a, b);
                doubts.extend(elsewhere(&loose, &a, ask));
                span(&a, &b, how, None, ask, doubts)?
            }
            None => return Err(several(t, &figs)),
        },
        [a, b, c] => {
            let likely = between(toks, b, c).iter().any(|w| LIKELY.contains(&w.as_str()));
            if joined(toks, a, b) != Some(Join::Range) || !likely {
                return Err(several(t, &figs));
            }
            let (a, b) = borrowed(a, b);
            let (c, _) = borrowed(c, &a);
            doubts.extend(elsewhere(&loose, &a, ask));
            span(&a, &b, Join::Range, Some(&c), ask, doubts)?
        }
        _ => return Err(several(t, &figs)),
    };
    Ok(reading)
}

/// Sign words, where the question allows a negative: "shrinking 2 %",
/// "down 2 %", "minus 2", "2 % fewer" make the figures negative; a minus
/// sign is kept (never doubled). Against an upward word or `+` the typed
/// sign wins and the answer is doubtful. "down to", "up to" are not signs.
fn signs(figs: &mut [Figure], toks: &[Tok], ask: &Ask) -> Option<String> {
    if !ask.signed {
        return None;
    }
    let words: Vec<&str> = toks.iter().filter_map(Tok::word).collect();
    let find = |pred: fn(&str) -> bool| {
        words
            .iter()
            .enumerate()
            .find(|(i, w)| pred(w) && words.get(i + 1) != Some(&"to"))
            .map(|(_, w)| w.to_string())
    };
    let down = find(negative_word);
    let up = find(positive_word).or(figs
        .iter()
        .any(|f| f.sign == Some('+'))
        .then(|| "+".to_string()));
    let minus = figs.iter().any(|f| f.sign == Some('−'));
    match (down, up) {
        (Some(d), Some(u)) => Some(format!(
            "both “{d}” and “{u}” are in the answer: the numbers are read with the signs typed"
        )),
        (Some(_), None) => {
            for f in figs.iter_mut().filter(|f| f.sign.is_none()) {
                f.value = -f.value;
            }
            None
        }
        (None, Some(u)) if minus => Some(format!(
            "“{u}” but a minus sign: the number is read as typed, negative"
        )),
        _ => None,
    }
}

/// "2,500 on weekdays" to a plan that runs every day: the count a day is
/// right, but the plan's days a month (set in the workbench) would not be.
fn weekdays(toks: &[Tok], ask: &Ask) -> Option<String> {
    let words: Vec<&str> = toks.iter().filter_map(Tok::word).collect();
    let said = ["weekday", "weekdays", "working", "business"]
        .into_iter()
        .find(|w| words.contains(w))?;
    (ask.basis == Basis::PerDay && ask.days_per_month > 23.0).then(|| {
        format!(
            "“{said}”: the plan counts {} active days a month (weekdays only are about 22: Days per month, in the workbench)",
            number(ask.days_per_month, 1)
        )
    })
}

/// A unit word of the question's kind away from a number that has none:
/// "2,500, more in a month" — the number is read in the question's unit,
/// but the consultant confirms.
fn elsewhere(loose: &[&str], f: &Figure, ask: &Ask) -> Option<String> {
    let own = match ask.basis {
        Basis::PerDay if f.period.is_none() => Time::Day,
        Basis::Minutes if f.unit.or(f.period).is_none() => Time::Minute,
        Basis::Months if f.unit.or(f.period).is_none() => Time::Month,
        Basis::MoneyPerYear if f.period.is_none() => Time::Year,
        Basis::MoneyPerHour if f.period.is_none() => Time::Hour,
        Basis::DaysPerMonth if f.period.is_none() => Time::Month,
        Basis::Percent if f.period.is_none() => ask.period?,
        _ => return None,
    };
    let relevant = |t: Time| match ask.basis {
        Basis::Minutes => t.minutes().is_some(),
        Basis::Months => t.months().is_some(),
        Basis::DaysPerMonth => matches!(t, Time::Week | Time::Year),
        _ => true,
    };
    let w = loose.iter().find(|w| {
        time_word(w)
            .or(period_word(w))
            .is_some_and(|t| t != own && relevant(t))
    })?;
    Some(format!(
        "“{w}” is not next to the number, so the number is read as {}",
        say(f.value, ask)
    ))
}

/// `a` and `b` of a range, each with what the other has and it lacks:
/// "2–4 %", "2 to 4 minutes", "10-20k" (10k), "4k a day, maybe 6k".
fn borrowed(a: &Figure, b: &Figure) -> (Figure, Figure) {
    let take = |x: &Figure, y: &Figure| {
        let mut x = x.clone();
        x.percent |= y.percent;
        x.currency = x.currency.or(y.currency);
        x.unit = x.unit.or(y.unit);
        x.period = x.period.or(y.period);
        if let (None, Some((k, name))) = (x.scale, y.scale) {
            let near = |p: f64, q: f64| p != 0.0 && q != 0.0 && (p / q).abs().max((q / p).abs()) <= 10.0;
            if near(x.value * k, y.value) && !near(x.value, y.value) {
                x.value *= k;
                x.scale = Some((k, name));
            }
        }
        x
    };
    (take(a, b), take(b, a))
}

/// A converted figure, rounded to whole months or days where the input is
/// whole (and said, with a doubt when the rounding moves it far).
fn whole(c: Converted, f: &Figure, ask: &Ask) -> (f64, Option<String>) {
    if !matches!(ask.basis, Basis::Months | Basis::DaysPerMonth) || c.value.fract() == 0.0 {
        return (c.value, None);
    }
    let r = c.value.round();
    // Half a day a month either way is said, not doubted.
    let far = ask.basis == Basis::Months && (r - c.value).abs() > 0.25;
    let doubt = far.then(|| {
        format!(
            "{} is {}, rounded to {}",
            typed(f),
            say(c.value, ask),
            number(r, 0)
        )
    });
    (r, doubt)
}

fn single(f: &Figure, ask: &Ask, mut doubts: Vec<String>) -> Result<Reading, String> {
    let c = convert(f, ask)?;
    doubts.extend(c.doubts.iter().cloned());
    let how = c.how.clone();
    let (value, rounded) = whole(c, f, ask);
    doubts.extend(rounded);
    if ask.basis == Basis::Percent && !f.percent && value != 0.0 && value.abs() < 1.0 {
        doubts.push(format!(
            "{} without a % sign is read as {} %; as a fraction it would be {} %",
            number(value, 4),
            number(value, 4),
            number(value * 100.0, 2)
        ));
    }
    doubts.extend(implausible(value, ask));
    let shown = match how {
        Some(how) if how.is_empty() => format!("{} = {}", typed(f), say(value, ask)),
        Some(how) => format!("{} {how} = {}", typed(f), say(value, ask)),
        None => say(value, ask),
    };
    Ok(reading(value, None, shown, doubts))
}

fn reading(value: f64, range: Option<(f64, f64)>, shown: String, doubts: Vec<String>) -> Reading {
    Reading {
        value,
        range,
        shown,
        doubt: (!doubts.is_empty()).then(|| doubts.join("; ")),
        guess: false,
    }
}

/// "1 in 20", "5 out of 100": a share, on a percent question only.
fn ratio(t: &str, a: &Figure, b: &Figure, ask: &Ask) -> Result<Reading, String> {
    if ask.basis != Basis::Percent {
        return Err(format!(
            "{} is a ratio ({} in {}); this question asks {}",
            quoted(t),
            number(a.value, 4),
            number(b.value, 4),
            wants(ask.basis)
        ));
    }
    if b.value <= 0.0 || a.value < 0.0 {
        return Err(format!("{}: “{} in {}” is not a share", quoted(t), number(a.value, 4), number(b.value, 4)));
    }
    let v = a.value / b.value * 100.0;
    let shown = format!("{} in {} = {}", number(a.value, 4), number(b.value, 4), say(v, ask));
    let doubts = implausible(v, ask).into_iter().collect();
    Ok(reading(v, None, shown, doubts))
}

/// A range ("1,500 to 3,000", with `likely` "most likely 2,000": that value,
/// else the middle) or a hedge ("4k, maybe 6k": the first is the value).
fn span(
    a: &Figure,
    b: &Figure,
    how: Join,
    likely: Option<&Figure>,
    ask: &Ask,
    mut doubts: Vec<String>,
) -> Result<Reading, String> {
    let mut part = |f: &Figure| -> Result<(f64, bool), String> {
        let c = convert(f, ask)?;
        for d in &c.doubts {
            if !doubts.contains(d) {
                doubts.push(d.clone());
            }
        }
        let converted = c.how.is_some();
        let (v, rounded) = whole(c, f, ask);
        doubts.extend(rounded);
        Ok((v, converted))
    };
    let (x, cx) = part(a)?;
    let (y, cy) = part(b)?;
    let (lo, hi) = (x.min(y), x.max(y));
    let n = |v: f64| number(v, 2);
    let span = say_span(lo, hi, ask);
    let (value, shown) = match (how, likely) {
        (Join::Hedge, _) => (x, format!("{} (range {span})", say(x, ask))),
        (_, Some(l)) => {
            let (v, _) = part(l)?;
            if !(lo..=hi).contains(&v) {
                return Err(format!(
                    "the most likely value {} is outside the range {}–{}",
                    n(v),
                    n(lo),
                    n(hi)
                ));
            }
            (v, format!("{span}, most likely {}", n(v)))
        }
        _ => {
            let mid = match ask.basis {
                Basis::Months | Basis::DaysPerMonth => ((lo + hi) / 2.0).round(),
                _ => (lo + hi) / 2.0,
            };
            (mid, format!("{span}, middle {}", n(mid)))
        }
    };
    let shown = if cx || cy {
        format!("{} to {} = {shown}", typed(a), typed(b))
    } else {
        shown
    };
    doubts.extend(implausible(hi, ask).or(implausible(lo, ask)));
    let range = (lo < hi).then_some((lo, hi));
    Ok(reading(value, range, shown, doubts))
}
