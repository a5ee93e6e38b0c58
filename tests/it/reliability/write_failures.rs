//! A write that fails says what happened: "the previous file is unchanged"
//! only where there was a previous file; otherwise that nothing was written,
//! and why. Through the workbench (export, save, save as: messages in, the
//! runtime's effects, state out) and through the store itself.
//!
//! The failures are real, and happen as root too: a file name one byte too
//! long for the file system (255 bytes), for the file itself or for the `.bak`
//! kept beside it.

use crate::common;
use common::ui::workbench;

use std::path::{Path, PathBuf};

use common::ui::select;
use common::{builtin, scenario};
use runcost::app::keymap::{Key, KeyChord};
use runcost::app::rows::Row;
use runcost::app::{App, Document, Effect, Mode, Msg, StatusKind};
use runcost::codec::write_plan;
use runcost::model::fields::Field;
use runcost::store::atomic::{create_new, create_numbered, replace_atomic, save_atomic};

fn files_in(dir: &Path) -> Vec<String> {
    let mut v: Vec<String> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    v.sort();
    v
}

/// A name of `n` bytes ending in `.ron`.
fn name(n: usize) -> String {
    format!("{}.ron", "p".repeat(n - 4))
}

/// Applies `effects` as the runtime would, and the replies to the app.
fn run(app: &mut App, effects: Vec<Effect>) {
    for e in effects {
        for msg in runcost::tui::effects::perform(e, &builtin()) {
            let more = app.update(msg);
            run(app, more);
        }
    }
}

fn status(app: &App) -> (StatusKind, String) {
    let s = app.status.as_ref().expect("a message");
    (s.kind, s.text.clone())
}

#[test]
fn a_failed_export_of_a_report_that_never_existed_says_nothing_was_written_and_why() {
    let dir = tempfile::tempdir().unwrap();
    // The plan's own name fits; its report's name ("…-report.md") does not.
    let plan = dir.path().join(name(250));
    std::fs::write(&plan, write_plan(&scenario("support-assistant"))).unwrap();
    let before = files_in(dir.path());
    let mut a = workbench(
        Document::opened(scenario("support-assistant"), Some(plan)),
        None,
    );
    let effects = a.update(Msg::Key(KeyChord::ch('e')));
    assert!(
        matches!(&effects[..], [Effect::Export { .. }]),
        "{effects:?}"
    );
    run(&mut a, effects);
    let (kind, said) = status(&a);
    assert_eq!(kind, StatusKind::Error, "{said}");
    assert!(said.starts_with("report not written: "), "{said}");
    assert!(said.contains("File name too long"), "why: {said}");
    assert!(
        said.ends_with("nothing was written"),
        "what happened: {said}"
    );
    assert!(!said.contains("previous file"), "{said}");
    assert_eq!(files_in(dir.path()), before, "and indeed nothing was");
}

#[test]
fn a_failed_first_save_and_save_as_say_nothing_was_written_and_that_the_plan_is_kept() {
    let dir = tempfile::tempdir().unwrap();
    // A new plan whose file does not exist yet: Ctrl-S creates it.
    let path = dir.path().join(name(256));
    let mut a = workbench(
        Document::unsaved(scenario("doc-processing-small"), Some(path)),
        None,
    );
    let effects = a.update(Msg::Key(KeyChord::ctrl('s')));
    assert!(
        matches!(
            &effects[..],
            [Effect::Save {
                create_new: true,
                ..
            }]
        ),
        "{effects:?}"
    );
    run(&mut a, effects);
    let (kind, said) = status(&a);
    assert_eq!(kind, StatusKind::Error);
    assert!(
        said.contains("File name too long") && said.contains("nothing was written"),
        "{said}"
    );
    assert!(!said.contains("previous file"), "{said}");
    assert!(
        said.ends_with("S saves elsewhere; nothing is lost"),
        "{said}"
    );
    assert!(a.doc().never_saved(), "still unsaved, still here");
    assert!(files_in(dir.path()).is_empty());

    // Save As an opened plan under a new name that cannot be made: each name
    // in the path is short enough, the whole path is over the system's 4,096
    // bytes.
    let own = dir.path().join("plan.ron");
    let text = write_plan(&scenario("support-assistant"));
    std::fs::write(&own, &text).unwrap();
    let mut b = workbench(
        Document::opened(scenario("support-assistant"), Some(own.clone())),
        None,
    );
    b.update(Msg::Key(KeyChord::ch('S')));
    assert!(matches!(b.mode(), Mode::SaveAs(_)));
    // Select everything and type the new name over it.
    b.update(Msg::Key(KeyChord::ctrl('u')));
    let to = dir
        .path()
        .join(format!("{}/plan.ron", vec!["d".repeat(199); 21].join("/")));
    b.update(Msg::Paste(to.display().to_string()));
    let effects = b.update(Msg::Key(KeyChord::plain(Key::Enter)));
    assert!(
        matches!(&effects[..], [Effect::Save { path, create_new: true, .. }] if *path == to),
        "{effects:?}"
    );
    run(&mut b, effects);
    let (_, said) = status(&b);
    assert!(
        said.contains("nothing was written") && !said.contains("previous file"),
        "{said}"
    );
    assert_eq!(files_in(dir.path()), ["plan.ron"]);
    assert_eq!(std::fs::read_to_string(&own).unwrap(), text);
}

#[test]
fn a_failed_save_over_an_existing_plan_says_the_previous_file_is_unchanged() {
    let dir = tempfile::tempdir().unwrap();
    // The plan's name fits; the backup beside it ("….bak") does not.
    let path = dir.path().join(name(253));
    let text = write_plan(&scenario("support-assistant"));
    std::fs::write(&path, &text).unwrap();
    let mut a = workbench(
        Document::opened(scenario("support-assistant"), Some(path.clone())),
        None,
    );
    select(&mut a, Row::Field(Field::RequestsPerDay));
    a.update(Msg::Key(KeyChord::plain(Key::Right)));
    let effects = a.update(Msg::Key(KeyChord::ctrl('s')));
    run(&mut a, effects);
    let (kind, said) = status(&a);
    assert_eq!(kind, StatusKind::Error);
    assert!(
        said.contains("keeping the previous version as .bak failed"),
        "{said}"
    );
    assert!(said.contains("the previous file is unchanged"), "{said}");
    assert!(!said.contains("nothing was written"), "{said}");
    assert_eq!(std::fs::read_to_string(&path).unwrap(), text, "and it is");
    assert!(a.doc().is_dirty(), "the edit is kept to save elsewhere");
}

#[test]
fn every_way_of_writing_says_what_a_failure_left() {
    let dir = tempfile::tempdir().unwrap();
    let long = dir.path().join(name(256));
    for (how, err) in [
        ("save", save_atomic(&long, b"x").unwrap_err()),
        ("replace", replace_atomic(&long, b"x").unwrap_err()),
        ("create", create_new(&long, b"x").unwrap_err()),
    ] {
        let said = err.to_string();
        assert!(
            said.ends_with("; nothing was written") && !said.contains("previous"),
            "{how}: {said}"
        );
    }
    // A set of new files: the first written, the second refused — the first
    // is taken back, so nothing was written is true.
    let base: PathBuf = dir.path().join("r".repeat(250));
    let err = create_numbered(&base, &[("md", b"a"), ("html-too-long", b"b")]).unwrap_err();
    assert!(err.to_string().ends_with("nothing was written"), "{err}");
    assert!(
        files_in(dir.path()).is_empty(),
        "{:?}",
        files_in(dir.path())
    );

    // With a file there: the previous one is unchanged, said and true.
    let there = dir.path().join(name(253));
    std::fs::write(&there, b"old").unwrap();
    let said = save_atomic(&there, b"new").unwrap_err().to_string();
    assert!(said.ends_with("; the previous file is unchanged"), "{said}");
    assert_eq!(std::fs::read(&there).unwrap(), b"old");
}
