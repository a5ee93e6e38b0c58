//! Hostile typed input in the workbench (issue 10, items 1–4 and parts of 24
//! and 25): multi-byte characters in every editor, typed values that must
//! replace the old one, numbers that must never be misread, big steps that
//! must equal ten small ones, and output that must not cut digits or reasons.

use crate::common;

use std::path::PathBuf;

use common::ui::{acme as app, acme_editing, draw, key as press, select, typed, value};
use common::{builtin, scenario};
use proptest::prelude::*;
use ratatui::style::Modifier;
use runcost::app::entry::{edit_text, parse_number, parse_range};
use runcost::app::keymap::{Key, KeyChord};
use runcost::app::rows::{Row, TextField};
use runcost::app::{App, Document, EditTarget, Mode, Msg, SaveAs, StatusKind};
use runcost::model::fields::Field;

fn edit_error(app: &App) -> Option<String> {
    match app.mode() {
        Mode::Edit(e) | Mode::SaveAs(SaveAs(e)) => e.error.clone(),
        _ => None,
    }
}

fn edit_text_shown(app: &App) -> String {
    match app.mode() {
        Mode::Edit(e) | Mode::SaveAs(SaveAs(e)) => e.input.lines().join(""),
        _ => panic!("no text box open"),
    }
}

// ----- item 1: one key must not kill the workbench -----

#[test]
fn euro_or_pound_first_in_the_range_editor_does_not_panic() {
    for first in ['€', '£', '¥', '−', '日'] {
        let mut a = app();
        select(&mut a, Row::Field(Field::RequestsPerDay));
        typed(&mut a, "r");
        assert!(matches!(a.mode(), Mode::Edit(_)), "range editor open");
        a.update(Msg::Key(KeyChord::ch(first)));
        assert!(edit_error(&a).is_some(), "{first}: refused with a message");
        draw(&mut a, 120, 40);
    }
    let mut a = app();
    select(&mut a, Row::Field(Field::RequestsPerDay));
    typed(&mut a, "r€1500-€3000");
    press(&mut a, Key::Enter);
    assert_eq!(a.range_of(Field::RequestsPerDay), Some((1500.0, 3000.0)));
}

#[test]
fn ranges_with_symbols_and_signs_split_on_the_right_dash() {
    assert_eq!(
        parse_range(Field::BuildCost, "£5000-£90000", 10_000.0),
        Ok(Some((5000.0, 90_000.0)))
    );
    assert_eq!(
        parse_range(Field::MonthlyGrowth, "-5--1", -2.0),
        Ok(Some((-5.0, -1.0)))
    );
    assert!(parse_range(Field::RequestsPerDay, "€", 2500.0).is_err());
    assert!(parse_range(Field::RequestsPerDay, "€-", 2500.0).is_err());
}

// ----- item 2: a typed value replaces the old one -----

#[test]
fn typing_over_a_value_replaces_it() {
    let mut a = app();
    select(&mut a, Row::Field(Field::RequestsPerDay));
    assert_eq!(value(&a, Field::RequestsPerDay), 2500.0);
    press(&mut a, Key::Enter);
    typed(&mut a, "5000");
    press(&mut a, Key::Enter);
    assert_eq!(value(&a, Field::RequestsPerDay), 5000.0, "not 25,005,000");
}

#[test]
fn arrows_home_and_end_keep_the_value_to_edit_it() {
    let mut a = acme_editing(Row::Field(Field::RequestsPerDay));
    press(&mut a, Key::End);
    typed(&mut a, "0");
    assert_eq!(edit_text_shown(&a), "25000");
    press(&mut a, Key::Esc);

    press(&mut a, Key::Enter);
    press(&mut a, Key::Home);
    typed(&mut a, "1");
    assert_eq!(edit_text_shown(&a), "12500");
    press(&mut a, Key::Esc);

    press(&mut a, Key::Enter);
    press(&mut a, Key::Right);
    typed(&mut a, "9");
    assert_eq!(edit_text_shown(&a), "25009");
    press(&mut a, Key::Esc);

    press(&mut a, Key::Enter);
    press(&mut a, Key::Left);
    typed(&mut a, "9");
    assert_eq!(edit_text_shown(&a), "92500");
    press(&mut a, Key::Enter);
    assert_eq!(value(&a, Field::RequestsPerDay), 92_500.0);
}

#[test]
fn backspace_delete_and_paste_replace_the_selection() {
    for k in [Key::Backspace, Key::Delete] {
        let mut a = acme_editing(Row::Field(Field::RequestsPerDay));
        press(&mut a, k);
        assert_eq!(edit_text_shown(&a), "", "{k:?} clears the selection");
        typed(&mut a, "3000");
        press(&mut a, Key::Enter);
        assert_eq!(value(&a, Field::RequestsPerDay), 3000.0);
    }
    let mut a = acme_editing(Row::Field(Field::RequestsPerDay));
    a.update(Msg::Paste("4,200".into()));
    press(&mut a, Key::Enter);
    assert_eq!(value(&a, Field::RequestsPerDay), 4200.0);
}

#[test]
fn names_and_ranges_open_selected_too() {
    let mut a = acme_editing(Row::Text(TextField::Client));
    typed(&mut a, "Globex");
    press(&mut a, Key::Enter);
    assert_eq!(a.doc().plan.client, "Globex");

    select(&mut a, Row::Field(Field::RequestsPerDay));
    typed(&mut a, "r1000 – 4000");
    press(&mut a, Key::Enter);
    typed(&mut a, "r2000 – 3000");
    press(&mut a, Key::Enter);
    assert_eq!(a.range_of(Field::RequestsPerDay), Some((2000.0, 3000.0)));
}

#[test]
fn the_edit_popup_shows_the_selection() {
    for (w, h) in [(120, 40), (80, 24)] {
        let mut a = acme_editing(Row::Field(Field::RequestsPerDay));
        let (rows, t) = draw(&mut a, w, h);
        let y = rows
            .iter()
            .position(|r| r.contains("│2500"))
            .unwrap_or_else(|| panic!("{w}x{h}: the value is shown\n{}", rows.join("\n")));
        let x = rows[y].chars().position(|c| c == '2').unwrap() as u16;
        let buf = t.backend().buffer();
        for dx in 0..4 {
            assert!(
                buf[(x + dx, y as u16)]
                    .modifier
                    .contains(Modifier::REVERSED),
                "{w}x{h}: digit {dx} of the value is drawn selected"
            );
        }
        assert!(
            rows.iter().any(|r| r.contains("typing replaces")),
            "{w}x{h}: the popup says typing replaces the value"
        );
        press(&mut a, Key::End);
        let (rows, t) = draw(&mut a, w, h);
        let buf = t.backend().buffer();
        assert!(
            !buf[(x, y as u16)].modifier.contains(Modifier::REVERSED),
            "{w}x{h}: End drops the selection"
        );
        assert!(!rows.iter().any(|r| r.contains("typing replaces")));
    }
}

// ----- item 3: the number parser never misreads -----

#[test]
fn numbers_people_type_are_read_as_they_mean_them() {
    let cases: &[(&str, f64)] = &[
        // thousands separators in groups of three
        ("2,500", 2500.0),
        ("1,500", 1500.0), // ambiguous: thousands, as documented
        ("1 000 000", 1e6),
        ("1\u{a0}000\u{a0}000", 1e6),
        ("1\u{2009}000", 1000.0),
        ("1\u{202f}000", 1000.0),
        ("12,345.6", 12345.6),
        ("1,234,567.89", 1_234_567.89),
        ("1.000.000", 1e6),
        ("1_000_000", 1e6),
        ("1'000", 1000.0),
        // decimal commas
        ("0,75", 0.75),
        ("1,5", 1.5),
        ("12,34", 12.34),
        ("1.000,5", 1000.5),
        ("1 000,5", 1000.5),
        ("0,750", 0.75),
        (",5", 0.5),
        // what was accepted before
        (" 2.5k ", 2500.0),
        ("$1.2M", 1_200_000.0),
        ("€2,500", 2500.0),
        ("£0.75", 0.75),
        ("2 500 €", 2500.0),
        ("15%", 15.0),
        ("15 %", 15.0),
        ("1e6", 1e6),
        ("1.5E-3", 0.0015),
        ("-3", -3.0),
        ("−3", -3.0),
        ("-$3", -3.0),
        ("$-3", -3.0),
        ("+7", 7.0),
        ("2b", 2e9),
        ("3K", 3000.0),
        ("2,5k", 2500.0),
        ("0.1", 0.1),
        ("5.", 5.0),
        (".5", 0.5),
    ];
    for (typed, want) in cases {
        assert_eq!(parse_number(typed), Ok(*want), "{typed:?}");
    }
}

#[test]
fn numbers_that_cannot_be_read_are_refused_with_the_reason() {
    let cases: &[(&str, &str)] = &[
        ("2,500 3,000", "looks like two numbers"),
        ("1 2 3", "looks like three numbers"),
        ("12 34", "looks like two numbers"),
        ("1.5 2.5", "looks like two numbers"),
        ("1\n2\n3", "line break"),
        ("1\r\n2", "line break"),
        ("1e3k", "both an exponent and a suffix"),
        ("2e5M", "both an exponent and a suffix"),
        ("12,34,5", "groups of three"),
        ("1,000,5", "groups of three"),
        ("1,0000,000", "groups of three"),
        ("1.5.2", "groups of three"),
        ("1,000.000.5", "cannot be read"),
        ("abc", "not a number"),
        ("NaN", "not a number"),
        ("inf", "not a number"),
        ("1e400", "too large"),
        ("$", "not a number"),
        ("e5", "not a number"),
        ("1500-3000", "not a number"),
        ("", "type a number"),
    ];
    for (typed, why) in cases {
        let err = parse_number(typed).expect_err(typed);
        assert!(err.contains(why), "{typed:?}: {err}");
    }
    // The message quotes what was typed.
    assert!(
        parse_number("2,500 3,000")
            .unwrap_err()
            .contains("‘2,500 3,000’")
    );
}

#[test]
fn a_pasted_column_is_refused_and_the_old_value_stays() {
    let mut a = acme_editing(Row::Field(Field::RequestsPerDay));
    a.update(Msg::Paste("1\n2\n3".into()));
    assert!(edit_error(&a).unwrap().contains("line break"));
    assert_eq!(edit_text_shown(&a), "2500", "the box keeps what it had");
    press(&mut a, Key::Enter);
    assert_eq!(value(&a, Field::RequestsPerDay), 2500.0);
    // A trailing newline from copying one cell is fine.
    press(&mut a, Key::Enter);
    a.update(Msg::Paste("3000\n".into()));
    press(&mut a, Key::Enter);
    assert_eq!(value(&a, Field::RequestsPerDay), 3000.0);
}

#[test]
fn a_decimal_comma_cached_price_is_not_a_hundred_times_more() {
    let mut a = acme_editing(Row::Field(Field::RequestsPerDay));
    typed(&mut a, "2,500 3,000");
    press(&mut a, Key::Enter);
    assert!(
        matches!(a.mode(), Mode::Edit(_)),
        "two numbers: the box stays open"
    );
    assert_eq!(value(&a, Field::RequestsPerDay), 2500.0);
    press(&mut a, Key::Esc);
    let f = Field::MaintenancePct;
    select(&mut a, Row::Field(f));
    press(&mut a, Key::Enter);
    typed(&mut a, "12,5");
    press(&mut a, Key::Enter);
    assert_eq!(value(&a, f), 12.5);
}

// ----- item 4: ten steps are ten presses -----

fn plan_after(keys: &[KeyChord], field: Field) -> runcost::model::Scenario {
    let mut a = app();
    select(&mut a, Row::Field(field));
    for k in keys {
        a.update(Msg::Key(*k));
    }
    a.doc().plan.clone()
}

#[test]
fn shift_arrows_equal_ten_presses() {
    let fields = [
        Field::RequestsPerDay,
        Field::BuildCost,
        Field::MonthlyGrowth,
        Field::CachedInput,
        Field::MaintenancePct,
        Field::Horizon,
    ];
    for f in fields {
        for (big, small) in [(Key::Left, Key::Left), (Key::Right, Key::Right)] {
            let once = plan_after(&[KeyChord::shift(big)], f);
            let ten = plan_after(&[KeyChord::plain(small); 10], f);
            assert_eq!(
                f.get(&once),
                f.get(&ten),
                "{f:?}: shift-{big:?} equals ten presses"
            );
        }
    }
    let mut a = app();
    select(&mut a, Row::Field(Field::RequestsPerDay));
    a.update(Msg::Key(KeyChord::shift(Key::Left)));
    let v = value(&a, Field::RequestsPerDay);
    assert_eq!(v, 250.0, "2,500 down ten rungs of the round-number ladder");
    assert!(a.projection().totals.roi_pct.is_none_or(|r| r > -100.0));
}

// ----- item 24: numbers that do not fit, labels, notes -----

fn set_requests(a: &mut App, text: &str) {
    select(a, Row::Field(Field::RequestsPerDay));
    press(a, Key::Enter);
    typed(a, text);
    press(a, Key::Enter);
}

/// Every number with thousands separators on screen has whole groups.
fn assert_no_cut_numbers(rows: &[String], what: &str) {
    for row in rows {
        for token in row.split(|c: char| !(c.is_ascii_digit() || c == ',')) {
            let token = token.trim_matches(',');
            if !token.contains(',') {
                continue;
            }
            let groups: Vec<&str> = token.split(',').collect();
            assert!(
                groups[1..].iter().all(|g| g.len() == 3),
                "{what}: {token:?} has cut digits in {row:?}"
            );
        }
    }
}

#[test]
fn the_monthly_table_never_cuts_digits_at_31_million_a_day() {
    for (w, h) in [(120, 40), (80, 24), (160, 48)] {
        // The example without its volume ceiling, so 31 M a day is served.
        let mut plan = scenario("support-assistant");
        plan.workload.max_requests_per_day = None;
        let mut a = common::ui::sized(common::ui::open(plan, common::ui::ACME, None), 120, 40);
        set_requests(&mut a, "31M");
        assert_eq!(value(&a, Field::RequestsPerDay), 31e6);
        let (rows, _) = draw(&mut a, w, h);
        assert_no_cut_numbers(&rows, &format!("{w}x{h}"));
        let table = rows
            .iter()
            .skip_while(|r| !r.contains("Month Requests"))
            .skip(1)
            .take(3)
            // The example's price band can leave room for one month at 80x24.
            .take_while(|r| !r.contains('└'))
            .cloned()
            .collect::<Vec<_>>();
        assert!(!table.is_empty(), "{w}x{h}: a month shows");
        assert!(
            table.iter().all(|r| r.contains("M ") || r.contains("B ")),
            "{w}x{h}: requests shown compact\n{}",
            rows.join("\n")
        );
    }
}

#[test]
fn headline_labels_stay_readable_at_large_values() {
    for (w, h) in [(120, 40), (80, 24), (100, 30)] {
        for volume in ["31M", "900B"] {
            let mut a = app();
            set_requests(&mut a, volume);
            let (rows, _) = draw(&mut a, w, h);
            let screen = rows.join("\n");
            for label in [
                "Cash TCO",
                "TCO w/ losses",
                "Build",
                "Cash run",
                "Value",
                "ROI on cash",
                "Payback",
                "Net",
            ] {
                // A version-2 plan shows NPV in the net's place at 80 columns.
                let label = if label == "Net" && !screen.contains("Net ") {
                    "NPV"
                } else {
                    label
                };
                assert!(
                    screen.contains(&format!("{label} ")),
                    "{w}x{h} at {volume}: label {label:?} whole\n{screen}"
                );
            }
        }
    }
}

#[test]
fn pasted_notes_lose_carriage_returns_and_are_counted_right() {
    let mut plan = scenario("support-assistant");
    plan.notes = String::new();
    let mut a = App::new(Document::opened(plan, None), builtin(), None);
    typed(&mut a, "n");
    assert!(matches!(a.mode(), Mode::Notes(_)));
    a.update(Msg::Paste("first\r\nsecond\rthird\r".into()));
    press(&mut a, Key::Esc);
    let notes = a.doc().plan.notes.clone();
    assert!(!notes.contains('\r'), "{notes:?}");
    assert!(notes.starts_with("first\nsecond\nthird"), "{notes:?}");
    let (rows, _) = draw(&mut a, 120, 40);
    assert!(
        rows.iter().any(|r| r.contains("3 lines")),
        "{}",
        rows.join("\n")
    );
}

#[test]
fn notes_with_lone_carriage_returns_from_a_file_are_counted_and_opened_as_lines() {
    let mut plan = scenario("support-assistant");
    plan.notes = "a\rb\rc".into();
    let mut a = App::new(Document::opened(plan, None), builtin(), None);
    let (rows, _) = draw(&mut a, 120, 40);
    assert!(rows.iter().any(|r| r.contains("3 lines")));
    typed(&mut a, "n");
    let Mode::Notes(area) = a.mode() else {
        panic!("notes open")
    };
    assert_eq!(area.lines(), ["a", "b", "c"]);
}

// ----- item 25: file names and long messages -----

#[test]
fn save_as_refuses_tab_escape_and_other_control_characters() {
    for bad in ["plan\t.ron", "\u{1b}[2Jplan.ron", "pl\u{7}an.ron"] {
        let mut a = app();
        typed(&mut a, "S");
        assert!(matches!(a.mode(), Mode::SaveAs(_)));
        a.update(Msg::Key(KeyChord::ctrl('u')));
        a.update(Msg::Paste(bad.into()));
        let effects = press(&mut a, Key::Enter);
        assert!(effects.is_empty(), "{bad:?}: nothing saved");
        let why = edit_error(&a).unwrap_or_else(|| panic!("{bad:?}: a message"));
        assert!(why.contains("cannot contain"), "{bad:?}: {why}");
    }
    let mut a = app();
    typed(&mut a, "S");
    a.update(Msg::Key(KeyChord::ctrl('u')));
    a.update(Msg::Paste("a\tb.ron".into()));
    assert!(edit_error(&a).unwrap().contains("a tab"));
    // The Tab key typed in a one-line box inserts nothing (not spaces).
    a.update(Msg::Key(KeyChord::ctrl('u')));
    typed(&mut a, "a");
    press(&mut a, Key::Tab);
    typed(&mut a, "b.ron");
    assert_eq!(edit_text_shown(&a), "ab.ron");
}

#[test]
fn names_refuse_control_characters() {
    let mut a = acme_editing(Row::Text(TextField::Name));
    a.update(Msg::Paste("Evil\u{1b}]0;owned\u{7}".into()));
    assert!(edit_error(&a).unwrap().contains("escape"));
    press(&mut a, Key::Enter);
    assert!(matches!(a.mode(), Mode::Edit(_)), "refused");
    assert!(!a.doc().plan.name.contains('\u{1b}'));
}

#[test]
fn save_as_refuses_over_long_file_names() {
    let mut a = app();
    typed(&mut a, "S");
    a.update(Msg::Key(KeyChord::ctrl('u')));
    a.update(Msg::Paste(format!("/tmp/{}.ron", "x".repeat(300))));
    let effects = press(&mut a, Key::Enter);
    assert!(effects.is_empty());
    assert!(edit_error(&a).unwrap().contains("304 bytes"));
}

#[test]
fn a_long_variant_name_still_gets_a_file_name_that_can_be_saved() {
    let mut a = app();
    typed(&mut a, "v");
    // The variant's name box is open: give it a very long name.
    a.update(Msg::Paste("Acme support with every option ".repeat(20)));
    press(&mut a, Key::Enter);
    let effects = a.update(Msg::Key(KeyChord::ctrl('s')));
    let path = common::ui::save_asked(&effects)
        .map(|(path, _)| path)
        .or_else(|| match a.mode() {
            Mode::SaveAs(e) => Some(PathBuf::from(e.input.lines().join(""))),
            _ => None,
        })
        .expect("a save or a proposed name");
    let name = path.file_name().unwrap().len();
    assert!(name <= 200, "{name} bytes: {}", path.display());
}

#[test]
fn a_long_save_error_keeps_its_reason_and_advice_visible() {
    let long = format!("/home/me/plans/{}.ron", "acme-support-variant-".repeat(14));
    for (w, h) in [(120, 40), (80, 24)] {
        let mut a = app();
        a.update(Msg::Saved {
            doc: a.session.active_id(),
            generation: a.doc().revision,
            path: PathBuf::from(&long),
            result: Err(format!("cannot write {long}: File name too long (os error 36)").into()),
        });
        assert_eq!(a.status.as_ref().unwrap().kind, StatusKind::Error);
        let (rows, _) = draw(&mut a, w, h);
        let bottom = rows[rows.len().saturating_sub(3)..].join(" ");
        let squashed: String = bottom.split_whitespace().collect::<Vec<_>>().join(" ");
        assert!(
            squashed.contains("File name too long"),
            "{w}x{h}: {squashed}"
        );
        assert!(squashed.contains("nothing is lost"), "{w}x{h}: {squashed}");
        assert!(squashed.contains("not saved"), "{w}x{h}: {squashed}");
    }
}

// ----- fuzzing every text box with arbitrary Unicode -----

/// Strings mixing ASCII number characters, separators, symbols and any
/// Unicode scalar (multi-byte, combining, control, RTL...).
fn hostile() -> impl Strategy<Value = String> {
    prop::collection::vec(
        prop_oneof![
            4 => prop::sample::select(vec![
                '0', '1', '5', '9', ',', '.', ' ', '-', '+', 'e', 'E', 'k', 'M', 'b', '%', '$',
                '€', '£', '−', '–', '—', '\u{a0}', '\u{2009}', '\u{202f}', '_', '\'', '\n',
                '\r', '\t', '\u{1b}', '日', '\u{301}', '\u{202e}', '🙂',
            ]),
            1 => any::<char>(),
        ],
        0..24,
    )
    .prop_map(|v| v.into_iter().collect())
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(512))]

    #[test]
    fn parsers_never_panic_and_only_return_finite_numbers(s in hostile()) {
        if let Ok(v) = parse_number(&s) {
            prop_assert!(v.is_finite());
            prop_assert!(!s.trim().contains(['\n', '\r']), "line breaks are refused");
        }
        for f in [Field::RequestsPerDay, Field::MonthlyGrowth, Field::CachedInput] {
            if let Ok(Some((lo, hi))) = parse_range(f, &s, 10.0) {
                prop_assert!(lo.is_finite() && hi.is_finite() && lo <= hi);
            }
        }
        let plan = scenario("support-assistant");
        for t in [
            EditTarget::Number(Field::RequestsPerDay),
            EditTarget::Range(Field::RequestsPerDay),
            EditTarget::Text(TextField::Name),
            EditTarget::Text(TextField::Currency),
            EditTarget::Text(TextField::Client),
        ] {
            let _ = runcost::app::text::check(t, &s, &plan);
        }
    }

    #[test]
    fn any_finite_value_round_trips_through_its_edit_text(v in any::<f64>().prop_filter("finite", |v| v.is_finite())) {
        prop_assert_eq!(parse_number(&edit_text(v)), Ok(v));
    }

    #[test]
    fn grouped_integers_read_back_whatever_the_separator(
        n in 0u64..1_000_000_000_000_000,
        sep in prop::sample::select(vec![",", " ", "\u{a0}", "\u{2009}", "_", "'"]),
    ) {
        let plain = n.to_string();
        let mut grouped = String::new();
        for (i, c) in plain.chars().enumerate() {
            if i > 0 && (plain.len() - i) % 3 == 0 {
                grouped.push_str(sep);
            }
            grouped.push(c);
        }
        prop_assert_eq!(parse_number(&grouped), Ok(n as f64));
        prop_assert_eq!(parse_number(&format!("${grouped}")), Ok(n as f64));
    }

    #[test]
    fn a_lone_decimal_comma_is_a_decimal_point(
        int in 0u32..1_000_000,
        frac in "[0-9]{1,6}".prop_filter("not three digits", |f| f.len() != 3),
    ) {
        prop_assert_eq!(
            parse_number(&format!("{int},{frac}")),
            parse_number(&format!("{int}.{frac}"))
        );
    }

    #[test]
    fn two_grouped_numbers_are_never_one(a in 1_000u32..1_000_000, b in 1_000u32..1_000_000) {
        let g = |n: u32| {
            let s = n.to_string();
            format!("{},{}", &s[..s.len() - 3], &s[s.len() - 3..])
        };
        let typed = format!("{} {}", g(a), g(b));
        prop_assert!(parse_number(&typed).is_err(), "{}", typed);
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(32))]

    /// Arbitrary text typed and pasted into every editor of the workbench,
    /// confirmed, and drawn at two sizes: it never panics.
    #[test]
    fn every_editor_survives_arbitrary_unicode(s in hostile(), pasted in hostile()) {
        let openers: [(&str, Option<Row>); 8] = [
            ("\n", Some(Row::Field(Field::RequestsPerDay))),
            ("r", Some(Row::Field(Field::RequestsPerDay))),
            ("\n", Some(Row::Text(TextField::Name))),
            ("\n", Some(Row::Text(TextField::Currency))),
            ("n", None),
            ("S", None),
            ("m", None),
            ("\u{f}", None), // Ctrl-O: the plan browser
        ];
        for (open, row) in openers {
            let mut a = app();
            if let Some(row) = row {
                select(&mut a, row);
            }
            match open {
                "\n" => { press(&mut a, Key::Enter); }
                "\u{f}" => { a.update(Msg::Key(KeyChord::ctrl('o'))); }
                k => typed(&mut a, k),
            }
            for c in s.chars() {
                a.update(Msg::Key(KeyChord::ch(c)));
            }
            a.update(Msg::Paste(pasted.clone()));
            press(&mut a, Key::Left);
            press(&mut a, Key::Backspace);
            draw(&mut a, 80, 24);
            draw(&mut a, 120, 40);
            press(&mut a, Key::Enter);
            draw(&mut a, 120, 40);
            press(&mut a, Key::Esc);
        }
    }
}
