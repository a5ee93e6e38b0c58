//! The interview hears what the client said (issue 20 §1), end to end in
//! the app: `runcost new --interview plan.ron`, the support template, an
//! answer typed as the client said it, the preview read off the screen at
//! 120×40 and 80×24, Enter, Esc, Ctrl-S — and the plan as written to disk:
//! the value, its source and confidence, its range and the notes.

use crate::common;

use std::path::PathBuf;

use common::ui::save_asked;
use runcost::app::interview::for_use_case;
use runcost::app::keymap::{Key, KeyChord};
use runcost::app::modes::interview::{InterviewState, Preview, Stage};
use runcost::app::{App, Document, Mode, Msg};
use runcost::codec::parse_plan;
use runcost::model::fields::{Field, PlanField as P};
use runcost::model::{Confidence, Scenario};
use runcost::numbers::field_value;
use runcost::store::use_cases::{TEMPLATE_DEFAULT, USE_CASES};
use runcost::ui::Theme;

use common::ui::{key, render, text_rows, typed};

const DATE: &str = "2026-12-07";
const CLIENT: &str = "client, discovery call 2026-12-07";

/// `runcost new --interview plan.ron` at `width`×`height`, past the
/// template list (at `template`) and its screen.
fn interview(template: &str, width: u16, height: u16) -> App {
    let doc = Document::unsaved(common::scenario("support-assistant"), None);
    let mut a = App::new(doc, common::builtin(), None);
    a.today = Some(DATE.into());
    a.update(Msg::Resize { width, height });
    a.start_interview(Some(PathBuf::from("/work/acme/plan.ron")));
    let i = USE_CASES.iter().position(|u| u.name == template).unwrap();
    for _ in 0..i {
        key(&mut a, Key::Down);
    }
    key(&mut a, Key::Enter);
    key(&mut a, Key::Enter);
    assert_eq!(state(&a).stage, Stage::Ask);
    a
}

fn state(a: &App) -> &InterviewState {
    match a.mode() {
        Mode::Interview(i) => i,
        _ => panic!("not in the interview"),
    }
}

/// Tab to question `index` (each passed over is noted as skipped).
fn to_question(a: &mut App, index: usize) {
    while state(a).index < index {
        key(a, Key::Tab);
    }
}

fn screen(a: &App) -> String {
    let (w, h) = (a.size.width, a.size.height);
    text_rows(&render(a, w, h, &Theme::plain())).join("\n")
}

/// The screen's text with the panel's borders and line breaks taken out,
/// so a wrapped preview reads as one line.
fn flowed(a: &App) -> String {
    screen(a)
        .lines()
        .map(|l| {
            // The left panel only: the projection is beside it.
            let left: String = l.chars().take_while(|c| *c != '┐' && *c != '┤').collect();
            let left = left.split("││").next().unwrap_or("").to_string();
            left.trim_matches(|c| c == '│' || c == ' ').to_string()
        })
        .collect::<Vec<_>>()
        .join(" ")
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
}

/// Esc into the workbench, Ctrl-S, and the plan as it is written.
fn saved(a: &mut App) -> Scenario {
    key(a, Key::Esc);
    assert!(matches!(a.mode(), Mode::Normal));
    let effects = a.update(Msg::Key(KeyChord::ctrl('s')));
    let (path, text) = save_asked(&effects).unwrap_or_else(|| panic!("Ctrl-S saves: {effects:?}"));
    assert_eq!(path, PathBuf::from("/work/acme/plan.ron"));
    parse_plan(text.as_bytes(), &common::builtin()).unwrap()
}

fn source(s: &Scenario, f: Field) -> (String, Confidence) {
    let x = s.sources.iter().find(|x| x.field == f.path()).unwrap();
    (x.source.clone(), x.confidence)
}

/// One reproduction: the support question `index`, the words typed, the
/// preview promised and the input and its value in the saved plan.
struct Case {
    index: usize,
    typed: &'static str,
    preview: &'static str,
    field: Field,
    value: f64,
}

const REPRODUCTIONS: [Case; 7] = [
    Case {
        index: 0,
        typed: "about 2,500 a day this month",
        preview: "2,500 a day → 2,500 req/day",
        field: Field::Plan(P::RequestsPerDay),
        value: 2500.0,
    },
    Case {
        index: 2,
        typed: "3 months, within the year",
        preview: "3 months → 3 months",
        field: Field::Plan(P::RampMonths),
        value: 3.0,
    },
    Case {
        index: 4,
        typed: "3 minutes, that's what QA says",
        preview: "3 minutes → 3 min",
        field: Field::Plan(P::MinutesPerReview),
        value: 3.0,
    },
    Case {
        index: 1,
        typed: "shrinking, -2 % a month",
        preview: "−2 % a month → −2 %/month",
        field: Field::Plan(P::MonthlyGrowth),
        value: -2.0,
    },
    Case {
        index: 9,
        typed: "5m",
        preview: "5 minutes → 5 min/request",
        field: Field::Plan(P::MinutesSaved),
        value: 5.0,
    },
    // The same shorthand on a money question is millions; `2 k` thousands.
    Case {
        index: 11,
        typed: "5m",
        preview: "$5,000,000 → $5,000,000 once",
        field: Field::Plan(P::BuildCost),
        value: 5_000_000.0,
    },
    Case {
        index: 8,
        typed: "2 k",
        preview: "$2,000 → $2,000 /error",
        field: Field::Plan(P::CostPerError),
        value: 2000.0,
    },
];

#[test]
fn the_five_reproductions_are_saved_as_the_client_said_them() {
    for (w, h) in [(120, 40), (80, 24)] {
        for c in &REPRODUCTIONS {
            let mut a = interview("support", w, h);
            to_question(&mut a, c.index);
            let q = &for_use_case("support")[c.index];
            typed(&mut a, c.typed);
            // The preview under the answer says what will be recorded, and
            // it is on the screen.
            let Some(Preview::Records {
                text,
                doubt,
                confidence,
                ..
            }) = state(&a).preview(&a)
            else {
                panic!("{}: {:?}", c.typed, state(&a).preview(&a))
            };
            assert_eq!((text.as_str(), doubt), (c.preview, None), "{}", c.typed);
            assert_eq!(confidence, Confidence::Medium);
            let shown = flowed(&a);
            assert!(
                shown.contains(c.preview),
                "{w}×{h} {}:\n{}",
                c.typed,
                screen(&a)
            );
            assert!(
                shown.contains(&format!("Recorded as: {CLIENT}, Medium")),
                "{}",
                screen(&a)
            );
            key(&mut a, Key::Enter);
            assert_eq!(
                state(&a).index,
                c.index + 1,
                "{}: taken with one Enter",
                c.typed
            );
            let plan = saved(&mut a);
            let got = c.field.get(&plan).unwrap();
            assert_eq!(got, c.value, "{}: the saved plan", c.typed);
            // What was shown is what was written.
            let recorded = field_value(c.field, got, &plan.currency);
            assert!(
                c.preview.ends_with(&recorded),
                "{} vs {recorded}",
                c.preview
            );
            assert_eq!(
                source(&plan, c.field),
                (CLIENT.to_string(), Confidence::Medium),
                "{}",
                c.typed
            );
            let line = format!("- {} “{}” → {recorded}", q.ask, c.typed);
            assert!(plan.notes.contains(&line), "{line}\nin:\n{}", plan.notes);
            // The questions passed over on the way are in the notes too.
            for skipped in &for_use_case("support")[..c.index] {
                let noted = format!("- {} — skipped; template default", skipped.ask);
                assert!(plan.notes.contains(&noted), "{noted}\nin:\n{}", plan.notes);
            }
        }
    }
}

#[test]
fn a_doubtful_reading_is_shown_and_needs_a_second_enter() {
    for (w, h) in [(120, 40), (80, 24)] {
        let mut a = interview("support", w, h);
        typed(&mut a, "about 40 agents");
        let Some(Preview::Records { doubt: Some(d), .. }) = state(&a).preview(&a) else {
            panic!("{:?}", state(&a).preview(&a))
        };
        assert!(d.contains("“agents” are people"), "{d}");
        assert!(
            flowed(&a).contains("Enter twice to record it as shown"),
            "{}",
            screen(&a)
        );
        key(&mut a, Key::Enter);
        assert_eq!(state(&a).index, 0, "not taken on the first Enter");
        assert_eq!(a.doc().plan.workload.requests_per_day, 2500.0);
        assert!(
            flowed(&a).contains("Enter again records it as shown"),
            "{}",
            screen(&a)
        );
        // Changing the answer asks again.
        key(&mut a, Key::Backspace);
        typed(&mut a, "s");
        key(&mut a, Key::Enter);
        assert_eq!(state(&a).index, 0, "changed words are a new answer");
        key(&mut a, Key::Enter);
        assert_eq!(state(&a).index, 1);
        let plan = saved(&mut a);
        assert_eq!(
            plan.workload.requests_per_day, 40.0,
            "the consultant confirmed it"
        );
        assert!(
            plan.notes.contains("“about 40 agents” → 40 req/day"),
            "{}",
            plan.notes
        );
    }
}

#[test]
fn what_cannot_be_read_is_refused_with_what_was_heard() {
    let mut a = interview("support", 120, 40);
    to_question(&mut a, 4);
    typed(&mut a, "15%");
    let Some(Preview::Refused(why)) = state(&a).preview(&a) else {
        panic!()
    };
    assert!(
        why.contains("heard 15 %") && why.contains("minutes"),
        "{why}"
    );
    let before = a.doc().plan.clone();
    key(&mut a, Key::Enter);
    assert_eq!((state(&a).index, &a.doc().plan), (4, &before));
    assert!(flowed(&a).contains("⚠ heard 15 %"), "{}", screen(&a));
    // Outside what the input allows: the reading and the input, named.
    a.update(Msg::Key(KeyChord::ctrl('u')));
    typed(&mut a, "-5 minutes");
    key(&mut a, Key::Enter);
    let why = state(&a).error.clone().unwrap();
    assert!(
        why.starts_with("heard −5 minutes, but Minutes per review would be −5"),
        "{why}"
    );
}

#[test]
fn no_idea_keeps_the_default_low_and_says_so_in_the_notes() {
    let mut a = interview("support", 80, 24);
    let template = a.doc().plan.clone();
    // An answer, then the client takes it back: the default returns.
    typed(&mut a, "2k a day");
    key(&mut a, Key::Enter);
    assert_eq!(a.doc().plan.workload.requests_per_day, 2000.0);
    key(&mut a, Key::BackTab);
    a.update(Msg::Key(KeyChord::ctrl('u')));
    typed(&mut a, "no idea");
    let Some(Preview::Keeps(kept)) = state(&a).preview(&a) else {
        panic!()
    };
    assert!(
        kept.contains("client did not know") && kept.contains("2,500 req/day"),
        "{kept}"
    );
    assert!(
        flowed(&a).contains("Stays: template default, Low"),
        "{}",
        screen(&a)
    );
    key(&mut a, Key::Enter);
    assert_eq!(state(&a).index, 1);
    typed(&mut a, "don't know");
    key(&mut a, Key::Enter);
    typed(&mut a, "skip");
    key(&mut a, Key::Enter);
    assert_eq!(state(&a).index, 3);
    // Past the rest with Tab: the end counts them.
    while state(&a).stage == Stage::Ask {
        key(&mut a, Key::Tab);
    }
    let done = flowed(&a);
    assert!(
        done.contains(
            "0 answered by the client, 14 kept the template default (3 the client did not know)"
        ),
        "{done}"
    );
    key(&mut a, Key::Enter);
    let plan = {
        let effects = a.update(Msg::Key(KeyChord::ctrl('s')));
        let (_, text) = save_asked(&effects).expect("Ctrl-S saves");
        parse_plan(text.as_bytes(), &common::builtin()).unwrap()
    };
    let qs = for_use_case("support");
    for (i, field) in [P::RequestsPerDay, P::MonthlyGrowth, P::RampMonths]
        .into_iter()
        .enumerate()
    {
        let f = Field::Plan(field);
        assert_eq!(f.get(&plan), f.get(&template), "{}", qs[i].ask);
        let (src, conf) = source(&plan, f);
        assert!(
            src.starts_with(TEMPLATE_DEFAULT) && conf == Confidence::Low,
            "{src}"
        );
        assert!(
            plan.notes.contains(&format!("- {} “", qs[i].ask))
                && plan
                    .notes
                    .contains("→ client did not know; template default"),
            "{}",
            plan.notes
        );
    }
    assert_eq!(plan.uncertainty, template.uncertainty);
    // Every question was asked: every one is in the notes.
    for q in qs {
        assert!(
            plan.notes.contains(&format!("- {} ", q.ask)),
            "{}: {}",
            q.ask,
            plan.notes
        );
    }
    assert!(plan.notes.contains("- How many conversations a day, today? “no idea” → client did not know; template default 2,500 req/day kept (Low)"), "{}", plan.notes);
}

#[test]
fn hedges_guesses_weekdays_and_none_as_clients_say_them() {
    // "about 4k, maybe 6k by summer": 4,000 with the range, the words noted.
    let mut a = interview("support", 120, 40);
    typed(&mut a, "about 4k, maybe 6k by summer");
    key(&mut a, Key::Enter);
    typed(&mut a, "not sure, maybe 3 %");
    key(&mut a, Key::Enter);
    let plan = saved(&mut a);
    assert_eq!(plan.workload.requests_per_day, 4000.0);
    let r = common::range_of(&plan, "workload.requests_per_day");
    assert_eq!((r.low, r.high), (4000.0, 6000.0));
    assert!(
        plan.notes.contains(
            "“about 4k, maybe 6k by summer” → 4,000 req/day (range 4,000 req/day – 6,000 req/day)"
        ),
        "{}",
        plan.notes
    );
    // A guess is the client's, Low.
    let f = Field::Plan(P::MonthlyGrowth);
    assert_eq!(
        (f.get(&plan), source(&plan, f)),
        (Some(3.0), (CLIENT.to_string(), Confidence::Low))
    );
    assert!(
        plan.notes
            .contains("“not sure, maybe 3 %” → 3 %/month [Low: a guess]"),
        "{}",
        plan.notes
    );

    // Documents: "weekdays" is 22 days; "none" is 0 where 0 is allowed.
    let mut a = interview("documents", 80, 24);
    key(&mut a, Key::Tab);
    typed(&mut a, "weekdays");
    key(&mut a, Key::Enter);
    to_question(&mut a, 3);
    typed(&mut a, "none");
    key(&mut a, Key::Enter);
    let plan = saved(&mut a);
    assert_eq!(plan.workload.days_per_month, 22.0);
    assert_eq!(plan.workload.batch_pct, 0.0);
    assert!(
        plan.notes.contains("“weekdays” → 22 days"),
        "{}",
        plan.notes
    );

    // "none" where 0 is not allowed is refused, naming the input.
    let mut a = interview("coding-assistant", 80, 24);
    key(&mut a, Key::Tab);
    typed(&mut a, "none");
    key(&mut a, Key::Enter);
    let why = state(&a).error.clone().unwrap();
    assert!(
        why.contains("heard “none” = 0") && why.contains("Model calls per request"),
        "{why}"
    );
}

fn keystroke() -> impl proptest::strategy::Strategy<Value = Vec<KeyChord>> {
    use proptest::prelude::*;
    let key = prop_oneof![
        4 => "[ -~€£–−’]{1,12}".prop_map(|s| s.chars().map(KeyChord::ch).collect::<Vec<_>>()),
        2 => Just(vec![KeyChord::plain(Key::Enter)]),
        1 => Just(vec![KeyChord::plain(Key::Tab)]),
        1 => Just(vec![KeyChord::plain(Key::BackTab)]),
        1 => Just(vec![KeyChord::plain(Key::Backspace)]),
        1 => Just(vec![KeyChord::ctrl('u')]),
        1 => Just(vec![KeyChord::ctrl('t')]),
    ];
    prop::collection::vec(key, 1..30).prop_map(|v| v.concat())
}

proptest::proptest! {
    #![proptest_config(proptest::prelude::ProptestConfig::with_cases(24))]

    /// Whatever is typed, the interview and its screen never panic, and the
    /// plan it builds stays one that validates.
    #[test]
    fn no_keys_typed_into_the_interview_panic(keys in keystroke(), narrow: bool) {
        let (w, h) = if narrow { (80, 24) } else { (120, 40) };
        let mut a = interview("support", w, h);
        for (i, k) in keys.into_iter().enumerate() {
            let enter = k == KeyChord::plain(Key::Enter);
            a.update(Msg::Key(k));
            if !matches!(a.mode(), Mode::Interview(_)) {
                break;
            }
            // The screen after each answer taken or refused, and now and then.
            if enter || i % 8 == 0 {
                let _ = screen(&a);
            }
        }
        proptest::prop_assert!(runcost::model::validate(&a.doc().plan).is_empty());
    }
}
