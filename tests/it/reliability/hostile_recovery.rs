//! Recovery copies, locks, signals and notices under hostile conditions:
//! look-alike and non-ASCII names, very long paths, plans that cannot be saved
//! yet, several windows, a file-size limit, SIGINT/SIGTERM/SIGHUP/SIGTSTP, a
//! panic. The library-level tests use real files and real OS locks; the
//! signal tests drive the real binary in tmux.

use crate::common;
use crate::common::tmux;
use common::ui::workbench;

use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::Duration;
use tmux::{Tmux, copy_example, tmux_available, wait_for};

use common::ui::shown;
use common::{builtin, scenario};
use runcost::app::keymap::{Key, KeyChord};
use runcost::app::{App, Document, Effect, Mode, Msg, Question, StatusKind};
use runcost::model::Scenario;
use runcost::store::recovery::{
    Found, Lock, Owner, canonical, discard_copy_in, find_orphans_in, find_recovery_in,
    lock_path_in, recovery_path_in, release_lock_in, take_lock_in, write_recovery_in,
};

fn edited(rpd: f64) -> Scenario {
    let mut p = scenario("support-assistant");
    p.workload.requests_per_day = rpd;
    p
}

fn copy_of(data: &Path, plan: &Path) -> Option<Scenario> {
    match find_recovery_in(data, plan, &builtin()) {
        Some(Found::Copy { plan, .. }) => Some(*plan),
        None => None,
        other => panic!("unexpected {other:?}"),
    }
}

// ----- item 5: names that collide -----

#[test]
fn plans_whose_names_differ_only_in_non_ascii_or_punctuation_keep_their_own_copies() {
    let data = tempfile::tempdir().unwrap();
    let dir = tempfile::tempdir().unwrap();
    let names = ["план.ron", "計画.ron", "a b.ron", "a_b.ron", "a?b.ron"];
    let mut copies = Vec::new();
    for (i, n) in names.iter().enumerate() {
        let path = dir.path().join(n);
        let file = write_recovery_in(
            data.path(),
            &Owner::Plan(path.clone()),
            &edited(1000.0 + i as f64),
        )
        .unwrap();
        copies.push(file);
    }
    let mut unique = copies.clone();
    unique.sort();
    unique.dedup();
    assert_eq!(unique.len(), names.len(), "one copy each: {copies:?}");
    for (i, n) in names.iter().enumerate() {
        let got = copy_of(data.path(), &dir.path().join(n)).expect("offered");
        assert_eq!(got.workload.requests_per_day, 1000.0 + i as f64, "{n}");
    }
    // Discarding one plan's copy leaves the other's alone.
    discard_copy_in(data.path(), &copies[0]).unwrap();
    assert!(copy_of(data.path(), &dir.path().join(names[0])).is_none());
    assert!(copy_of(data.path(), &dir.path().join(names[1])).is_some());
}

#[test]
fn a_copy_that_records_another_plan_is_not_offered() {
    let data = tempfile::tempdir().unwrap();
    let dir = tempfile::tempdir().unwrap();
    let (a, b) = (dir.path().join("a.ron"), dir.path().join("b.ron"));
    let of_a = write_recovery_in(data.path(), &Owner::Plan(a.clone()), &edited(1.0)).unwrap();
    let of_b = recovery_path_in(data.path(), &Owner::Plan(b.clone()));
    std::fs::rename(&of_a, &of_b).unwrap();
    match find_recovery_in(data.path(), &b, &builtin()) {
        Some(Found::Foreign { file, belongs_to }) => {
            assert_eq!(file, of_b);
            assert_eq!(PathBuf::from(belongs_to), canonical(&a));
        }
        other => panic!("offered another plan's copy: {other:?}"),
    }
    assert!(of_b.exists(), "left in place, not deleted");
    // In the workbench it is a notice, not a question.
    let mut app = App::new(Document::opened(edited(2500.0), Some(b)), builtin(), None);
    let found = find_recovery_in(data.path(), &dir.path().join("b.ron"), &builtin()).unwrap();
    app.offer_recovery(found, String::new());
    assert!(matches!(app.mode(), Mode::Normal));
    assert!(app.notices[0].text.contains("records another plan"));
}

/// A data folder, and a plans folder with a `sub` folder in it to spell
/// paths through: (data, plans, plans/p.ron, not made yet).
fn plans_with_sub() -> (tempfile::TempDir, tempfile::TempDir, PathBuf) {
    let data = tempfile::tempdir().unwrap();
    let dir = tempfile::tempdir().unwrap();
    std::fs::create_dir(dir.path().join("sub")).unwrap();
    let plan = dir.path().join("p.ron");
    (data, dir, plan)
}

#[test]
fn copy_names_are_stable_and_short_and_any_spelling_finds_the_copy() {
    let (data, dir, plain) = plans_with_sub();
    let dotted = dir.path().join("sub/../p.ron");
    let one = recovery_path_in(data.path(), &Owner::Plan(plain.clone()));
    assert_eq!(
        one,
        recovery_path_in(data.path(), &Owner::Plan(dotted.clone()))
    );
    let name = one.file_name().unwrap().to_string_lossy().into_owned();
    assert!(
        name.starts_with("p-") && name.len() == "p-".len() + 16 + ".ron".len(),
        "{name}"
    );
    write_recovery_in(data.path(), &Owner::Plan(dotted), &edited(7.0)).unwrap();
    assert_eq!(
        copy_of(data.path(), &plain)
            .unwrap()
            .workload
            .requests_per_day,
        7.0
    );
}

// ----- item 8: long paths -----

#[test]
fn a_plan_at_a_271_byte_path_gets_a_copy_and_a_lock() {
    let data = tempfile::tempdir().unwrap();
    let dir = tempfile::tempdir().unwrap();
    let mut deep = dir.path().to_path_buf();
    while deep.as_os_str().len() < 200 {
        deep.push("a-rather-long-folder-name");
    }
    std::fs::create_dir_all(&deep).unwrap();
    let stem = "x".repeat(271 - deep.as_os_str().len() - 5);
    let plan = deep.join(format!("{stem}.ron"));
    assert_eq!(plan.as_os_str().len(), 271);
    let copy = write_recovery_in(data.path(), &Owner::Plan(plan.clone()), &edited(3.0)).unwrap();
    assert!(copy.file_name().unwrap().len() < 80);
    assert_eq!(
        copy_of(data.path(), &plan)
            .unwrap()
            .workload
            .requests_per_day,
        3.0
    );
    assert_eq!(take_lock_in(data.path(), &plan), Lock::Taken);
    assert!(lock_path_in(data.path(), &plan).exists());
    release_lock_in(data.path(), &plan);
}

#[test]
fn a_failed_copy_is_an_error_the_caller_gets() {
    let (_tmp, not_a_dir) = common::scratch_file("file", "");
    let err = write_recovery_in(&not_a_dir, &Owner::Plan("/p.ron".into()), &edited(1.0))
        .unwrap_err()
        .to_string();
    assert!(err.contains("cannot create"), "{err}");
}

// ----- item 16: one lock whatever the spelling -----

#[test]
fn every_spelling_of_a_plan_takes_the_same_lock() {
    let (data, dir, plan) = plans_with_sub();
    std::fs::write(&plan, "x").unwrap();
    let link = dir.path().join("link.ron");
    std::os::unix::fs::symlink(&plan, &link).unwrap();
    let spellings = [
        plan.clone(),
        dir.path().join("sub/../p.ron"),
        dir.path().join("./p.ron"),
        link,
    ];
    let lock = lock_path_in(data.path(), &plan);
    for s in &spellings {
        assert_eq!(lock_path_in(data.path(), s), lock, "{}", s.display());
    }
    // Another holder (an OS lock on another open file, as another process
    // would have) is seen through every spelling.
    std::fs::create_dir_all(lock.parent().unwrap()).unwrap();
    let other = std::fs::File::create(&lock).unwrap();
    other.try_lock().unwrap();
    std::fs::write(&lock, "4242").unwrap();
    for s in &spellings {
        assert_eq!(take_lock_in(data.path(), s), Lock::HeldBy(4242));
    }
    drop(other);
    assert_eq!(
        take_lock_in(data.path(), &spellings[1]),
        Lock::ClearedStale(4242)
    );
    release_lock_in(data.path(), &spellings[3]);
}

// ----- item 6: unsaved plans -----

/// Puts a copy of a never-saved plan of another session in `data`.
fn foreign_untitled(data: &Path, session: &str, plan: &Scenario) -> PathBuf {
    let dir = data.join("recovery");
    std::fs::create_dir_all(&dir).unwrap();
    let id = format!("untitled-{session}-1");
    let file = dir.join(format!("{id}.ron"));
    let text = format!(
        "// runcost recovery copy of \"{id}\"\n{}",
        runcost::codec::write_plan(plan)
    );
    std::fs::write(&file, text).unwrap();
    file
}

#[test]
fn each_unsaved_plan_has_its_own_copy() {
    let data = tempfile::tempdir().unwrap();
    let a = Document::unsaved(edited(1.0), None);
    let b = Document::unsaved(edited(2.0), None);
    let pa = write_recovery_in(data.path(), &Owner::of(None, a.recovery_id), &a.plan).unwrap();
    let pb = write_recovery_in(data.path(), &Owner::of(None, b.recovery_id), &b.plan).unwrap();
    assert_ne!(pa, pb);
    // Ours while we run: not orphans, never offered to ourselves.
    assert!(find_orphans_in(data.path(), &builtin()).is_empty());
}

#[test]
fn copies_of_a_running_window_are_neither_offered_nor_deleted_and_orphans_are() {
    let data = tempfile::tempdir().unwrap();
    let session = "99999999-1700000000000";
    let file = foreign_untitled(data.path(), session, &edited(4242.0));
    // That window is running: it holds its session lock.
    let lock = data.path().join(format!("locks/session-{session}.lock"));
    std::fs::create_dir_all(lock.parent().unwrap()).unwrap();
    let running = std::fs::File::create(&lock).unwrap();
    running.try_lock().unwrap();
    assert!(find_orphans_in(data.path(), &builtin()).is_empty());
    assert!(discard_copy_in(data.path(), &file).is_err());
    assert!(file.exists(), "a running window's copy is never deleted");
    // It stopped without saving: its plan is offered.
    drop(running);
    let found = find_orphans_in(data.path(), &builtin());
    assert_eq!(found.len(), 1);
    let Found::Copy { plan, file: f, .. } = &found[0] else {
        panic!("{found:?}")
    };
    assert_eq!(plan.workload.requests_per_day, 4242.0);
    assert_eq!(f, &file);
}

#[test]
fn an_orphaned_unsaved_plan_opens_as_a_plan_of_its_own() {
    let data = tempfile::tempdir().unwrap();
    let file = foreign_untitled(data.path(), "1-2", &edited(4242.0));
    let mut app = workbench(
        Document::opened(edited(2500.0), Some("/work/acme.ron".into())),
        None,
    );
    for f in find_orphans_in(data.path(), &builtin()) {
        app.offer_orphan(f, "written just now".into());
    }
    let Mode::Safety(s) = app.mode() else {
        panic!("offered")
    };
    assert!(matches!(s.question, Question::Recover { orphan: true, .. }));
    let effects = app.update(Msg::Key(KeyChord::ch('r')));
    assert_eq!(app.session.len(), 2, "beside the open plan, not over it");
    assert_eq!(app.session.get(0).plan.workload.requests_per_day, 2500.0);
    assert_eq!(app.doc().plan.workload.requests_per_day, 4242.0);
    assert!(app.doc().path.is_none() && app.doc().is_dirty());
    let [Effect::AdoptRecovery { from, owner, plan }] = effects.as_slice() else {
        panic!("{effects:?}")
    };
    assert_eq!(from, &file);
    assert_eq!(owner, &Owner::Untitled(app.doc().recovery_id));
    assert_eq!(plan.workload.requests_per_day, 4242.0);
}

// ----- item 7: plans that cannot be saved yet; notices -----

#[test]
fn a_plan_that_cannot_be_saved_yet_is_recovered_with_its_problems_shown() {
    let data = tempfile::tempdir().unwrap();
    let path = PathBuf::from("/work/acme.ron");
    let mut broken = edited(3000.0);
    broken.models[0].share_pct += 17.0;
    broken.workload.days_per_month = -3.0;
    assert!(!runcost::model::validate(&broken).is_empty());
    write_recovery_in(data.path(), &Owner::Plan(path.clone()), &broken).unwrap();
    let found = find_recovery_in(data.path(), &path, &builtin()).unwrap();
    let Found::Copy { plan, .. } = &found else {
        panic!("declared corrupt: {found:?}")
    };
    assert_eq!(**plan, broken);
    let mut app = workbench(Document::opened(edited(2500.0), Some(path)), None);
    app.offer_recovery(found, String::new());
    app.update(Msg::Key(KeyChord::ch('r')));
    assert_eq!(app.doc().plan, broken);
    assert!(!app.problems().is_empty());
    assert!(
        app.notices
            .iter()
            .any(|n| n.text.contains("cannot be saved yet")),
        "{:?}",
        app.notices
    );
}

fn screen(app: &mut App) -> String {
    shown(app, 120, 40)
}

#[test]
fn several_notices_are_all_on_screen_and_the_unprotected_one_stays_until_a_write_succeeds() {
    let mut app = workbench(
        Document::opened(edited(2500.0), Some("/work/acme.ron".into())),
        None,
    );
    app.update(Msg::Notify(
        StatusKind::Warning,
        "cleared a stale lock on /work/acme.ron (pid 77 is gone)".into(),
    ));
    app.update(Msg::Notify(
        StatusKind::Warning,
        "/data is not writable; recovery copies go to /tmp/x for now".into(),
    ));
    app.offer_recovery(
        Found::Corrupt {
            kept: "/r.corrupt-1.ron".into(),
            why: "cut short".into(),
        },
        String::new(),
    );
    app.update(Msg::Notice(StatusKind::Info, "a passing message".into()));
    let s = screen(&mut app);
    for want in [
        "cleared a stale lock",
        "is not writable",
        "kept aside as /r.corrupt-1.ron",
        "a passing message",
    ] {
        assert!(s.contains(want), "{want} missing:\n{s}");
    }
    app.update(Msg::Protection(Err(
        "cannot save /d/x.ron: writing failed: File too large".into(),
    )));
    let s = screen(&mut app);
    assert!(
        s.contains("unsaved changes are NOT protected: cannot save /d/x.ron"),
        "{s}"
    );
    // Esc dismisses the others; the warning stays while it is true.
    app.update(Msg::Key(KeyChord::plain(Key::Esc)));
    let s = screen(&mut app);
    assert!(!s.contains("cleared a stale lock"), "{s}");
    assert!(s.contains("NOT protected"), "{s}");
    app.update(Msg::Protection(Ok(())));
    assert!(!screen(&mut app).contains("NOT protected"));
    assert!(app.notices.is_empty());
}

#[test]
fn notices_move_the_inputs_up_and_clicks_still_land_on_the_row_shown() {
    let mut app = App::new(Document::opened(edited(2500.0), None), builtin(), None);
    for i in 0..6 {
        app.update(Msg::Notify(StatusKind::Warning, format!("notice {i}")));
    }
    let s = screen(&mut app);
    assert!(s.contains("notice 0") && s.contains("… 3 notices"), "{s}");
    // The last row of the inputs pane is above the notices.
    let r = app.regions();
    assert_eq!(r.status.height, 5);
    assert_eq!(r.inputs.y + r.inputs.height, r.status.y);
}

// ----- item 1: the panic hook -----

/// Not a test: the child [`a_panic_writes_every_dirty_plan_before_the_terminal_is_restored`]
/// starts, with RUNCOST_HOME set.
#[test]
fn panic_helper() {
    let Ok(plan_path) = std::env::var("RUNCOST_PANIC_HELPER") else {
        return;
    };
    let snapshot = runcost::tui::Snapshot::default();
    snapshot.lock().unwrap().insert(
        Owner::Plan(PathBuf::from(plan_path)),
        Box::new(edited(6060.0)),
    );
    runcost::tui::install_panic_hook(snapshot);
    panic!("a bug in the workbench");
}

#[test]
fn a_panic_writes_every_dirty_plan_before_the_terminal_is_restored() {
    let home = tempfile::tempdir().unwrap();
    let plan = home.path().join("acme.ron");
    let out = Command::new(std::env::current_exe().unwrap())
        .args([
            "--exact",
            "reliability::hostile_recovery::panic_helper",
            "--nocapture",
            "--test-threads=1",
        ])
        .env("RUNCOST_HOME", home.path())
        .env("RUNCOST_PANIC_HELPER", &plan)
        .output()
        .unwrap();
    assert!(!out.status.success());
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(stderr.contains("unsaved changes kept in"), "{stderr}");
    let got = copy_of(&home.path().join("data"), &plan).expect("a copy was written");
    assert_eq!(got.workload.requests_per_day, 6060.0);
}

// ----- the real binary in tmux: signals, a file-size limit, two windows -----

/// A shell command line running runcost on `plan` with its data in `home`:
/// runcost's pid goes to `dir/NAME.pid`, its exit status to `dir/NAME.exit`,
/// and the pane stays open afterwards so the terminal's state can be read.
fn runcost_cmd(dir: &Path, home: &Path, name: &str, plan: Option<&str>, limit: &str) -> String {
    format!(
        "cd '{d}' && {limit} sh -c 'echo $$ > {name}.pid; exec env RUNCOST_HOME=\"{h}\" TERM=xterm-256color \"{exe}\" {plan}'; echo $? > {name}.exit; sleep 60",
        d = dir.display(),
        h = home.display(),
        exe = env!("CARGO_BIN_EXE_runcost"),
        plan = plan.unwrap_or(""),
    )
}

fn read_trimmed(p: &Path) -> Option<String> {
    std::fs::read_to_string(p)
        .ok()
        .map(|s| s.trim().to_string())
        .filter(|s| !s.is_empty())
}

fn recovery_files(home: &Path) -> Vec<PathBuf> {
    std::fs::read_dir(home.join("data/recovery"))
        .map(|d| d.flatten().map(|e| e.path()).collect())
        .unwrap_or_default()
}

#[test]
fn sigint_sigterm_and_sighup_keep_the_edit_restore_the_terminal_and_exit_128_plus_n() {
    if !tmux_available() {
        return;
    }
    let t = Tmux::new("runcost-hostile", "signals");
    for (sig, n) in [("INT", 2), ("TERM", 15), ("HUP", 1)] {
        let dir = tempfile::tempdir().unwrap();
        let home = dir.path().join("home");
        let plan = dir.path().join("plan.ron");
        copy_example("support-assistant", &plan);
        let name = format!("s{n}");
        t.start(
            &name,
            &runcost_cmd(dir.path(), &home, &name, Some("plan.ron"), ""),
        );
        t.wait(&name, "the workbench", |s| s.contains("│TCO"));
        // One edit, then the signal at once (before autosave's quiet time).
        t.keys(&name, &["Right"]);
        t.wait(&name, "the edit", |s| s.contains("3,000 req/day"));
        let pid = read_trimmed(&dir.path().join(format!("{name}.pid"))).unwrap();
        if sig == "HUP" {
            // What a closed terminal sends; the pane stays for the checks.
            Command::new("kill").args(["-HUP", &pid]).status().unwrap();
        } else {
            Command::new("kill")
                .args([&format!("-{sig}"), &pid])
                .status()
                .unwrap();
        }
        let exit = dir.path().join(format!("{name}.exit"));
        wait_for("runcost to exit", || read_trimmed(&exit).is_some());
        assert_eq!(
            read_trimmed(&exit).unwrap(),
            (128 + n).to_string(),
            "SIG{sig}"
        );
        assert_eq!(
            t.flags(&name),
            "01",
            "SIG{sig}: normal screen, cursor shown"
        );
        let copies = recovery_files(&home);
        assert_eq!(copies.len(), 1, "SIG{sig}: {copies:?}");
        let got = copy_of(&home.join("data"), &plan).expect("the edit was kept");
        assert_eq!(got.workload.requests_per_day, 3000.0, "SIG{sig}");
    }
}

#[test]
fn ctrl_z_shows_the_cursor_at_the_prompt_and_fg_brings_the_workbench_back() {
    let Some((dir, home)) = crate::common::tmux::scratch() else {
        return;
    };
    let t = Tmux::new("runcost-hostile", "tstp");
    // An interactive shell with job control, as a user has.
    t.start("z", "sh -i");
    std::thread::sleep(Duration::from_millis(300));
    let cmd = format!(
        "cd '{}' && RUNCOST_HOME='{}' TERM=xterm-256color '{}'",
        dir.path().display(),
        home.display(),
        env!("CARGO_BIN_EXE_runcost")
    );
    t.run(&["send-keys", "-t", "z", "-l", &cmd]);
    t.keys("z", &["Enter"]);
    t.wait("z", "the workbench", |s| s.contains("│TCO"));
    assert_eq!(
        t.flags("z"),
        "10",
        "in the workbench: alternate screen, cursor hidden"
    );
    // In raw mode Ctrl-Z is a key (undo); the stop is SIGTSTP, sent here as
    // job control (or `kill -TSTP`) would.
    let pane = t.run(&["display", "-p", "-t", "z", "#{pane_pid}"]);
    let pgrep = Command::new("pgrep")
        .args(["-P", pane.trim(), "-x", "runcost"])
        .output()
        .unwrap();
    let pid = String::from_utf8_lossy(&pgrep.stdout).trim().to_string();
    assert!(!pid.is_empty(), "runcost runs under the shell");
    Command::new("kill").args(["-TSTP", &pid]).status().unwrap();
    wait_for("the shell prompt", || t.flags("z") == "01");
    t.run(&["send-keys", "-t", "z", "-l", "fg"]);
    t.keys("z", &["Enter"]);
    t.wait("z", "the workbench again", |s| s.contains("│TCO"));
    assert_eq!(t.flags("z"), "10");
    t.keys("z", &["q"]);
    wait_for("the shell", || t.flags("z") == "01");
}

#[test]
fn a_file_size_limit_does_not_kill_the_workbench_and_the_failure_is_on_screen() {
    let Some((dir, home, _plan)) = crate::common::tmux::scratch_with_plan("plan.ron") else {
        return;
    };
    let t = Tmux::new("runcost-hostile", "fsize");
    // 2 blocks of 512 bytes: smaller than any recovery copy.
    t.start(
        "f",
        &runcost_cmd(dir.path(), &home, "f", Some("plan.ron"), "ulimit -f 2 &&"),
    );
    t.wait("f", "the workbench", |s| s.contains("│TCO"));
    t.keys("f", &["Right"]);
    let s = t.wait("f", "the warning", |s| s.contains("NOT protected"));
    assert!(s.contains("3,000 req/day"), "{s}");
    assert!(
        read_trimmed(&dir.path().join("f.exit")).is_none(),
        "still running"
    );
    assert_eq!(t.flags("f"), "10");
    let strays: Vec<PathBuf> = recovery_files(&home)
        .into_iter()
        .filter(|p| p.to_string_lossy().contains("tmp"))
        .collect();
    assert!(strays.is_empty(), "temporary files left: {strays:?}");
    // Quit, discarding: a clean exit.
    t.keys("f", &["q"]);
    t.wait("f", "the question", |s| s.contains("iscard"));
    t.keys("f", &["d"]);
    wait_for("runcost to exit", || {
        read_trimmed(&dir.path().join("f.exit")).is_some()
    });
    assert_eq!(read_trimmed(&dir.path().join("f.exit")).unwrap(), "0");
    assert_eq!(t.flags("f"), "01");
}

#[test]
fn two_windows_on_two_spellings_of_one_plan_are_told_apart() {
    let Some((dir, home)) = crate::common::tmux::scratch() else {
        return;
    };
    let sub = dir.path().join("dir");
    std::fs::create_dir(&sub).unwrap();
    std::fs::create_dir(dir.path().join("other")).unwrap();
    copy_example("support-assistant", &sub.join("p.ron"));
    let t = Tmux::new("runcost-hostile", "spell");
    t.start("a", &runcost_cmd(&sub, &home, "a", Some("p.ron"), ""));
    t.wait("a", "the first window", |s| s.contains("│TCO"));
    let other = dir.path().join("other");
    t.start(
        "b",
        &runcost_cmd(&other, &home, "b", Some("../dir/p.ron"), ""),
    );
    t.wait("b", "the warning in the second window", |s| {
        s.contains("also open in another runcost")
    });
    t.keys("a", &["q"]);
    t.keys("b", &["q"]);
}

#[test]
fn a_second_window_is_not_offered_the_first_ones_unsaved_plan_but_a_later_one_is_after_a_crash() {
    let Some((dir, home)) = crate::common::tmux::scratch() else {
        return;
    };
    let t = Tmux::new("runcost-hostile", "untitled");
    t.start("a", &runcost_cmd(dir.path(), &home, "a", None, ""));
    t.wait("a", "the first window", |s| s.contains("│TCO"));
    t.keys("a", &["Right", "Right"]);
    t.wait("a", "the edit", |s| s.contains("4,000 req/day"));
    wait_for("the untitled copy", || {
        recovery_files(&home)
            .iter()
            .any(|p| p.to_string_lossy().contains("untitled-"))
    });
    // A second window while the first runs: nothing offered, nothing deleted.
    t.start("b", &runcost_cmd(dir.path(), &home, "b", None, ""));
    let s = t.wait("b", "the second window", |s| s.contains("│TCO"));
    assert!(!s.contains("recovered"), "{s}");
    t.keys("b", &["q"]);
    wait_for("b to exit", || {
        read_trimmed(&dir.path().join("b.exit")).is_some()
    });
    assert_eq!(recovery_files(&home).len(), 1);
    // The first window dies.
    let pid = read_trimmed(&dir.path().join("a.pid")).unwrap();
    Command::new("kill").args(["-9", &pid]).status().unwrap();
    wait_for("a to die", || {
        read_trimmed(&dir.path().join("a.exit")).is_some()
    });
    // A later window offers its plan, and opens it.
    t.start("c", &runcost_cmd(dir.path(), &home, "c", None, ""));
    t.wait("c", "the offer", |s| {
        s.contains("Unsaved plan recovered") && s.contains("4,000 req/day")
    });
    t.keys("c", &["r"]);
    t.wait("c", "the recovered plan", |s| {
        s.contains("4,000 req/day") && !s.contains("Unsaved plan recovered")
    });
    // Its copy moved to the new window's name: still exactly one.
    wait_for("the copy to move", || {
        let files = recovery_files(&home);
        files.len() == 1
            && !files[0]
                .to_string_lossy()
                .contains(&format!("untitled-{pid}-"))
    });
    t.keys("c", &["q"]);
}

#[test]
fn a_copy_left_by_the_previous_version_is_still_offered_but_only_to_its_plan() {
    let data = tempfile::tempdir().unwrap();
    let dir = tempfile::tempdir().unwrap();
    let plan = dir.path().join("acme plan.ron");
    let key: String = {
        let mut k = String::new();
        for c in plan.display().to_string().chars() {
            if c.is_ascii_alphanumeric() || c == '.' || c == '-' {
                k.push(c);
            } else if !k.ends_with('_') {
                k.push('_');
            }
        }
        k.trim_matches('_').to_string()
    };
    let legacy = data.path().join("recovery").join(format!("{key}.ron"));
    std::fs::create_dir_all(legacy.parent().unwrap()).unwrap();
    let body = runcost::codec::write_plan(&edited(1234.0));
    std::fs::write(
        &legacy,
        format!("// runcost recovery copy of {}\n{body}", plan.display()),
    )
    .unwrap();
    assert_eq!(
        copy_of(data.path(), &plan)
            .unwrap()
            .workload
            .requests_per_day,
        1234.0
    );
    // `acme_plan.ron` has the same old name, but the copy is not its own.
    assert!(copy_of(data.path(), &dir.path().join("acme_plan.ron")).is_none());
}

#[test]
fn the_copy_of_a_plan_another_window_holds_is_not_discarded() {
    let data = tempfile::tempdir().unwrap();
    let dir = tempfile::tempdir().unwrap();
    let plan = dir.path().join("p.ron");
    let copy = write_recovery_in(data.path(), &Owner::Plan(plan.clone()), &edited(5.0)).unwrap();
    let lock = lock_path_in(data.path(), &plan);
    std::fs::create_dir_all(lock.parent().unwrap()).unwrap();
    let other = std::fs::File::create(&lock).unwrap();
    other.try_lock().unwrap();
    std::fs::write(&lock, "4343").unwrap();
    let err = discard_copy_in(data.path(), &copy).unwrap_err().to_string();
    assert!(err.contains("pid 4343"), "{err}");
    assert!(copy.exists());
    drop(other);
    discard_copy_in(data.path(), &copy).unwrap();
    assert!(!copy.exists());
}
