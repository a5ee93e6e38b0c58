//! The phrases an answer is read with beyond single words: how two numbers
//! are joined ("to", "in", "maybe"), what marks the most likely value, and
//! whole answers without a figure — "no idea", "none", "flat", "all of
//! them", "right away", "weekdays" — and numbers said as words.

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
