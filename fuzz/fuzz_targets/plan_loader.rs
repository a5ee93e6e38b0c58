//! Fuzzes the plan loader: any bytes must give a plan or a message, never a
//! panic; a plan that loads must validate, project to finite numbers and
//! survive a save → load round trip.
//!
//! `cargo +nightly fuzz run plan_loader tests/fixtures/fuzz` (from the repo
//! root, with cargo-fuzz installed). Inputs that crash go to
//! `fuzz/artifacts/`; copy each into `tests/fixtures/fuzz-found/`, where
//! `cargo test` keeps checking them.
#![no_main]

use libfuzzer_sys::fuzz_target;
use runcost::model::{project, validate};
use runcost::store::{catalog, parse_plan, write_plan};

fuzz_target!(|data: &[u8]| {
    let catalog = catalog::builtin();
    if let Ok(plan) = parse_plan(data, &catalog) {
        assert!(validate(&plan).is_empty());
        let _ = project(&plan);
        let text = write_plan(&plan);
        let again = parse_plan(text.as_bytes(), &catalog).expect("a written plan reads back");
        assert_eq!(again, plan);
    }
});
