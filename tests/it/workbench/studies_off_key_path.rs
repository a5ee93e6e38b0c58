//! The analysis views (tornado `t`, presentation mode `P`, break-even `B`)
//! open at once and compute nothing on the key path: they ask the worker for
//! their study (`Effect::Study`), show "computing…", and fill in when the
//! answer (`Msg::Studied`) arrives; an answer about an older revision is
//! dropped. Inline analysis (tests, tools) computes at once, as before.

use crate::common;

use common::ui::{self, ACME, ch, key, open, select, sized};
use common::{builtin, scenario};
use runcost::app::keymap::Key;
use runcost::app::rows::Row;
use runcost::app::session::{Findings, Study, study};
use runcost::app::{Analysis, App, DocId, Effect, Mode, Msg};
use runcost::model::analysis::metric::Metric;
use runcost::model::fields::Field;

fn app(analysis: Analysis) -> App {
    let mut a = open(scenario("support-assistant"), ACME, None);
    a.session.analysis = analysis;
    sized(a, 120, 40)
}

fn screen(a: &App) -> String {
    ui::screen(a, 120, 40)
}

/// The study requests among `effects`: (doc, generation, plan, study).
fn requests(effects: &[Effect]) -> Vec<(DocId, u64, runcost::model::Scenario, Study)> {
    effects
        .iter()
        .filter_map(|e| match e {
            Effect::Study {
                doc,
                generation,
                plan,
                study,
            } => Some((*doc, *generation, (**plan).clone(), *study)),
            _ => None,
        })
        .collect()
}

/// What the worker does with a request.
fn answer(req: &(DocId, u64, runcost::model::Scenario, Study)) -> Msg {
    Msg::Studied {
        doc: req.0,
        generation: req.1,
        findings: Box::new(study(&req.2, &builtin(), req.3)),
    }
}

fn tornado(a: &App) -> (&[runcost::model::analysis::sensitivity::Swing], bool) {
    let Mode::Tornado(t) = a.mode() else {
        panic!("tornado")
    };
    (&t.swings, t.computing)
}

#[test]
fn with_a_worker_opening_the_tornado_computes_nothing_and_the_answer_fills_it() {
    let inline_swings = {
        let mut a = app(Analysis::Inline);
        ch(&mut a, 't');
        tornado(&a).0.to_vec()
    };
    assert!(!inline_swings.is_empty());

    let mut a = app(Analysis::Background);
    let before = a.derived().inline_studies();
    let effects = ch(&mut a, 't');
    assert_eq!(
        a.derived().inline_studies(),
        before,
        "no sensitivity inline"
    );
    let asked = requests(&effects);
    assert_eq!(asked.len(), 1, "{effects:?}");
    assert_eq!(asked[0].0, a.session.active_id());
    assert_eq!(asked[0].1, a.doc().revision);
    assert_eq!(asked[0].2, a.doc().plan);
    assert_eq!(asked[0].3, Study::Sensitivity(Metric::Tco));

    // Open at once, empty, saying so.
    let (swings, computing) = tornado(&a);
    assert!(swings.is_empty() && computing);
    assert!(screen(&a).contains("computing…"), "{}", screen(&a));

    // A key while waiting asks for nothing more.
    assert!(requests(&key(&mut a, Key::Down)).is_empty());

    // The answer fills the tornado in, with what inline computes.
    assert!(a.update(answer(&asked[0])).is_empty());
    let (swings, computing) = tornado(&a);
    assert!(!computing);
    assert_eq!(swings, &inline_swings[..]);
    assert!(!screen(&a).contains("computing…"));
    assert_eq!(
        a.derived().inline_studies(),
        before,
        "never on the key path"
    );

    // Enter still jumps to the input.
    key(&mut a, Key::Enter);
    assert!(matches!(a.mode(), Mode::Normal));
    assert_eq!(a.selected_row(), Some(Row::Field(inline_swings[0].field)));

    // Reopened on the same revision: shown at once, nothing asked.
    let effects = ch(&mut a, 't');
    assert!(requests(&effects).is_empty(), "{effects:?}");
    let (swings, computing) = tornado(&a);
    assert!(!computing);
    assert_eq!(swings, &inline_swings[..]);
}

#[test]
fn an_answer_about_an_older_revision_is_dropped() {
    let mut a = app(Analysis::Background);
    let first = requests(&ch(&mut a, 't'));
    key(&mut a, Key::Esc);
    // An edit (volume up), then the tornado again: a newer request.
    select(&mut a, Row::Field(Field::RequestsPerDay));
    key(&mut a, Key::Right);
    let second = requests(&ch(&mut a, 't'));
    assert_eq!((first.len(), second.len()), (1, 1));
    assert!(second[0].1 > first[0].1);

    a.update(answer(&first[0]));
    let (swings, computing) = tornado(&a);
    assert!(
        computing && swings.is_empty(),
        "the stale answer was dropped"
    );

    a.update(answer(&second[0]));
    let (swings, computing) = tornado(&a);
    assert!(!computing);
    let Findings::Sensitivity(_, expected) =
        study(&a.doc().plan, &builtin(), Study::Sensitivity(Metric::Tco))
    else {
        panic!()
    };
    assert_eq!(swings, &expected[..], "of the plan as it is now");
}

#[test]
fn with_a_worker_the_panels_open_computing_and_fill_in() {
    // Presentation mode: the top five drivers.
    let mut a = app(Analysis::Background);
    let asked = requests(&ch(&mut a, 'P'));
    assert_eq!(asked.len(), 1);
    assert_eq!(asked[0].3, Study::Sensitivity(Metric::Tco));
    let Mode::Present(p) = a.mode() else { panic!() };
    assert!(p.computing && p.top.is_empty());
    assert!(screen(&a).contains("computing…"));
    a.update(answer(&asked[0]));
    let Mode::Present(p) = a.mode() else { panic!() };
    assert!(!p.computing);
    assert_eq!(p.top.len(), 5);
    let Findings::Sensitivity(_, expected) =
        study(&a.doc().plan, &builtin(), Study::Sensitivity(Metric::Tco))
    else {
        panic!()
    };
    assert_eq!(
        p.top[..],
        expected[..5],
        "the worker's top five, largest first"
    );
    assert!(!screen(&a).contains("computing…"));
    assert_eq!(a.derived().inline_studies(), 0);

    // Break-even.
    let mut a = app(Analysis::Background);
    let asked = requests(&ch(&mut a, 'B'));
    assert_eq!(asked.len(), 1);
    assert_eq!(asked[0].3, Study::Breakeven);
    let Mode::Breakeven(b) = a.mode() else {
        panic!()
    };
    assert!(b.computing && b.text.is_empty());
    assert!(screen(&a).contains("computing…"));
    a.update(answer(&asked[0]));
    let Mode::Breakeven(b) = a.mode() else {
        panic!()
    };
    assert!(!b.computing);
    assert!(b.text.contains("break-even at"), "{}", b.text);
    assert!(screen(&a).contains("break-even at"));
    assert!(!screen(&a).contains("computing…"));
    assert_eq!(a.derived().inline_studies(), 0);
}

#[test]
fn inline_analysis_computes_at_once_and_once_per_revision() {
    let mut a = app(Analysis::Inline);
    let effects = ch(&mut a, 't');
    assert!(requests(&effects).is_empty(), "nothing asked of a runtime");
    let (swings, computing) = tornado(&a);
    assert!(!computing && !swings.is_empty());
    assert_eq!(a.derived().inline_studies(), 1);
    key(&mut a, Key::Esc);
    // Presentation mode uses the same sensitivity: not computed again.
    ch(&mut a, 'P');
    let Mode::Present(p) = a.mode() else { panic!() };
    assert_eq!(p.top.len(), 5);
    assert_eq!(a.derived().inline_studies(), 1);
    ch(&mut a, 'x');
    ch(&mut a, 'B');
    assert_eq!(
        a.derived().inline_studies(),
        2,
        "break-even is its own study"
    );
}
