//! Issue 22 in the workbench: the headline leads with cash TCO, the
//! estimates beside it marked "est." and never summed into it, value with the
//! FTE it stands for; the plan's own categories only; cases beside the plan
//! (`w` shows a case, `W` makes one from the what-if); the sentence when the
//! system is wrong more often than today's process.

use crate::common;

use common::ui::{ch, ctrl, key, open, save_asked, screen, select, typed};
use common::{fixture, load};
use runcost::app::keymap::Key;
use runcost::app::rows::Row;
use runcost::app::{App, Mode};
use runcost::model::cases::project_cases;
use runcost::model::fields::Field;
use runcost::model::quality::worse_than_today;
use runcost::numbers::{money, money_short};

const FILE: &str = "/work/v3.ron";

fn v3() -> App {
    let plan = load(&fixture("spec/v3-support-cash-vs-risk.ron"));
    common::ui::sized(open(plan, FILE, None), 120, 40)
}

/// The projection pane's first headline row.
fn first_figures(app: &App, w: u16, h: u16) -> String {
    let text = screen(app, w, h);
    text.lines()
        .find(|l| l.contains("Cash TCO"))
        .unwrap_or_else(|| panic!("no Cash TCO on screen:\n{text}"))
        .to_string()
}

/// The first money figure after "Cash TCO" on the row.
fn cash_shown(row: &str) -> String {
    let after = row.split("Cash TCO").nth(1).unwrap();
    after.split_whitespace().next().unwrap().to_string()
}

#[test]
fn the_headline_leads_with_cash_tco_and_marks_the_estimates() {
    let a = v3();
    let t = a.projection().totals;
    for (w, h) in [(120, 40), (80, 24), (160, 48)] {
        let row = first_figures(&a, w, h);
        // The projection pane's first figure is cash TCO, in full.
        let pane = row.split('│').rfind(|c| c.contains("Cash TCO")).unwrap();
        assert!(pane.trim_start().starts_with("Cash TCO"), "{w}x{h}: {row}");
        assert_eq!(cash_shown(&row), money(t.cash_tco, "USD"), "{w}x{h}");
        // The expected cost of wrong answers sits beside it, marked.
        let text = screen(&a, w, h);
        assert!(text.contains("Wrong ans. est."), "{w}x{h}:\n{text}");
        assert!(text.contains("Quality est."), "{w}x{h}:\n{text}");
        // Value says the people it stands for.
        let fte = runcost::numbers::fte(t.peak_fte_saved);
        assert!(text.contains(&format!("= {fte}")), "{w}x{h}:\n{text}");
    }
    // Never summed: cash TCO is less than the TCO with losses by exactly
    // the expected cost of wrong answers.
    assert!((t.tco - t.cash_tco - t.expected_error_cost).abs() < 1e-6);
    assert!(t.expected_error_cost > 0.0);
}

#[test]
fn the_band_sits_beside_the_tco_it_is_of_not_beside_cash() {
    let a = v3();
    let text = screen(&a, 120, 40);
    let band_row = text.lines().find(|l| l.contains("P10–P90")).unwrap();
    assert!(band_row.contains("TCO w/ losses"), "{band_row}");
    assert!(!band_row.contains("Cash TCO"), "{band_row}");
}

#[test]
fn the_case_key_shows_each_case_then_the_plan_again() {
    let mut a = v3();
    let cases = project_cases(&a.doc().plan);
    assert_eq!(cases.len(), 2);
    let base = money(a.projection().totals.cash_tco, "USD");
    assert_eq!(cash_shown(&first_figures(&a, 120, 40)), base);
    for case in &cases {
        ch(&mut a, 'w');
        assert_eq!(a.case_shown().map(|(_, n)| n), Some(case.name.as_str()));
        let row = first_figures(&a, 120, 40);
        assert_eq!(cash_shown(&row), money(case.totals.cash_tco, "USD"));
        let text = screen(&a, 120, 40);
        assert!(text.contains(&format!("case {:?}", case.name)), "{text}");
        // The band is of the plan, so it is not shown beside a case.
        assert!(text.contains("plan only"), "{text}");
    }
    ch(&mut a, 'w');
    assert_eq!(a.case_shown(), None);
    assert_eq!(cash_shown(&first_figures(&a, 120, 40)), base);
}

#[test]
fn cases_sit_side_by_side_with_the_plan() {
    let a = v3();
    let text = screen(&a, 120, 40);
    let row = |name: &str| {
        text.lines()
            .find(|l| l.contains(name) && l.contains('$'))
            .unwrap_or_else(|| panic!("no row {name}:\n{text}"))
            .to_string()
    };
    assert!(row("The plan").contains(&money_short(a.projection().totals.cash_tco, "USD")));
    for case in project_cases(&a.doc().plan) {
        assert!(
            row(&case.name).contains(&money_short(case.totals.cash_tco, "USD")),
            "{text}"
        );
    }
}

#[test]
fn making_a_case_from_the_what_if_writes_it_into_the_saved_plan_as_version_3() {
    // A version-1 plan (the support example before version 3): the case
    // makes it version 3.
    let old = load(&fixture("spec/support-assistant.ron"));
    let mut a = common::ui::sized(open(old, FILE, None), 120, 40);
    assert!(a.doc().plan.format_version() < 3);
    let saved = a.doc().plan.clone();
    select(&mut a, Row::Field(Field::RequestsPerDay));
    key(&mut a, Key::Right);
    let what_if = a.doc().plan.workload.requests_per_day;
    assert_ne!(what_if, saved.workload.requests_per_day);
    ch(&mut a, 'W');
    assert!(matches!(a.mode(), Mode::Edit(_)), "W asks the case's name");
    ctrl(&mut a, 'u');
    typed(&mut a, "Busier");
    key(&mut a, Key::Enter);
    let plan = &a.doc().plan;
    assert_eq!(plan.cases.len(), 1);
    assert_eq!(plan.cases[0].name, "Busier");
    let set: Vec<(String, f64)> = plan.cases[0]
        .set
        .iter()
        .map(|v| (v.field.path().into_owned(), v.value))
        .collect();
    assert_eq!(set, [("workload.requests_per_day".to_string(), what_if)]);
    // The plan itself is the saved one again; the case shows.
    assert_eq!(
        plan.workload.requests_per_day,
        saved.workload.requests_per_day
    );
    assert_eq!(plan.format_version(), 3);
    assert_eq!(a.case_shown().map(|(_, n)| n), Some("Busier"));
    let (_, text) = save_asked(&ctrl(&mut a, 's')).expect("Ctrl-S saves");
    assert!(text.contains("version: 3"), "{text}");
    assert!(text.contains("Busier"), "{text}");
    // One undo takes the case back and restores the what-if.
    ch(&mut a, 'u');
    assert!(a.doc().plan.cases.is_empty());
    assert_eq!(a.doc().plan.workload.requests_per_day, what_if);
}

#[test]
fn a_case_name_the_plan_has_is_refused() {
    let mut a = v3();
    select(&mut a, Row::Field(Field::RequestsPerDay));
    key(&mut a, Key::Right);
    ch(&mut a, 'W');
    ctrl(&mut a, 'u');
    typed(&mut a, "Cautious");
    key(&mut a, Key::Enter);
    assert!(matches!(a.mode(), Mode::Edit(_)), "the box stays open");
    assert_eq!(a.doc().plan.cases.len(), 2);
}

#[test]
fn without_a_what_if_w_makes_no_case_and_says_why() {
    let mut a = v3();
    ch(&mut a, 'W');
    assert!(matches!(a.mode(), Mode::Normal));
    let said = a
        .status
        .as_ref()
        .map(|s| s.text.clone())
        .unwrap_or_default();
    assert!(said.contains("change an input first"), "{said}");
}

#[test]
fn tools_and_people_appear_only_when_the_plan_has_them() {
    let a = v3();
    let text = screen(&a, 120, 40);
    assert!(text.contains("Tools"), "{text}");
    assert!(text.contains("People"), "{text}");
    // The support example before version 3: no tools, no team.
    let plain = load(&fixture("spec/support-assistant.ron"));
    assert!(plain.people.is_empty() && plain.workload.tools.is_empty());
    let plain = common::ui::sized(open(plain, FILE, None), 160, 48);
    let text = screen(&plain, 160, 48);
    let pane: String = text
        .lines()
        .map(|l| l.rsplit('│').nth(1).unwrap_or(""))
        .collect();
    assert!(!pane.contains("Tools"), "{text}");
    assert!(!pane.contains("People"), "{text}");
}

#[test]
fn the_workbench_says_when_the_system_is_wrong_more_often_than_today() {
    let mut plan = load(&fixture("spec/v3-support-cash-vs-risk.ron"));
    plan.oversight.flagged_recall_pct = None;
    plan.value.baseline_error_rate_pct = 0.5;
    let t = runcost::model::project(&plan).totals;
    assert!(worse_than_today(&plan, &t).is_some());
    let a = common::ui::sized(open(plan, FILE, None), 120, 40);
    let text = screen(&a, 120, 40).replace("│\n│", " ");
    assert!(
        text.contains("wrong more often than today"),
        "not said:\n{text}"
    );
    // And not when it is not.
    let b = v3();
    assert!(worse_than_today(&b.doc().plan, &b.projection().totals).is_none());
    assert!(!screen(&b, 120, 40).contains("more often than today"));
}

/// The cursor on `row`, by moving down from the top.
fn go_to(a: &mut App, row: Row) {
    for _ in 0..400 {
        if a.rows.get(a.selected) == Some(&row) {
            return;
        }
        key(a, Key::Down);
    }
    panic!("row {row:?} not reached");
}

#[test]
fn tools_roles_and_price_changes_are_added_named_and_removed_like_lines() {
    use runcost::app::rows::{Line, TextField};
    let mut a = v3();
    let tools = a.doc().plan.workload.tools.len();
    go_to(&mut a, Row::AddLine(Line::Tool));
    ch(&mut a, 'i');
    assert!(
        matches!(a.mode(), Mode::Edit(_)),
        "a new tool asks its name"
    );
    ctrl(&mut a, 'u');
    typed(&mut a, "web search");
    key(&mut a, Key::Enter);
    let plan = &a.doc().plan;
    assert_eq!(plan.workload.tools.len(), tools + 1);
    assert_eq!(plan.workload.tools[tools].name, "web search");
    // Its inputs sit under its name; d on one removes the tool.
    go_to(&mut a, Row::Text(TextField::ToolName(tools)));
    key(&mut a, Key::Down);
    assert!(matches!(
        a.rows[a.selected],
        Row::Field(Field::Tool(i, _)) if i == tools
    ));
    ch(&mut a, 'd');
    assert_eq!(a.doc().plan.workload.tools.len(), tools);

    // A role: i on a role's line adds another, asking its role.
    let people = a.doc().plan.people.len();
    go_to(&mut a, Row::Text(TextField::Role(0)));
    ch(&mut a, 'i');
    ctrl(&mut a, 'u');
    typed(&mut a, "On-call");
    key(&mut a, Key::Enter);
    assert_eq!(a.doc().plan.people.len(), people + 1);
    assert_eq!(a.doc().plan.people[people].role, "On-call");
    // A role another line has is refused.
    go_to(&mut a, Row::Text(TextField::Role(people)));
    key(&mut a, Key::Enter);
    ctrl(&mut a, 'u');
    typed(&mut a, "Evaluation engineer");
    key(&mut a, Key::Enter);
    assert!(matches!(a.mode(), Mode::Edit(_)), "names are unique");
    key(&mut a, Key::Esc);

    // A price change goes after the last one.
    let steps = a.doc().plan.change.price_steps.clone();
    go_to(&mut a, Row::AddLine(Line::PriceStep));
    key(&mut a, Key::Enter);
    let now = &a.doc().plan.change.price_steps;
    assert_eq!(now.len(), steps.len() + 1);
    assert_eq!(now.last().unwrap().month, steps.last().unwrap().month + 1);
    ch(&mut a, 'd');
    assert_eq!(a.doc().plan.change.price_steps, steps);
    assert!(runcost::model::validate(&a.doc().plan).is_empty());
}

#[test]
fn the_change_line_leads_with_cash_and_gives_the_estimate_beside_it() {
    let mut a = common::ui::sized(
        open(common::scenario("support-assistant"), FILE, None),
        120,
        40,
    );
    let before = a.projection().totals;
    select(&mut a, Row::Field(Field::RequestsPerDay));
    key(&mut a, Key::Right);
    let after = a.projection().totals;
    let ch = a.last_change.clone().expect("a change");
    assert_eq!(
        (ch.cash_before, ch.cash_after),
        (before.cash_tco, after.cash_tco)
    );
    assert_eq!(ch.month_cash_after, a.projection().months[11].cash);
    let text = screen(&a, 120, 40).replace('\u{a0}', " ");
    let cash = money(after.cash_tco - before.cash_tco, "USD");
    assert!(text.contains(&format!("cash TCO +{cash}")), "{text}");
    let losses = money(
        after.expected_error_cost - before.expected_error_cost,
        "USD",
    );
    assert!(
        text.contains(&format!("wrong ans. est. +{losses}")),
        "{text}"
    );
    assert!(text.contains("month 12 cash"), "{text}");
    // An input that moves no wrong answer says nothing of them.
    select(&mut a, Row::Field(Field::BuildCost));
    key(&mut a, Key::Right);
    let text = screen(&a, 120, 40).replace('\u{a0}', " ");
    assert!(text.contains("cash TCO +"), "{text}");
    assert!(!text.contains("wrong ans. est. +"), "{text}");
}
