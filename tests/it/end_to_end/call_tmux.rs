//! On the call, in a real terminal (tmux, private socket): a plan opened from
//! a folder, some of the ten questions answered in a few keys at 120×40 and
//! 80×24, and the cursor back where it was when the plan is reopened.

use crate::common::tmux;

use std::path::Path;

use tmux::{Tmux, copy_example};

/// runcost on `plan` in `dir`, its data in `home`.
fn runcost_cmd(dir: &Path, home: &Path, plan: &str) -> String {
    format!(
        "cd '{d}' && env RUNCOST_HOME='{h}' TERM=xterm-256color '{exe}' {plan}; echo runcost exited $?; sleep 60",
        d = dir.display(),
        h = home.display(),
        exe = env!("CARGO_BIN_EXE_runcost"),
    )
}

#[test]
fn questions_answered_in_a_few_keys_and_the_cursor_remembered() {
    let Some((dir, home)) = crate::common::tmux::scratch() else {
        return;
    };
    let t = Tmux::new("runcost-call", "q").with_keeper();
    for (w, h) in [("120", "40"), ("80", "24")] {
        let name = format!("w{w}");
        // A plan of its own per size: each opens fresh on the first lever.
        let plan = format!("acme{w}.ron");
        copy_example("support-assistant", &dir.path().join(&plan));
        t.start(&name, &runcost_cmd(dir.path(), &home, &plan));
        t.run(&["resize-window", "-t", &name, "-x", w, "-y", h]);
        t.wait(&name, "the workbench", |s| s.contains("Requests"));

        // Volume doubles: one key (the cursor opens on requests per day).
        t.keys(&name, &["*"]);
        t.wait(&name, "the doubled volume", |s| {
            s.contains("2,500 req/day → 5,000") && s.contains("TCO\u{a0}+$")
        });
        // Self-host or API: one key.
        t.keys(&name, &["B"]);
        t.wait(&name, "the break-even", |s| {
            s.contains("Self-hosting break-even")
        });
        t.keys(&name, &["Escape"]);
        t.wait(&name, "the break-even closed", |s| {
            !s.contains("Self-hosting break-even")
        });
        // What drives the cost: one key.
        t.keys(&name, &["t"]);
        t.wait(&name, "the drivers", |s| {
            s.contains("What drives the TCO") && s.contains("Volume ceiling")
        });
        // Escape alone, then wait: Escape and `u` read together are Alt+u,
        // which a loaded machine delivers as one key.
        t.keys(&name, &["Escape"]);
        t.wait(&name, "the drivers closed", |s| {
            !s.contains("What drives the TCO")
        });
        t.keys(&name, &["u"]);
        t.wait(&name, "the volume back", |s| !s.contains("→ 5,000"));

        // Maintenance at 25 %: 6, ↓, Enter, 25, Enter.
        t.keys(&name, &["6", "Down", "Enter", "2", "5", "Enter"]);
        t.wait(&name, "the maintenance rate", |s| s.contains("→ 25 %"));
        // Quit without saving: the cursor is remembered on the maintenance rate.
        t.keys(&name, &["q"]);
        t.wait(&name, "the question", |s| s.contains("iscard"));
        t.keys(&name, &["d"]);
        t.wait(&name, "the exit", |s| s.contains("runcost exited 0"));
        t.run(&["kill-session", "-t", &name]);
    }
    let cursors = std::fs::read_to_string(home.join("state/cursors")).unwrap_or_default();
    assert!(
        cursors.contains("build.maintenance_pct_per_year"),
        "{cursors}"
    );
    // Reopened: the cursor is on the maintenance rate, so → raises it.
    t.start("again", &runcost_cmd(dir.path(), &home, "acme120.ron"));
    t.wait("again", "the workbench", |s| s.contains("Requests"));
    t.keys("again", &["Right"]);
    t.wait("again", "the maintenance step", |s| {
        s.contains("Maintenance rate 20 % of build/yr → 21 %")
    });
}
