//! The domain layer stays pure: `src/model/` imports no terminal, file, path or
//! clock code, so it can be tested and reused anywhere.

use std::path::Path;

fn sources(dir: &Path, out: &mut Vec<std::path::PathBuf>) {
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.is_dir() {
            sources(&path, out);
        } else if path.extension().is_some_and(|e| e == "rs") {
            out.push(path);
        }
    }
}

#[test]
fn the_model_imports_no_terminal_file_or_clock_code() {
    let mut files = Vec::new();
    sources(
        &Path::new(env!("CARGO_MANIFEST_DIR")).join("src/model"),
        &mut files,
    );
    assert!(files.len() >= 5);
    let forbidden = [
        "ratatui",
        "crossterm",
        "std::fs",
        "std::path",
        "std::time",
        "std::env",
        "std::io",
        "std::process",
        "directories",
        "ron::",
        "crate::store",
        "crate::ui",
        "crate::app",
        "crate::tui",
        "crate::report",
        "crate::cli",
        "SystemTime",
        "Instant",
    ];
    for f in files {
        let text = std::fs::read_to_string(&f).unwrap();
        for word in forbidden {
            assert!(!text.contains(word), "{} uses {word}", f.display());
        }
    }
}
