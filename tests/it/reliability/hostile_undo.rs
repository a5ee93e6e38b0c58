//! Undo history under hostile sizes: a plan with tens of MB of notes must not
//! keep a copy of them per edit, the history stays within its memory cap, and
//! undo/redo still restore every state exactly.

use crate::common;

use proptest::prelude::*;
use runcost::app::Document;
use runcost::app::document::HISTORY_BYTES;
use runcost::model::{InfraItem, ModelEntry, Scenario};

fn big_notes_plan(mb: usize) -> Scenario {
    let mut s = common::scenario("support-assistant");
    s.notes = "lorem ipsum dolor sit amet\n".repeat(mb * 1024 * 1024 / 27);
    s
}

#[test]
fn editing_numbers_in_a_plan_with_50_mb_of_notes_keeps_a_few_bytes_per_step() {
    let original = big_notes_plan(50);
    let mut doc = Document::opened(original.clone(), None);
    let mut states = vec![original.clone()];
    for i in 0..40 {
        assert!(doc.edit(|s| s.workload.requests_per_day += 1.0 + i as f64));
        states.push(doc.plan.clone());
        if i % 10 == 0 {
            assert!(doc.edit(|s| s.name = format!("edit {i}")));
            states.push(doc.plan.clone());
        }
    }
    // 44 steps; the full-copy history held 44 × 50 MB.
    assert!(
        doc.history_bytes() < 64 * 1024,
        "history holds {} bytes",
        doc.history_bytes()
    );
    for want in states.iter().rev().skip(1) {
        assert!(doc.undo());
        assert!(doc.plan == *want, "undo did not restore the earlier state");
    }
    assert!(!doc.undo());
    assert!(doc.plan == original);
    assert!(doc.history_bytes() < 64 * 1024, "the redo side is as small");
    for want in states.iter().skip(1) {
        assert!(doc.redo());
        assert!(doc.plan == *want, "redo did not restore the later state");
    }
}

#[test]
fn editing_large_notes_again_and_again_stays_within_the_memory_cap() {
    // Each notes edit must keep the old notes (8 MB): 20 of them would be
    // 160 MB; the cap keeps the newest that fit.
    let original = big_notes_plan(8);
    let mut doc = Document::opened(original, None);
    let mut states = vec![doc.plan.clone()];
    for i in 0..20 {
        assert!(doc.edit(|s| s.notes.push_str(&format!("line {i}\n"))));
        states.push(doc.plan.clone());
        assert!(
            doc.history_bytes() <= HISTORY_BYTES,
            "{} bytes after {} edits",
            doc.history_bytes(),
            i + 1
        );
    }
    let (undoable, _) = doc.history_len();
    assert!(
        (1..20).contains(&undoable),
        "older steps are dropped, the newest kept: {undoable}"
    );
    // Walking back moves memory to the redo side; the oldest undo steps go
    // first, so the latest state can always be redone.
    let mut undone = 0;
    while doc.undo() {
        undone += 1;
        assert!(doc.plan == states[states.len() - 1 - undone]);
        assert!(doc.history_bytes() <= HISTORY_BYTES);
    }
    assert!((1..=undoable).contains(&undone), "{undone}");
    for k in (0..undone).rev() {
        assert!(doc.redo());
        assert!(doc.plan == states[states.len() - 1 - k]);
    }
    assert!(!doc.redo());
}

#[test]
fn one_step_larger_than_the_cap_is_still_undoable() {
    let mut doc = Document::opened(common::scenario("support-assistant"), None);
    let before = doc.plan.clone();
    let huge = "x".repeat(HISTORY_BYTES + 1024);
    assert!(doc.edit(|s| s.notes = huge.clone()));
    assert!(doc.edit(|s| s.notes.clear()));
    assert_eq!(doc.history_len().0, 1, "only the latest step fits");
    assert!(doc.undo());
    assert_eq!(doc.plan.notes.len(), huge.len());
    assert!(doc.redo());
    assert!(doc.plan.notes.is_empty());
    assert!(doc.plan != before);
}

/// An edit of any part of a plan, for the round-trip property.
#[derive(Debug, Clone)]
enum Edit {
    Volume(f64),
    Notes(String),
    Name(String),
    Share(usize, f64),
    AddModel(String),
    RemoveModel(usize),
    AddInfra(f64),
    Uncertain(f64),
    Horizon(u32),
    Start(Option<String>),
}

fn apply(s: &mut Scenario, e: &Edit) {
    match e {
        Edit::Volume(v) => s.workload.requests_per_day = *v,
        Edit::Notes(n) => s.notes = n.clone(),
        Edit::Name(n) => s.name = n.clone(),
        Edit::Share(i, v) => {
            let n = s.models.len();
            if let Some(m) = s.models.get_mut(i % n.max(1)) {
                m.share_pct = *v;
            }
        }
        Edit::AddModel(id) => s.models.push(ModelEntry {
            commitment_monthly: 0.0,
            id: id.clone(),
            share_pct: 0.0,
            discount_pct: 0.0,
            error_rate_pct: None,
            token_factor: 1.0,
            pricing: None,
            schedule: Vec::new(),
        }),
        Edit::RemoveModel(i) => {
            if !s.models.is_empty() {
                let n = s.models.len();
                s.models.remove(i % n);
            }
        }
        Edit::AddInfra(v) => s.infrastructure.push(InfraItem {
            name: format!("line {v}"),
            monthly: *v,
            per_thousand_requests: 0.0,
        }),
        Edit::Uncertain(v) => {
            s.uncertainty
                .push(common::uncertain("workload.requests_per_day", *v, *v * 2.0))
        }
        Edit::Horizon(h) => s.horizon_months = *h,
        Edit::Start(st) => s.start = st.clone(),
    }
}

fn edit() -> impl Strategy<Value = Edit> {
    prop_oneof![
        (0.0..1e6f64).prop_map(Edit::Volume),
        "[a-zé\n]{0,20}".prop_map(Edit::Notes),
        "[a-z]{0,8}".prop_map(Edit::Name),
        (0usize..8, 0.0..100.0f64).prop_map(|(i, v)| Edit::Share(i, v)),
        "[a-z]{1,6}".prop_map(Edit::AddModel),
        (0usize..8).prop_map(Edit::RemoveModel),
        (0.0..100.0f64).prop_map(Edit::AddInfra),
        (1.0..10.0f64).prop_map(Edit::Uncertain),
        (1u32..60).prop_map(Edit::Horizon),
        proptest::option::of("2027-0[1-9]").prop_map(Edit::Start),
    ]
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(64))]

    #[test]
    fn undo_and_redo_restore_every_state_exactly(
        edits in proptest::collection::vec(edit(), 1..30),
        back in 0usize..30,
    ) {
        let mut doc = Document::opened(common::scenario("support-assistant"), None);
        let mut states = vec![doc.plan.clone()];
        for e in &edits {
            if doc.edit(|s| apply(s, e)) {
                states.push(doc.plan.clone());
            }
        }
        let back = back.min(states.len() - 1);
        for k in 1..=back {
            prop_assert!(doc.undo());
            prop_assert_eq!(&doc.plan, &states[states.len() - 1 - k]);
        }
        for k in (0..back).rev() {
            prop_assert!(doc.redo());
            prop_assert_eq!(&doc.plan, &states[states.len() - 1 - k]);
        }
        prop_assert!(!doc.redo());
        // A new edit after undoing forgets the redo side.
        if back > 0 {
            for _ in 0..back { doc.undo(); }
            prop_assert!(doc.edit(|s| s.name.push('!')));
            prop_assert!(!doc.redo());
        }
    }
}
