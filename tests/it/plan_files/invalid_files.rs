//! Every file under tests/fixtures/invalid/ is refused with the message its
//! `.expected` file names (one required fragment per line), never a panic.

use crate::common;

use common::{builtin, fixture, runcost};
use runcost::codec::parse_plan;

#[test]
fn every_invalid_fixture_is_refused_with_its_message() {
    let dir = fixture("invalid");
    let catalog = builtin();
    let mut checked = 0;
    let mut entries: Vec<_> = std::fs::read_dir(&dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "ron"))
        .collect();
    entries.sort();
    for path in entries {
        let name = path.file_name().unwrap().to_string_lossy().to_string();
        let expected_path = path.with_extension("expected");
        let expected = std::fs::read_to_string(&expected_path)
            .unwrap_or_else(|_| panic!("{name} has no .expected file"));
        let bytes = std::fs::read(&path).unwrap();
        let err = match parse_plan(&bytes, &catalog) {
            Ok(_) => panic!("{name} was accepted"),
            Err(e) => e.render(&name),
        };
        for fragment in expected.lines().filter(|l| !l.trim().is_empty()) {
            assert!(
                err.contains(fragment),
                "{name}: message lacks {fragment:?}\nmessage was:\n{err}"
            );
        }
        checked += 1;
    }
    assert!(checked >= 30, "only {checked} invalid fixtures found");
}

#[test]
fn the_cli_exits_2_with_the_message_on_stderr() {
    let file = fixture("invalid/negative-price.ron");
    let out = runcost(&["report", file.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("negative-price.ron:9:"), "{err}");
    assert!(
        err.contains("models[0].pricing.input_per_mtok is -1"),
        "{err}"
    );
    assert!(out.stdout.is_empty(), "no partial report on stdout");
}
