//! The fuzzing corpus and every input ever found to break the loader: each
//! loads or is refused with a message, never a panic, and what loads survives
//! a save → load round trip. (The random-bytes and mutation properties in
//! `properties.rs` are the in-CI stand-in for `cargo fuzz`.)

use crate::common;

use common::{builtin, fixture};
use runcost::codec::{parse_plan, write_plan};

#[test]
fn every_corpus_input_loads_or_is_refused_cleanly() {
    let mut seen = 0;
    for dir in ["fuzz", "fuzz-found"] {
        for entry in std::fs::read_dir(fixture(dir)).unwrap() {
            let path = entry.unwrap().path();
            if path.extension().is_some_and(|e| e == "md") {
                continue;
            }
            let bytes = std::fs::read(&path).unwrap();
            match parse_plan(&bytes, &builtin()) {
                Ok(plan) => {
                    let again = parse_plan(write_plan(&plan).as_bytes(), &builtin()).unwrap();
                    assert_eq!(again, plan, "{}", path.display());
                }
                Err(e) => assert!(!e.problems.is_empty(), "{}", path.display()),
            }
            seen += 1;
        }
    }
    assert!(seen >= 10, "corpus has {seen} inputs");
}
