//! `V` (pin the what-if, compare it with the plan as saved) after the plan's
//! file changed on disk compares with the file as it is now, never with the
//! stale copy read earlier; the plan is "unmodified" only when it equals the
//! file; and a change on disk noticed while another view was open is still
//! offered for reload once the editor is back. Messages in, state out.

use crate::common;

use std::path::PathBuf;

use common::scenario;
use common::ui::{ACME, acme_alone, ch, ctrl, key, select};
use runcost::app::keymap::Key;
use runcost::app::rows::Row;
use runcost::app::{App, Effect, Mode, Msg, Question, StatusKind};
use runcost::model::Scenario;
use runcost::model::fields::Field;

const FILE: &str = ACME;

fn app() -> App {
    let mut a = acme_alone();
    // As the runtime says after opening: the file's fingerprint.
    a.update(Msg::DiskState {
        path: PathBuf::from(FILE),
        hash: Some(1),
    });
    a
}

/// A what-if: requests per day one step up (2,500 → 3,000).
fn what_if(a: &mut App) {
    select(a, Row::Field(Field::RequestsPerDay));
    key(a, Key::Right);
    assert!(a.doc().is_dirty());
}

/// Someone else saves the file with another build cost.
fn changed_on_disk(a: &mut App, build: f64, hash: u64) -> Scenario {
    let mut theirs = scenario("support-assistant");
    theirs.build.initial_cost = build;
    a.update(Msg::DiskChanged {
        path: PathBuf::from(FILE),
        theirs: Ok(Box::new(theirs.clone())),
        hash: Some(hash),
    });
    theirs
}

fn status(a: &App) -> String {
    a.status
        .as_ref()
        .map(|s| s.text.clone())
        .unwrap_or_default()
}

/// The notices about the file changing on disk.
fn disk_notices(a: &App) -> Vec<String> {
    a.notices
        .iter()
        .filter(|n| n.text.starts_with(FILE) && n.text.contains(" on disk"))
        .map(|n| n.text.clone())
        .collect()
}

/// Whether a notice about the file changing on disk says `text`.
fn told_on_disk(a: &App, text: &str) -> bool {
    disk_notices(a).iter().any(|n| n.contains(text))
}

fn compared_paths(a: &App) -> Vec<String> {
    let Mode::Compare(c) = a.mode() else {
        panic!("not comparing")
    };
    c.differences.iter().map(|d| d.path.clone()).collect()
}

#[test]
fn pinning_after_the_file_changed_compares_with_the_file_as_it_is_now() {
    let mut a = app();
    what_if(&mut a);
    let theirs = changed_on_disk(&mut a, 150_000.0, 2);
    assert!(
        matches!(a.mode(), Mode::Normal),
        "unsaved edits: no question"
    );
    // Said in a notice that outlives the key press that noticed it.
    key(&mut a, Key::Down);
    assert!(
        told_on_disk(&a, "V compares your what-if with it"),
        "{:?}",
        a.notices
    );

    ch(&mut a, 'V');
    assert_eq!(a.session.len(), 2);
    // The plan is the version on disk, not the copy read at the start.
    assert_eq!(a.session.get(0).plan, theirs);
    assert_eq!(a.session.get(0).plan.build.initial_cost, 150_000.0);
    assert!(!a.session.get(0).is_dirty(), "it is what the file holds");
    assert_eq!(a.session.get(0).disk_hash, Some(2));
    assert!(a.session.on_disk(0).is_none(), "nothing newer waits");
    // The what-if is pinned as it was on screen.
    let pinned = &a.session.get(1).plan;
    assert_eq!(pinned.workload.requests_per_day, 3000.0);
    assert_eq!(pinned.build.initial_cost, 140_000.0);
    // So what differs is the what-if's own edit and the change on disk.
    let paths = compared_paths(&a);
    assert!(
        paths.contains(&"workload.requests_per_day".to_string())
            && paths.contains(&"build.initial_cost".to_string()),
        "{paths:?}"
    );
    assert!(status(&a).contains("is on disk now"), "{}", status(&a));
    assert!(disk_notices(&a).is_empty(), "taken: the notice goes");

    // Undo brings the what-if back into the plan, which is then modified
    // against the file, and saving checks the file is still that version.
    key(&mut a, Key::Esc);
    ch(&mut a, 'u');
    assert_eq!(a.doc().plan.workload.requests_per_day, 3000.0);
    assert!(a.doc().is_dirty());
    let effects = ctrl(&mut a, 's');
    assert!(
        matches!(
            &effects[..],
            [Effect::Save {
                expected: Some(2),
                ..
            }]
        ),
        "{effects:?}"
    );
}

#[test]
fn a_later_change_on_disk_is_offered_once_the_editor_is_back() {
    let mut a = app();
    what_if(&mut a);
    changed_on_disk(&mut a, 150_000.0, 2);
    ch(&mut a, 'V');
    assert!(matches!(a.mode(), Mode::Compare(_)));

    // Changed again while the comparison is open: said, not lost.
    let newer = changed_on_disk(&mut a, 160_000.0, 3);
    assert!(matches!(a.mode(), Mode::Compare(_)), "the view stays");
    assert!(
        told_on_disk(&a, "offered when you are back in the editor"),
        "{:?}",
        a.notices
    );
    key(&mut a, Key::Esc);
    let Mode::Safety(q) = a.mode() else {
        panic!("the reload is offered")
    };
    assert_eq!(q.question, Question::Reload);
    assert!(q.differences.iter().any(|d| d.path == "build.initial_cost"));
    ch(&mut a, 'r');
    assert_eq!(a.doc().plan, newer);
    assert!(!a.doc().is_dirty());
    assert_eq!(a.doc().disk_hash, Some(3));
    assert!(disk_notices(&a).is_empty());

    // And after that, the next change is offered as always.
    let newest = changed_on_disk(&mut a, 170_000.0, 4);
    let Mode::Safety(q) = a.mode() else {
        panic!("offered")
    };
    assert_eq!(q.theirs.as_deref(), Some(&newest));
    ch(&mut a, 'k');
    assert_eq!(a.doc().disk_hash, Some(4), "kept ours: no question again");
    assert!(a.session.on_disk(0).is_none());
    key(&mut a, Key::Down);
    assert!(matches!(a.mode(), Mode::Normal));
}

#[test]
fn a_change_noticed_in_another_view_or_while_asked_is_offered_as_the_newest() {
    // Clean plan, help open: the reload waits for the editor.
    let mut a = app();
    ch(&mut a, '?');
    assert!(matches!(a.mode(), Mode::Help(_)));
    let theirs = changed_on_disk(&mut a, 150_000.0, 2);
    assert!(matches!(a.mode(), Mode::Help(_)));
    key(&mut a, Key::Esc);
    let Mode::Safety(q) = a.mode() else {
        panic!("offered on return")
    };
    assert_eq!(q.theirs.as_deref(), Some(&theirs));

    // A second change while the question is open: asked about the newest.
    let newer = changed_on_disk(&mut a, 160_000.0, 3);
    let Mode::Safety(q) = a.mode() else {
        panic!("still asked")
    };
    assert_eq!(q.theirs.as_deref(), Some(&newer));
    assert_eq!(q.theirs_hash, Some(3));

    // Unsaved edits undone back to the saved plan: the waiting change is offered.
    let mut b = app();
    what_if(&mut b);
    let theirs = changed_on_disk(&mut b, 150_000.0, 2);
    assert!(matches!(b.mode(), Mode::Normal));
    ch(&mut b, 'u');
    let Mode::Safety(q) = b.mode() else {
        panic!("offered once there is nothing to lose")
    };
    assert_eq!(q.theirs.as_deref(), Some(&theirs));
}

#[test]
fn a_file_changed_back_to_what_was_read_leaves_nothing_waiting() {
    let mut a = app();
    what_if(&mut a);
    changed_on_disk(&mut a, 150_000.0, 2);
    // Put back as it was: the fingerprint read at the start.
    changed_on_disk(&mut a, 140_000.0, 1);
    assert!(a.session.on_disk(0).is_none());
    ch(&mut a, 'V');
    // Back to the saved plan, as without any change on disk.
    assert_eq!(a.session.get(0).plan, scenario("support-assistant"));
    assert!(
        status(&a).contains("beside the saved plan"),
        "{}",
        status(&a)
    );
}

#[test]
fn pinning_is_refused_with_the_reason_when_the_file_is_gone_or_no_longer_a_plan() {
    for gone in [true, false] {
        let mut a = app();
        what_if(&mut a);
        if gone {
            a.update(Msg::DiskDeleted(PathBuf::from(FILE)));
        } else {
            a.update(Msg::DiskChanged {
                path: PathBuf::from(FILE),
                theirs: Err("line 3: expected `)`".into()),
                hash: Some(9),
            });
        }
        let before = a.doc().plan.clone();
        ch(&mut a, 'V');
        assert_eq!(a.session.len(), 1, "nothing pinned");
        assert!(matches!(a.mode(), Mode::Normal));
        assert_eq!(a.doc().plan, before, "the what-if stays in the plan");
        let s = a.status.as_ref().unwrap();
        assert_eq!(s.kind, StatusKind::Warning);
        assert!(
            s.text.starts_with("nothing pinned: /work/acme.ron"),
            "{}",
            s.text
        );
        assert_eq!(
            disk_notices(&a).len(),
            1,
            "and the notice stays: {:?}",
            a.notices
        );
        let why = if gone {
            "was deleted on disk"
        } else {
            "no longer reads as a plan (line 3: expected `)`)"
        };
        assert!(s.text.contains(why), "{}", s.text);
        // `v` still makes a variant to compare with.
        ch(&mut a, 'v');
        assert_eq!(a.session.len(), 2);
    }
}

#[test]
fn without_a_change_on_disk_v_goes_back_to_the_saved_plan_as_before() {
    let mut a = app();
    what_if(&mut a);
    ch(&mut a, 'V');
    assert_eq!(a.session.get(0).plan, scenario("support-assistant"));
    assert!(!a.session.get(0).is_dirty());
    assert_eq!(a.session.get(0).disk_hash, Some(1));
    assert_eq!(compared_paths(&a), ["workload.requests_per_day"]);
}
