//! One figure of an answer in the question's unit: "60k a month" on a
//! per-day question is 60,000 ÷ the active days; "90 seconds" on a minutes
//! question is 1.5; "$30 an hour" on a yearly-cost question × 2,080 h. A
//! unit that does not fit the question ("15 %" for minutes, "$40" for a
//! count) is refused with what was heard; one that fits but may not be
//! meant ("40 agents" for conversations a day) is kept as a doubt the
//! consultant confirms.

use super::answer::{Ask, Basis};
use super::error::NotHeard;
use super::figures::Figure;
use super::nouns::{by_noun, measure, thousands_dot};
use super::words::Time;
use crate::numbers::{currency_prefix, number};

/// Hours in a working year, to turn an hourly cost into a yearly one.
pub const HOURS_PER_YEAR: f64 = 2080.0;
/// Hours in a working day and days in a working year.
const HOURS_PER_DAY: f64 = 8.0;
const WORKING_DAYS_PER_YEAR: f64 = HOURS_PER_YEAR / HOURS_PER_DAY;

/// A figure in the question's unit.
#[derive(Debug, Clone, PartialEq)]
pub struct Converted {
    pub value: f64,
    /// The conversion, said: "÷ 30 days", "× 2,080 h" (none when the figure
    /// was already in the question's unit; empty when it says itself, as
    /// "every 6 months = 2 a year").
    pub how: Option<String>,
    pub doubts: Vec<String>,
}

/// What the question asks for, with examples, for messages.
pub fn wants(b: Basis) -> &'static str {
    match b {
        Basis::Number => "a number (e.g. 40, about 6)",
        Basis::PerDay => "how many a day (e.g. 2k a day, 60k a month)",
        Basis::Percent => "a share in % (e.g. 15%, 1 in 20, 2–4 %)",
        Basis::Money => "one amount (e.g. $18, $1.2M)",
        Basis::MoneyPerYear => "money a year (e.g. $62k a year, $30 an hour)",
        Basis::MoneyPerHour => "money an hour (e.g. $38 an hour, $80k a year)",
        Basis::Minutes => "minutes (e.g. 3 minutes, 90 seconds, 1.5 h)",
        Basis::Months => "months (e.g. 3 months, a year, 2 quarters)",
        Basis::DaysPerMonth => "days a month (e.g. 22, weekdays, every day)",
        Basis::Fte => "a share of one person's time (e.g. 0.5, half, 50 %)",
    }
}

/// The figure as it was heard, in its own unit: "60,000 a month", "$30 an
/// hour", "90 seconds", "−2 % a month", "40 agents".
pub fn typed(f: &Figure) -> String {
    let mut s = String::new();
    if f.every {
        s.push_str("every ");
    }
    if let Some(c) = f.currency {
        s.push_str(&currency_prefix(c));
    }
    s.push_str(&number(f.value, 4));
    if f.ordinal {
        s.push_str("th");
    }
    if f.percent {
        s.push_str(" %");
    }
    if let Some(u) = f.unit {
        s = u.count(&s, f.value == 1.0);
    }
    if let Some(p) = &f.person {
        s = format!("{s} {p}");
    } else if let Some(n) = f.noun.as_deref().filter(|n| measure(n).is_some()) {
        s = format!("{s} {n}");
    }
    if let Some(p) = f.period {
        s = format!("{s} {}", p.per());
    }
    s
}

/// `v` said in the question's terms: "2,500 a day", "3 minutes", "$18",
/// "−2 % a month", "0.5 FTE".
pub fn say(v: f64, ask: &Ask) -> String {
    say_as(&number(v, 2), v == 1.0, ask)
}

/// A range said in the question's terms: "1,500–3,000 a day", "2–4 % a month".
pub fn say_span(lo: f64, hi: f64, ask: &Ask) -> String {
    say_as(&format!("{}–{}", number(lo, 2), number(hi, 2)), false, ask)
}

fn say_as(n: &str, one: bool, ask: &Ask) -> String {
    let sym = currency_prefix(ask.currency);
    let period = ask
        .period
        .map(|p| format!(" {}", p.per()))
        .unwrap_or_default();
    match ask.basis {
        Basis::Number => format!("{n}{period}"),
        Basis::PerDay => format!("{n} a day"),
        Basis::Percent => format!("{n} %{period}"),
        Basis::Money => format!("{sym}{n}"),
        Basis::MoneyPerYear => format!("{sym}{n} a year"),
        Basis::MoneyPerHour => format!("{sym}{n} an hour"),
        Basis::Minutes => Time::Minute.count(n, one),
        Basis::Months => Time::Month.count(n, one),
        Basis::DaysPerMonth => format!("{n} days a month"),
        Basis::Fte => format!("{n} FTE"),
    }
}

/// Active days in `p`, for a count per period read as a count a day.
fn active_days(p: Time, days_per_month: f64) -> Option<(f64, String)> {
    let d = days_per_month.max(1.0);
    let n = |x: f64| number(x, 2);
    match p {
        Time::Week => Some((d * 12.0 / 52.0, format!("÷ {} days", n(d * 12.0 / 52.0)))),
        Time::Month => Some((d, format!("÷ {} days", n(d)))),
        Time::Quarter => Some((d * 3.0, format!("÷ {} days", n(d * 3.0)))),
        Time::Year => Some((d * 12.0, format!("÷ {} days", n(d * 12.0)))),
        _ => None,
    }
}

/// Working hours in `p`, for money a year or an hour.
fn hours_in(p: Time) -> Option<f64> {
    match p {
        Time::Hour => Some(1.0),
        Time::Day => Some(HOURS_PER_DAY),
        Time::Week => Some(HOURS_PER_YEAR / 52.0),
        Time::Month => Some(HOURS_PER_YEAR / 12.0),
        Time::Quarter => Some(HOURS_PER_YEAR / 4.0),
        Time::Year => Some(HOURS_PER_YEAR),
        _ => None,
    }
}

/// `f` in the question's unit, or why it cannot be.
pub fn convert(f: &Figure, ask: &Ask) -> Result<Converted, NotHeard> {
    let heard = typed(f);
    let b = ask.basis;
    let refuse = |what: String| {
        Err(format!("heard {heard}: {what}; this question asks {}", wants(b)).into())
    };
    let money = matches!(b, Basis::Money | Basis::MoneyPerYear | Basis::MoneyPerHour);
    if f.percent && !matches!(b, Basis::Percent | Basis::Fte) {
        return refuse("a share in %".into());
    }
    if f.currency.is_some() && !money {
        return refuse("an amount of money".into());
    }
    let mut doubts = Vec::new();
    if let Some(p) = &f.person
        && !ask.people
    {
        doubts.push(format!(
            "“{p}” are people, but this question asks {}",
            wants(b)
        ));
    }
    let (unit, period) = (f.unit, f.period);
    let v = f.value;
    // "every 20th" on a share question: 1 in 20.
    if f.ordinal {
        if b == Basis::Percent && f.every && v >= 1.0 {
            return Ok(Converted {
                value: 100.0 / v,
                how: Some(String::new()),
                doubts,
            });
        }
        return refuse("a rank, not an amount".into());
    }
    let scaled = |x: f64, how: String| (v * x, Some(how));
    // "every 6 months" to a question a year: 2 a year.
    if let (Basis::Number, true, Some(u), Some(p)) = (b, f.every, unit, ask.period)
        && let (Some(um), Some(pm)) = (u.months(), p.months())
        && v > 0.0
    {
        return Ok(Converted {
            value: pm / (v * um),
            how: Some(String::new()),
            doubts,
        });
    }
    // "a day a week" of one person's time: 0.2 FTE.
    if let (Basis::Fte, Some(Time::Day), Some(Time::Week)) = (b, unit, period) {
        return Ok(Converted {
            value: v / 5.0,
            how: Some("÷ 5 working days".into()),
            doubts,
        });
    }
    doubts.extend(thousands_dot(f, ask));
    let mut v = v;
    let mut noun_how = None;
    if let Some(said) = by_noun(f, ask) {
        let (x, how, doubt) = said.map_err(|e| format!("{e}; this question asks {}", wants(b)))?;
        v = x;
        noun_how = how;
        doubts.extend(doubt);
    }
    if let Some(u) = unit
        && !matches!(b, Basis::Minutes | Basis::Months | Basis::DaysPerMonth)
    {
        return refuse(format!("a number of {}s", u.name()));
    }
    let (value, how) = match b {
        Basis::PerDay => match period {
            None | Some(Time::Day) => (v, None),
            Some(p) => match active_days(p, ask.days_per_month) {
                Some((d, how)) => (v / d, Some(how)),
                None => {
                    return Err(format!(
                        "heard {heard}: per {} — how many hours a day? Give a figure a day (e.g. 500 an hour × 10 hours = 5,000 a day)",
                        p.name()
                    ).into());
                }
            },
        },
        Basis::Minutes | Basis::Months => {
            if let Some(p) = period {
                return refuse(format!("{} (per {})", p.per(), p.name()));
            }
            let minutes = b == Basis::Minutes;
            let own = if minutes { Time::Minute } else { Time::Month };
            match unit {
                None => (v, None),
                Some(u) if u == own => (v, None),
                Some(u) => match if minutes { u.minutes() } else { u.months() } {
                    Some(x) if minutes && x < 1.0 => scaled(x, "÷ 60".into()),
                    Some(x) if u == Time::Day => scaled(x, "× 12 ÷ 365".into()),
                    Some(x) if u == Time::Week => scaled(x, "× 12 ÷ 52".into()),
                    Some(x) => scaled(x, format!("× {}", number(x, 2))),
                    None => return refuse(format!("{}s are not {}s", u.name(), own.name())),
                },
            }
        }
        Basis::DaysPerMonth => {
            if unit.is_some_and(|u| u != Time::Day) {
                return refuse(format!("{}s", unit.map_or("", |u| u.name())));
            }
            match period {
                None | Some(Time::Month) => {
                    if period.is_none() && v <= 7.0 && v > 0.0 {
                        doubts.push(format!(
                            "{} days a month? ({} days a week would be {})",
                            number(v, 2),
                            number(v, 2),
                            number((v * 52.0 / 12.0).round(), 0)
                        ));
                    }
                    (v, None)
                }
                Some(Time::Week) => scaled(52.0 / 12.0, "× 52 ÷ 12".into()),
                Some(Time::Year) => scaled(1.0 / 12.0, "÷ 12".into()),
                Some(p) => return refuse(p.per()),
            }
        }
        Basis::Percent => {
            if let Some(p) = period
                && ask.period != Some(p)
            {
                let asks = match ask.period {
                    Some(q) => format!("per {}: give the figure {}", q.name(), q.per()),
                    None => "a share, not a rate over time".into(),
                };
                return Err(format!("heard {heard}: this question asks {asks}").into());
            }
            (v, None)
        }
        Basis::Number => {
            // "2 a month" to a question a year: × 12, said.
            if let (Some(p), Some(q)) = (period, ask.period)
                && p != q
                && let (Some(pm), Some(qm)) = (p.months(), q.months())
            {
                let x = qm / pm;
                // A week or a day to a year multiplies far: confirmed.
                if x > 12.0 {
                    doubts.push(format!("{heard} is {} {}", number(v * x, 2), q.per()));
                }
                return Ok(Converted {
                    value: v * x,
                    how: Some(if x >= 1.0 {
                        format!("× {}", number(x, 2))
                    } else {
                        format!("÷ {}", number(1.0 / x, 2))
                    }),
                    doubts,
                });
            }
            if let Some(p) = period
                && ask.period != Some(p)
            {
                doubts.push(format!(
                    "{heard}: the question does not ask {}; it is recorded as {}",
                    p.per(),
                    number(v, 2)
                ));
            }
            (v, None)
        }
        Basis::Fte => {
            if let Some(p) = period {
                return refuse(p.per());
            }
            if f.percent {
                (v / 100.0, Some("÷ 100".into()))
            } else {
                (v, None)
            }
        }
        Basis::Money => match period {
            None => (v, None),
            Some(p) => {
                return Err(format!(
                    "heard {heard}: that is {}; this question asks one amount (e.g. $150k in total)",
                    p.per()
                ).into());
            }
        },
        Basis::MoneyPerYear => match period.map(|p| (p, hours_in(p))) {
            None | Some((Time::Year, _)) => (v, None),
            Some((Time::Hour, _)) => scaled(HOURS_PER_YEAR, "× 2,080 h".into()),
            Some((Time::Day, _)) => scaled(WORKING_DAYS_PER_YEAR, "× 260 working days".into()),
            Some((Time::Month, _)) => scaled(12.0, "× 12".into()),
            Some((Time::Week, _)) => scaled(52.0, "× 52".into()),
            Some((Time::Quarter, _)) => scaled(4.0, "× 4".into()),
            Some((p, _)) => return refuse(p.per()),
        },
        Basis::MoneyPerHour => match period.and_then(|p| hours_in(p).map(|h| (p, h))) {
            None if period.is_some() => return refuse(period.map_or(String::new(), Time::per)),
            None | Some((Time::Hour, _)) => (v, None),
            Some((_, h)) => scaled(1.0 / h, format!("÷ {} h", number(h, 2))),
        },
    };
    let how = match (noun_how, how) {
        (Some(a), Some(b)) => Some(format!("{a} {b}")),
        (a, b) => b.or(a),
    };
    // Another currency is not converted: the doubt says what is recorded.
    if let Some(c) = f.currency
        && c != ask.currency.trim().to_ascii_uppercase()
    {
        doubts.insert(
            0,
            format!(
                "{heard} is in {c} but the plan is in {}: it is recorded as {}, not converted",
                ask.currency,
                say(value, ask)
            ),
        );
    }
    Ok(Converted { value, how, doubts })
}

/// Soft limits: a figure beyond them is possible but more often a slip
/// (`5m` meant as minutes read as millions, `$62` meant as $62k), so it is
/// shown and needs a second Enter.
pub fn implausible(v: f64, ask: &Ask) -> Option<String> {
    let said = say(v, ask);
    let why = match ask.basis {
        Basis::Minutes if v > 480.0 => "more than a working day (8 hours) each",
        Basis::Months if v > 36.0 => "more than three years",
        Basis::PerDay if v > 5_000_000.0 => "more than five million a day",
        Basis::Percent if ask.signed && v.abs() > 50.0 => {
            "more than 50 % a month compounds past ×100 a year"
        }
        Basis::MoneyPerYear if v > 0.0 && v < 5_000.0 => {
            "less than $5,000 a year — was it thousands ($62k)?"
        }
        Basis::MoneyPerYear if v > 1_500_000.0 => "more than $1.5M a year for one person",
        Basis::MoneyPerHour if v > 0.0 && v < 5.0 => "less than $5 an hour",
        Basis::MoneyPerHour if v > 1_000.0 => "more than $1,000 an hour — was it a year's cost?",
        Basis::Fte if v > 10.0 => "more than ten people",
        Basis::Money if v > 100_000_000.0 => "more than $100M",
        _ => return None,
    };
    Some(format!("{said} is {why}"))
}
