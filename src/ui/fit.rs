//! Fitting text into a width without losing what matters: words go before
//! figures, a figure (a word with a digit, `$` or `%`) is never cut in two,
//! and a path keeps its file name.
//!
//! Widths are in characters, as the rest of the view counts them.

/// Whether `word` is a figure: it has a digit, a `$` or a `%`.
pub fn is_figure(word: &str) -> bool {
    word.chars()
        .any(|c| c.is_ascii_digit() || c == '$' || c == '%')
}

fn len(s: &str) -> usize {
    s.chars().count()
}

/// Words that only join others: dropped first, and never left at the end.
fn filler(word: &str) -> bool {
    matches!(
        word.trim_matches(|c: char| !c.is_alphanumeric()),
        "" | "a"
            | "an"
            | "the"
            | "of"
            | "as"
            | "at"
            | "to"
            | "in"
            | "on"
            | "by"
            | "for"
            | "from"
            | "with"
            | "and"
            | "is"
    )
}

/// `text` in at most `width` characters. What fits is returned as is;
/// otherwise the words after the last figure go first (ending in "…"), then
/// the words between figures (each run of dropped words becomes one "…"),
/// the first word staying as long as it can. Only when the figures alone do
/// not fit are whole words dropped from the end: a figure is shown whole or
/// not at all.
pub fn fit(text: &str, width: usize) -> String {
    if len(text) <= width {
        return text.to_string();
    }
    if width == 0 {
        return String::new();
    }
    let words: Vec<&str> = text.split(' ').collect();
    let mut keep: Vec<bool> = vec![true; words.len()];
    let render = |keep: &[bool]| -> String {
        let mut out = String::new();
        let mut gap = false;
        for (w, k) in words.iter().zip(keep) {
            if *k {
                if gap && !out.ends_with('…') {
                    if !out.is_empty() {
                        out.push(' ');
                    }
                    out.push('…');
                }
                if !out.is_empty() {
                    out.push(' ');
                }
                out.push_str(w);
                gap = false;
            } else {
                gap = true;
            }
        }
        if gap && !out.ends_with('…') {
            // "27 % …", not "27 %…": the figure is whole, words went.
            if out.rsplit(' ').next().is_some_and(is_figure) {
                out.push(' ');
            }
            out.push('…');
        }
        out
    };
    // 1. Words after the last figure, from the end.
    let last_figure = words.iter().rposition(|w| is_figure(w));
    let tail_from = last_figure.map_or(1, |i| i + 1);
    for i in (tail_from..words.len()).rev() {
        keep[i] = false;
        if len(&render(&keep)) <= width {
            return trim_dangling(render(&keep), width);
        }
    }
    // 2. Words between figures: fillers first, then the rest, right to left;
    //    the first word last of all.
    for pass in [true, false] {
        for i in (1..words.len()).rev() {
            if keep[i] && !is_figure(words[i]) && (!pass || filler(words[i])) {
                keep[i] = false;
                if len(&render(&keep)) <= width {
                    return trim_dangling(render(&keep), width);
                }
            }
        }
    }
    if !is_figure(words[0]) {
        // One long word left of the text (a label): cut it, marked, rather
        // than show nothing ("Requests/d…"); it is not a figure.
        let rest = len(&render(&keep)) - len(words[0]);
        let room = width.saturating_sub(rest + 1);
        if room >= 3 {
            let head: String = words[0].chars().take(room).collect();
            let mut out = render(&keep);
            out.replace_range(..words[0].len(), &format!("{head}…"));
            // The cut word's mark and the dropped words' mark are one.
            let out = out.replace("……", "…");
            if len(&out) <= width {
                return out;
            }
        }
        keep[0] = false;
        if len(&render(&keep)) <= width {
            return render(&keep);
        }
    }
    // 3. The figures alone do not fit: whole figures from the end.
    for i in (0..words.len()).rev() {
        if keep[i] {
            keep[i] = false;
            let r = render(&keep);
            if len(&r) <= width {
                return r;
            }
        }
    }
    "…".chars().take(width).collect()
}

/// Drops a joining word or separator left just before a final "…"
/// ("staffed as …" → "staffed …").
fn trim_dangling(s: String, width: usize) -> String {
    let Some(body) = s.strip_suffix('…') else {
        return s;
    };
    let mut words: Vec<&str> = body.trim_end().split(' ').collect();
    while words.len() > 1 {
        let last = words[words.len() - 1];
        if filler(last) && !is_figure(last) || matches!(last, "·" | "—" | "-" | ":" | "," | "→")
        {
            words.pop();
        } else {
            break;
        }
    }
    let body = words.join(" ");
    let body = body.trim_end_matches([',', ':', ';']);
    let space = if body.rsplit(' ').next().is_some_and(is_figure) {
        " "
    } else {
        ""
    };
    let out = format!("{body}{space}…");
    if len(&out) <= width { out } else { s }
}

/// `items` joined by `sep` in at most `width` characters: as many whole
/// items as fit, then "…" ("Errors 66 % · Oversight 26 % · …").
pub fn list(items: &[String], sep: &str, width: usize) -> String {
    let mut out = String::new();
    for (i, item) in items.iter().enumerate() {
        let joined = if i == 0 {
            item.clone()
        } else {
            format!("{out}{sep}{item}")
        };
        let last = i + 1 == items.len();
        let room = if last {
            width
        } else {
            width.saturating_sub(len(sep) + 1)
        };
        if len(&joined) > room {
            let short = format!("{joined} …");
            if !last && len(&short) <= width {
                return short;
            }
            let more = if out.is_empty() {
                "…".to_string()
            } else {
                format!("{out}{sep}…")
            };
            return if len(&more) <= width { more } else { out };
        }
        out = joined;
    }
    out
}

/// `text` with whole words dropped from its end until it fits, marked with
/// "…" (titles and sentences read from the start); a figure goes whole.
pub fn head(text: &str, width: usize) -> String {
    if len(text) <= width {
        return text.to_string();
    }
    let words: Vec<&str> = text.split(' ').collect();
    for n in (1..words.len()).rev() {
        let kept = words[..n].join(" ");
        let kept = kept.trim_end_matches([' ', '·', '—', ',', ':', '-']);
        let space = if kept.rsplit(' ').next().is_some_and(is_figure) {
            " "
        } else {
            ""
        };
        let out = format!("{kept}{space}…");
        if len(&out) <= width && !kept.is_empty() {
            return out;
        }
    }
    fit(text, width)
}

/// A name in at most `width` characters, keeping its last word: names that
/// differ only at the end ("… review draft", "… review final") stay apart.
pub fn name(text: &str, width: usize) -> String {
    if len(text) <= width {
        return text.to_string();
    }
    if let Some((head, last)) = text.rsplit_once(' ')
        && len(last) + 3 <= width
    {
        let head = fit(head, width - len(last) - 1);
        let head = if head.ends_with('…') {
            head
        } else {
            format!("{head} …")
        };
        if len(&head) + 1 + len(last) <= width {
            return format!("{head} {last}");
        }
    }
    fit(text, width)
}

/// A label of the form "name: what" (an infrastructure line's or a model's
/// input) in at most `width` characters: the name gives way before what it
/// says of it, so two inputs of one long-named line stay apart
/// ("LLM observability (Langfuse Core): Monthly cost" → "LLM …: Monthly cost").
pub fn label(text: &str, width: usize) -> String {
    if len(text) <= width {
        return text.to_string();
    }
    if let Some((name, what)) = text.split_once(": ") {
        let room = width.saturating_sub(len(what) + 2);
        if room >= 4 {
            let name = fit(name, room);
            if !name.is_empty() && name != "…" {
                return format!("{name}: {what}");
            }
        }
    }
    fit(text, width)
}

/// A path in at most `width` characters, keeping its end: the file name
/// stays, the folders before it go first ("…/plans/acme.ron"); a file name
/// longer than the width keeps its end (the extension and what tells names
/// apart most often) after a "…".
pub fn path(p: &str, width: usize) -> String {
    let n = len(p);
    if n <= width {
        return p.to_string();
    }
    if width == 0 {
        return String::new();
    }
    let sep = |c: char| c == '/' || c == '\\';
    // The shortest tail starting at a separator that fits after "…".
    let starts: Vec<usize> = p
        .char_indices()
        .filter(|(_, c)| sep(*c))
        .map(|(i, _)| i)
        .collect();
    for &at in &starts {
        let tail = &p[at..];
        if len(tail) < width {
            return format!("…{tail}");
        }
    }
    let tail: String = p.chars().skip(n - (width - 1)).collect();
    format!("…{tail}")
}

/// Replaces each path-like word of `text` (with a `/` or `\`) by its tail
/// until the whole fits, longest first; the file names stay.
pub fn paths_in(text: &str, width: usize) -> String {
    let mut words: Vec<String> = text.split(' ').map(str::to_string).collect();
    loop {
        let total = len(&words.join(" "));
        if total <= width {
            break;
        }
        let over = total - width;
        let Some(w) = words
            .iter_mut()
            .filter(|w| w.contains(['/', '\\']) && len(w) > 2 && !w.starts_with('…'))
            .max_by_key(|w| len(w))
        else {
            break;
        };
        let name_len = w.rsplit(['/', '\\']).next().map_or(0, |s| len(s) + 2);
        let keep = len(w).saturating_sub(over).max(name_len).max(3);
        let shorter = path(w, keep);
        if shorter == *w {
            break;
        }
        *w = shorter;
    }
    words.join(" ")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn figures(s: &str) -> Vec<&str> {
        s.split(' ').filter(|w| is_figure(w)).collect()
    }

    #[test]
    fn words_go_before_figures() {
        let s = "need 5.36→10.17 FTE · staffed as needed · coverage 100 %";
        for w in 10..s.len() {
            let f = fit(s, w);
            assert!(len(&f) <= w, "{w}: {f}");
            for fig in figures(&f) {
                assert!(
                    s.split(' ').any(|x| x == fig.trim_end_matches('…')),
                    "{w}: {fig} is cut in {f}"
                );
            }
        }
        let f = fit(s, 40);
        assert!(
            f.contains("5.36→10.17") && f.contains("100") && f.contains('%'),
            "{f}"
        );
    }

    #[test]
    fn trailing_words_go_first_with_an_ellipsis() {
        assert_eq!(fit("Esc keeps the old value", 16), "Esc keeps…");
        assert_eq!(fit("short", 10), "short");
        assert_eq!(fit("Requests/day", 11), "Requests/d…");
        let f = fit(
            "⚠ understaffed from month 1: need 13.71→21.63 FTE, staffed 12 FTE (coverage 55 %)",
            60,
        );
        for fig in ["1:", "13.71→21.63", "12", "55"] {
            assert!(f.contains(fig), "{fig} lost: {f}");
        }
        assert!(len(&f) <= 60);
    }

    #[test]
    fn figures_never_split() {
        let s = "$1,234,567 $2,345,678 $3,456,789";
        for w in 0..s.len() {
            let f = fit(s, w);
            assert!(len(&f) <= w);
            for fig in figures(&f) {
                let fig = fig.trim_start_matches('…').trim_end_matches('…');
                assert!(s.split(' ').any(|x| x == fig), "{w}: {f}");
            }
        }
    }

    #[test]
    fn two_inputs_of_one_long_named_line_stay_apart() {
        let a = label("LLM observability (Langfuse Core): Monthly cost", 25);
        let b = label("LLM observability (Langfuse Core): Fixed setup", 25);
        assert_ne!(a, b);
        assert!(a.ends_with(": Monthly cost") && len(&a) <= 25, "{a}");
        let m = label("claude-opus-5-5: Share of traffic", 25);
        assert!(m.starts_with("claude-opus-5-5") && len(&m) <= 25, "{m}");
        assert_eq!(label("short: one", 20), "short: one");
    }

    #[test]
    fn names_keep_their_last_word() {
        let a = name("Support assistant — quarterly review draft", 30);
        let b = name("Support assistant — quarterly review final", 30);
        assert!(a.ends_with(" draft") && b.ends_with(" final"), "{a} / {b}");
        assert!(len(&a) <= 30 && a.starts_with("Support"), "{a}");
    }

    #[test]
    fn lists_keep_whole_items_and_heads_whole_words() {
        let items: Vec<String> = ["Errors 66 %", "Oversight 26 %", "Maintenance 4 %"]
            .iter()
            .map(|s| s.to_string())
            .collect();
        assert_eq!(list(&items, " · ", 32), "Errors 66 % · Oversight 26 % · …");
        assert_eq!(list(&items, " · ", 30), "Errors 66 % · Oversight 26 % …");
        assert_eq!(list(&items, " · ", 20), "Errors 66 % · …");
        assert_eq!(
            list(&items, " · ", 100),
            "Errors 66 % · Oversight 26 % · Maintenance 4 %"
        );
        let h = head(
            " Compare 3 plans — baseline: Support assistant — monthly bars share one scale ",
            60,
        );
        assert!(
            h.starts_with(" Compare 3 plans — baseline: Support") && h.ends_with('…'),
            "{h}"
        );
        assert!(len(&h) <= 60);
    }

    #[test]
    fn paths_keep_their_file_name() {
        let p = "/home/consultant/clients/acme/2026/plans/support-assistant.ron";
        assert_eq!(path(p, 200), p);
        let f = path(p, 30);
        assert!(
            f.ends_with("/support-assistant.ron") && f.starts_with('…'),
            "{f}"
        );
        assert!(len(&f) <= 30);
        let f = path(p, 12);
        assert_eq!(len(&f), 12);
        assert!(f.ends_with(".ron"));
        let msg = format!("report written to {p}");
        let f = paths_in(&msg, 50);
        assert!(
            f.starts_with("report written to …") && f.ends_with("support-assistant.ron"),
            "{f}"
        );
    }
}

#[cfg(test)]
mod name_tests {
    #[test]
    fn a_shortened_name_has_one_ellipsis() {
        for w in 8..30 {
            let s = super::name("Northwind Mutual (example)", w);
            assert!(!s.contains("……"), "{w}: {s}");
            assert!(super::len(&s) <= w, "{w}: {s}");
        }
    }
}

/// Rows `text` takes when word-wrapped at `width` columns (an estimate that
/// errs on the side of more rows).
pub(crate) fn wrapped_rows(text: &str, width: usize) -> usize {
    let mut rows = 1;
    let mut used = 0;
    for word in text.split(' ') {
        let w = unicode_width::UnicodeWidthStr::width(word);
        if used > 0 && used + 1 + w > width {
            rows += 1;
            used = 0;
        }
        used += if used > 0 { 1 + w } else { w };
        while used > width {
            rows += 1;
            used -= width;
        }
    }
    rows
}

/// Rows a line takes when word-wrapped at `width` columns.
pub(crate) fn line_rows(line: &ratatui::text::Line, width: usize) -> usize {
    let text: String = line.spans.iter().map(|s| s.content.as_ref()).collect();
    wrapped_rows(&text, width.max(1))
}
