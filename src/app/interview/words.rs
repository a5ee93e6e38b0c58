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

/// How two numbers are joined.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Join {
    /// "1,500 to 3,000", "2–4", "between 10 and 20", "2 or 3".
    Range,
    /// "1 in 20", "5 out of 100", "1/20".
    Ratio,
    /// The first is the figure, the second the other end of its range:
    /// "about 4k, maybe 6k by summer", "3k, at least 2k".
    Hedge,
}

/// The words (and marks) between two numbers, and how they join them:
/// commas and semicolons are dropped, the rest must be one of the tables'
/// runs exactly ("2 — and then 3" joins nothing and is refused).
pub fn join(between: &[&str]) -> Option<Join> {
    const RANGE: [&str; 9] = [
        "-", "to", "..", "and", "or", "through", "thru", "till", "until",
    ];
    const RATIO: [&str; 7] = ["in", "out of", "of every", "in every", "of", "/", "per"];
    const HEDGE: [&str; 24] = [
        "maybe",
        "perhaps",
        "possibly",
        "could be",
        "might be",
        "might",
        "up to",
        "or even",
        "even",
        "rising to",
        "growing to",
        "going to",
        "at most",
        "as high as",
        "as much as",
        "as many as",
        "at peak",
        "peaking at",
        "at least",
        "if not",
        "or maybe",
        "or perhaps",
        "to maybe",
        "or up to",
    ];
    let words: Vec<&str> = between
        .iter()
        .copied()
        .filter(|w| !matches!(*w, "," | ";"))
        .collect();
    let s = words.join(" ");
    let s = s.as_str();
    if RANGE.contains(&s) {
        Some(Join::Range)
    } else if RATIO.contains(&s) {
        Some(Join::Ratio)
    } else if HEDGE.contains(&s) {
        Some(Join::Hedge)
    } else {
        None
    }
}

/// Words that mark the most likely value after a range: "1,500 to 3,000,
/// most likely 2,000".
pub const LIKELY: [&str; 6] = [
    "likely",
    "probably",
    "usually",
    "typically",
    "mostly",
    "normally",
];

/// Phrases meaning the client does not know: the template default is kept
/// (Low) and the notes say so.
pub const NOT_KNOWN: [&str; 30] = [
    "no idea",
    "don't know",
    "dont know",
    "do not know",
    "doesn't know",
    "does not know",
    "don't have",
    "not known",
    "unknown",
    "dunno",
    "not sure",
    "unsure",
    "no clue",
    "idk",
    "skip",
    "pass",
    "na",
    "tbd",
    "tbc",
    "can't say",
    "cannot say",
    "hard to say",
    "no data",
    "no numbers",
    "no figures",
    "no one knows",
    "nobody knows",
    "ask later",
    "find out",
    "get back",
];

/// Phrases that mark a figure as the client's guess: it is taken, with Low
/// confidence ("not sure, maybe 3k").
pub const GUESS: [&str; 12] = [
    "guess",
    "guessing",
    "no idea",
    "not sure",
    "unsure",
    "don't know",
    "dont know",
    "ballpark",
    "hard to say",
    "wild guess",
    "finger in the air",
    "roughly guess",
];

/// Words meaning nothing at all: 0 where the input allows 0.
pub const NONE: [&str; 11] = [
    "none",
    "zero",
    "nothing",
    "nobody",
    "no one",
    "never",
    "nil",
    "nada",
    "no",
    "not any",
    "none at all",
];

/// Phrases meaning no change, where a change may be negative: 0.
pub const FLAT: [&str; 7] = [
    "flat",
    "stable",
    "steady",
    "unchanged",
    "not growing",
    "no change",
    "no growth",
];

/// Phrases meaning every one, on a share question: 100 %.
pub const ALL: [&str; 5] = ["all", "all of them", "every one", "everything", "always"];

/// Phrases meaning a ramp of no months: the system starts everywhere at once.
pub const AT_ONCE: [&str; 6] = [
    "immediately",
    "right away",
    "straight away",
    "at once",
    "from day one",
    "day one",
];

/// Phrases for the days a month a system runs, and the days they are.
pub const DAYS: [(&str, f64); 13] = [
    ("weekdays", 22.0),
    ("weekdays only", 22.0),
    ("working days", 22.0),
    ("business days", 22.0),
    ("monday to friday", 22.0),
    ("mon fri", 22.0),
    ("mon to fri", 22.0),
    ("every day", 30.0),
    ("every single day", 30.0),
    ("daily", 30.0),
    ("all week", 30.0),
    ("weekends too", 30.0),
    ("24/7", 30.0),
];

/// Numbers said as words, taken when the answer has no digits: "one in
/// twenty", "two minutes", "half an hour".
pub fn number_word(w: &str) -> Option<f64> {
    const ONES: [&str; 20] = [
        "zero",
        "one",
        "two",
        "three",
        "four",
        "five",
        "six",
        "seven",
        "eight",
        "nine",
        "ten",
        "eleven",
        "twelve",
        "thirteen",
        "fourteen",
        "fifteen",
        "sixteen",
        "seventeen",
        "eighteen",
        "nineteen",
    ];
    const TENS: [&str; 8] = [
        "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety",
    ];
    if let Some(i) = ONES.iter().position(|x| *x == w) {
        return Some(i as f64);
    }
    if let Some(i) = TENS.iter().position(|x| *x == w) {
        return Some(20.0 + 10.0 * i as f64);
    }
    Some(match w {
        "half" => 0.5,
        "third" => 1.0 / 3.0,
        "dozen" => 12.0,
        "couple" => 2.0,
        _ => return None,
    })
}

/// Whether `phrase` (words separated by single spaces) occurs in `words`
/// as whole words, in order.
pub fn has_phrase(words: &[&str], phrase: &str) -> bool {
    let p: Vec<&str> = phrase.split(' ').collect();
    words.windows(p.len()).any(|w| w == p.as_slice())
}
