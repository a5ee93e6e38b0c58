//! Best-effort position of a field path (`models[1].pricing.gpu_hourly`) in a
//! plan's text, so validation messages can say `FILE:LINE:COL`.

/// 1-based (line, column) of the last segment of `path` found in `text`.
pub fn locate(text: &str, path: &str) -> Option<(usize, usize)> {
    let bytes = text.as_bytes();
    let mut pos = 0usize;
    let mut found = None;
    for segment in path.split('.') {
        let (name, index) = match segment.find('[') {
            Some(b) => {
                let idx = segment[b + 1..].trim_end_matches(']').parse::<usize>().ok();
                (&segment[..b], idx)
            }
            None => (segment, None),
        };
        let at = find_key(bytes, pos, name)?;
        found = Some(at);
        pos = at + name.len();
        if let Some(i) = index {
            pos = nth_element(bytes, pos, i)?;
            found = Some(pos);
        }
    }
    found.map(|at| line_col(text, at))
}

fn line_col(text: &str, at: usize) -> (usize, usize) {
    let before = &text[..at.min(text.len())];
    let line = before.matches('\n').count() + 1;
    let col = before.rsplit('\n').next().map_or(0, |l| l.chars().count()) + 1;
    (line, col)
}

/// What the scanner sees at an offset.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Tok {
    /// A whole string literal starts here.
    Str,
    Open,
    Close,
    Comma,
    Other(u8),
}

/// The significant bytes of RON text from an offset: strings as one token,
/// comments and whitespace skipped.
struct Scan<'a> {
    b: &'a [u8],
    i: usize,
}

impl Iterator for Scan<'_> {
    type Item = (usize, Tok);

    fn next(&mut self) -> Option<Self::Item> {
        let b = self.b;
        while self.i < b.len() {
            let at = self.i;
            match b[at] {
                b'"' => {
                    self.i = skip_string(b, at);
                    return Some((at, Tok::Str));
                }
                b'/' if b.get(at + 1) == Some(&b'/') => self.i = skip_line(b, at),
                b'/' if b.get(at + 1) == Some(&b'*') => self.i = skip_block(b, at),
                c if c.is_ascii_whitespace() => self.i += 1,
                c => {
                    self.i += 1;
                    let tok = match c {
                        b'(' | b'[' | b'{' => Tok::Open,
                        b')' | b']' | b'}' => Tok::Close,
                        b',' => Tok::Comma,
                        other => Tok::Other(other),
                    };
                    return Some((at, tok));
                }
            }
        }
        None
    }
}

fn scan(b: &[u8], from: usize) -> Scan<'_> {
    Scan { b, i: from }
}

/// Offset of `name` used as a field key (`name:`) at or after `from`, outside
/// strings and comments.
fn find_key(b: &[u8], from: usize, name: &str) -> Option<usize> {
    scan(b, from).find_map(|(i, tok)| {
        let is_key = matches!(tok, Tok::Other(_))
            && b[i..].starts_with(name.as_bytes())
            && (i == 0 || !is_ident(b[i - 1]))
            && !b.get(i + name.len()).is_some_and(|c| is_ident(*c))
            && b[i + name.len()..]
                .iter()
                .find(|c| !c.is_ascii_whitespace())
                == Some(&b':');
        is_key.then_some(i)
    })
}

/// Offset of the start of element `n` of the list that opens after `from`.
fn nth_element(b: &[u8], from: usize, n: usize) -> Option<usize> {
    let mut tokens = scan(b, from).skip_while(|(_, t)| *t != Tok::Open);
    tokens.next()?; // the list's own bracket
    let mut depth = 0i32;
    let mut index = 0usize;
    let mut start = None;
    for (i, tok) in tokens {
        match tok {
            Tok::Open => {
                if depth == 0 {
                    start.get_or_insert(i);
                    if index == n {
                        return start;
                    }
                }
                depth += 1;
            }
            Tok::Close if depth == 0 => return None,
            Tok::Close => depth -= 1,
            Tok::Comma if depth == 0 => {
                if index == n {
                    return start;
                }
                index += 1;
                start = None;
            }
            _ if depth == 0 => {
                start.get_or_insert(i);
            }
            _ => {}
        }
    }
    None
}

/// Whether more brackets are opened than closed (outside strings and comments):
/// the mark of a file cut short.
pub(super) fn unclosed_brackets(text: &str) -> bool {
    let depth: i64 = scan(text.as_bytes(), 0)
        .map(|(_, t)| match t {
            Tok::Open => 1,
            Tok::Close => -1,
            _ => 0,
        })
        .sum();
    depth > 0
}

fn is_ident(c: u8) -> bool {
    c.is_ascii_alphanumeric() || c == b'_'
}

fn skip_string(b: &[u8], mut i: usize) -> usize {
    i += 1;
    while i < b.len() {
        match b[i] {
            b'\\' => i += 2,
            b'"' => return i + 1,
            _ => i += 1,
        }
    }
    i
}

fn skip_line(b: &[u8], mut i: usize) -> usize {
    while i < b.len() && b[i] != b'\n' {
        i += 1;
    }
    i
}

fn skip_block(b: &[u8], mut i: usize) -> usize {
    i += 2;
    while i + 1 < b.len() && !(b[i] == b'*' && b[i + 1] == b'/') {
        i += 1;
    }
    i + 2
}

#[cfg(test)]
mod tests {
    use super::locate;

    const TEXT: &str = "Scenario(\n  name: \"x: models\",\n  workload: (days_per_month: 0.0),\n  models: [\n    (id: \"a\", share_pct: 50.0),\n    // a comment: share_pct: 1\n    (id: \"b\", share_pct: 60.0),\n  ],\n)";

    #[test]
    fn finds_a_nested_field() {
        assert_eq!(
            locate(
                TEXT,
                crate::model::fields::PlanField::DaysPerMonth.spec().path
            ),
            Some((3, 14))
        );
    }

    #[test]
    fn finds_the_nth_list_element_skipping_comments_and_strings() {
        assert_eq!(locate(TEXT, "models[1].share_pct"), Some((7, 15)));
        assert_eq!(locate(TEXT, "models[0].id"), Some((5, 6)));
    }

    #[test]
    fn a_missing_field_has_no_position() {
        assert_eq!(
            locate(TEXT, crate::model::fields::PlanField::ErrorRate.spec().path),
            None
        );
        assert_eq!(locate(TEXT, "models[5].id"), None);
    }
}
