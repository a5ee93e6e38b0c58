//! Faults, for real: SIGKILL in the middle of saving, a full disk, read-only
//! places as a user who cannot write them. Each leaves the previous plan intact
//! and says what happened.

use crate::common;

use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::Duration;

use common::root;
use runcost::store::atomic::clean_stray_temps;

const SIZE: usize = 400_000;

/// Not a test: the child process the fault tests start (this test binary run
/// again with `RUNCOST_FAULT_SAVE` set). It saves FILE with runcost's atomic
/// save, `loop` alternating two versions until killed, or `once`.
#[test]
fn fault_helper_save() {
    let Ok(spec) = std::env::var("RUNCOST_FAULT_SAVE") else {
        return; // an ordinary test run: nothing to do
    };
    let (mode, file) = spec.split_once(':').unwrap();
    let file = PathBuf::from(file);
    let (a, b) = (version(b'a'), version(b'b'));
    let mut i = 0u64;
    loop {
        let bytes = if i.is_multiple_of(2) { &a } else { &b };
        if let Err(e) = runcost::store::atomic::save_atomic(&file, bytes) {
            eprintln!("{e}");
            std::process::exit(1);
        }
        if mode == "once" {
            std::process::exit(0);
        }
        i += 1;
    }
}

/// A command that runs [`fault_helper_save`] in a child process.
fn helper_command(mode: &str, file: &Path) -> (PathBuf, Vec<String>, String) {
    let exe = std::env::current_exe().unwrap();
    let args = vec![
        "--exact".to_string(),
        "reliability::faults::fault_helper_save".to_string(),
        "--nocapture".to_string(),
        "--test-threads=1".to_string(),
    ];
    (exe, args, format!("{mode}:{}", file.display()))
}

fn version(tag: u8) -> Vec<u8> {
    let mut v = vec![tag; SIZE];
    v[SIZE - 4..].copy_from_slice(b"END\n");
    v
}

fn temps(dir: &Path) -> Vec<PathBuf> {
    std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| {
            p.file_name()
                .unwrap()
                .to_string_lossy()
                .contains(".runcost-tmp.")
        })
        .collect()
}

#[test]
fn sigkill_midway_through_saves_always_leaves_a_complete_file() {
    let (dir, file) = common::scratch_file("plan.ron", version(b'a'));
    let (a, b) = (version(b'a'), version(b'b'));
    // A fixed pseudo-random schedule of kill delays: reproducible runs.
    let mut seed: u64 = 0x2545F4914F6CDD1D;
    let mut interrupted = 0;
    let mut rounds = 0;
    // At least 40 kills; more (up to 200) while fewer than 5 of them landed
    // mid-save, which happens when the machine is busy.
    for round in 0..200 {
        if round >= 40 && interrupted >= 5 {
            break;
        }
        rounds += 1;
        let (exe, args, spec) = helper_command("loop", &file);
        let mut child = Command::new(exe)
            .args(args)
            .env("RUNCOST_FAULT_SAVE", spec)
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .unwrap();
        seed ^= seed << 13;
        seed ^= seed >> 7;
        seed ^= seed << 17;
        std::thread::sleep(Duration::from_micros(500 + seed % 15_000));
        child.kill().unwrap(); // SIGKILL
        child.wait().unwrap();
        let now = std::fs::read(&file).unwrap();
        assert!(
            now == a || now == b,
            "round {round}: a partial file ({} bytes)",
            now.len()
        );
        let stray = temps(dir.path()).len();
        assert!(stray <= 1, "at most one stray temporary file");
        interrupted += stray;
        // The next start cleans what the killed save left.
        clean_stray_temps(dir.path());
        assert!(
            temps(dir.path()).is_empty(),
            "round {round}: stray temporary file not cleaned"
        );
    }
    // Enough kills landed mid-save for the test to mean something.
    eprintln!("{interrupted} of {rounds} kills interrupted a save");
    assert!(
        interrupted >= 5,
        "only {interrupted} of {rounds} kills hit a save in progress"
    );
}

fn sh(script: &str) -> std::process::Output {
    Command::new("sh").arg("-c").arg(script).output().unwrap()
}

#[test]
fn a_full_disk_leaves_the_original_intact_and_reports_it() {
    let (dir, file) = common::scratch_file("plan.ron", b"the original plan\n");
    // ulimit -f caps the size of files this shell's children write: the save's
    // temporary file hits it like a full disk (EFBIG, with SIGXFSZ ignored).
    let (exe, args, spec) = helper_command("once", &file);
    let out = sh(&format!(
        "trap '' XFSZ; ulimit -f 8; RUNCOST_FAULT_SAVE='{spec}' exec '{}' {}",
        exe.display(),
        args.join(" ")
    ));
    assert_eq!(out.status.code(), Some(1), "{out:?}");
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        err.contains("writing failed") && err.contains("previous file is unchanged"),
        "{err}"
    );
    assert_eq!(std::fs::read(&file).unwrap(), b"the original plan\n");
    assert!(
        temps(dir.path()).is_empty(),
        "the failed temporary file is removed"
    );

    // The same through the command line: exit code 2, a clear message.
    let out = sh(&format!(
        "trap '' XFSZ; ulimit -f 1; exec '{}' new '{}' --force",
        env!("CARGO_BIN_EXE_runcost"),
        file.display()
    ));
    assert_eq!(out.status.code(), Some(2), "{out:?}");
    assert!(String::from_utf8_lossy(&out.stderr).contains("File too large"));
    assert_eq!(std::fs::read(&file).unwrap(), b"the original plan\n");
}

fn is_root() -> bool {
    String::from_utf8_lossy(&Command::new("id").arg("-u").output().unwrap().stdout).trim() == "0"
}

/// Runs the runcost binary as an unprivileged user (dropping root with setpriv
/// where CI runs as root). `None` when that is impossible here.
fn as_user(args: &[&str], home: &Path) -> Option<std::process::Output> {
    let bin = env!("CARGO_BIN_EXE_runcost");
    let mut cmd = if is_root() {
        let drop = ["--reuid=65534", "--regid=65534", "--clear-groups"];
        // The unprivileged user must be able to run the binary where it was
        // built (a checkout under a private home directory may not allow it).
        let probe = Command::new("setpriv")
            .args(drop)
            .args([bin, "--version"])
            .output();
        if !probe.is_ok_and(|o| o.status.success()) {
            return None;
        }
        let mut c = Command::new("setpriv");
        c.args(drop).arg(bin);
        c
    } else {
        Command::new(bin)
    };
    Some(cmd.args(args).env("RUNCOST_HOME", home).output().unwrap())
}

fn chmod(path: &Path, mode: u32) {
    use std::os::unix::fs::PermissionsExt;
    std::fs::set_permissions(path, std::fs::Permissions::from_mode(mode)).unwrap();
}

#[test]
fn read_only_places_refuse_the_save_and_keep_the_plan() {
    let top = tempfile::tempdir().unwrap();
    chmod(top.path(), 0o755);
    let home = top.path().join("home");
    std::fs::create_dir(&home).unwrap();
    chmod(&home, 0o777);

    // A directory the user cannot write.
    let locked = top.path().join("locked");
    std::fs::create_dir(&locked).unwrap();
    let plan = locked.join("plan.ron");
    std::fs::copy(root().join("scenarios/doc-processing-small.ron"), &plan).unwrap();
    chmod(&plan, 0o644);
    chmod(&locked, 0o555);
    let Some(out) = as_user(&["new", plan.to_str().unwrap(), "--force"], &home) else {
        eprintln!(
            "skipped: running as root, and setpriv cannot run the binary as an unprivileged user here"
        );
        return;
    };
    assert_eq!(out.status.code(), Some(2), "{out:?}");
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        err.contains("Permission denied") && err.contains("previous file is unchanged"),
        "{err}"
    );
    assert!(
        std::fs::read_to_string(&plan)
            .unwrap()
            .contains("Invoice extraction")
    );

    // A read-only file in a writable directory: refused, not renamed over.
    let open = top.path().join("open");
    std::fs::create_dir(&open).unwrap();
    chmod(&open, 0o777);
    let ro = open.join("plan.ron");
    std::fs::copy(root().join("scenarios/doc-processing-small.ron"), &ro).unwrap();
    chmod(&ro, 0o444);
    let out = as_user(&["new", ro.to_str().unwrap(), "--force"], &home).unwrap();
    assert_eq!(out.status.code(), Some(2), "{out:?}");
    assert!(String::from_utf8_lossy(&out.stderr).contains("read-only"));
    assert!(
        std::fs::read_to_string(&ro)
            .unwrap()
            .contains("Invoice extraction")
    );

    // A file the user cannot read: a clear message, exit 2.
    let secret = open.join("secret.ron");
    std::fs::copy(root().join("scenarios/doc-processing-small.ron"), &secret).unwrap();
    chmod(&secret, 0o600);
    let out = as_user(&["report", secret.to_str().unwrap()], &home).unwrap();
    // Only meaningful when the file belongs to someone else (CI runs as root
    // and drops to nobody; a developer's own file stays readable to them).
    if is_root() {
        assert_eq!(out.status.code(), Some(2), "{out:?}");
        assert!(String::from_utf8_lossy(&out.stderr).contains("permission denied"));
    }
}
