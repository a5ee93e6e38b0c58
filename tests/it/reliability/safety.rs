//! Never losing a plan: recovery copies, locks, stray temporary files, the
//! data-directory fallback, read-only files — and the workbench's questions
//! when a recovery copy exists or the file changed on disk.

use crate::common;

use std::path::{Path, PathBuf};

use common::ui::{acme_alone as app, ch, select};
use common::{builtin, scenario};
use runcost::app::keymap::{Key, KeyChord};
use runcost::app::rows::Row;
use runcost::app::{App, Effect, Mode, Msg, Question, SafetyState, StatusKind};
use runcost::model::Scenario;
use runcost::model::fields::Field;
use runcost::store::atomic::{clean_stray_temps, content_hash, save_atomic};
use runcost::store::paths::choose_data_dir;
use runcost::store::recovery::{
    Found, Lock, Owner, find_recovery_in, recovery_path_in, release_lock_in, take_lock_in,
    write_recovery_in,
};

/// A process id that is not running (above the kernel's default pid_max).
const DEAD_PID: u32 = 4_194_305;

/// The runtime saw the opened file on disk with fingerprint `hash`.
fn on_disk(a: &mut App, hash: u64) {
    a.update(Msg::DiskState {
        path: PathBuf::from("/work/acme.ron"),
        hash: Some(hash),
    });
}

/// Saving met `theirs` on disk (hash 43) in place of the file it opened.
fn conflict(a: &mut App, theirs: &Scenario) {
    a.update(Msg::SaveConflict {
        doc: a.session.active_id(),
        path: PathBuf::from("/work/acme.ron"),
        theirs: Some(Box::new(theirs.clone())),
        hash: Some(43),
    });
}

/// The safety question the workbench asks.
fn asked(a: &App) -> &SafetyState {
    let Mode::Safety(s) = a.mode() else {
        panic!("asked")
    };
    s
}

#[test]
fn a_recovery_copy_round_trips_and_a_corrupt_one_is_kept_aside() {
    let data = tempfile::tempdir().unwrap();
    let plan_path = Path::new("/work/acme.ron");
    let mut plan = scenario("support-assistant");
    plan.workload.requests_per_day = 3025.0;
    let owner = Owner::Plan(plan_path.to_path_buf());
    let written = write_recovery_in(data.path(), &owner, &plan).unwrap();
    assert_eq!(written, recovery_path_in(data.path(), &owner));
    let text = std::fs::read_to_string(&written).unwrap();
    assert!(text.starts_with("// runcost recovery copy of \"/work/acme.ron\""));
    match find_recovery_in(data.path(), plan_path, &builtin()) {
        Some(Found::Copy { plan: found, .. }) => assert_eq!(*found, plan),
        other => panic!("{other:?}"),
    }
    assert!(find_recovery_in(data.path(), Path::new("/other.ron"), &builtin()).is_none());

    std::fs::write(&written, "Scenario(version: 1, name: \"cut sh").unwrap();
    let Some(Found::Corrupt { kept, why }) = find_recovery_in(data.path(), plan_path, &builtin())
    else {
        panic!("corrupt copy reported")
    };
    assert!(!why.is_empty());
    assert!(kept.exists(), "never deleted silently");
    assert!(!written.exists(), "moved aside so it is not offered again");
}

#[test]
fn locks_tell_live_owners_from_stale_ones() {
    let data = tempfile::tempdir().unwrap();
    // Its own path: a lock held by another process marks the plan as shared
    // for this whole test process, which renames that plan's recovery copy
    // (tests in this binary run in parallel).
    let plan = Path::new("/work/acme-locked.ron");
    assert_eq!(take_lock_in(data.path(), plan), Lock::Taken);
    assert_eq!(take_lock_in(data.path(), plan), Lock::Taken, "ours again");
    let lock_dir = data.path().join("locks");
    let lock = std::fs::read_dir(&lock_dir)
        .unwrap()
        .next()
        .unwrap()
        .unwrap()
        .path();
    release_lock_in(data.path(), plan);
    // A pid left inside an unlocked file: a runcost that died holding it.
    std::fs::write(&lock, DEAD_PID.to_string()).unwrap();
    assert_eq!(
        take_lock_in(data.path(), plan),
        Lock::ClearedStale(DEAD_PID)
    );
    // Held (an OS lock on another open file: as another process would).
    release_lock_in(data.path(), plan);
    let other = std::fs::OpenOptions::new().write(true).open(&lock).unwrap();
    other.try_lock().unwrap();
    std::fs::write(&lock, "1").unwrap();
    assert_eq!(take_lock_in(data.path(), plan), Lock::HeldBy(1));
    release_lock_in(data.path(), plan);
    assert_eq!(
        std::fs::read_to_string(&lock).unwrap(),
        "1",
        "another process's lock is left alone"
    );
    drop(other);
    assert_eq!(take_lock_in(data.path(), plan), Lock::ClearedStale(1));
    release_lock_in(data.path(), plan);
    assert_eq!(std::fs::read_to_string(&lock).unwrap(), "", "released");
    assert_eq!(take_lock_in(data.path(), plan), Lock::Taken);
    release_lock_in(data.path(), plan);
}

#[test]
fn stray_temporary_files_of_dead_saves_are_cleaned() {
    let dir = tempfile::tempdir().unwrap();
    let stray = dir.path().join(format!(".plan.ron.runcost-tmp.{DEAD_PID}"));
    let mine = dir
        .path()
        .join(format!(".plan.ron.runcost-tmp.{}", std::process::id()));
    let unrelated = dir.path().join("plan.ron");
    for f in [&stray, &mine, &unrelated] {
        std::fs::write(f, "x").unwrap();
    }
    assert_eq!(clean_stray_temps(dir.path()), vec![stray.clone()]);
    assert!(!stray.exists() && mine.exists() && unrelated.exists());
}

#[test]
fn an_unwritable_data_directory_falls_back_and_says_so() {
    let (tmp, file) = common::scratch_file("a-file", "");
    let fallback = tmp.path().join("fallback");
    let (dir, note) = choose_data_dir(Some(file.join("data")), &fallback);
    assert_eq!(dir, Some(fallback.clone()));
    assert!(note.unwrap().contains("is not writable"));
    let (dir, note) = choose_data_dir(Some(tmp.path().join("ok")), &fallback);
    assert_eq!(dir, Some(tmp.path().join("ok")));
    assert_eq!(note, None);
}

#[test]
fn a_read_only_plan_is_not_overwritten() {
    let (_dir, path) = common::scratch_file("plan.ron", "original");
    let mut perms = std::fs::metadata(&path).unwrap().permissions();
    perms.set_readonly(true);
    std::fs::set_permissions(&path, perms).unwrap();
    let err = save_atomic(&path, b"new").unwrap_err().to_string();
    assert!(err.contains("read-only"), "{err}");
    assert_eq!(std::fs::read(&path).unwrap(), b"original");
}

#[test]
fn a_recovery_copy_is_offered_with_what_differs_and_restored_as_an_edit() {
    let mut a = app();
    let mut recovered = a.doc().plan.clone();
    recovered.workload.requests_per_day = 3025.0;
    recovered.name = "Support assistant v2".into();
    a.offer_recovery(
        Found::Copy {
            plan: Box::new(recovered.clone()),
            file: PathBuf::from("/r.ron"),
            written: None,
        },
        "written just now".into(),
    );
    let s = asked(&a);
    assert!(matches!(s.question, Question::Recover { .. }));
    let paths: Vec<&str> = s.differences.iter().map(|d| d.path.as_str()).collect();
    assert_eq!(paths, ["name", "workload.requests_per_day"]);
    ch(&mut a, 'r');
    assert_eq!(a.doc().plan, recovered);
    assert!(a.doc().is_dirty(), "restored, not saved");
    ch(&mut a, 'u');
    assert_eq!(a.doc().plan.workload.requests_per_day, 2500.0, "undoable");

    let mut b = app();
    b.offer_recovery(
        Found::Copy {
            plan: Box::new(recovered),
            file: PathBuf::from("/r.ron"),
            written: None,
        },
        String::new(),
    );
    assert_eq!(
        ch(&mut b, 'd'),
        vec![Effect::DiscardRecovery(PathBuf::from("/r.ron"))]
    );
    assert_eq!(b.doc().plan.workload.requests_per_day, 2500.0);

    let mut c = app();
    c.offer_recovery(
        Found::Corrupt {
            kept: PathBuf::from("/r.corrupt.ron"),
            why: "cut short".into(),
        },
        String::new(),
    );
    assert!(matches!(c.mode(), Mode::Normal));
    assert!(
        c.notices
            .iter()
            .any(|n| n.text.contains("kept aside as /r.corrupt.ron"))
    );
}

#[test]
fn saving_checks_the_file_did_not_change_and_asks_when_it_did() {
    let mut a = app();
    on_disk(&mut a, 42);
    select(&mut a, Row::Field(Field::RequestsPerDay));
    a.update(Msg::Key(KeyChord::plain(Key::Right)));
    let effects = a.update(Msg::Key(KeyChord::ctrl('s')));
    assert!(
        matches!(
            &effects[..],
            [Effect::Save {
                expected: Some(42),
                ..
            }]
        ),
        "{effects:?}"
    );

    let mut theirs = scenario("support-assistant");
    theirs.build.initial_cost = 150_000.0;
    conflict(&mut a, &theirs);
    let s = asked(&a);
    assert_eq!(s.question, Question::Conflict);
    assert!(s.differences.iter().any(|d| d.path == "build.initial_cost"));
    assert!(
        s.differences
            .iter()
            .any(|d| d.path == "workload.requests_per_day")
    );
    let effects = ch(&mut a, 'o');
    assert!(
        matches!(&effects[..], [Effect::Save { expected: None, .. }]),
        "overwrite skips the check"
    );

    conflict(&mut a, &theirs);
    ch(&mut a, 'a');
    assert!(matches!(a.mode(), Mode::SaveAs(_)));
    a.update(Msg::Key(KeyChord::plain(Key::Esc)));

    conflict(&mut a, &theirs);
    ch(&mut a, 'r');
    assert_eq!(a.doc().plan, theirs, "reloaded theirs");
    assert!(!a.doc().is_dirty());
    assert_eq!(a.doc().disk_hash, Some(43));
}

#[test]
fn a_file_changed_under_a_clean_plan_offers_a_reload() {
    let mut a = app();
    on_disk(&mut a, 1);
    let mut theirs = scenario("support-assistant");
    theirs.risk.error_rate_pct = 1.0;
    a.update(Msg::DiskChanged {
        path: PathBuf::from("/work/acme.ron"),
        theirs: Ok(Box::new(theirs.clone())),
        hash: Some(2),
    });
    let s = asked(&a);
    assert_eq!(s.question, Question::Reload);
    ch(&mut a, 'k');
    assert_eq!(
        a.doc().disk_hash,
        Some(2),
        "keeping ours accepts the new disk state"
    );
    assert_ne!(a.doc().plan, theirs);

    a.update(Msg::DiskChanged {
        path: PathBuf::from("/work/acme.ron"),
        theirs: Ok(Box::new(theirs.clone())),
        hash: Some(3),
    });
    ch(&mut a, 'r');
    assert_eq!(a.doc().plan, theirs);

    // With unsaved edits: no question, a warning; saving will ask.
    select(&mut a, Row::Field(Field::RequestsPerDay));
    a.update(Msg::Key(KeyChord::plain(Key::Right)));
    a.update(Msg::DiskChanged {
        path: PathBuf::from("/work/acme.ron"),
        theirs: Ok(Box::new(theirs)),
        hash: Some(4),
    });
    assert!(matches!(a.mode(), Mode::Normal));
    // A notice, which outlives the key press that noticed the change.
    let warned = |a: &App, what: &str| {
        a.notices
            .iter()
            .any(|n| n.kind == StatusKind::Warning && n.text.contains(what))
    };
    assert!(warned(&a, "changed on disk"), "{:?}", a.notices);
    a.update(Msg::Key(KeyChord::plain(Key::Down)));
    assert!(warned(&a, "changed on disk"), "{:?}", a.notices);

    a.update(Msg::DiskDeleted(PathBuf::from("/work/acme.ron")));
    assert!(warned(&a, "deleted on disk"), "{:?}", a.notices);
    assert!(!warned(&a, "changed on disk"), "the older news is replaced");
    let effects = a.update(Msg::Key(KeyChord::ctrl('s')));
    assert!(
        matches!(&effects[..], [Effect::Save { expected: None, .. }]),
        "a deleted file is written again"
    );
    on_disk(&mut a, 5);
    assert!(!warned(&a, "on disk"), "written again: the notice goes");
}

#[test]
fn content_hashes_tell_versions_apart() {
    assert_eq!(content_hash(b"a"), content_hash(b"a"));
    assert_ne!(content_hash(b"a"), content_hash(b"b"));
}
