//! The figures of an answer made one reading: one figure; a range ("1,500
//! to 3,000", "2–4 %", with "most likely 2,000"); a ratio ("1 in 20"); a
//! hedge ("about 4k, maybe 6k by summer": 4,000, ranging to 6,000). Each
//! figure is converted to the question's unit and what was heard is said.

use super::answer::{Ask, Basis, Reading};
use super::around::{complemented, elsewhere, signs, weekdays};
use super::convert::{Converted, convert, implausible, say, say_span, typed, wants};
use super::error::NotHeard;
use super::figures::{Figure, between, loose_words};
use super::phrases::{Join, LIKELY, join};
use super::tokens::Tok;
use crate::app::entry::quoted;
use crate::numbers::{currency_prefix, number};

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
    let words: Vec<&str> = run
        .iter()
        .copied()
        .filter(|w| !matches!(*w, "," | ";"))
        .collect();
    let now = matches!(words.as_slice(), ["now" | "today" | "currently", ..]);
    let hedged = (1..words.len()).any(|i| join(&words[i..]) == Some(Join::Hedge));
    (hedged || (now && words.len() == 1)).then_some(Join::Hedge)
}

pub(super) fn with_figures(
    t: &str,
    toks: &[Tok],
    mut figs: Vec<Figure>,
    ask: &Ask,
) -> Result<Reading, NotHeard> {
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
            None => return Err(several(t, &figs).into()),
        },
        [a, b, c] => {
            let likely = between(toks, b, c)
                .iter()
                .any(|w| LIKELY.contains(&w.as_str()));
            if joined(toks, a, b) != Some(Join::Range) || !likely {
                return Err(several(t, &figs).into());
            }
            let (a, b) = borrowed(a, b);
            let (c, _) = borrowed(c, &a);
            doubts.extend(elsewhere(&loose, &a, ask));
            span(&a, &b, Join::Range, Some(&c), ask, doubts)?
        }
        _ => return Err(several(t, &figs).into()),
    };
    Ok(complemented(reading, toks, ask))
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
            let near =
                |p: f64, q: f64| p != 0.0 && q != 0.0 && (p / q).abs().max((q / p).abs()) <= 10.0;
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

fn single(f: &Figure, ask: &Ask, mut doubts: Vec<String>) -> Result<Reading, NotHeard> {
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
fn ratio(t: &str, a: &Figure, b: &Figure, ask: &Ask) -> Result<Reading, NotHeard> {
    if ask.basis != Basis::Percent {
        return Err(format!(
            "{} is a ratio ({} in {}); this question asks {}",
            quoted(t),
            number(a.value, 4),
            number(b.value, 4),
            wants(ask.basis)
        )
        .into());
    }
    if b.value <= 0.0 || a.value < 0.0 {
        return Err(format!(
            "{}: “{} in {}” is not a share",
            quoted(t),
            number(a.value, 4),
            number(b.value, 4)
        )
        .into());
    }
    let v = a.value / b.value * 100.0;
    let shown = format!(
        "{} in {} = {}",
        number(a.value, 4),
        number(b.value, 4),
        say(v, ask)
    );
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
) -> Result<Reading, NotHeard> {
    let mut part = |f: &Figure| -> Result<(f64, bool), NotHeard> {
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
    // Amounts keep their currency: "$150,000–200,000, middle $175,000".
    let money = matches!(
        ask.basis,
        Basis::Money | Basis::MoneyPerYear | Basis::MoneyPerHour
    );
    let prefix = if money {
        currency_prefix(ask.currency)
    } else {
        String::new()
    };
    let n = |v: f64| format!("{prefix}{}", number(v, 2));
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
                )
                .into());
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
