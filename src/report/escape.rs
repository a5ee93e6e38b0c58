//! Text from plans, catalogs and imports made safe for where it is written.
//!
//! A plan name or an imported catalog id is data typed by someone else: it
//! must never act on the reader's terminal (set its title, clear the screen,
//! reorder a line) nor run as a spreadsheet formula. One rule says which
//! characters act ([`is_unsafe`]); each output format then shows them in its
//! own way, keeping the data wherever the format can hold it.

use std::borrow::Cow;

/// Whether `c` acts on a terminal or reorders text instead of being shown:
/// C0 controls, DEL, C1 controls (`char::is_control`), and the bidi
/// embeddings, overrides and isolates U+202A–U+202E and U+2066–U+2069.
pub fn is_unsafe(c: char) -> bool {
    c.is_control() || matches!(c, '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}')
}

/// Replaces each unsafe character (except those `keep` allows) by `write`'s
/// text; borrows when there is nothing to replace, the usual case.
fn replace<'a>(
    text: &'a str,
    keep: impl Fn(&str, usize, char) -> bool,
    write: impl Fn(&mut String, char),
) -> Cow<'a, str> {
    let needs = text
        .char_indices()
        .any(|(i, c)| is_unsafe(c) && !keep(text, i, c));
    if !needs {
        return Cow::Borrowed(text);
    }
    let mut out = String::with_capacity(text.len() + 16);
    for (i, c) in text.char_indices() {
        if is_unsafe(c) && !keep(text, i, c) {
            write(&mut out, c);
        } else {
            out.push(c);
        }
    }
    Cow::Owned(out)
}

/// Line breaks and tabs, which lay text out rather than act: `\n`, `\t`, and
/// `\r` only as part of a CRLF line end.
fn layout(text: &str, at: usize, c: char) -> bool {
    match c {
        '\n' | '\t' => true,
        '\r' => text[at + 1..].starts_with('\n'),
        _ => false,
    }
}

fn visible(out: &mut String, c: char) {
    out.push_str(&format!("\\u{{{:x}}}", c as u32));
}

/// Text for a terminal: each unsafe character is shown as an escape such as
/// `\u{1b}`, so it is seen and never obeyed. Line breaks and tabs are kept;
/// this is applied once to everything the CLI writes for people.
pub fn terminal(text: &str) -> Cow<'_, str> {
    replace(text, layout, visible)
}

/// One value inside a line of terminal text (a plan name in `check`'s "ok"
/// line): line breaks are escaped too, so a name cannot fake a line.
pub fn terminal_line(text: &str) -> Cow<'_, str> {
    replace(text, |_, _, _| false, visible)
}

/// Markdown and HTML: unsafe characters as numeric character references
/// (`&#x1b;`), which both formats read back as the character, so the text
/// keeps its data and holds no raw control bytes.
pub fn markup(text: &str) -> Cow<'_, str> {
    replace(text, layout, |out, c| {
        out.push_str(&format!("&#x{:x};", c as u32))
    })
}

/// Serialized JSON: serde already escapes C0 controls; DEL, C1 controls and
/// bidi overrides are escaped as `\uXXXX` too (all lie in the BMP), which any
/// JSON reader decodes back to the same text.
pub fn json(text: &str) -> Cow<'_, str> {
    replace(text, layout, |out, c| {
        out.push_str(&format!("\\u{:04x}", c as u32))
    })
}

/// A CSV text cell that a spreadsheet will not run as a formula (the OWASP
/// rule): a cell starting with `=`, `+`, `-`, `@`, TAB or CR gets a leading
/// `'`. Only for text: numbers are written as numbers, negative ones included.
pub fn csv_text(cell: &str) -> Cow<'_, str> {
    if cell.starts_with(['=', '+', '-', '@', '\t', '\r']) {
        Cow::Owned(format!("'{cell}"))
    } else {
        Cow::Borrowed(cell)
    }
}

/// Text for one cell of a Markdown table: `\` and `|` are escaped with a
/// backslash (so neither ends the cell nor escapes what follows) and line
/// breaks become spaces (a row is one line). Every Markdown table uses this.
pub fn markdown_cell(text: &str) -> String {
    text.replace('\\', "\\\\")
        .replace('|', "\\|")
        .replace(['\n', '\r'], " ")
}

/// The text of a cell [`markdown_cell`] wrote, read back (for the HTML page,
/// which converts the Markdown tables): `\\` is `\` and `\|` is `|`.
pub fn markdown_cell_text(cell: &str) -> String {
    let mut out = String::with_capacity(cell.len());
    let mut chars = cell.chars();
    while let Some(c) = chars.next() {
        if c == '\\' {
            match chars.next() {
                Some(next @ ('\\' | '|')) => out.push(next),
                Some(other) => {
                    out.push(c);
                    out.push(other);
                }
                None => out.push(c),
            }
        } else {
            out.push(c);
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn markdown_cells_escape_backslashes_pipes_and_line_breaks() {
        assert_eq!(markdown_cell("a|b"), "a\\|b");
        assert_eq!(markdown_cell("C:\\plans"), "C:\\\\plans");
        // A backslash before a pipe must not swallow the pipe's escape.
        assert_eq!(markdown_cell("x\\|y"), "x\\\\\\|y");
        assert_eq!(markdown_cell("ends\\"), "ends\\\\");
        assert_eq!(markdown_cell("two\nlines\r\nhere"), "two lines  here");
        assert_eq!(markdown_cell("plain"), "plain");
        for text in ["a|b", "C:\\plans", "x\\|y", "ends\\", "\\\\|", "\\n"] {
            assert_eq!(markdown_cell_text(&markdown_cell(text)), text, "{text:?}");
        }
    }

    #[test]
    fn terminal_text_shows_controls_and_bidi_overrides_as_escapes() {
        let evil = "Evil\u{1b}]0;pwned\u{7}\u{1b}[2J\u{9b}31m\u{202e}x\u{2066}\u{7f}";
        let safe = terminal(evil);
        assert!(!safe.chars().any(is_unsafe), "{safe}");
        assert_eq!(
            safe,
            "Evil\\u{1b}]0;pwned\\u{7}\\u{1b}[2J\\u{9b}31m\\u{202e}x\\u{2066}\\u{7f}"
        );
        assert_eq!(terminal("a\nb\tc\r\nd\re"), "a\nb\tc\r\nd\\u{d}e");
        assert!(matches!(terminal("plain € text"), Cow::Borrowed(_)));
    }

    #[test]
    fn a_value_in_a_line_cannot_break_the_line() {
        assert_eq!(terminal_line("a\nb: ok"), "a\\u{a}b: ok");
    }

    #[test]
    fn markup_and_json_keep_the_data_as_references() {
        assert_eq!(markup("a\u{1b}b\u{202e}\n"), "a&#x1b;b&#x202e;\n");
        let s = serde_json::to_string("x\u{1b}\u{9b}\u{202e}\u{7f}").unwrap();
        let escaped = json(&s);
        assert!(!escaped.chars().any(is_unsafe));
        let back: String = serde_json::from_str(&escaped).unwrap();
        assert_eq!(back, "x\u{1b}\u{9b}\u{202e}\u{7f}");
    }

    #[test]
    fn csv_text_cells_that_look_like_formulas_are_quoted() {
        for f in ["=1+1", "+1", "-1+cmd", "@SUM(A1)", "\tx", "\rx"] {
            assert_eq!(csv_text(f), format!("'{f}"));
        }
        assert_eq!(csv_text("plain"), "plain");
        assert_eq!(csv_text("a=b"), "a=b");
    }
}
