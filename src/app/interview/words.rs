//! The words an answer is read with, as tables: units of time, scales
//! (`k`, `million`), money and percent words, the people a count may be
//! of, the words that carry a sign, join a range or hedge a figure, and the
//! phrases that mean "no idea", "none" or "weekdays". The reader
//! ([`super::answer`]) looks words up here and nowhere else, so a word a
//! client uses that is not understood is added in one place.

/// A unit of time: a duration ("3 minutes") or, after "a"/"per", a period
/// ("2,500 a day").
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Time {
    Second,
    Minute,
    Hour,
    Day,
    Week,
    Month,
    Quarter,
    Year,
}

impl Time {
    /// The unit as a duration in minutes (seconds, minutes, hours only: a
    /// "day" of work is not 1,440 minutes, so it is not converted).
    pub fn minutes(self) -> Option<f64> {
        match self {
            Time::Second => Some(1.0 / 60.0),
            Time::Minute => Some(1.0),
            Time::Hour => Some(60.0),
            _ => None,
        }
    }

    /// The unit as a duration in months (days and longer).
    pub fn months(self) -> Option<f64> {
        match self {
            Time::Day => Some(12.0 / 365.0),
            Time::Week => Some(12.0 / 52.0),
            Time::Month => Some(1.0),
            Time::Quarter => Some(3.0),
            Time::Year => Some(12.0),
            _ => None,
        }
    }

    /// "day", as said after "a": "2,500 a day".
    pub fn name(self) -> &'static str {
        match self {
            Time::Second => "second",
            Time::Minute => "minute",
            Time::Hour => "hour",
            Time::Day => "day",
            Time::Week => "week",
            Time::Month => "month",
            Time::Quarter => "quarter",
            Time::Year => "year",
        }
    }

    /// "a day", "an hour".
    pub fn per(self) -> String {
        let article = if self == Time::Hour { "an" } else { "a" };
        format!("{article} {}", self.name())
    }

    /// "3 minutes", "1 month".
    pub fn count(self, shown: &str, one: bool) -> String {
        format!("{shown} {}{}", self.name(), if one { "" } else { "s" })
    }
}

/// A word naming a unit of time, spelt out or abbreviated. `m` is not here:
/// it is minutes, months or million depending on the question (see
/// [`super::answer`]).
pub fn time_word(w: &str) -> Option<Time> {
    Some(match w {
        "s" | "sec" | "secs" | "second" | "seconds" => Time::Second,
        "min" | "mins" | "minute" | "minutes" => Time::Minute,
        "h" | "hr" | "hrs" | "hour" | "hours" => Time::Hour,
        "d" | "day" | "days" | "weekday" | "weekdays" => Time::Day,
        "w" | "wk" | "wks" | "week" | "weeks" => Time::Week,
        "mo" | "mos" | "mth" | "mths" | "month" | "months" => Time::Month,
        "q" | "qtr" | "qtrs" | "quarter" | "quarters" => Time::Quarter,
        "y" | "yr" | "yrs" | "year" | "years" | "annum" => Time::Year,
        _ => return None,
    })
}

/// A word that is a period on its own: "2,500 daily", "$5k monthly".
pub fn period_word(w: &str) -> Option<Time> {
    Some(match w {
        "hourly" => Time::Hour,
        "daily" => Time::Day,
        "weekly" => Time::Week,
        "monthly" => Time::Month,
        "quarterly" => Time::Quarter,
        "yearly" | "annually" | "annual" | "pa" => Time::Year,
        _ => return None,
    })
}

/// Words that say the next time word is a period: "a day", "per month",
/// "each week", "every year".
pub const PER: [&str; 5] = ["a", "an", "per", "each", "every"];

/// Words that may stand between "a"/a number and a unit of time without
/// changing it: "a working day", "22 business days".
pub const TIME_MODIFIERS: [&str; 5] = ["working", "business", "work", "calendar", "full"];

/// A scale after a number: `2k`, `2 k`, `2 thousand`, `1.2M`, `3 bn`.
/// `m` is not here (see [`time_word`]).
pub fn scale_word(w: &str) -> Option<(f64, &'static str)> {
    Some(match w {
        "k" | "thousand" | "thousands" | "grand" | "thou" => (1e3, "thousand"),
        "hundred" | "hundreds" => (1e2, "hundred"),
        "mn" | "mil" | "mill" | "mio" | "million" | "millions" => (1e6, "million"),
        "b" | "bn" | "billion" | "billions" => (1e9, "billion"),
        _ => return None,
    })
}

/// Words meaning "percent" after a number (`%` is a word here too).
pub fn percent_word(w: &str) -> bool {
    matches!(w, "%" | "percent" | "pct" | "percentage" | "pc" | "pp")
}

/// A currency said after a number or as its symbol: the plan currency it
/// names.
pub fn currency_word(w: &str) -> Option<&'static str> {
    Some(match w {
        "$" | "dollar" | "dollars" | "usd" | "bucks" | "buck" => "USD",
        "€" | "euro" | "euros" | "eur" => "EUR",
        "£" | "pound" | "pounds" | "gbp" | "quid" => "GBP",
        "¥" | "yen" | "jpy" => "JPY",
        "chf" | "franc" | "francs" => "CHF",
        "₹" | "rupee" | "rupees" | "inr" => "INR",
        "cad" => "CAD",
        "aud" => "AUD",
        _ => return None,
    })
}

/// Words that count people, not things: "about 40 agents".
pub fn person_word(w: &str) -> bool {
    let w = w.strip_suffix("'s").unwrap_or(w);
    matches!(
        w,
        "agent"
            | "agents"
            | "people"
            | "person"
            | "persons"
            | "staff"
            | "employee"
            | "employees"
            | "user"
            | "users"
            | "developer"
            | "developers"
            | "dev"
            | "devs"
            | "engineer"
            | "engineers"
            | "reviewer"
            | "reviewers"
            | "clerk"
            | "clerks"
            | "seat"
            | "seats"
            | "head"
            | "heads"
            | "headcount"
            | "fte"
            | "ftes"
            | "analyst"
            | "analysts"
            | "lawyer"
            | "lawyers"
            | "nurse"
            | "nurses"
            | "operator"
            | "operators"
            | "rep"
            | "reps"
            | "colleague"
            | "colleagues"
            | "worker"
            | "workers"
            | "professional"
            | "professionals"
            | "member"
            | "members"
    )
}

/// Words that make a change negative where the question allows it:
/// "shrinking 2 %", "down 2 %", "2 % fewer".
pub fn negative_word(w: &str) -> bool {
    matches!(
        w,
        "minus"
            | "down"
            | "shrinking"
            | "shrink"
            | "shrinks"
            | "shrank"
            | "fewer"
            | "less"
            | "lower"
            | "falling"
            | "fall"
            | "falls"
            | "fell"
            | "declining"
            | "decline"
            | "declines"
            | "decreasing"
            | "decrease"
            | "decreases"
            | "dropping"
            | "drop"
            | "drops"
            | "negative"
            | "contracting"
            | "losing"
    )
}

/// Words that say a change is upward: against a minus sign they make the
/// answer doubtful ("growing, −2 %").
pub fn positive_word(w: &str) -> bool {
    matches!(
        w,
        "plus"
            | "growing"
            | "grows"
            | "grow"
            | "grew"
            | "rising"
            | "rises"
            | "rise"
            | "increasing"
            | "increase"
            | "increases"
            | "climbing"
            | "worsening"
            | "worse"
            | "higher"
    )
}
