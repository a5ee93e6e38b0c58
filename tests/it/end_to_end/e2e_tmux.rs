//! The workbench in a real terminal (tmux): open an example plan, raise the
//! volume and watch the TCO change, change the model through the picker, save
//! under a new name, quit, reopen, and see the same figures.

use std::path::{Path, PathBuf};

use crate::common;
use crate::common::tmux::{Tmux, copy_example, scratch_with_plan};
use std::process::Command;
use std::time::{Duration, Instant};

/// The workbench in window "e2e" of a private tmux server.
struct E2e(Tmux);

impl E2e {
    fn new(tag: &str) -> Self {
        E2e(Tmux::new("runcost-e2e", tag))
    }

    /// A copy of the support example at `file` in a scratch folder, and the
    /// workbench (window `tag`) started on it: (folder, home, plan, workbench),
    /// or None where tmux is missing and the test is skipped.
    fn on_plan(tag: &str, file: &str) -> Option<(tempfile::TempDir, PathBuf, PathBuf, Self)> {
        let (dir, home, plan) = scratch_with_plan(file)?;
        let t = E2e::new(tag);
        t.start(&home, Some(&plan));
        Some((dir, home, plan, t))
    }

    fn run(&self, args: &[&str]) -> String {
        self.0.run(args)
    }

    fn start(&self, home: &Path, file: Option<&Path>) {
        // Run from the scratch directory, so ./scenarios of the repo is not listed.
        let cmd = format!(
            "cd '{}' && env RUNCOST_HOME='{}' TERM=xterm-256color '{}' {}",
            home.parent().unwrap_or(home).display(),
            home.display(),
            env!("CARGO_BIN_EXE_runcost"),
            file.map_or(String::new(), |f| format!("'{}'", f.display()))
        );
        self.0.start("e2e", &cmd);
    }

    fn keys(&self, keys: &[&str]) {
        self.0.keys("e2e", keys);
    }

    fn literal(&self, text: &str) {
        self.run(&["send-keys", "-t", "e2e", "-l", text]);
    }

    fn wait(&self, what: &str, pred: impl Fn(&str) -> bool) -> String {
        self.0.wait_settled("e2e", what, pred)
    }

    fn running(&self) -> bool {
        self.0.running("e2e")
    }
}

/// The cash TCO figure the headline leads with, e.g. "$493,335".
fn tco(screen: &str) -> String {
    let line = screen
        .lines()
        .find(|l| l.contains("│Cash TCO"))
        .expect("headline on screen");
    let after = &line[line.find("│Cash TCO").unwrap() + "│Cash TCO".len()..];
    after.split_whitespace().next().unwrap().to_string()
}

#[test]
fn edit_pick_save_quit_reopen_in_a_real_terminal() {
    let Some((dir, home, _plan, t)) = E2e::on_plan("main", "support.ron") else {
        return;
    };
    let first = t.wait("the workbench", |s| {
        s.contains("│Cash TCO") && s.contains("support.ron")
    });
    let before = tco(&first);
    let example = common::scenario("support-assistant");
    let cash = runcost::model::project(&example).totals.cash_tco;
    assert_eq!(
        before,
        runcost::numbers::money(cash, "USD"),
        "the example plan's cash TCO"
    );

    // Raise the volume: the cursor opens on Requests per day.
    t.keys(&["Right"]);
    let raised = t.wait("the TCO to change", |s| {
        s.contains("Requests per day 2,500 req/day → 3,000")
    });
    assert_ne!(tco(&raised), before);
    assert!(raised.contains("● modified"));

    // Change the first model through the picker.
    t.keys(&["m"]);
    t.wait("the picker", |s| s.contains("type to filter"));
    t.literal("haiku-5-5");
    t.wait("the filtered list", |s| s.contains("1 of "));
    t.keys(&["Enter"]);
    let picked = t.wait("the new model", |s| s.contains("◆ claude-haiku-5-5"));
    let edited = tco(&picked);

    // Save under a new name.
    let saved_path = dir.path().join("support-haiku.ron");
    t.keys(&["S"]);
    t.wait("the save prompt", |s| s.contains("Save as"));
    t.keys(&["C-u"]);
    t.literal(&saved_path.display().to_string());
    t.keys(&["Enter"]);
    t.wait("the save", |s| {
        s.contains("saved ") && !s.contains("● modified")
    });
    assert!(saved_path.exists());

    t.keys(&["q"]);
    let start = Instant::now();
    while t.running() && start.elapsed() < Duration::from_secs(10) {
        std::thread::sleep(Duration::from_millis(50));
    }
    assert!(!t.running(), "q quits a saved plan at once");

    // Reopen: the same figures.
    t.start(&home, Some(&saved_path));
    // A frame reaches tmux as a stream of bytes: wait for all of it.
    let reopened = t.wait("the reopened plan", |s| {
        s.contains("support-haiku.ron")
            && s.contains("│Cash TCO")
            && s.contains("◆ claude-haiku-5-5")
            && s.contains("3,000 req/day")
    });
    assert_eq!(tco(&reopened), edited);

    // And the headless report agrees with the screen.
    let out = Command::new(env!("CARGO_BIN_EXE_runcost"))
        .args(["report", saved_path.to_str().unwrap()])
        .env("RUNCOST_HOME", &home)
        .output()
        .unwrap();
    let report = String::from_utf8_lossy(&out.stdout);
    let line = report
        .lines()
        .find(|l| l.contains("Cash TCO (build + billed and paid)"))
        .expect("headline in the report");
    assert_eq!(
        line.split_whitespace().last(),
        Some(edited.as_str()),
        "{line}"
    );
    t.keys(&["q"]);
}

#[test]
fn compare_two_example_plans_and_watch_a_delta_change() {
    let Some((_dir, home)) = crate::common::tmux::scratch() else {
        return;
    };
    let plans = home.join("data/plans");
    std::fs::create_dir_all(&plans).unwrap();
    for name in ["support-assistant", "support-self-hosted"] {
        copy_example(name, &plans.join(format!("{name}.ron")));
    }
    let t = E2e::new("cmp");
    t.start(&home, Some(&plans.join("support-assistant.ron")));
    t.wait("the workbench", |s| s.contains("│TCO"));
    t.keys(&["C-o"]);
    t.wait("the plan browser", |s| s.contains("Open a plan"));
    t.literal("support");
    t.wait("both plans listed", |s| s.contains("2 of "));
    t.keys(&["Space", "Space", "Enter"]);
    let compared = t.wait("the compare view", |s| s.contains("Compare 2 plans"));
    let delta_line = |s: &str| {
        s.lines()
            .find(|l| l.contains("│TCO "))
            .map(|l| l.to_string())
            .unwrap_or_default()
    };
    let before = delta_line(&compared);
    assert!(before.contains("+$"), "{before}");

    // Edit the second plan's volume and come back.
    t.keys(&["Right", "Enter"]);
    t.wait("editing the second plan", |s| s.contains("[2/2]"));
    t.keys(&["Right", "c"]);
    let after = t.wait("the comparison again", |s| {
        s.contains("Compare 2 plans") && s.contains("●")
    });
    let changed = delta_line(&after);
    assert_ne!(changed, before, "the TCO delta follows the edit");
    t.keys(&["q"]);
    t.wait("the unsaved-changes question", |s| {
        s.contains("Unsaved changes")
    });
    t.keys(&["d"]);
}

#[test]
fn unsaved_edits_survive_kill_9_of_the_workbench() {
    let Some((_dir, home, plan, t)) = E2e::on_plan("kill", "plan.ron") else {
        return;
    };
    t.wait("the workbench", |s| s.contains("│TCO"));
    t.keys(&["Right", "Right"]);
    t.wait("the edits", |s| s.contains("4,000 req/day"));
    // Autosave writes within a second of the last edit.
    let recovery = home.join("data/recovery");
    let start = Instant::now();
    while std::fs::read_dir(&recovery).map_or(0, |d| d.count()) == 0 {
        assert!(
            start.elapsed() < Duration::from_secs(5),
            "no recovery copy was written"
        );
        std::thread::sleep(Duration::from_millis(50));
    }
    let pid = t.run(&["display", "-p", "-t", "e2e", "#{pane_pid}"]);
    // The pane runs `sh -c "cd … && env … runcost"`; kill runcost itself.
    let out = Command::new("pkill")
        .args(["-9", "-P", pid.trim(), "runcost"])
        .status();
    if !out.is_ok_and(|s| s.success()) {
        let _ = Command::new("kill").args(["-9", pid.trim()]).status();
    }
    let start = Instant::now();
    while t.running() && start.elapsed() < Duration::from_secs(5) {
        std::thread::sleep(Duration::from_millis(50));
    }
    assert!(
        std::fs::read_to_string(&plan)
            .unwrap()
            .contains("requests_per_day: 2500.0"),
        "the file on disk was never saved"
    );

    t.start(&home, Some(&plan));
    t.wait("the recovery offer", |s| {
        s.contains("Unsaved changes recovered") && s.contains("4,000 req/day")
    });
    t.keys(&["r"]);
    t.wait("the restored plan", |s| {
        s.contains("Requests per day") && s.contains("4,000 req/day") && s.contains("● modified")
    });
    t.keys(&["C-s"]);
    t.wait("the save", |s| {
        s.contains("saved ") && !s.contains("● modified")
    });
    let start = Instant::now();
    while !std::fs::read_to_string(&plan)
        .unwrap()
        .contains("requests_per_day: 4000.0")
    {
        assert!(
            start.elapsed() < Duration::from_secs(5),
            "the restored edits were not saved"
        );
        std::thread::sleep(Duration::from_millis(50));
    }
    let start = Instant::now();
    while std::fs::read_dir(&recovery).map_or(0, |d| d.count()) > 0 {
        assert!(
            start.elapsed() < Duration::from_secs(5),
            "the recovery copy stays after saving"
        );
        std::thread::sleep(Duration::from_millis(50));
    }
    t.keys(&["q"]);
}
