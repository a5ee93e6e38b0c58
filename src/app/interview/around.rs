//! What the words around the figures of an answer say: the sign ("shrinking
//! 2 %", "down", "minus", "fewer" — where the question allows a negative),
//! and units said away from the number ("2,500, this month"), which never
//! change it but make the reading doubtful.

use super::answer::{Ask, Basis, Reading};
use super::convert::say;
use super::figures::Figure;
use super::phrases::has_phrase;
use super::tokens::Tok;
use super::words::{Time, negative_word, period_word, positive_word, time_word};
use crate::numbers::number;

/// Sign words, where the question allows a negative: "shrinking 2 %",
/// "down 2 %", "minus 2", "2 % fewer" make the figures negative; a minus
/// sign is kept (never doubled). Against an upward word or `+` the typed
/// sign wins and the answer is doubtful. "down to", "up to" are not signs.
pub(super) fn signs(figs: &mut [Figure], toks: &[Tok], ask: &Ask) -> Option<String> {
    if !ask.signed {
        return None;
    }
    // A word right before "to" says where it went, not which way: "down to".
    let find = |pred: fn(&str) -> bool| {
        toks.iter().enumerate().find_map(|(i, t)| {
            let w = t.word()?;
            let to = toks.get(i + 1).and_then(Tok::word) == Some("to");
            (pred(w) && !to).then(|| w.to_string())
        })
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
pub(super) fn weekdays(toks: &[Tok], ask: &Ask) -> Option<String> {
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
pub(super) fn elsewhere(loose: &[&str], f: &Figure, ask: &Ask) -> Option<String> {
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

/// Words that say the figure is the rest of the share asked: "we miss 1
/// in 10", "10 % slip through", "all but 1 in 20", "all except 5 %".
const COMPLEMENT: [&str; 16] = [
    "miss",
    "missed",
    "misses",
    "slip",
    "slips",
    "slipped",
    "all but",
    "except",
    "escape",
    "escapes",
    "escaped",
    "get past",
    "gets past",
    "got past",
    "not caught",
    "uncaught",
];

/// On a share question, a complement word makes the share 100 % less the
/// figure, said; where the question does not ask a share caught, it is a
/// doubt as well.
pub(super) fn complemented(mut r: Reading, toks: &[Tok], ask: &Ask) -> Reading {
    if ask.basis != Basis::Percent || ask.signed || !(0.0..=100.0).contains(&r.value) {
        return r;
    }
    let words: Vec<&str> = toks.iter().filter_map(Tok::word).collect();
    let Some(w) = COMPLEMENT.iter().find(|p| has_phrase(&words, p)) else {
        return r;
    };
    r.value = 100.0 - r.value;
    r.range = r.range.map(|(lo, hi)| (100.0 - hi, 100.0 - lo));
    r.shown = format!("“{w}” {}: 100 % less that = {}", r.shown, say(r.value, ask));
    if !ask.caught {
        let d = format!(
            "“{w}”: read as the rest, {}; this question may ask the share itself",
            say(r.value, ask)
        );
        r.doubt = Some(match r.doubt.take() {
            Some(o) => format!("{o}; {d}"),
            None => d,
        });
    }
    r
}
