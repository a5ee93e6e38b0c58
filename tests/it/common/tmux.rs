//! The real binary in tmux, on a private socket per test: start a command in
//! a window, send keys, read the screen once it has settled, and kill the
//! server when the test ends. Shared by the hostile tests of issue 10.

#![allow(dead_code)]

use std::process::Command;
use std::time::{Duration, Instant};

pub struct Tmux {
    socket: String,
}

impl Tmux {
    /// A private server named `PREFIX-TAG-PID`.
    pub fn new(prefix: &str, tag: &str) -> Self {
        Tmux {
            socket: format!("{prefix}-{tag}-{}", std::process::id()),
        }
    }

    /// Keeps a session that outlives the others: a server left without
    /// sessions exits, and starting the next one would race with that.
    pub fn with_keeper(self) -> Self {
        self.start("keep", "sleep 600");
        self
    }

    pub fn run(&self, args: &[&str]) -> String {
        let out = Command::new("tmux")
            .arg("-L")
            .arg(&self.socket)
            .args(args)
            .output()
            .expect("tmux runs");
        String::from_utf8_lossy(&out.stdout).into_owned()
    }

    /// Starts `cmd` (a shell command line) in window `name`.
    pub fn start(&self, name: &str, cmd: &str) {
        self.run(&[
            "new-session",
            "-d",
            "-s",
            name,
            "-x",
            "120",
            "-y",
            "40",
            cmd,
        ]);
    }

    pub fn keys(&self, name: &str, keys: &[&str]) {
        for k in keys {
            self.run(&["send-keys", "-t", name, k]);
        }
    }

    pub fn screen(&self, name: &str) -> String {
        self.run(&["capture-pane", "-p", "-t", name])
    }

    pub fn flags(&self, name: &str) -> String {
        self.run(&["display", "-p", "-t", name, "#{alternate_on}#{cursor_flag}"])
            .trim()
            .to_string()
    }

    /// Whether window `name` still runs.
    pub fn running(&self, name: &str) -> bool {
        Command::new("tmux")
            .args(["-L", &self.socket, "has-session", "-t", name])
            .stderr(std::process::Stdio::null())
            .status()
            .is_ok_and(|s| s.success())
    }

    /// Waits until `pred` holds for the screen and the screen has settled (a
    /// frame reaches tmux as a stream of bytes, so one capture may catch half
    /// of it); panics with the screen if not.
    pub fn wait_settled(&self, name: &str, what: &str, pred: impl Fn(&str) -> bool) -> String {
        self.poll(name, what, 10, &pred, &|s, again| {
            again == s || pred(again) && again == self.screen(name)
        })
    }

    /// Waits until `pred` holds for the screen twice, 60 ms apart.
    pub fn wait(&self, name: &str, what: &str, pred: impl Fn(&str) -> bool) -> String {
        self.poll(name, what, 30, &pred, &|_, again| pred(again))
    }

    /// Captures the screen until `pred` holds and then `done(first, again)`
    /// for a second capture 60 ms later; panics after `secs`.
    fn poll(
        &self,
        name: &str,
        what: &str,
        secs: u64,
        pred: &dyn Fn(&str) -> bool,
        done: &dyn Fn(&str, &str) -> bool,
    ) -> String {
        let start = Instant::now();
        loop {
            let s = self.screen(name);
            if pred(&s) {
                std::thread::sleep(Duration::from_millis(60));
                let again = self.screen(name);
                if done(&s, &again) {
                    return again;
                }
            }
            if start.elapsed() > Duration::from_secs(secs) {
                panic!("timed out waiting for {what}; screen:\n{s}");
            }
            std::thread::sleep(Duration::from_millis(50));
        }
    }
}

impl Drop for Tmux {
    fn drop(&mut self) {
        let _ = Command::new("tmux")
            .args(["-L", &self.socket, "kill-server"])
            .status();
    }
}

pub fn tmux_available() -> bool {
    if Command::new("tmux").arg("-V").output().is_ok() {
        return true;
    }
    assert!(
        std::env::var_os("CI").is_none(),
        "CI must install tmux (see .ci/run)"
    );
    eprintln!("skipped: tmux is not installed");
    false
}

/// A scratch folder and the runcost home in it (not made yet), or None
/// where tmux is missing and the test is skipped.
pub fn scratch() -> Option<(tempfile::TempDir, std::path::PathBuf)> {
    if !tmux_available() {
        return None;
    }
    let dir = tempfile::tempdir().unwrap();
    let home = dir.path().join("home");
    Some((dir, home))
}

/// [`scratch`] with a copy of the support example at `file` in the folder.
pub fn scratch_with_plan(
    file: &str,
) -> Option<(tempfile::TempDir, std::path::PathBuf, std::path::PathBuf)> {
    let (dir, home) = scratch()?;
    let plan = dir.path().join(file);
    copy_example("support-assistant", &plan);
    Some((dir, home, plan))
}

/// A copy of example `name` at `to`.
pub fn copy_example(name: &str, to: &std::path::Path) {
    let from = super::root().join(format!("scenarios/{name}.ron"));
    assert!(from.is_file(), "no example plan {}", from.display());
    std::fs::copy(from, to).unwrap();
}

pub fn wait_for(what: &str, mut f: impl FnMut() -> bool) {
    let start = Instant::now();
    while !f() {
        assert!(
            start.elapsed() < Duration::from_secs(30),
            "timed out waiting for {what}"
        );
        std::thread::sleep(Duration::from_millis(50));
    }
}
