//! The interview end to end in a real terminal (issue 14): `runcost new
//! --interview plan.ron`, every question of the support template answered
//! as a client would, into the workbench, saved, reopened: the figures
//! match, and the report lists the sources and the follow-up questions.

use crate::common;
use crate::common::tmux;

use runcost::model::{Confidence, project};
use tmux::{Tmux, tmux_available, wait_for};

fn command(dir: &std::path::Path, args: &str) -> String {
    format!(
        "cd '{}' && env RUNCOST_HOME='{}' NO_COLOR=1 TERM=xterm-256color '{}' {args}",
        dir.display(),
        dir.join("home").display(),
        env!("CARGO_BIN_EXE_runcost"),
    )
}

/// "$1,993,095" after `label` on the screen.
fn money_after(screen: &str, label: &str) -> String {
    let at = screen
        .find(label)
        .unwrap_or_else(|| panic!("{label} in:\n{screen}"));
    let rest = &screen[at + label.len()..];
    let start = rest.find('$').unwrap();
    rest[start..]
        .chars()
        .take_while(|c| *c == '$' || *c == ',' || c.is_ascii_digit())
        .collect()
}

#[test]
fn support_interview_saved_and_reopened() {
    if !tmux_available() {
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    let t = Tmux::new("runcost-interview", "support").with_keeper();
    t.start("iv", &command(dir.path(), "new --interview plan.ron"));
    t.wait("iv", "the templates", |s| {
        s.contains("Start from questions")
    });
    t.keys("iv", &["Enter"]);
    t.wait("iv", "what it assumes", |s| {
        s.contains("what it assumes and why")
    });
    t.keys("iv", &["Enter"]);
    let answers = [
        "2k a day",
        "2–4 %",
        "3 months",
        "we spot-check 1 in 20",
        "90 seconds",
        "$30 an hour",
        "3%",
        "about 90",
        "$18 when we get one wrong",
        "4 to 6 minutes",
        "$38",
        "$1.2M",
        "2",
        "0.5",
    ];
    for (i, a) in answers.iter().enumerate() {
        t.wait("iv", "the question", |s| {
            s.contains(&format!("Question {} of 14", i + 1))
        });
        t.run(&["send-keys", "-t", "iv", "-l", a]);
        t.wait("iv", "the conversion of the answer", |s| s.contains(" → "));
        t.keys("iv", &["Enter"]);
    }
    let done = t.wait("iv", "the follow-up list", |s| {
        s.contains("What we still need from you") && s.contains("All 14 questions asked")
    });
    assert!(done.contains("14 answered by the client"), "{done}");
    let tco = money_after(&done, "Cash TCO over 12 months:");
    t.keys("iv", &["Enter"]);
    t.wait("iv", "the workbench", |s| s.contains("14 of 14 answered"));
    t.keys("iv", &["C-s"]);
    t.wait("iv", "the save", |s| s.contains("saved plan.ron"));
    t.keys("iv", &["q"]);

    let path = dir.path().join("plan.ron");
    wait_for("plan.ron", || path.exists());
    let plan = common::load(&path);
    assert_eq!(plan.name, "Customer-support assistant");
    assert_eq!(plan.workload.requests_per_day, 2000.0);
    assert_eq!(plan.workload.monthly_growth_pct, 3.0);
    assert_eq!(plan.oversight.review_pct, 5.0);
    assert_eq!(plan.oversight.minutes_per_review, 1.5);
    assert_eq!(plan.oversight.reviewer_annual_cost, 62_400.0);
    assert_eq!(plan.build.initial_cost, 1_200_000.0);
    let requests = common::source_of(&plan, "workload.requests_per_day");
    assert!(
        requests.source.starts_with("client, discovery call 20"),
        "{requests:?}"
    );
    assert_eq!(requests.confidence, Confidence::Medium);
    assert!(
        plan.notes.contains("“we spot-check 1 in 20”"),
        "{}",
        plan.notes
    );
    assert!(
        plan.uncertainty
            .iter()
            .any(|r| r.field == "workload.monthly_growth_pct" && (r.low, r.high) == (2.0, 4.0))
    );
    let saved_tco = runcost::numbers::money(project(&plan).totals.cash_tco, "USD");
    assert_eq!(
        saved_tco, tco,
        "the saved plan projects what the interview showed"
    );

    // Reopened in the workbench: the same TCO on the screen.
    t.start("again", &command(dir.path(), "plan.ron"));
    t.wait("again", "the reopened plan's TCO", |s| s.contains(&tco));
    t.keys("again", &["q"]);

    // The client report: where each figure comes from, and what to chase.
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_runcost"))
        .args(["report", "--format", "md"])
        .arg(&path)
        .env("RUNCOST_HOME", dir.path().join("home"))
        .output()
        .unwrap();
    let md = String::from_utf8_lossy(&out.stdout);
    assert!(md.contains("client, discovery call"), "{md}");
    assert!(md.contains("## What we still need from you"), "{md}");
}
