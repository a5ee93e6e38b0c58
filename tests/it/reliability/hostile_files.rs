//! Hostile files: links planted where runcost writes, plans reached through
//! links, permissions, special files (FIFOs, devices), oversized files, a
//! shared fallback data directory, report names, and paths that name folders.
#![cfg(unix)]

use crate::common;
use crate::common::stderr;

use std::os::unix::fs::{MetadataExt, PermissionsExt, symlink};
use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};
use std::time::{Duration, Instant};

use common::{builtin, scenario};
use runcost::app::keymap::KeyChord;
use runcost::app::{App, Document, Effect, Mode, Msg, Question};
use runcost::codec::write_plan;
use runcost::store::atomic::{
    self, SaveError, clean_stray_temps, content_hash, create_numbered, save_atomic,
};
use runcost::store::paths::choose_data_dir;
use runcost::store::plans::open_plan_on;

/// A process id that is not running (above the kernel's default pid_max).
const DEAD_PID: u32 = 4_194_305;

fn mode(p: &Path) -> u32 {
    std::fs::metadata(p).unwrap().mode() & 0o777
}

fn set_mode(p: &Path, m: u32) {
    std::fs::set_permissions(p, std::fs::Permissions::from_mode(m)).unwrap();
}

fn mkfifo(p: &Path) {
    let c = std::ffi::CString::new(p.as_os_str().as_encoded_bytes()).unwrap();
    // SAFETY: a valid NUL-terminated path.
    assert_eq!(unsafe { libc::mkfifo(c.as_ptr(), 0o600) }, 0, "mkfifo");
}

/// Runs the binary with an isolated home, killed if it takes over 20 s;
/// returns its output and how long it took.
fn run_with_timeout(home: &Path, args: &[&str], shell_umask: Option<&str>) -> (Output, Duration) {
    let exe = env!("CARGO_BIN_EXE_runcost");
    let mut cmd = match shell_umask {
        Some(umask) => {
            let mut c = Command::new("sh");
            c.arg("-c")
                .arg(format!("umask {umask} && exec \"$0\" \"$@\""))
                .arg(exe)
                .args(args);
            c
        }
        None => {
            let mut c = Command::new(exe);
            c.args(args);
            c
        }
    };
    let start = Instant::now();
    let mut child = cmd
        .env("RUNCOST_HOME", home)
        .env("NO_COLOR", "1")
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    loop {
        if child.try_wait().unwrap().is_some() {
            break;
        }
        if start.elapsed() > Duration::from_secs(20) {
            let _ = child.kill();
            let _ = child.wait();
            panic!("runcost {args:?} hung (killed after 20 s)");
        }
        std::thread::sleep(Duration::from_millis(20));
    }
    (child.wait_with_output().unwrap(), start.elapsed())
}

// ---- links planted where runcost writes (item 10) ----

#[test]
fn a_link_planted_at_an_old_style_temporary_name_is_not_followed() {
    let dir = tempfile::tempdir().unwrap();
    let plan = dir.path().join("plan.ron");
    let victim = dir.path().join("victim.txt");
    std::fs::write(&plan, "old").unwrap();
    std::fs::write(&victim, "precious").unwrap();
    let planted = dir
        .path()
        .join(format!(".plan.ron.runcost-tmp.{}", std::process::id()));
    symlink(&victim, &planted).unwrap();

    save_atomic(&plan, b"new").unwrap();
    assert_eq!(std::fs::read(&victim).unwrap(), b"precious");
    assert_eq!(std::fs::read(&plan).unwrap(), b"new");
    assert!(
        !std::fs::symlink_metadata(&plan)
            .unwrap()
            .file_type()
            .is_symlink(),
        "the planted link was not renamed over the plan"
    );
}

#[test]
fn a_link_planted_at_the_bak_name_is_replaced_not_written_through() {
    let dir = tempfile::tempdir().unwrap();
    let plan = dir.path().join("plan.ron");
    let victim = dir.path().join("victim.txt");
    std::fs::write(&plan, "old").unwrap();
    std::fs::write(&victim, "precious").unwrap();
    let bak = atomic::backup_path(&plan);
    symlink(&victim, &bak).unwrap();

    save_atomic(&plan, b"new").unwrap();
    assert_eq!(std::fs::read(&victim).unwrap(), b"precious");
    let meta = std::fs::symlink_metadata(&bak).unwrap();
    assert!(meta.is_file(), ".bak is a regular file now");
    assert_eq!(std::fs::read(&bak).unwrap(), b"old");
    assert_eq!(std::fs::read(&plan).unwrap(), b"new");
}

#[test]
fn a_save_leaves_no_temporary_file_and_strays_of_the_new_form_are_cleaned() {
    let dir = tempfile::tempdir().unwrap();
    let plan = dir.path().join("plan.ron");
    save_atomic(&plan, b"one").unwrap();
    save_atomic(&plan, b"two").unwrap();
    let mut names: Vec<String> = std::fs::read_dir(dir.path())
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    assert_eq!(names, ["plan.ron", "plan.ron.bak"]);

    let dead = dir
        .path()
        .join(format!(".runcost-tmp.{DEAD_PID}.a1b2c3d4e5f6"));
    let live = dir
        .path()
        .join(format!(".runcost-tmp.{}.zzzzzzzzzzzz", std::process::id()));
    std::fs::write(&dead, "x").unwrap();
    std::fs::write(&live, "x").unwrap();
    // A link named like ours is never removed (nor what it leads to).
    let target = dir.path().join("keep.txt");
    std::fs::write(&target, "keep").unwrap();
    let link = dir
        .path()
        .join(format!(".runcost-tmp.{DEAD_PID}.linklinklink"));
    symlink(&target, &link).unwrap();

    assert_eq!(clean_stray_temps(dir.path()), vec![dead.clone()]);
    assert!(!dead.exists() && live.exists() && target.exists());
    assert!(std::fs::symlink_metadata(&link).is_ok());
}

#[test]
fn saving_to_a_fifo_is_refused_without_blocking() {
    let dir = tempfile::tempdir().unwrap();
    let fifo = dir.path().join("pipe.ron");
    mkfifo(&fifo);
    let err = save_atomic(&fifo, b"x").unwrap_err();
    assert!(matches!(err, SaveError::NotRegular { .. }), "{err}");
    assert!(err.to_string().contains("FIFO"), "{err}");
}

// ---- a plan reached through a link (item 11) ----

#[test]
fn saving_through_a_link_updates_the_target_and_keeps_the_link() {
    let dir = tempfile::tempdir().unwrap();
    let real_dir = dir.path().join("real");
    let link_dir = dir.path().join("links");
    std::fs::create_dir_all(&real_dir).unwrap();
    std::fs::create_dir_all(&link_dir).unwrap();
    let real = real_dir.join("plan.ron");
    std::fs::write(&real, "old").unwrap();
    let link = link_dir.join("plan.ron");
    symlink("../real/plan.ron", &link).unwrap();

    save_atomic(&link, b"new").unwrap();
    assert!(
        std::fs::symlink_metadata(&link)
            .unwrap()
            .file_type()
            .is_symlink(),
        "the link is still a link"
    );
    assert_eq!(std::fs::read(&real).unwrap(), b"new");
    assert_eq!(
        std::fs::read(real_dir.join("plan.ron.bak")).unwrap(),
        b"old"
    );
    assert!(
        !link_dir.join("plan.ron.bak").exists(),
        ".bak beside the target"
    );
    assert_eq!(std::fs::read_dir(&link_dir).unwrap().count(), 1);
}

// ---- permissions and owner (item 12) ----

#[test]
fn a_private_plan_stays_private_after_a_save() {
    let (_dir, plan) = common::scratch_file("plan.ron", "old");
    set_mode(&plan, 0o600);
    save_atomic(&plan, b"new").unwrap();
    assert_eq!(mode(&plan), 0o600);
    assert_eq!(mode(&atomic::backup_path(&plan)), 0o600, ".bak too");

    set_mode(&plan, 0o640);
    save_atomic(&plan, b"newer").unwrap();
    assert_eq!(mode(&plan), 0o640);
}

#[test]
fn under_umask_077_a_shared_plan_keeps_its_mode_and_a_new_one_follows_the_umask() {
    let home = tempfile::tempdir().unwrap();
    let (dir, shared) = common::scratch_file("shared.ron", "old");
    set_mode(&shared, 0o644);
    let (out, _) = run_with_timeout(
        home.path(),
        &["new", "--force", shared.to_str().unwrap()],
        Some("077"),
    );
    assert!(out.status.success(), "{}", stderr(&out));
    assert_ne!(std::fs::read(&shared).unwrap(), b"old");
    assert_eq!(mode(&shared), 0o644);

    let fresh = dir.path().join("fresh.ron");
    let (out, _) = run_with_timeout(home.path(), &["new", fresh.to_str().unwrap()], Some("077"));
    assert!(out.status.success(), "{}", stderr(&out));
    assert_eq!(mode(&fresh), 0o600, "umask 077 gives 600");

    let open = dir.path().join("open.ron");
    let (out, _) = run_with_timeout(home.path(), &["new", open.to_str().unwrap()], Some("022"));
    assert!(out.status.success(), "{}", stderr(&out));
    assert_eq!(mode(&open), 0o644, "umask 022 gives 644");
}

#[test]
fn as_root_a_save_keeps_the_owner_and_group() {
    // SAFETY: geteuid has no preconditions.
    if unsafe { libc::geteuid() } != 0 {
        eprintln!("skipped: needs root to give a file away");
        return;
    }
    let (_dir, plan) = common::scratch_file("plan.ron", "old");
    std::os::unix::fs::chown(&plan, Some(4321), Some(8765)).unwrap();
    save_atomic(&plan, b"new").unwrap();
    let m = std::fs::metadata(&plan).unwrap();
    assert_eq!((m.uid(), m.gid()), (4321, 8765));
}

// ---- special and oversized files (item 17) ----

#[test]
fn check_of_dev_zero_and_a_fifo_answers_fast_with_a_message() {
    let home = tempfile::tempdir().unwrap();
    let dir = tempfile::tempdir().unwrap();
    let (out, took) = run_with_timeout(home.path(), &["check", "/dev/zero"], None);
    assert!(!out.status.success());
    assert!(took < Duration::from_secs(10), "took {took:?}");
    let err = stderr(&out);
    assert!(
        err.contains("/dev/zero") && err.contains("not a regular file"),
        "{err}"
    );

    let fifo = dir.path().join("plan.ron");
    mkfifo(&fifo);
    let (out, _) = run_with_timeout(home.path(), &["check", fifo.to_str().unwrap()], None);
    assert!(!out.status.success());
    let err = stderr(&out);
    assert!(err.contains("FIFO") && err.contains("plan.ron"), "{err}");
}

#[test]
fn a_fifo_at_the_user_catalog_path_does_not_hang_commands() {
    let home = tempfile::tempdir().unwrap();
    std::fs::create_dir_all(home.path().join("config")).unwrap();
    mkfifo(&home.path().join("config/catalog.ron"));
    let plan = common::root().join("scenarios/support-assistant.ron");
    let (out, _) = run_with_timeout(home.path(), &["check", plan.to_str().unwrap()], None);
    assert!(out.status.success(), "{}", stderr(&out));
    let err = stderr(&out);
    assert!(
        err.contains("catalog.ron") && err.contains("FIFO") && err.contains("built-in catalog"),
        "{err}"
    );
}

#[test]
fn an_oversized_plan_catalog_or_import_is_refused_naming_the_limit() {
    let dir = tempfile::tempdir().unwrap();
    let big = dir.path().join("big.ron");
    // Sparse: no disk space used, but 17 MB long.
    std::fs::File::create(&big)
        .unwrap()
        .set_len(17 * 1024 * 1024)
        .unwrap();
    let err = open_plan_on(&big, &builtin(), None)
        .unwrap_err()
        .render(&big.display().to_string());
    assert!(
        err.contains("big.ron") && err.contains("16 MB") && err.contains("plan"),
        "{err}"
    );

    let home = tempfile::tempdir().unwrap();
    std::fs::create_dir_all(home.path().join("config")).unwrap();
    std::fs::File::create(home.path().join("config/catalog.ron"))
        .unwrap()
        .set_len(65 * 1024 * 1024)
        .unwrap();
    let plan = common::root().join("scenarios/support-assistant.ron");
    let (out, _) = run_with_timeout(home.path(), &["check", plan.to_str().unwrap()], None);
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(stderr(&out).contains("64 MB"), "{}", stderr(&out));

    let clean_home = tempfile::tempdir().unwrap();
    let json = dir.path().join("prices.json");
    std::fs::File::create(&json)
        .unwrap()
        .set_len(65 * 1024 * 1024)
        .unwrap();
    let (out, _) = run_with_timeout(
        clean_home.path(),
        &["catalog", "import", json.to_str().unwrap()],
        None,
    );
    assert!(!out.status.success());
    let err = stderr(&out);
    assert!(
        err.contains("prices.json") && err.contains("64 MB"),
        "{err}"
    );
}

// ---- the fallback data directory (item 13) ----

#[test]
fn a_fallback_data_directory_someone_else_could_use_is_refused() {
    let (tmp, file) = common::scratch_file("a-file", "");
    let unwritable = Some(file.join("data"));

    // Created now: private.
    let fallback = tmp.path().join("runcost-data-me");
    let (dir, note) = choose_data_dir(unwritable.clone(), &fallback);
    assert_eq!(dir.as_deref(), Some(fallback.as_path()));
    assert_eq!(mode(&fallback), 0o700);
    assert!(note.unwrap().contains("created now"));

    // Already there, ours and private: used again.
    let (dir, note) = choose_data_dir(unwritable.clone(), &fallback);
    assert_eq!(dir.as_deref(), Some(fallback.as_path()));
    assert!(note.unwrap().contains("your private folder"));

    // Pre-created open to all (as another user would plant it): refused.
    let planted = tmp.path().join("runcost-data-planted");
    std::fs::create_dir(&planted).unwrap();
    set_mode(&planted, 0o777);
    let (dir, note) = choose_data_dir(unwritable.clone(), &planted);
    let dir = dir.unwrap();
    let note = note.unwrap();
    assert_ne!(dir, planted);
    assert!(
        note.contains("was refused") && note.contains("777"),
        "{note}"
    );
    assert_eq!(mode(&dir), 0o700);
    assert!(dir.starts_with(tmp.path()));

    // A link to elsewhere: refused too.
    let elsewhere = tmp.path().join("elsewhere");
    std::fs::create_dir(&elsewhere).unwrap();
    set_mode(&elsewhere, 0o700);
    let link = tmp.path().join("runcost-data-link");
    symlink(&elsewhere, &link).unwrap();
    let (dir, note) = choose_data_dir(unwritable, &link);
    assert_ne!(dir.as_deref(), Some(link.as_path()));
    assert!(note.unwrap().contains("symbolic link"));
}

// ---- report names (item 9) ----

#[test]
fn the_report_is_named_from_the_whole_stem_and_never_replaces_a_file() {
    let dir = tempfile::tempdir().unwrap();
    let plan_path = dir.path().join("proposal.2027.ron");
    let doc = Document::opened(scenario("support-assistant"), Some(plan_path.clone()));
    let mut a = App::new(doc, builtin(), None);
    let effects = a.update(Msg::Key(KeyChord::ch('e')));
    let [Effect::Export { base, .. }] = &effects[..] else {
        panic!("{effects:?}")
    };
    assert_eq!(*base, dir.path().join("proposal.2027-report"));

    // The user's own files of the old names, and an earlier report.
    for (name, text) in [
        ("proposal.md", "mine"),
        ("proposal.html", "mine"),
        ("proposal.2027-report.md", "edited by hand"),
    ] {
        std::fs::write(dir.path().join(name), text).unwrap();
    }
    let msgs = runcost::tui::effects::perform(effects[0].clone(), &builtin());
    let [Msg::Notice(_, said)] = &msgs[..] else {
        panic!("{msgs:?}")
    };
    let md = dir.path().join("proposal.2027-report-2.md");
    let html = dir.path().join("proposal.2027-report-2.html");
    assert!(md.exists() && html.exists());
    assert!(
        said.contains(&md.display().to_string()) && said.contains(&html.display().to_string()),
        "{said}"
    );
    for (name, text) in [
        ("proposal.md", "mine"),
        ("proposal.html", "mine"),
        ("proposal.2027-report.md", "edited by hand"),
    ] {
        assert_eq!(
            std::fs::read_to_string(dir.path().join(name)).unwrap(),
            text
        );
    }
    assert!(!dir.path().join("proposal.2027-report.html").exists());

    // A second export goes to -3, replacing nothing.
    let written = create_numbered(
        &dir.path().join("proposal.2027-report"),
        &[("md", b"a"), ("html", b"b")],
    )
    .unwrap();
    assert_eq!(
        written,
        [
            dir.path().join("proposal.2027-report-3.md"),
            dir.path().join("proposal.2027-report-3.html")
        ]
    );
}

// ---- a file on disk that is no longer a plan (item 24) ----

#[test]
fn a_truncated_file_on_disk_gives_a_conflict_that_says_so_and_offers_no_reload() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("plan.ron");
    let plan = scenario("support-assistant");
    let text = write_plan(&plan);
    std::fs::write(&path, &text).unwrap();
    let expected = content_hash(text.as_bytes());
    // Someone cuts the file short.
    std::fs::write(&path, &text[..text.len() / 2]).unwrap();

    let msgs = runcost::tui::effects::perform(
        Effect::Save {
            doc: runcost::app::DocId(1),
            generation: 0,
            path: path.clone(),
            text: text.clone(),
            create_new: false,
            expected: Some(expected),
        },
        &builtin(),
    );
    assert_eq!(
        std::fs::read_to_string(&path).unwrap(),
        &text[..text.len() / 2],
        "not overwritten without asking"
    );
    let [Msg::SaveConflictInvalid { why, .. }] = &msgs[..] else {
        panic!("{msgs:?}")
    };
    assert!(
        why.contains("truncated") || why.contains("ends too early"),
        "{why}"
    );

    let mut a = App::new(Document::opened(plan, Some(path.clone())), builtin(), None);
    a.update(Msg::Resize {
        width: 100,
        height: 30,
    });
    a.update(msgs[0].clone());
    let Mode::Safety(s) = a.mode() else {
        panic!("asked")
    };
    assert!(matches!(s.question, Question::ConflictInvalid { .. }));
    let screen = common_screen(&mut a);
    assert!(screen.contains("not a valid plan"), "{screen}");
    assert!(!screen.contains("No input differs"), "{screen}");
    assert!(!screen.contains("r reload"), "{screen}");
    // r is not offered and does nothing; o overwrites.
    assert!(a.update(Msg::Key(KeyChord::ch('r'))).is_empty());
    assert!(matches!(a.mode(), Mode::Safety(_)));
    let effects = a.update(Msg::Key(KeyChord::ch('o')));
    assert!(
        matches!(&effects[..], [Effect::Save { expected: None, .. }]),
        "{effects:?}"
    );
}

fn common_screen(a: &mut App) -> String {
    use ratatui::Terminal;
    use ratatui::backend::TestBackend;
    let mut t = Terminal::new(TestBackend::new(100, 30)).unwrap();
    t.draw(|f| runcost::ui::render(f, a, &runcost::ui::Theme::plain()))
        .unwrap();
    let buf = t.backend().buffer().clone();
    let mut out = String::new();
    for y in 0..buf.area.height {
        for x in 0..buf.area.width {
            out.push_str(buf[(x, y)].symbol());
        }
        out.push('\n');
    }
    out
}

// ---- paths that name folders, and missing folders (item 25) ----

#[test]
fn new_explains_missing_folders_directories_and_folder_names() {
    let home = tempfile::tempdir().unwrap();
    let dir = tempfile::tempdir().unwrap();
    let nodir = dir.path().join("nodir/x.ron");
    let (out, _) = run_with_timeout(home.path(), &["new", nodir.to_str().unwrap()], None);
    assert!(!out.status.success());
    let err = stderr(&out);
    assert!(
        err.contains("does not exist") && !err.contains("previous file"),
        "{err}"
    );

    let d = dir.path().join("d");
    std::fs::create_dir(&d).unwrap();
    let (out, _) = run_with_timeout(home.path(), &["new", d.to_str().unwrap()], None);
    assert!(!out.status.success());
    let err = stderr(&out);
    assert!(
        err.contains("is a directory") && err.contains("d/plan.ron") && !err.contains("--force"),
        "{err}"
    );

    let trailing = format!("{}/", dir.path().join("newdir").display());
    let (out, _) = run_with_timeout(home.path(), &["new", &trailing], None);
    assert!(!out.status.success());
    let err = stderr(&out);
    assert!(
        err.contains("names a folder") && err.contains("newdir/plan.ron"),
        "{err}"
    );
}

#[test]
fn a_workbench_path_ending_in_a_slash_is_explained_before_any_save() {
    let dir = tempfile::tempdir().unwrap();
    let trailing = PathBuf::from(format!("{}/", dir.path().join("newdir").display()));
    let err = match runcost::tui::initial_document(Some(&trailing), &builtin()) {
        Err(e) => e.to_string(),
        Ok(_) => panic!("accepted a folder name as a plan file"),
    };
    assert!(
        err.contains("names a folder") && err.contains("newdir/plan.ron"),
        "{err}"
    );
    // And a save to such a path says the same, not "Not a directory".
    let err = save_atomic(&trailing, b"x").unwrap_err().to_string();
    assert!(
        err.contains("names a folder") && !err.contains("Not a directory"),
        "{err}"
    );
}
