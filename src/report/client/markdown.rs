//! The client report as Markdown (CommonMark with GitHub tables): plain
//! text escaped so that nothing typed into a plan acts as markup, notes
//! with their line breaks, charts as text bar charts in code blocks.

use super::model::{Align, Block, ClientReport, Table};

/// Text in running Markdown: every character that could start markup
/// (`\` `` ` `` `*` `_` `<` `>` `|` `[` `]` `#`, and `&` where it would
/// start an entity such as `&amp;`) is escaped with a backslash, and line
/// breaks become spaces.
pub fn text(s: &str) -> String {
    let mut o = String::with_capacity(s.len() + 8);
    for (i, c) in s.char_indices() {
        match c {
            '&' if entity_at(&s[i + 1..]) => o.push_str("\\&"),
            '\\' | '`' | '*' | '_' | '<' | '>' | '|' | '[' | ']' | '#' => {
                o.push('\\');
                o.push(c);
            }
            '\n' => o.push(' '),
            '\r' => {}
            _ => o.push(c),
        }
    }
    o
}

/// Whether text after a `&` reads as an entity (`amp;`, `#x1b;`).
fn entity_at(rest: &str) -> bool {
    let name = rest
        .bytes()
        .take_while(|b| b.is_ascii_alphanumeric() || *b == b'#')
        .count();
    name > 0 && rest[name..].starts_with(';')
}

/// A line that starts a block: a leading list marker, heading, rule or
/// numbered item is escaped too, so a note line stays a line of text.
fn line(s: &str) -> String {
    let t = text(s);
    let trimmed = t.trim_start();
    let lead = t.len() - trimmed.len();
    if trimmed.starts_with(['-', '+', '=']) {
        return format!("{}\\{}", &t[..lead], trimmed);
    }
    let digits = trimmed.bytes().take_while(u8::is_ascii_digit).count();
    if digits > 0 && trimmed[digits..].starts_with(['.', ')']) {
        return format!(
            "{}{}\\{}",
            &t[..lead],
            &trimmed[..digits],
            &trimmed[digits..]
        );
    }
    t
}

/// A table: a header row of the column titles, left-aligned text columns,
/// right-aligned numbers, totals in bold.
pub fn table(t: &Table) -> String {
    let mut o = String::from("|");
    for c in &t.columns {
        o.push_str(&format!(" {} |", text(&c.title)));
    }
    o.push_str("\n|");
    for c in &t.columns {
        o.push_str(match c.align {
            Align::Left => ":---|",
            Align::Right => "---:|",
        });
    }
    o.push('\n');
    for r in &t.rows {
        o.push('|');
        for cell in &r.cells {
            let v = text(cell);
            if r.total && !v.is_empty() {
                o.push_str(&format!(" **{v}** |"));
            } else if v.is_empty() {
                o.push_str(" |");
            } else {
                o.push_str(&format!(" {v} |"));
            }
        }
        o.push('\n');
    }
    o
}

pub fn render(r: &ClientReport) -> String {
    let mut o = format!("# {}\n\n", text(&r.title));
    let facts: Vec<String> = r
        .facts
        .iter()
        .map(|(k, v)| format!("**{}:** {}", text(k), text(v)))
        .collect();
    o.push_str(&facts.join(" · "));
    o.push('\n');
    for sec in &r.sections {
        o.push_str(&format!("\n## {}\n", text(&sec.title)));
        for b in &sec.blocks {
            o.push('\n');
            match b {
                Block::Text(t) => o.push_str(&format!("{}\n", line(t))),
                Block::Answer(t) | Block::Strong(t) => o.push_str(&format!("**{}**\n", text(t))),
                Block::Table(t) => o.push_str(&table(t)),
                Block::Chart(c) => {
                    o.push_str(&format!("```text\n{}```\n", super::text_chart::render(c)))
                }
                Block::List(items) => {
                    for i in items {
                        o.push_str(&format!("- {}\n", text(i)));
                    }
                }
                Block::Quote(lines) => o.push_str(&quote(lines)),
            }
        }
    }
    o.push_str("\n---\n");
    for p in &r.footer {
        o.push_str(&format!("\n{}\n", line(p)));
    }
    crate::report::escape::markup(&o).into_owned()
}

/// Quoted lines, each line break kept (a backslash at the end of a line is
/// CommonMark's hard break); a blank line starts a new paragraph.
fn quote(lines: &[String]) -> String {
    let mut o = String::new();
    for (n, l) in lines.iter().enumerate() {
        if l.trim().is_empty() {
            o.push_str(">\n");
            continue;
        }
        let next_is_text = lines.get(n + 1).is_some_and(|x| !x.trim().is_empty());
        o.push_str(&format!(
            "> {}{}\n",
            line(l.trim_end()),
            if next_is_text { "\\" } else { "" }
        ));
    }
    o
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn text_escapes_everything_that_could_be_markup() {
        assert_eq!(
            text("<b>*x*</b> a_b | `c`"),
            "\\<b\\>\\*x\\*\\</b\\> a\\_b \\| \\`c\\`"
        );
        assert_eq!(line("- not a list"), "\\- not a list");
        assert_eq!(text("A & B &amp; C"), "A & B \\&amp; C");
        assert_eq!(line("1. not a list"), "1\\. not a list");
        assert_eq!(
            quote(&["one".into(), "two".into(), "".into(), "three".into()]),
            "> one\\\n> two\n>\n> three\n"
        );
    }
}
