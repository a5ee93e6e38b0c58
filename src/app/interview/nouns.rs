//! What a number counts, when the answer says so: "6k tokens", "4,000
//! words", "20,000 pages a day". The noun written next to the number is its
//! unit: to a question that counts pages, tokens and words are converted
//! (at the template's tokens a page, a word ≈ 1.33 tokens) and said; text
//! sizes no question counts are refused; a part of a document ("pages")
//! for a count of documents is a doubt.

use super::answer::{Ask, Basis};
use super::error::NotHeard;
use super::figures::Figure;
use crate::numbers::number;

/// Tokens a word and characters a token, the usual English averages.
pub const TOKENS_PER_WORD: f64 = 1.33;
const CHARS_PER_TOKEN: f64 = 4.0;

/// The noun `w` names as a thing counted, singular ("tokens" → "token").
pub fn measure(w: &str) -> Option<&'static str> {
    let w = w.strip_suffix("'s").unwrap_or(w);
    let one = w.strip_suffix('s').unwrap_or(w);
    Some(match one {
        "token" => "token",
        "word" => "word",
        "character" | "char" => "character",
        "page" => "page",
        "line" => "line",
        "paragraph" => "paragraph",
        "document" | "doc" => "document",
        "file" => "file",
        _ => return None,
    })
}

/// A measure of the size of a text, not a count of things.
fn text_size(m: &str) -> bool {
    matches!(m, "token" | "word" | "character")
}

/// A figure's noun, read: the value in the question's unit, the conversion
/// said, and a doubt.
pub(super) type ByNoun = (f64, Option<String>, Option<String>);

/// What the figure's noun does to it on a count question: `None` when it
/// says nothing (no noun, or the question's own); else the value in the
/// question's unit with the conversion said, a doubt, or a refusal.
pub(super) fn by_noun(f: &Figure, ask: &Ask) -> Option<Result<ByNoun, NotHeard>> {
    if !matches!(ask.basis, Basis::Number | Basis::PerDay) {
        return None;
    }
    let noun = f.noun.as_deref().and_then(measure)?;
    let counts = ask.counts;
    if counts == Some(noun) {
        return None;
    }
    let heard = format!("{} {noun}s", number(f.value, 4));
    let asks = counts.map_or("this question's count".to_string(), |c| format!("{c}s"));
    if text_size(noun) {
        let tokens = match noun {
            "token" => (1.0, String::new()),
            "word" => (
                TOKENS_PER_WORD,
                format!("× {TOKENS_PER_WORD} tokens a word "),
            ),
            _ => (
                1.0 / CHARS_PER_TOKEN,
                format!("÷ {CHARS_PER_TOKEN} characters a token "),
            ),
        };
        return Some(match (counts, ask.tokens_each) {
            (Some("page"), Some(each)) if each > 0.0 => Ok((
                f.value * tokens.0 / each,
                Some(format!("{}÷ {} tokens a page", tokens.1, number(each, 0))),
                None,
            )),
            _ => Err(match counts {
                Some(c) => format!("heard {heard}: a size of text, not a number of {c}s").into(),
                None => {
                    format!("heard {heard}: a size of text, not what this question counts").into()
                }
            }),
        });
    }
    let part = matches!(noun, "page" | "line" | "paragraph");
    if part || counts == Some("page") {
        return Some(Ok((
            f.value,
            None,
            Some(format!(
                "heard {heard}, but this question counts {asks}: recorded as {} {asks}",
                number(f.value, 2)
            )),
        )));
    }
    None
}

/// "2.500" on a count: a thousands dot (much of Europe) or a decimal
/// point? One to three digits, a dot and exactly three digits is doubted.
pub(super) fn thousands_dot(f: &Figure, ask: &Ask) -> Option<String> {
    let dotted = |n: &str| {
        let n = n.trim_start_matches(['-', '+', '\u{2212}']);
        n.split_once('.').is_some_and(|(a, b)| {
            (1..=3).contains(&a.len())
                && b.len() == 3
                && a.chars().chain(b.chars()).all(|c| c.is_ascii_digit())
                && !a.starts_with('0')
        })
    };
    if !matches!(ask.basis, Basis::Number | Basis::PerDay) || f.scale.is_some() {
        return None;
    }
    let n = f.text.split(' ').find(|n| dotted(n))?;
    let (v, k) = (f.value, f.value * 1000.0);
    Some(format!(
        "“{n}”: {} or {}? It is recorded as {}; type {} for thousands",
        number(k, 2),
        number(v, 4),
        number(v, 4),
        number(k, 2)
    ))
}
