//! File-name-safe versions of plan names.

/// The longest slug, in bytes (file names also get `.ron` or `-report.html`).
const SLUG_MAX: usize = 100;

/// A file-name-safe version of a plan name: "Support bot — mini" → "support-bot-mini".
pub fn slug(name: &str) -> String {
    let mut out = String::new();
    for c in name.chars() {
        if c.is_alphanumeric() {
            out.extend(c.to_lowercase());
        } else if !out.ends_with('-') && !out.is_empty() {
            out.push('-');
        }
    }
    // Long plan names make file names the file system refuses; keep the
    // slug well under the limit (cut at a character boundary).
    let mut end = out.len().min(SLUG_MAX);
    while !out.is_char_boundary(end) {
        end -= 1;
    }
    let out = out[..end].trim_end_matches('-').to_string();
    if out.is_empty() { "plan".into() } else { out }
}
