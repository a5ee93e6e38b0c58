//! `e` on a plan that was never saved writes its report into runcost's own
//! plans folder, made when missing (a fresh machine has none), as the README
//! says; it used to fail with "the folder … does not exist".

use crate::common::tmux;

use tmux::Tmux;

#[test]
fn a_never_saved_plans_report_goes_to_a_plans_folder_made_for_it() {
    let Some((dir, home)) = crate::common::tmux::scratch() else {
        return;
    };
    let plans = home.join("data/plans");
    assert!(!plans.exists());
    let t = Tmux::new("runcost-export", "e").with_keeper();
    // No file: the built-in example plan, never saved.
    t.start(
        "w",
        &format!(
            "cd '{d}' && env RUNCOST_HOME='{h}' TERM=xterm-256color '{exe}'; echo runcost exited $?; sleep 60",
            d = dir.path().display(),
            h = home.display(),
            exe = env!("CARGO_BIN_EXE_runcost"),
        ),
    );
    t.wait("w", "the workbench", |s| s.contains("Requests"));
    t.keys("w", &["e"]);
    let screen = t.wait("w", "the export", |s| {
        s.contains("report written") || s.contains("not written")
    });
    assert!(screen.contains("report written"), "{screen}");
    let written: Vec<String> = std::fs::read_dir(&plans)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    assert!(
        written.iter().any(|n| n.ends_with("-report.md"))
            && written.iter().any(|n| n.ends_with("-report.html")),
        "{written:?}"
    );
    t.keys("w", &["q", "d"]);
}
