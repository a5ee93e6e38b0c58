//! How the interview hears a client (issue 20 §1), for every question of
//! every template: a table of answers as clients give them on calls, per
//! kind of question, each read against the question as the template plan
//! asks it (its unit, active days, currency, sign, people, period), checked
//! against the inputs it sets, and written into the plan — the value, the
//! range, the preview's promise and the notes. Then: no input panics.

use crate::common;

use proptest::prelude::*;
use runcost::app::interview::record::{self, Given, Reply};
use runcost::app::interview::{Ask, Basis, Heard, Question, asked_paths, for_use_case, read};
use runcost::model::Scenario;
use runcost::model::fields::Field;
use runcost::model::validate::Range;
use runcost::numbers::field_value;
use runcost::store::use_cases::{USE_CASES, load};

/// What an answer should be heard as, in the question's unit.
#[derive(Debug, Clone, Copy, PartialEq)]
enum Expect {
    /// Taken at once: the value, no range.
    V(f64),
    /// Taken at once: the value and its range.
    R(f64, f64, f64),
    /// Read as the value but doubtful: shown, recorded on a second Enter.
    D(f64),
    /// Refused; the message has these words.
    X(&'static str),
    /// "no idea": the default stays.
    NotKnown,
}

use Expect::{D, NotKnown, R, V, X};

fn template(name: &str) -> Scenario {
    let u = USE_CASES.iter().find(|u| u.name == name).unwrap();
    load(u, &common::builtin(), &asked_paths(name)).unwrap()
}

/// Answers clients give, and what a careful listener hears, for a question
/// asked as `a`.
fn cases(a: &Ask) -> Vec<(&'static str, Expect)> {
    let d = a.days_per_month;
    let signed = a.signed;
    let monthly = a.period == Some(runcost::app::interview::words::Time::Month);
    let common = [
        ("no idea", NotKnown),
        ("don't know", NotKnown),
        ("Dunno, honestly", NotKnown),
        ("skip", NotKnown),
        ("n/a", NotKnown),
        ("?", NotKnown),
        ("we'll see", X("no number")),
        ("2, 3 and 4", X("several numbers")),
    ];
    let mut v: Vec<(&str, Expect)> = match a.basis {
        Basis::PerDay => vec![
            ("about 2,500 a day this month", V(2500.0)),
            ("2,500", V(2500.0)),
            ("2.5k a day", V(2500.0)),
            ("2 k", V(2000.0)),
            ("2 500 a day", V(2500.0)),
            ("twenty five hundred", V(2500.0)),
            ("60k a month", V(60_000.0 / d)),
            ("60,000 per month", V(60_000.0 / d)),
            ("about 75,000 conversations a month", V(75_000.0 / d)),
            ("15k a week", V(15_000.0 / (d * 12.0 / 52.0))),
            ("1.2M a year", V(1.2e6 / (d * 12.0))),
            ("2,500 daily", V(2500.0)),
            ("~2500/day", V(2500.0)),
            ("1,500 to 3,000", R(2250.0, 1500.0, 3000.0)),
            ("2-3k", R(2500.0, 2000.0, 3000.0)),
            ("between 2 and 3 thousand a day", R(2500.0, 2000.0, 3000.0)),
            (
                "1,500 to 3,000, most likely 2,000",
                R(2000.0, 1500.0, 3000.0),
            ),
            ("about 4k, maybe 6k by summer", R(4000.0, 4000.0, 6000.0)),
            ("4,000 now, 6,000 by summer", R(4000.0, 4000.0, 6000.0)),
            ("not sure, maybe 3k", V(3000.0)),
            ("2,500 this month", D(2500.0)),
            ("about 40 agents", D(40.0)),
            ("6m a day", D(6e6)),
            (
                "2,500 on weekdays",
                if d > 23.0 { D(2500.0) } else { V(2500.0) },
            ),
            ("none", V(0.0)),
            ("500 an hour", X("how many hours a day")),
            ("15%", X("a share in %")),
            ("$2,500", X("an amount of money")),
            ("3 minutes", X("a number of minutes")),
            ("1 in 20", X("ratio")),
        ],
        Basis::Number => vec![
            ("6", V(6.0)),
            ("about 6", V(6.0)),
            ("roughly six", V(6.0)),
            ("a dozen", V(12.0)),
            ("6 to 8", R(7.0, 6.0, 8.0)),
            ("6-8", R(7.0, 6.0, 8.0)),
            ("6, maybe 8", R(6.0, 6.0, 8.0)),
            ("2 k", V(2000.0)),
            ("1.5m", V(1.5e6)),
            ("about 40 agents", if a.people { V(40.0) } else { D(40.0) }),
            // A count a year converts a week (× 52) and says so, doubted.
            (
                "40 a week",
                D(
                    if a.period == Some(runcost::app::interview::words::Time::Year) {
                        40.0 * 52.0
                    } else {
                        40.0
                    },
                ),
            ),
            ("none", V(0.0)),
            ("15%", X("a share in %")),
            ("$40", X("an amount of money")),
            ("3 minutes", X("a number of minutes")),
            ("1 in 20", X("ratio")),
        ],
        Basis::Percent => vec![
            ("15%", V(15.0)),
            ("15 percent", V(15.0)),
            ("15 per cent", V(15.0)),
            ("15", V(15.0)),
            ("about 3 %", V(3.0)),
            ("1 in 20", V(5.0)),
            ("we spot-check 1 in 20", V(5.0)),
            ("5 out of 100", V(5.0)),
            ("one in twenty", V(5.0)),
            ("every 20th one", V(5.0)),
            ("the 20th", X("a rank")),
            ("2–4 %", R(3.0, 2.0, 4.0)),
            ("2 to 4 percent, most likely 3", R(3.0, 2.0, 4.0)),
            ("0.5%", V(0.5)),
            ("0.5", D(0.5)),
            ("none", V(0.0)),
            ("never", V(0.0)),
            // The sign: a minus is always kept; words count where a
            // negative is allowed, and a negative is refused elsewhere.
            ("-2 %", V(-2.0)),
            ("shrinking, -2 %", V(-2.0)),
            ("down 2%", V(if signed { -2.0 } else { 2.0 })),
            ("minus 2 percent", V(if signed { -2.0 } else { 2.0 })),
            ("2 % fewer", V(if signed { -2.0 } else { 2.0 })),
            ("down to 2 %", V(2.0)),
            (
                "down 2 to 4 %",
                if signed {
                    R(-3.0, -4.0, -2.0)
                } else {
                    R(3.0, 2.0, 4.0)
                },
            ),
            ("growing, -2%", if signed { D(-2.0) } else { V(-2.0) }),
            ("flat", if signed { V(0.0) } else { X("no number") }),
            (
                "all of them",
                if signed { X("no number") } else { V(100.0) },
            ),
            ("half of them", V(50.0)),
            (
                "2 % a month",
                if monthly {
                    V(2.0)
                } else {
                    X("not a rate over time")
                },
            ),
            (
                "2 % a year",
                if monthly {
                    X("per month")
                } else {
                    X("not a rate over time")
                },
            ),
            ("$5", X("an amount of money")),
            ("3 minutes", X("a number of minutes")),
        ],
        Basis::Minutes => vec![
            ("3 minutes, that's what QA says", V(3.0)),
            ("3 min", V(3.0)),
            ("3m", V(3.0)),
            ("5m", V(5.0)),
            ("5 mins", V(5.0)),
            ("90 seconds", V(1.5)),
            ("90s", V(1.5)),
            ("it takes them 180s", V(3.0)),
            ("1.5 h", V(90.0)),
            ("1h30", V(90.0)),
            ("1 hour 30 minutes", V(90.0)),
            ("2 and a half hours", V(150.0)),
            ("half an hour", V(30.0)),
            ("an hour", V(60.0)),
            ("a couple of minutes", V(2.0)),
            ("two minutes", V(2.0)),
            ("a minute or two", R(1.5, 1.0, 2.0)),
            ("4 to 6 minutes", R(5.0, 4.0, 6.0)),
            ("3-4 mins", R(3.5, 3.0, 4.0)),
            ("90 seconds to 2 minutes", R(1.75, 1.5, 2.0)),
            ("5 fewer minutes", V(5.0)),
            ("3, within the hour", D(3.0)),
            ("2 k", D(2000.0)),
            ("none", V(0.0)),
            ("-5 minutes", V(-5.0)),
            ("15%", X("a share in %")),
            ("$3", X("an amount of money")),
            ("3 minutes a day", X("per day")),
            ("2 days", X("days are not minutes")),
        ],
        Basis::Months => vec![
            ("3 months, within the year", V(3.0)),
            ("3", V(3.0)),
            ("5m", V(5.0)),
            ("6mo", V(6.0)),
            ("a year", V(12.0)),
            ("1.5 years", V(18.0)),
            ("a year and a half", V(18.0)),
            ("2 quarters", V(6.0)),
            ("one quarter", V(3.0)),
            ("half a year", V(6.0)),
            ("90 days", V(3.0)),
            ("3-6 months", R(5.0, 3.0, 6.0)),
            ("immediately", V(0.0)),
            ("none", V(0.0)),
            ("3, within the year", D(3.0)),
            ("6 weeks", D(1.0)),
            ("48 months", D(48.0)),
            ("15%", X("a share in %")),
            ("3 hours", X("hours are not months")),
            ("3 months a year", X("per year")),
        ],
        Basis::Money => vec![
            ("$18 when we get one wrong", V(18.0)),
            ("18 bucks", V(18.0)),
            ("about 20 dollars", V(20.0)),
            ("$1.2M", V(1.2e6)),
            ("1.2 million", V(1.2e6)),
            ("a million dollars", V(1e6)),
            ("half a million", V(5e5)),
            ("a quarter of a million", V(2.5e5)),
            ("1.5 mil", V(1.5e6)),
            ("5m", V(5e6)),
            ("$5m", V(5e6)),
            ("2 k", V(2000.0)),
            ("$150k-$200k", R(175_000.0, 150_000.0, 200_000.0)),
            ("150 to 200 grand", R(175_000.0, 150_000.0, 200_000.0)),
            ("nothing", V(0.0)),
            ("£18", D(18.0)),
            ("$200M", D(2e8)),
            ("$5k a month", X("one amount")),
            ("15%", X("a share in %")),
            ("3 minutes", X("a number of minutes")),
        ],
        Basis::MoneyPerYear => vec![
            ("$62k a year, loaded", V(62_000.0)),
            ("62k", V(62_000.0)),
            ("$62,000", V(62_000.0)),
            ("$30 an hour", V(62_400.0)),
            ("$5k a month", V(60_000.0)),
            ("$1,200 a week", V(62_400.0)),
            ("$300 a day", V(78_000.0)),
            ("$60-70k", R(65_000.0, 60_000.0, 70_000.0)),
            ("62", D(62.0)),
            ("£50k", D(50_000.0)),
            ("15%", X("a share in %")),
            ("3 minutes", X("a number of minutes")),
        ],
        Basis::MoneyPerHour => vec![
            ("$38", V(38.0)),
            ("38 an hour", V(38.0)),
            ("$38/h", V(38.0)),
            ("about $40 per hour loaded", V(40.0)),
            ("$80k a year", V(80_000.0 / 2080.0)),
            ("$6k a month", V(6000.0 * 12.0 / 2080.0)),
            ("$300 a day", V(37.5)),
            ("$30-40 an hour", R(35.0, 30.0, 40.0)),
            ("$3", D(3.0)),
            ("$2,000", D(2000.0)),
            ("15%", X("a share in %")),
        ],
        Basis::DaysPerMonth => vec![
            ("weekdays", V(22.0)),
            ("weekdays only", V(22.0)),
            ("working days", V(22.0)),
            ("mon-fri", V(22.0)),
            ("every day", V(30.0)),
            ("24/7", V(30.0)),
            ("5 days a week", V(22.0)),
            ("7 days a week", V(30.0)),
            ("22", V(22.0)),
            ("22 working days", V(22.0)),
            ("about 21 days a month", V(21.0)),
            ("5", D(5.0)),
            ("40", V(40.0)),
            ("15%", X("a share in %")),
        ],
        Basis::Fte => vec![
            ("0.5", V(0.5)),
            ("half", V(0.5)),
            ("half an engineer", V(0.5)),
            ("50 %", V(0.5)),
            ("a quarter of someone", V(0.25)),
            ("a day a week", V(0.2)),
            ("2 engineers", V(2.0)),
            ("one person", V(1.0)),
            ("none", V(0.0)),
            ("20", D(20.0)),
            ("$5", X("an amount of money")),
        ],
    };
    v.extend(common);
    v
}

/// Whether `q`'s inputs all take `v` (as the interview writes it: × the
/// target's factor, whole-number inputs rounded).
fn takes(q: &Question, v: f64) -> bool {
    q.targets.iter().all(|t| {
        let x = v * t.factor;
        t.field.check(x).is_ok() || t.field.check(x.round()).is_ok()
    })
}

fn close(a: f64, b: f64) -> bool {
    (a - b).abs() <= 1e-6 * b.abs().max(1.0)
}

/// One answer to one question, read, checked and written as the interview
/// does; the failures found, described.
fn hear(name: &str, plan: &Scenario, q: &Question, text: &str, expect: Expect) -> Vec<String> {
    let ask = q.ask_in(plan);
    let at = format!("{name}: {} ← {text:?}", q.ask);
    let mut bad = Vec::new();
    let heard = read(text, &ask);
    let reading = match (heard, expect) {
        (Ok(Heard::NotKnown), NotKnown) => return bad,
        (Err(e), X(words)) => {
            if !e.contains(words) {
                bad.push(format!("{at}: refused, but without “{words}”: {e}"));
            }
            return bad;
        }
        (Ok(Heard::Figure(r)), V(_) | R(..) | D(_)) => r,
        (got, _) => {
            bad.push(format!("{at}: expected {expect:?}, heard {got:?}"));
            return bad;
        }
    };
    let (value, range, doubt) = match expect {
        V(v) => (v, None, false),
        R(v, lo, hi) => (v, Some((lo, hi)), false),
        D(v) => (v, None, true),
        _ => unreachable!(),
    };
    if !close(reading.value, value) {
        bad.push(format!("{at}: value {} (expected {value})", reading.value));
    }
    match (reading.range, range) {
        (Some((l, h)), Some((lo, hi))) if close(l, lo) && close(h, hi) => {}
        (None, None) => {}
        (got, want) => bad.push(format!("{at}: range {got:?} (expected {want:?})")),
    }
    if reading.doubt.is_some() != doubt {
        bad.push(format!(
            "{at}: doubt {:?} (expected {doubt})",
            reading.doubt
        ));
    }
    // The inputs it sets: taken where they allow the value, else refused
    // with what was heard and the input named.
    let check = record::check(plan, q, &reading);
    let allowed = takes(q, reading.value)
        && reading
            .range
            .is_none_or(|(lo, hi)| takes(q, lo) && takes(q, hi));
    match (&check, allowed) {
        (Ok(()), true) => {}
        (Err(e), false) => {
            let label = q.targets.iter().any(|t| e.contains(t.field.label()));
            if !e.starts_with("heard ") || !label {
                bad.push(format!(
                    "{at}: refusal says neither what was heard nor the input: {e}"
                ));
            }
            return bad;
        }
        _ => {
            bad.push(format!(
                "{at}: check {check:?}, the inputs allow it: {allowed}"
            ));
            return bad;
        }
    }
    // Written: the preview's promise is what the plan holds after.
    let preview = record::conversion(q, &reading, &plan.currency);
    let mut after = plan.clone();
    let given = Given {
        text: text.to_string(),
        reading: reading.clone(),
        high: false,
    };
    record::apply(&mut after, q, &given, "2026-12-07");
    for t in q.targets {
        let got = t.field.get(&after).unwrap();
        let shown = field_value(t.field, got, &plan.currency);
        if !preview.contains(&shown) {
            bad.push(format!(
                "{at}: the preview “{preview}” does not show what is recorded, {shown}"
            ));
        }
        if !close(
            got,
            if whole(t.field) {
                (value * t.factor).round()
            } else {
                value * t.factor
            },
        ) {
            bad.push(format!("{at}: {} is {got}", t.field.path()));
        }
    }
    let replies = vec![Some(Reply::Given(given))];
    let notes = record::notes(
        "",
        "2026-12-07",
        std::slice::from_ref(q),
        &replies,
        plan,
        &plan.currency,
    );
    if !notes.contains(&format!("{} “{text}” → ", q.ask)) {
        bad.push(format!("{at}: the notes miss the client's words: {notes}"));
    }
    bad
}

fn whole(f: Field) -> bool {
    let r = f.range();
    r.whole || r == Range::DaysPerMonth
}

#[test]
fn every_question_of_every_template_hears_the_client() {
    let mut bad = Vec::new();
    let mut heard = 0;
    for u in USE_CASES {
        let plan = template(u.name);
        for q in for_use_case(u.name) {
            for (text, expect) in cases(&q.ask_in(&plan)) {
                bad.extend(hear(u.name, &plan, q, text, expect));
                heard += 1;
            }
        }
    }
    assert!(heard > 1500, "{heard} answers tried");
    assert!(
        bad.is_empty(),
        "{} of {heard}:\n{}",
        bad.len(),
        bad.join("\n")
    );
}

/// The questions are read in their own terms: which count people, which
/// name a period, which allow a negative.
#[test]
fn each_question_is_asked_in_its_own_terms() {
    use runcost::app::interview::words::Time;
    let plan = template("support");
    let qs = for_use_case("support");
    let ask = |i: usize| qs[i].ask_in(&plan);
    assert_eq!(ask(0).period, Some(Time::Day));
    assert_eq!((ask(1).period, ask(1).signed), (Some(Time::Month), true));
    assert!(!ask(3).signed, "a share is never negative");
    assert_eq!(ask(12).period, Some(Time::Year));
    assert_eq!(ask(13).basis, Basis::Fte);
    assert_eq!(ask(0).days_per_month, 30.0);
    let docs = template("documents");
    let d = for_use_case("documents");
    assert_eq!(d[0].ask_in(&docs).period, Some(Time::Day), "a working day");
    assert_eq!(d[0].ask_in(&docs).days_per_month, 22.0);
    assert_eq!(d[1].basis, Basis::DaysPerMonth);
    let k = template("knowledge-search");
    assert!(
        for_use_case("knowledge-search")[0].ask_in(&k).people,
        "employees"
    );
    let a = template("agentic-workflow");
    assert!(
        for_use_case("agentic-workflow")[6].ask_in(&a).signed,
        "drift"
    );
    for u in USE_CASES {
        let plan = template(u.name);
        for q in for_use_case(u.name) {
            let ask = q.ask_in(&plan);
            assert!(!ask.people || matches!(ask.basis, Basis::Number | Basis::Fte));
        }
    }
}

/// The five reproductions of issue 20 §1, exactly as heard.
#[test]
fn the_reproductions_are_heard_as_meant() {
    let plan = template("support");
    let qs = for_use_case("support");
    let shown = |i: usize, text: &str| match read(text, &qs[i].ask_in(&plan)) {
        Ok(Heard::Figure(r)) => {
            assert!(r.doubt.is_none(), "{text}: {:?}", r.doubt);
            record::conversion(&qs[i], &r, "USD")
        }
        other => panic!("{text}: {other:?}"),
    };
    assert_eq!(
        shown(0, "about 2,500 a day this month"),
        "2,500 a day → 2,500 req/day"
    );
    assert_eq!(shown(2, "3 months, within the year"), "3 months → 3 months");
    assert_eq!(
        shown(4, "3 minutes, that's what QA says"),
        "3 minutes → 3 min"
    );
    assert_eq!(
        shown(1, "shrinking, -2 % a month"),
        "−2 % a month → −2 %/month"
    );
    assert_eq!(shown(9, "5m"), "5 minutes → 5 min/request");
    assert_eq!(shown(11, "5m"), "$5,000,000 → $5,000,000 once");
    assert_eq!(shown(11, "2 k"), "$2,000 → $2,000 once");
    assert_eq!(
        shown(0, "about 4k, maybe 6k by summer"),
        "4,000 a day (range 4,000–6,000 a day) → 4,000 req/day (range 4,000 req/day – 6,000 req/day)"
    );
}

fn answer_text() -> impl Strategy<Value = String> {
    let piece = prop_oneof![
        Just("2,500".to_string()),
        Just("-2".to_string()),
        Just("5m".to_string()),
        Just("1 in 20".to_string()),
        "[0-9]{1,6}(\\.[0-9]{1,3})?",
        "[0-9]{1,3}(,[0-9]{3}){0,3}",
        prop::sample::select(vec![
            "k",
            "m",
            "%",
            "$",
            "£",
            "€",
            "a",
            "an",
            "day",
            "month",
            "year",
            "week",
            "hour",
            "minutes",
            "s",
            "h",
            "to",
            "and",
            "or",
            "in",
            "of",
            "maybe",
            "most",
            "likely",
            "about",
            "shrinking",
            "growing",
            "down",
            "up",
            "to",
            "fewer",
            "minus",
            "none",
            "no",
            "idea",
            "half",
            "a",
            "dozen",
            "one",
            "twenty",
            "every",
            "weekdays",
            "per",
            "/",
            "-",
            "–",
            "−",
            ",",
            ".",
            "(",
            ")",
            "?",
            "and a half",
            "agents",
            "that's",
            "1e308",
            "0",
            "e",
            "..",
        ])
        .prop_map(str::to_string),
    ];
    prop_oneof![
        prop::collection::vec(piece, 0..8).prop_map(|v| v.join(" ")),
        "\\PC{0,40}",
        "[0-9 ,.%$kKmM/\\-–]{0,30}",
    ]
}

fn basis() -> impl Strategy<Value = Basis> {
    prop::sample::select(vec![
        Basis::Number,
        Basis::PerDay,
        Basis::Percent,
        Basis::Money,
        Basis::MoneyPerYear,
        Basis::MoneyPerHour,
        Basis::Minutes,
        Basis::Months,
        Basis::DaysPerMonth,
        Basis::Fte,
    ])
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(3000))]

    /// No answer panics; every figure heard is finite, within what the
    /// interview takes, and inside its own range; what is shown is said.
    #[test]
    fn no_answer_panics(text in answer_text(), b in basis(), signed: bool, people: bool, days in 1.0..31.0f64) {
        let ask = Ask { signed, people, days_per_month: days, ..Ask::of(b) };
        match read(&text, &ask) {
            Ok(Heard::Figure(r)) => {
                prop_assert!(r.value.is_finite() && r.value.abs() <= 1e12, "{text}: {r:?}");
                prop_assert!(!r.shown.is_empty());
                if let Some((lo, hi)) = r.range {
                    prop_assert!(lo.is_finite() && hi.is_finite() && lo < hi, "{text}: {r:?}");
                    prop_assert!(lo <= r.value && r.value <= hi, "{text}: {r:?}");
                }
            }
            Ok(Heard::NotKnown) => {}
            Err(e) => prop_assert!(!e.is_empty()),
        }
    }
}

/// Answers a consultant tester found read wrongly (issue 20, round 2),
/// each against the question it was given to, with answers of the same
/// kind on other questions: the unit next to the number is the unit, and
/// what cannot be read without doubt is doubted or refused.
#[test]
fn the_testers_answers_are_heard_as_meant() {
    let rows: &[(&str, &str, &str, Expect)] = &[
        // A unit of another kind next to the number: converted or refused.
        ("documents", "pages in a typical", "6k tokens", V(10.0)),
        (
            "documents",
            "pages in a typical",
            "about 6,000 tokens",
            V(10.0),
        ),
        (
            "documents",
            "pages in a typical",
            "4,000 words",
            V(4000.0 * 1.33 / 600.0),
        ),
        (
            "documents",
            "pages in a typical",
            "12,000 characters",
            V(5.0),
        ),
        ("documents", "pages in a typical", "20 pages", V(20.0)),
        ("documents", "pages in a typical", "6", V(6.0)),
        ("documents", "pages in a typical", "3 documents", D(3.0)),
        (
            "knowledge-search",
            "employees",
            "6k tokens",
            X("a size of text"),
        ),
        (
            "knowledge-search",
            "documents will it search",
            "4,000 words",
            X("a size of text"),
        ),
        (
            "knowledge-search",
            "documents will it search",
            "20,000 pages",
            D(20_000.0),
        ),
        (
            "documents",
            "documents a working day",
            "20,000 pages a day",
            D(20_000.0),
        ),
        (
            "documents",
            "documents a working day",
            "2,500 documents a day",
            V(2500.0),
        ),
        (
            "documents",
            "documents a working day",
            "5k tokens a day",
            X("a size of text"),
        ),
        // Shares: "none" wins over "all", fractions in words.
        (
            "documents",
            "overnight batch",
            "none, it's all live",
            D(0.0),
        ),
        ("documents", "overnight batch", "all of it", V(100.0)),
        ("documents", "overnight batch", "two thirds", V(200.0 / 3.0)),
        ("documents", "overnight batch", "three quarters", V(75.0)),
        ("documents", "overnight batch", "one third", V(100.0 / 3.0)),
        ("support", "share of answers will QA", "a fifth", V(20.0)),
        ("support", "share of answers will QA", "two fifths", V(40.0)),
        // The rest of a share: caught is what is not missed.
        (
            "support",
            "how many are caught",
            "we miss about 1 in 10",
            V(90.0),
        ),
        (
            "support",
            "how many are caught",
            "10% slip through",
            V(90.0),
        ),
        ("support", "how many are caught", "all but 1 in 20", V(95.0)),
        ("support", "how many are caught", "all except 5%", V(95.0)),
        (
            "support",
            "how many are caught",
            "5-10% get past",
            R(92.5, 90.0, 95.0),
        ),
        ("support", "how many are caught", "90%", V(90.0)),
        (
            "high-stakes-review",
            "reviewers catch",
            "we miss about 1 in 10",
            V(90.0),
        ),
        (
            "support",
            "pilot answer wrong",
            "we miss about 1 in 10",
            D(90.0),
        ),
        ("documents", "overnight batch", "all except 5%", D(95.0)),
        // Another currency, before or after the number: a doubt.
        ("support", "budget to build", "EUR 40k", D(40_000.0)),
        ("support", "budget to build", "€ 40000", D(40_000.0)),
        ("support", "budget to build", "USD 40k", V(40_000.0)),
        ("support", "budget to build", "40k USD", V(40_000.0)),
        ("support", "budget to build", "CHF 80k", D(80_000.0)),
        ("support", "budget to build", "40k CHF", D(40_000.0)),
        ("support", "budget to build", "¥5m", D(5e6)),
        ("support", "budget to build", "JPY 5m", D(5e6)),
        (
            "support",
            "QA reviewer cost a year",
            "£35 an hour",
            D(72_800.0),
        ),
        ("support", "QA reviewer cost a year", "GBP 60k", D(60_000.0)),
        ("support", "agent hour cost", "€40 an hour", D(40.0)),
        // A dot before three digits on a count: thousands or a decimal?
        ("documents", "documents a working day", "2.500", D(2.5)),
        ("documents", "documents a working day", "2,500", V(2500.0)),
        ("documents", "documents a working day", "2.5k", V(2500.0)),
        ("support", "switches a year", "2.500", D(2.5)),
        ("documents", "pages in a typical", "1.500", D(1.5)),
        ("documents", "pages in a typical", "1.5", V(1.5)),
        // A period of another length on a count a year: converted, said.
        ("support", "switches a year", "2 per month", V(24.0)),
        ("support", "switches a year", "2 a month", V(24.0)),
        ("support", "switches a year", "1 a quarter", V(4.0)),
        ("voice-agent", "turns in a call", "about 2 a minute", D(2.0)),
        (
            "knowledge-search",
            "documents will it search",
            "2 a month",
            D(2.0),
        ),
        // "20 a day" after a duration is twenty a day, not twenty days.
        (
            "support",
            "one QA check",
            "3 minutes each, 20 a day",
            X("heard 3 minutes, 20 a day"),
        ),
        (
            "support",
            "Months until every channel",
            "3 months, 20 a day",
            X("heard 3 months, 20 a day"),
        ),
        ("support", "one QA check", "half an hour", V(30.0)),
    ];
    let mut bad = Vec::new();
    for (name, ask, text, expect) in rows {
        let plan = template(name);
        let q = for_use_case(name)
            .iter()
            .find(|q| q.ask.contains(ask))
            .unwrap_or_else(|| panic!("{name}: no question with “{ask}”"));
        bad.extend(hear(name, &plan, q, text, *expect));
    }
    assert!(bad.is_empty(), "{}", bad.join("\n"));
}

/// The doubt about another currency says the figure actually recorded.
#[test]
fn a_currency_doubt_says_what_is_recorded() {
    let plan = template("support");
    let qs = for_use_case("support");
    let q = qs
        .iter()
        .find(|q| q.ask.contains("QA reviewer cost"))
        .unwrap();
    let Ok(Heard::Figure(r)) = read("£35 an hour", &q.ask_in(&plan)) else {
        panic!("£35 an hour not read")
    };
    let doubt = r.doubt.unwrap();
    assert_eq!(r.value, 72_800.0);
    assert!(
        doubt.contains("recorded as $72,800 a year, not converted"),
        "{doubt}"
    );
    let q = qs
        .iter()
        .find(|q| q.ask.contains("budget to build"))
        .unwrap();
    let Ok(Heard::Figure(r)) = read("EUR 40k", &q.ask_in(&plan)) else {
        panic!("EUR 40k not read")
    };
    assert!(
        r.doubt
            .unwrap()
            .contains("is in EUR but the plan is in USD: it is recorded as $40,000")
    );
}
