//! Message-sequence walks of the guided interview (issue 14): Ctrl-N →
//! "start from questions", a template, its questions answered in the
//! client's words; the plan's fields, sources, notes and ranges after.

use crate::common;

use common::ui::{ACME, key, open, sized, typed};

use runcost::app::interview::for_use_case;
use runcost::app::keymap::{Key, KeyChord};
use runcost::app::modes::interview::Stage;
use runcost::app::{App, Mode, Msg};
use runcost::model::fields::{Field, InfraField, PlanField as P, TierField};
use runcost::model::{Confidence, Scenario, validate};
use runcost::store::plans::TEMPLATES;
use runcost::store::use_cases::{TEMPLATE_DEFAULT, USE_CASES};

const DATE: &str = "2026-11-28";
const CLIENT: &str = "client, discovery call 2026-11-28";

fn app() -> App {
    let mut a = open(common::scenario("support-assistant"), ACME, None);
    a.today = Some(DATE.into());
    sized(a, 120, 40)
}

fn answer(a: &mut App, text: &str) {
    typed(a, text);
    key(a, Key::Enter);
}

fn stage(a: &App) -> Option<Stage> {
    match a.mode() {
        Mode::Interview(i) => Some(i.stage),
        _ => None,
    }
}

/// Ctrl-N, "start from questions", the template `name`, past its screen.
fn start(a: &mut App, name: &str) {
    a.update(Msg::Key(KeyChord::ctrl('n')));
    for _ in 0..TEMPLATES.len() {
        key(a, Key::Down);
    }
    key(a, Key::Enter);
    assert_eq!(stage(a), Some(Stage::Pick), "Ctrl-N → start from questions");
    let i = USE_CASES.iter().position(|u| u.name == name).unwrap();
    for _ in 0..i {
        key(a, Key::Down);
    }
    key(a, Key::Enter);
    assert_eq!(stage(a), Some(Stage::About));
    key(a, Key::Enter);
    assert_eq!(stage(a), Some(Stage::Ask));
    assert!(
        USE_CASES[i].title.starts_with(&a.doc().plan.name),
        "the template's plan"
    );
}

fn plan(a: &App) -> &Scenario {
    &a.doc().plan
}

fn source(s: &Scenario, f: Field) -> (String, Confidence) {
    let path = f.path();
    let x = s
        .sources
        .iter()
        .find(|x| x.field == path)
        .unwrap_or_else(|| panic!("{path}"));
    (x.source.clone(), x.confidence)
}

fn range(s: &Scenario, f: Field) -> Option<(f64, f64)> {
    let path = f.path();
    s.uncertainty
        .iter()
        .find(|r| r.field == path)
        .map(|r| (r.low, r.high))
}

/// Answers every question of `name` (None: Tab keeps the default) and
/// checks each first target against the value expected.
fn walk(name: &str, answers: &[(Option<&str>, f64)]) -> App {
    let mut a = app();
    start(&mut a, name);
    let qs = for_use_case(name);
    assert_eq!(qs.len(), answers.len(), "{name}: one answer per question");
    for (q, (text, expected)) in qs.iter().zip(answers) {
        let before = plan(&a).clone();
        match text {
            Some(t) => answer(&mut a, t),
            None => {
                key(&mut a, Key::Tab);
            }
        }
        let f = q.targets[0].field;
        let got = f.get(plan(&a)).unwrap();
        common::close(got, *expected, &format!("{name}: {} ← {text:?}", q.ask));
        let (src, conf) = source(plan(&a), f);
        if text.is_some() {
            assert_eq!(
                (src.as_str(), conf),
                (CLIENT, Confidence::Medium),
                "{name}: {}",
                q.ask
            );
            let words = format!("{} “{}”", q.ask, text.unwrap());
            assert!(
                plan(&a).notes.contains(&words),
                "{name}: notes have {words}"
            );
        } else {
            // Tab keeps every input; only the notes change, to say so.
            let mut kept = before.clone();
            kept.notes = plan(&a).notes.clone();
            assert_eq!(plan(&a), &kept, "{name}: Tab keeps the default");
            assert!(src.starts_with(TEMPLATE_DEFAULT) && conf == Confidence::Low);
            let noted = format!("- {} — skipped; template default", q.ask);
            assert!(plan(&a).notes.contains(&noted), "{name}: {noted}");
        }
    }
    assert_eq!(
        stage(&a),
        Some(Stage::Done),
        "{name}: the follow-up list at the end"
    );
    assert!(
        validate(plan(&a)).is_empty(),
        "{name}: {:?}",
        validate(plan(&a))
    );
    a
}

fn leave(a: &mut App) {
    key(a, Key::Enter);
    assert!(
        matches!(a.mode(), Mode::Normal),
        "Enter at the end: into the workbench"
    );
}

#[test]
fn support_interview_in_the_clients_words() {
    let mut a = walk(
        "support",
        &[
            (Some("2k a day"), 2000.0),
            (Some("2–4 %"), 3.0),
            (None, 3.0),
            (Some("we spot-check 1 in 20"), 5.0),
            (Some("90 seconds"), 1.5),
            (Some("$30 an hour"), 62_400.0),
            (Some("3%"), 3.0),
            (Some("about 90"), 90.0),
            (Some("$18 when we get one wrong"), 18.0),
            (Some("4 to 6 minutes"), 5.0),
            (Some("$38"), 38.0),
            (Some("$1.2M"), 1_200_000.0),
            (None, 2.0),
            (Some("0.5"), 0.5),
        ],
    );
    let s = plan(&a).clone();
    assert_eq!(range(&s, Field::Plan(P::MonthlyGrowth)), Some((2.0, 4.0)));
    assert_eq!(range(&s, Field::Plan(P::MinutesSaved)), Some((4.0, 6.0)));
    assert_eq!(range(&s, Field::Plan(P::RequestsPerDay)), None);
    assert!(
        s.notes
            .starts_with("Discovery call 2026-11-28 (the client's words):")
    );
    assert!(s.notes.contains("“60k a month”") || s.notes.contains("“2k a day” → 2,000 req/day"));
    // The follow-up list: what moves the TCO and is still a guess.
    let Mode::Interview(i) = a.mode() else {
        panic!()
    };
    assert!(!i.follow_ups.is_empty());
    for f in &i.follow_ups {
        let src = s.sources.iter().find(|x| x.field == f.path);
        assert!(
            src.is_none_or(|x| x.confidence == Confidence::Low),
            "{}",
            f.path
        );
    }
    leave(&mut a);
    assert_eq!(plan(&a), &s, "leaving changes nothing");
}

#[test]
fn documents_interview() {
    let a = walk(
        "documents",
        &[
            (Some("3,000 to 5,000 a day"), 4000.0),
            (Some("22"), 22.0),
            (Some("about 12 pages"), 7200.0),
            (Some("60%"), 60.0),
            (Some("1 in 10"), 10.0),
            (Some("2 minutes"), 2.0),
            (Some("$48k a year"), 48_000.0),
            (Some("2–4 %"), 3.0),
            (Some("$25"), 25.0),
            (Some("5"), 5.0),
            (Some("$28 an hour"), 28.0),
            (Some("$150k"), 150_000.0),
            (None, 2.0),
        ],
    );
    let s = plan(&a);
    assert_eq!(
        range(s, Field::Plan(P::RequestsPerDay)),
        Some((3000.0, 5000.0))
    );
    assert_eq!(range(s, Field::Plan(P::ErrorRate)), Some((2.0, 4.0)));
    assert!(
        s.notes.contains("× 600 tokens a page = 7,200"),
        "{}",
        s.notes
    );
}

#[test]
fn knowledge_search_interview() {
    let a = walk(
        "knowledge-search",
        &[
            (Some("about 1,200 employees"), 4800.0),
            (Some("6 months"), 6.0),
            (Some("40k documents"), 120_000_000.0),
            (Some("5%"), 5.0),
            (Some("1 in 25"), 4.0),
            (Some("$20"), 20.0),
            (Some("3 to 9 minutes"), 6.0),
            (Some("$60 an hour"), 60.0),
            (Some("50%"), 50.0),
            (Some("$1.2M"), 1_200_000.0),
            (Some("0.5"), 0.5),
            (None, 2.0),
        ],
    );
    assert_eq!(
        range(plan(&a), Field::Plan(P::MinutesSaved)),
        Some((3.0, 9.0))
    );
}

#[test]
fn coding_assistant_interview_sets_requests_and_seats_from_one_answer() {
    let a = walk(
        "coding-assistant",
        &[
            (Some("about 40 developers"), 2400.0),
            (Some("3"), 3.0),
            (Some("1 in 20"), 5.0),
            (Some("$15"), 15.0),
            (Some("4 minutes"), 4.0),
            (Some("$85"), 85.0),
            (Some("15%"), 15.0),
            (Some("2 months"), 2.0),
            (Some("$30k"), 30_000.0),
            (Some("4"), 4.0),
            (Some("0.2"), 0.2),
        ],
    );
    let s = plan(&a);
    let seats = Field::Infra(0, InfraField::Monthly);
    assert_eq!(seats.get(s), Some(40.0 * 39.0));
    assert_eq!(source(s, seats), (CLIENT.to_string(), Confidence::Medium));
}

#[test]
fn agentic_workflow_interview_sets_severity_tiers() {
    let a = walk(
        "agentic-workflow",
        &[
            (Some("2k a day"), 2000.0),
            (Some("6 to 8"), 7.0),
            (Some("6 months"), 6.0),
            (Some("20%"), 20.0),
            (Some("6 minutes"), 6.0),
            (Some("3%"), 3.0),
            (Some("1.5%"), 1.5),
            (Some("$45"), 45.0),
            (Some("$25k"), 25_000.0),
            (Some("14"), 14.0),
            (Some("$48"), 48.0),
            (Some("$250k"), 250_000.0),
            (Some("3"), 3.0),
        ],
    );
    let s = plan(&a);
    assert_eq!(range(s, Field::Plan(P::CallsPerRequest)), Some((6.0, 8.0)));
    assert_eq!(Field::Tier(2, TierField::Cost).get(s), Some(25_000.0));
}

#[test]
fn high_stakes_review_interview() {
    let a = walk(
        "high-stakes-review",
        &[
            (Some("400 a day"), 400.0),
            (Some("100%"), 100.0),
            (Some("8 to 12 minutes"), 10.0),
            (Some("$130k"), 130_000.0),
            (Some("2%"), 2.0),
            (Some("95%"), 95.0),
            (Some("$1.2M"), 1_200_000.0),
            (Some("1.5%"), 1.5),
            (Some("20 minutes"), 20.0),
            (Some("$95 an hour"), 95.0),
            (Some("$300k"), 300_000.0),
            (Some("$40k"), 40_000.0),
            (Some("1"), 1.0),
        ],
    );
    assert_eq!(
        range(plan(&a), Field::Plan(P::MinutesPerReview)),
        Some((8.0, 12.0))
    );
}

#[test]
fn voice_agent_interview_moves_the_per_minute_lines_with_the_call_length() {
    let a = walk(
        "voice-agent",
        &[
            (Some("1,500 to 3,000"), 2250.0),
            (Some("5 minutes"), 30.0),
            (Some("8"), 8.0),
            (Some("15%"), 15.0),
            (Some("1 in 20"), 5.0),
            (Some("5 minutes"), 5.0),
            (Some("4%"), 4.0),
            (Some("$22"), 22.0),
            (Some("6"), 6.0),
            (Some("$34"), 34.0),
            (Some("$110k"), 110_000.0),
        ],
    );
    let s = plan(&a);
    assert_eq!(
        range(s, Field::Plan(P::RequestsPerDay)),
        Some((1500.0, 3000.0))
    );
    // 5 minutes: STT 5 × $6, TTS 5 × $7.50, telephony 5 × $8.50 per 1,000 calls.
    let per = |i| Field::Infra(i, InfraField::PerThousand).get(s).unwrap();
    common::close(per(0), 30.0, "STT");
    common::close(per(1), 37.5, "TTS");
    common::close(per(2), 42.5, "telephony");
}

#[test]
fn back_revisits_and_a_new_answer_replaces_the_old_one() {
    let mut a = app();
    start(&mut a, "support");
    answer(&mut a, "2k a day");
    answer(&mut a, "5%");
    key(&mut a, Key::BackTab);
    key(&mut a, Key::BackTab);
    let Mode::Interview(i) = a.mode() else {
        panic!()
    };
    assert_eq!(
        (i.index, i.input.as_str()),
        (0, "2k a day"),
        "the earlier words are back"
    );
    a.update(Msg::Key(KeyChord::ctrl('u')));
    answer(&mut a, "60k a month");
    let s = plan(&a);
    assert_eq!(s.workload.requests_per_day, 2000.0);
    assert!(s.notes.contains("“60k a month”") && !s.notes.contains("“2k a day”"));
    assert_eq!(s.notes.matches("How many conversations").count(), 1);
    assert_eq!(
        s.workload.monthly_growth_pct, 5.0,
        "the second answer stays"
    );
}

#[test]
fn a_marked_answer_is_high_and_an_unreadable_one_changes_nothing() {
    let mut a = app();
    start(&mut a, "support");
    let before = plan(&a).clone();
    answer(&mut a, "we'll see");
    let Mode::Interview(i) = a.mode() else {
        panic!()
    };
    let why = i.error.as_deref().unwrap();
    assert!(
        why.contains("no number") && why.contains("no idea"),
        "{why}"
    );
    assert_eq!(i.index, 0);
    assert_eq!(plan(&a), &before);
    a.update(Msg::Key(KeyChord::ctrl('u')));
    a.update(Msg::Key(KeyChord::ctrl('t')));
    answer(&mut a, "2,431");
    let f = Field::Plan(P::RequestsPerDay);
    assert_eq!(source(plan(&a), f), (CLIENT.to_string(), Confidence::High));
    assert!(plan(&a).notes.contains("[High]"));
    // Far beyond the usual: shown, and recorded on a second Enter.
    answer(&mut a, "250%");
    let Mode::Interview(i) = a.mode() else {
        panic!()
    };
    assert!(i.error.is_none(), "growth may be 250 %");
    assert_eq!((i.index, i.confirm.as_deref()), (1, Some("250%")));
    key(&mut a, Key::Enter);
    assert_eq!(plan(&a).workload.monthly_growth_pct, 250.0);
    key(&mut a, Key::Up);
    let Mode::Interview(i) = a.mode() else {
        panic!()
    };
    assert_eq!(i.index, 1);
}

#[test]
fn each_answer_moves_the_projection_and_esc_leaves_with_what_was_said() {
    let mut a = app();
    start(&mut a, "support");
    let tco = a.projection().totals.tco;
    answer(&mut a, "5k a day");
    assert!(
        a.projection().totals.tco > tco,
        "the projection beside the questions moved"
    );
    let change = a.last_change.clone().unwrap();
    assert!(change.tco_after > change.tco_before);
    key(&mut a, Key::Esc);
    assert!(matches!(a.mode(), Mode::Normal));
    assert_eq!(plan(&a).workload.requests_per_day, 5000.0);
    let status = a.status.clone().unwrap().text;
    assert!(status.contains("1 of 14 answered"), "{status}");
    // Undo takes the answer back, as any edit.
    a.update(Msg::Key(KeyChord::ch('u')));
    assert_eq!(plan(&a).workload.requests_per_day, 2500.0);
}

#[test]
fn cancelling_at_the_list_leaves_the_plan_alone() {
    let mut a = app();
    let before = plan(&a).clone();
    a.start_interview(None);
    key(&mut a, Key::Esc);
    assert!(matches!(a.mode(), Mode::Normal));
    assert_eq!(plan(&a), &before);
}

/// The client report of an interviewed plan: its assumptions table shows
/// which figures came from the client, and "What we still need from you"
/// names the largest drivers still on a template default — not the ones
/// the client answered.
#[test]
fn the_client_report_says_what_we_still_need() {
    let mut a = app();
    start(&mut a, "support");
    answer(&mut a, "2k a day");
    key(&mut a, Key::Esc);
    let s = plan(&a).clone();
    let p = runcost::model::project(&s);
    let md = runcost::report::client::markdown(&s, &p, &common::builtin(), DATE);
    let section = md
        .split("## What we still need from you")
        .nth(1)
        .expect("the section");
    let section = section.split("\n## ").next().unwrap();
    assert!(section.contains("template default"), "{section}");
    assert!(!section.contains("Requests per day"), "answered: {section}");
    assert!(
        md.contains(CLIENT),
        "the assumptions table shows the client's source"
    );
    let lines = runcost::report::followup::lines(&s);
    assert!(!lines.is_empty() && lines.len() <= 5);
    let html = runcost::report::client::html(&s, &p, &common::builtin(), DATE);
    assert!(html.contains("<h2>What we still need from you</h2><p>"));
}
