//! Exactly one place changes the mode (issue 21 §3): handlers return an
//! `Outcome` or call `App::switch_to`, and only `switch_to` (with
//! `take_mode`, which lends the mode to its handler) writes `App::mode`.

use std::path::Path;

use super::architecture::sources;

/// Every line of `src/` that writes the mode field, as `file: line`.
fn mode_writes() -> Vec<String> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut files = Vec::new();
    sources(&root.join("src"), &mut files);
    files.sort();
    let writes = [
        "self.mode = ",
        "app.mode = ",
        "a.mode = ",
        "mem::replace(&mut self.mode",
        "mem::replace(&mut app.mode",
        "mem::take(&mut self.mode",
        "mem::take(&mut app.mode",
    ];
    let mut found = Vec::new();
    for f in files {
        let text = std::fs::read_to_string(&f).unwrap();
        let rel = f.strip_prefix(root).unwrap().display().to_string();
        for line in text.lines() {
            if writes.iter().any(|w| line.contains(w)) {
                found.push(format!("{rel}: {}", line.trim()));
            }
        }
    }
    found
}

#[test]
fn only_switch_to_and_take_mode_write_the_mode() {
    assert_eq!(
        mode_writes(),
        [
            "src/app/modes/mod.rs: self.mode = mode;",
            "src/app/modes/mod.rs: std::mem::replace(&mut self.mode, Mode::Normal)",
        ],
        "change the mode with App::switch_to or return an Outcome"
    );
}

#[test]
fn handlers_switch_modes_through_switch_to() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut files = Vec::new();
    sources(&root.join("src/app"), &mut files);
    let calls: usize = files
        .iter()
        .map(|f| {
            let text = std::fs::read_to_string(f).unwrap();
            text.matches(".switch_to(").count()
        })
        .sum();
    assert!(calls >= 20, "handlers open modes with switch_to ({calls})");
}
