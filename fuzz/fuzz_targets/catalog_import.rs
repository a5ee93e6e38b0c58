//! Fuzzes the LiteLLM price-list importer: any input gives a catalog or a
//! message, never a panic, and an imported catalog writes and reads back.
//!
//! `cargo +nightly fuzz run catalog_import`
#![no_main]

use libfuzzer_sys::fuzz_target;
use runcost::model::Catalog;
use runcost::store::catalog::{builtin, parse_catalog};
use runcost::store::litellm::{import, write_catalog};

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    if let Ok((user, _)) = import(text, &Catalog::default(), &builtin(), None, "2026-01-01") {
        let again = parse_catalog(&write_catalog(&user)).expect("an imported catalog reads back");
        assert_eq!(again, user);
    }
});
