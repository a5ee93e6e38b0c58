//! Issue 20 §4 and the exchange rates of §6: prices on the day of the call —
//! a model named by id is billed its dated schedule (never an ended
//! promotion), a snapshot that is an ended promotion is said wherever the
//! plan is shown, the corrected catalog entries, and exchange rates that are
//! plausible and dated.

use crate::common;

use std::path::{Path, PathBuf};

use common::{builtin, runcost_on as run, scenario, scratch_home};
use runcost::app::keymap::{Key, KeyChord};
use runcost::app::modes::picker::PickTarget;
use runcost::app::rows::Row;
use runcost::app::{App, Document, Msg};
use runcost::codec::plan::{parse_plan, parse_plan_on, write_plan};
use runcost::model::catalog::CatalogModel;
use runcost::model::currency::{ExchangeRate, MAX_RATE, MIN_RATE};
use runcost::model::dated::{ended_prices, first_month};
use runcost::model::lifecycle::day_before;
use runcost::model::offer::PriceKind;
use runcost::model::prices::{YearMonth, refreshed, snapshot_changes};
use runcost::model::pricing::ScheduledPrice;
use runcost::model::{ApiPricing, Catalog, ModelEntry, Pricing, Scenario, project};

const CHECKED: &str = "2026-12-07";

fn month(s: &str) -> YearMonth {
    YearMonth::parse(s).unwrap()
}

fn entry<'a>(c: &'a Catalog, id: &str) -> &'a CatalogModel {
    c.model_by_id(id)
        .unwrap_or_else(|| panic!("{id} in the built-in catalog"))
}

fn api(p: &Pricing) -> &ApiPricing {
    match p {
        Pricing::Api(a) => a,
        _ => panic!("an API price"),
    }
}

fn io(p: &Pricing) -> (f64, f64) {
    let a = api(p);
    (a.input_per_mtok, a.output_per_mtok)
}

/// 1,000 requests a day for 30 days, 1,000 tokens in and 1,000 out, nothing
/// cached: 30,000 calls a month, as the reproduction.
fn plan(id: &str, start: Option<&str>, pricing: Option<Pricing>, horizon: u32) -> Scenario {
    let mut s = Scenario::minimal("prices on the day", ModelEntry::sole(id, pricing));
    s.start = start.map(str::to_string);
    s.horizon_months = horizon;
    s.workload.requests_per_day = 1000.0;
    s.workload.days_per_month = 30.0;
    s.workload.input_tokens = 1000.0;
    s.workload.output_tokens = 1000.0;
    s.workload.cached_input_pct = 0.0;
    s.workload.overhead_pct = 0.0;
    s
}

/// The plan as a hand-written file naming the model by id, read on a day in
/// `today` (the month a plan without a `start` starts in).
fn read_on(s: &Scenario, today: Option<&str>) -> Scenario {
    assert!(s.models.iter().all(|m| m.pricing.is_none()), "unpriced");
    let text = write_plan(s);
    parse_plan_on(text.as_bytes(), &builtin(), today.map(month))
        .unwrap_or_else(|e| panic!("{}", e.render("plan")))
}

fn inference(s: &Scenario) -> Vec<f64> {
    project(s).months.iter().map(|m| m.inference).collect()
}

fn close(got: f64, want: f64, what: &str) {
    assert!((got - want).abs() < 1e-6, "{what}: got {got}, want {want}");
}

/// What a month costs at `p` for the plan's traffic (the same plan priced
/// explicitly, no dated prices).
fn cost_at(s: &Scenario, p: &Pricing) -> f64 {
    let mut flat = s.clone();
    flat.models[0].pricing = Some(p.clone());
    flat.models[0].schedule.clear();
    flat.horizon_months = 1;
    inference(&flat)[0]
}

/// Every catalog model with dated prices (the GPT-5.6 promotions, the
/// Gemini Flash introductory prices), with its dated prices from the earliest
/// and the month the earliest starts.
fn scheduled(c: &Catalog) -> Vec<(&CatalogModel, Vec<&ScheduledPrice>, YearMonth)> {
    let out: Vec<_> = c
        .models
        .iter()
        .filter(|m| !m.schedule.is_empty())
        .map(|e| {
            let mut dates: Vec<&ScheduledPrice> = e.schedule.iter().collect();
            dates.sort_by_key(|d| first_month(&d.from));
            let first = first_month(&dates[0].from).unwrap();
            (e, dates, first)
        })
        .collect();
    assert!(out.len() >= 5, "the catalog's dated prices: {}", out.len());
    out
}

/// The month before `m`.
fn before(m: YearMonth) -> YearMonth {
    if m.month == 1 {
        YearMonth {
            year: m.year - 1,
            month: 12,
        }
    } else {
        YearMonth {
            year: m.year,
            month: m.month - 1,
        }
    }
}

// ------------------------------------------------- resolution (§4a repro)

#[test]
fn a_plan_starting_2026_12_naming_gpt_5_6_pays_the_list_price_not_the_ended_promotion() {
    let s = read_on(&plan("gpt-5.6", Some("2026-12"), None, 12), Some(CHECKED));
    // 30,000 calls × (1,000 × $5 + 1,000 × $30) / 1M = $1,050, not $720.
    close(inference(&s)[0], 1050.0, "month 1");
    assert!(inference(&s).iter().all(|m| (m - 1050.0).abs() < 1e-6));
    // The price the plan shows is the one it pays; no dated price is left
    // that could never apply.
    assert_eq!(io(s.models[0].pricing.as_ref().unwrap()), (5.0, 30.0));
    assert!(s.models[0].schedule.is_empty());
    // Read without a clock the plan has its own start, so the same.
    let text = write_plan(&plan("gpt-5.6", Some("2026-12"), None, 12));
    let no_clock = parse_plan(text.as_bytes(), &builtin()).unwrap();
    close(inference(&no_clock)[0], 1050.0, "no clock, own start");
}

#[test]
fn a_gemini_flash_plan_spanning_2027_01_pays_the_doubled_price_from_that_month() {
    let s = read_on(
        &plan("gemini-3.8-flash", Some("2026-12"), None, 3),
        Some(CHECKED),
    );
    // $0.75 / $3.75 in December, $1.50 / $7.50 from January.
    let m = inference(&s);
    close(m[0], 135.0, "December");
    close(m[1], 270.0, "January");
    close(m[2], 270.0, "February");
    assert_eq!(io(s.models[0].pricing.as_ref().unwrap()), (0.75, 3.75));
    assert_eq!(s.models[0].schedule.len(), 1);
}

#[test]
fn every_dated_catalog_price_is_billed_from_its_month_when_the_plan_names_the_model_by_id() {
    let c = builtin();
    for (e, dates, first) in scheduled(&c) {
        let start = before(first);
        let s = read_on(&plan(&e.id, Some(&start.to_string()), None, 3), None);
        let m = inference(&s);
        close(
            m[0],
            cost_at(&s, &e.pricing),
            &format!("{}: the month before", e.id),
        );
        close(
            m[1],
            cost_at(&s, &dates[0].pricing),
            &format!("{}: from {}", e.id, dates[0].from),
        );
        // A plan that starts after the change: month 1 is the new price, and
        // that is the price the plan carries.
        let later = read_on(&plan(&e.id, Some(&first.to_string()), None, 2), None);
        assert_eq!(
            later.models[0].pricing.as_ref(),
            Some(&dates[0].pricing),
            "{}",
            e.id
        );
        close(
            inference(&later)[0],
            cost_at(&later, &dates[0].pricing),
            &e.id,
        );
        // Nothing of it is an ended price.
        assert!(ended_prices(&later, &c, first).is_empty(), "{}", e.id);
    }
}

#[test]
fn a_plan_without_a_start_starts_this_month_and_keeps_the_dated_prices_still_to_come() {
    // gpt-5.6 in December: the promotion is over and nothing is to come, so
    // the plan is priced at the list price and needs no start month.
    let s = read_on(&plan("gpt-5.6", None, None, 12), Some(CHECKED));
    assert_eq!(io(s.models[0].pricing.as_ref().unwrap()), (5.0, 30.0));
    assert!(s.models[0].schedule.is_empty());
    assert_eq!(s.start, None);
    // Gemini 3.8 Flash in December: its rise is to come, so the plan starts
    // in December (written into it, as picking the model does) to bill it.
    let f = read_on(&plan("gemini-3.8-flash", None, None, 3), Some(CHECKED));
    assert_eq!(f.start.as_deref(), Some("2026-12"));
    close(inference(&f)[1], 270.0, "January");
    // A hand-written file's own dated prices are kept, and its start is not
    // invented for them.
    let mut own = plan("gemini-3.8-flash", None, None, 3);
    own.models[0].schedule = vec![ScheduledPrice {
        from: "2027-03-01".into(),
        pricing: Pricing::Api(ApiPricing {
            input_per_mtok: 9.0,
            output_per_mtok: 9.0,
            ..ApiPricing::default()
        }),
    }];
    let kept = read_on(&own, Some(CHECKED));
    assert_eq!(kept.models[0].schedule, own.models[0].schedule);
    assert_eq!(kept.start, None);
}

// ------------------------------------------------ an ended promotion, said

fn promo_snapshot(start: Option<&str>) -> Scenario {
    let c = builtin();
    plan(
        "gpt-5.6",
        start,
        Some(entry(&c, "gpt-5.6").pricing.clone()),
        12,
    )
}

#[test]
fn a_snapshot_of_every_ended_or_ending_catalog_price_is_found_with_its_last_day() {
    let c = builtin();
    for (e, dates, first) in scheduled(&c) {
        // The listed price kept in a plan that starts the month it ends.
        let s = plan(&e.id, Some(&first.to_string()), Some(e.pricing.clone()), 3);
        let found = ended_prices(&s, &c, first);
        assert_eq!(found.len(), 1, "{}", e.id);
        let f = &found[0];
        assert_eq!(f.until, day_before(&dates[0].from).unwrap(), "{}", e.id);
        assert_eq!((f.month, f.calendar), (1, first), "{}", e.id);
        assert_eq!(&f.current, &dates[0].pricing, "{}", e.id);
        assert!(f.promotional, "{}: the price goes up after it", e.id);
        // The same snapshot in a plan that ends before the change is fine;
        // one that starts before and runs past it is told the month.
        let early = plan(
            &e.id,
            Some(&before(first).to_string()),
            Some(e.pricing.clone()),
            1,
        );
        assert!(
            ended_prices(&early, &c, before(first)).is_empty(),
            "{}",
            e.id
        );
        let spans = plan(
            &e.id,
            Some(&before(first).to_string()),
            Some(e.pricing.clone()),
            3,
        );
        assert_eq!(
            ended_prices(&spans, &c, before(first))[0].month,
            2,
            "{}",
            e.id
        );
        // The snapshot with its dated prices is billed right: nothing to say.
        let mut dated = spans.clone();
        dated.models[0].schedule = e.schedule.clone();
        assert!(
            ended_prices(&dated, &c, before(first)).is_empty(),
            "{}",
            e.id
        );
        // A price of the plan's own (negotiated) is not the catalog's.
        let mut own = spans.clone();
        own.models[0].pricing = Some(Pricing::Api(ApiPricing {
            input_per_mtok: 0.123,
            output_per_mtok: 0.456,
            ..ApiPricing::default()
        }));
        assert!(ended_prices(&own, &c, first).is_empty(), "{}", e.id);
    }
}

#[test]
fn refreshing_an_ended_promotion_bills_the_list_price_and_says_nothing_more() {
    let c = builtin();
    let s = promo_snapshot(Some("2026-12"));
    close(inference(&s)[0], 720.0, "the promotion, as saved");
    let changes = snapshot_changes(&s, &c, Some(month("2026-12")));
    assert_eq!(changes.len(), 1);
    assert!(
        changes[0].summary().contains("input $4 → $5 (+25 %)"),
        "{}",
        changes[0].summary()
    );
    let fixed = refreshed(&s, &changes);
    close(inference(&fixed)[0], 1050.0, "after refresh");
    assert!(snapshot_changes(&fixed, &c, Some(month("2026-12"))).is_empty());
    assert!(ended_prices(&fixed, &c, month("2026-12")).is_empty());
    // A plan that started in October keeps the promotion for October and
    // November and pays the list price from December.
    let oct = promo_snapshot(Some("2026-10"));
    let fixed = refreshed(&oct, &snapshot_changes(&oct, &c, Some(month("2026-10"))));
    let m = inference(&fixed);
    close(m[0], 720.0, "October");
    close(m[1], 720.0, "November");
    close(m[2], 1050.0, "December");
    // Without a start, the refresh of a rise still to come pins this month.
    let flash = plan(
        "gemini-3.8-flash",
        None,
        Some(entry(&c, "gemini-3.8-flash").pricing.clone()),
        3,
    );
    let changes = snapshot_changes(&flash, &c, Some(month("2026-12")));
    assert!(
        changes[0].summary().contains("dated prices"),
        "{}",
        changes[0].summary()
    );
    let fixed = refreshed(&flash, &changes);
    assert_eq!(fixed.start.as_deref(), Some("2026-12"));
    close(inference(&fixed)[1], 270.0, "January after refresh");
}

// --------------------------------------------------------------- the CLI

fn home(tag: &str) -> PathBuf {
    scratch_home(&format!("prices12-{tag}"))
}
fn text(b: &[u8]) -> String {
    String::from_utf8_lossy(b).into_owned()
}

fn write(home: &Path, name: &str, s: &Scenario) -> String {
    let path = home.join(name);
    std::fs::write(&path, write_plan(s)).unwrap();
    path.to_string_lossy().into_owned()
}

#[test]
fn check_is_quiet_for_the_named_model_and_warns_about_a_snapshot_of_the_ended_promotion() {
    let h = home("check");
    let named = write(&h, "named.ron", &plan("gpt-5.6", Some("2026-12"), None, 12));
    let out = run(&h, CHECKED, &["check", &named]);
    assert!(out.status.success());
    let quiet = text(&out.stdout);
    assert!(!quiet.contains("warning"), "{quiet}");

    let snap = write(&h, "snap.ron", &promo_snapshot(Some("2026-12")));
    let out = run(&h, CHECKED, &["check", &snap]);
    assert!(out.status.success(), "a warning, exit 0");
    let said = text(&out.stdout).replace("\n  ", " ");
    assert!(
        said.contains("gpt-5.6 is priced at $4.00 in / $20.00 out per 1M tokens, the promotional price that ended on 2026-11-21")
            && said.contains("from month 1 (2026-12) the catalog's price is $5.00 in / $30.00 out"),
        "{said}"
    );
    // Said once, not also as a generic "priced differently".
    assert!(!said.contains("priced differently"), "{said}");
    assert!(
        said.contains("refreshing the price snapshots would change the TCO"),
        "{said}"
    );
    // Before the promotion ended, a plan that ends with it is fine; one that
    // runs past it is told the month it would pay the list price.
    let mut nov = promo_snapshot(Some("2026-11"));
    nov.horizon_months = 1;
    let short = write(&h, "nov1.ron", &nov);
    let fine = text(&run(&h, "2026-11-10", &["check", &short]).stdout);
    assert!(!fine.contains("warning"), "{fine}");
    nov.horizon_months = 12;
    let long = write(&h, "nov12.ron", &nov);
    let told = text(&run(&h, "2026-11-10", &["check", &long]).stdout).replace("\n  ", " ");
    assert!(
        told.contains("the promotional price that ends on 2026-11-21: from month 2 (2026-12)"),
        "{told}"
    );
    // A Gemini Flash snapshot that ignores the rise: said as ending.
    let c = builtin();
    let flash = plan(
        "gemini-3.6-flash",
        None,
        Some(entry(&c, "gemini-3.6-flash").pricing.clone()),
        6,
    );
    let f = write(&h, "flash.ron", &flash);
    let said = text(&run(&h, CHECKED, &["check", &f]).stdout).replace("\n  ", " ");
    assert!(
        said.contains("the promotional price that ends on 2026-12-31: from month 2 (2027-01)"),
        "{said}"
    );
}

#[test]
fn the_report_says_it_in_the_summary_and_the_json_stays_per_spec_with_the_warning_on_stderr() {
    let h = home("report");
    let snap = write(&h, "snap.ron", &promo_snapshot(Some("2026-12")));
    let md = text(&run(&h, CHECKED, &["report", &snap, "-f", "md"]).stdout);
    let at = md.find("## Summary").unwrap();
    let summary = &md[at..md[at + 3..].find("\n## ").map_or(md.len(), |e| at + 3 + e)];
    assert!(
        summary.contains("**Price warning: gpt-5.6 is priced at $4.00 in / $20.00 out per 1M tokens, the promotional price that ended on 2026-11-21"),
        "{md}"
    );
    let html = text(&run(&h, CHECKED, &["report", &snap, "-f", "html"]).stdout);
    assert!(
        html.contains("Price warning: gpt-5.6 is priced at"),
        "the HTML too"
    );

    let out = run(&h, CHECKED, &["report", &snap, "-f", "json"]);
    assert!(out.status.success());
    let json: serde_json::Value = serde_json::from_slice(&out.stdout).expect("valid JSON");
    let mut keys: Vec<&str> = json
        .as_object()
        .unwrap()
        .keys()
        .map(String::as_str)
        .collect();
    keys.sort_unstable();
    assert_eq!(
        keys,
        [
            "cases",
            "currency",
            "error_tiers",
            "horizon_months",
            "months",
            "name",
            // Beside the spec's keys: what every format says in words.
            "statements",
            "totals"
        ]
    );
    let err = text(&out.stderr);
    assert!(
        err.contains("warning:") && err.contains("ended on 2026-11-21"),
        "{err}"
    );
    for format in ["csv", "table"] {
        let out = run(&h, CHECKED, &["report", &snap, "-f", format]);
        assert!(
            !text(&out.stdout).contains("ended on"),
            "{format}: data only"
        );
        assert!(
            text(&out.stderr).contains("ended on 2026-11-21"),
            "{format}"
        );
    }
    // A plan billed right has no warning anywhere.
    let named = write(&h, "named.ron", &plan("gpt-5.6", Some("2026-12"), None, 12));
    let out = run(&h, CHECKED, &["report", &named, "-f", "md"]);
    assert!(!text(&out.stdout).contains("Price warning") && out.stderr.is_empty());
}

#[test]
fn every_example_and_use_case_template_is_priced_on_the_day() {
    let c = builtin();
    let today = month(CHECKED);
    for t in runcost::store::plans::TEMPLATES {
        let p = runcost::store::plans::load_template_on(t, &c, Some(today)).unwrap();
        let start = runcost::model::prices::plan_start(&p, today);
        assert!(ended_prices(&p, &c, start).is_empty(), "{}", t.name);
    }
    for u in runcost::store::use_cases::USE_CASES {
        let p = runcost::store::use_cases::load_on(u, &c, &[], Some(today)).unwrap();
        let start = runcost::model::prices::plan_start(&p, today);
        assert!(ended_prices(&p, &c, start).is_empty(), "{}", u.name);
        assert!(
            snapshot_changes(&p, &c, Some(start)).is_empty(),
            "{}",
            u.name
        );
    }
    // `runcost new` writes a plan that checks clean on the day.
    let h = home("new");
    let file = h.join("new.ron");
    let f = file.to_string_lossy().into_owned();
    assert!(run(&h, CHECKED, &["new", &f]).status.success());
    let said = text(&run(&h, CHECKED, &["check", &f]).stdout);
    assert!(!said.contains("promotion"), "{said}");
}

/// The built-in catalog with gpt-5.4-mini on a promotion: $0.50 in until
/// `until_from` (exclusive), $0.75 after.
fn mini_promotion(from: &str) -> Catalog {
    let mut c = builtin();
    let i = c
        .models
        .iter()
        .position(|m| m.id == "gpt-5.4-mini")
        .unwrap();
    let list = c.models[i].pricing.clone();
    let mut promo = api(&list).clone();
    promo.input_per_mtok = 0.5;
    c.models[i].pricing = Pricing::Api(promo);
    c.models[i].schedule = vec![ScheduledPrice {
        from: from.into(),
        pricing: list,
    }];
    c.reindex();
    c
}

#[test]
fn the_interview_templates_take_the_price_in_force_and_the_dated_prices_to_come() {
    let u = runcost::store::use_cases::use_case("support").unwrap();
    // Ended before the call: the list price, nothing dated.
    let ended = mini_promotion("2026-11-22");
    let p = runcost::store::use_cases::load_on(u, &ended, &[], Some(month(CHECKED))).unwrap();
    let m = p.models.iter().find(|m| m.id == "gpt-5.4-mini").unwrap();
    assert_eq!(api(m.pricing.as_ref().unwrap()).input_per_mtok, 0.75);
    assert!(m.schedule.is_empty());
    // Ending after the call: the promotion now, the list price from its month.
    let coming = mini_promotion("2027-03-01");
    let p = runcost::store::use_cases::load_on(u, &coming, &[], Some(month(CHECKED))).unwrap();
    let m = p.models.iter().find(|m| m.id == "gpt-5.4-mini").unwrap();
    assert_eq!(api(m.pricing.as_ref().unwrap()).input_per_mtok, 0.5);
    assert_eq!(m.schedule.len(), 1);
    assert_eq!(
        p.start.as_deref(),
        Some("2026-12"),
        "placed in the plan's months"
    );
}

// --------------------------------------------------------- the workbench

fn workbench(plan: Scenario, catalog: Catalog, today: &str) -> App {
    let doc = Document::opened(plan, Some(PathBuf::from("/work/p.ron")));
    let mut app = App::new(doc, catalog, None);
    app.update(Msg::Resize {
        width: 160,
        height: 48,
    });
    app.set_date(today, month(today));
    app
}

fn screen(app: &App) -> String {
    let backend = ratatui::backend::TestBackend::new(160, 48);
    let mut t = ratatui::Terminal::new(backend).unwrap();
    t.draw(|f| runcost::ui::render(f, app, &runcost::ui::Theme { color: false }))
        .unwrap();
    t.backend()
        .buffer()
        .content()
        .chunks(160)
        .map(|l| l.iter().map(|c| c.symbol()).collect::<String>() + "\n")
        .collect()
}

#[test]
fn the_workbench_marks_the_title_bar_says_it_in_a_notice_and_p_bills_the_list_price() {
    let app_plan = promo_snapshot(Some("2026-12"));
    let mut app = workbench(app_plan.clone(), builtin(), CHECKED);
    let title = screen(&app).lines().next().unwrap().to_string();
    assert!(title.contains("⚠ promotion ended"), "{title}");
    assert!(
        app.notices.iter().any(|n| n
            .text
            .contains("the promotional price that ended on 2026-11-21")),
        "{:?}",
        app.notices
    );
    close(app.projection().months[0].inference, 720.0, "as saved");
    app.update(Msg::Key(KeyChord::ch('p')));
    close(app.projection().months[0].inference, 1050.0, "after p");
    assert!(app.ended_prices().is_empty());
    let after = screen(&app);
    assert!(!after.lines().next().unwrap().contains("promotion"));
    // What was said about the old price goes with it.
    assert!(!after.contains("promotional price"), "{after}");
    assert!(!after.contains("catalog prices changed"), "{after}");
    app.update(Msg::Key(KeyChord::ch('u')));
    assert_eq!(app.doc().plan, app_plan, "undoable");
    assert_eq!(app.ended_prices().len(), 1);
    // A rise still to come is told as ending within the plan.
    let c = builtin();
    let flash = plan(
        "gemini-3.8-flash",
        None,
        Some(entry(&c, "gemini-3.8-flash").pricing.clone()),
        6,
    );
    let app = workbench(flash, c, CHECKED);
    let title = screen(&app).lines().next().unwrap().to_string();
    assert!(title.contains("⚠ promotion ends in plan"), "{title}");
}

fn pick(app: &mut App, id: &str) {
    app.selected = app.rows.iter().position(|r| *r == Row::Model(0)).unwrap();
    app.update(Msg::Key(KeyChord::ch('m')));
    for ch in id.chars() {
        app.update(Msg::Key(KeyChord::ch(ch)));
    }
    // The list is ranked by cost: move to the exact id.
    let k = app.catalog.models.iter().position(|m| m.id == id).unwrap();
    let runcost::app::Mode::Picker(p) = app.mode() else {
        panic!("the picker is open");
    };
    let (from, to) = (
        p.cursor.selected,
        p.matches.iter().position(|&i| i == k).unwrap(),
    );
    let key = if to > from { Key::Down } else { Key::Up };
    for _ in 0..from.abs_diff(to) {
        app.update(Msg::Key(KeyChord::plain(key)));
    }
    app.update(Msg::Key(KeyChord::plain(Key::Enter)));
    assert_eq!(app.doc().plan.models[0].id, id);
}

#[test]
fn picking_a_model_snapshots_the_price_in_force_in_the_plans_first_month() {
    let mut s = scenario("support-assistant");
    s.start = None;
    // December, no start: gpt-5.6 at its list price, nothing dated, no start.
    let mut app = workbench(s.clone(), builtin(), CHECKED);
    pick(&mut app, "gpt-5.6");
    let m = &app.doc().plan.models[0];
    assert_eq!(io(m.pricing.as_ref().unwrap()), (5.0, 30.0));
    assert!(m.schedule.is_empty());
    assert_eq!(app.doc().plan.start, None);
    assert!(app.ended_prices().is_empty());
    // Gemini 3.8 Flash: the introductory price and its rise, the plan pinned
    // to this month so the rise lands in January.
    let mut app = workbench(s.clone(), builtin(), CHECKED);
    pick(&mut app, "gemini-3.8-flash");
    let m = &app.doc().plan.models[0];
    assert_eq!(io(m.pricing.as_ref().unwrap()), (0.75, 3.75));
    assert_eq!(m.schedule.len(), 1);
    assert_eq!(app.doc().plan.start.as_deref(), Some("2026-12"));
    // A plan of its own that started in October: the promotion, then the list price.
    s.start = Some("2026-10".into());
    let mut app = workbench(s, builtin(), CHECKED);
    pick(&mut app, "gpt-5.6-sol");
    let m = &app.doc().plan.models[0];
    assert_eq!(io(m.pricing.as_ref().unwrap()), (4.0, 20.0));
    assert_eq!(m.schedule[0].from, "2026-11-22");
    assert!(app.ended_prices().is_empty());
}

#[test]
fn the_picker_ranks_a_model_at_the_price_picking_it_would_bill() {
    let c = builtin();
    let mut s = plan(
        "gpt-5.4-mini",
        None,
        Some(entry(&c, "gpt-5.4-mini").pricing.clone()),
        12,
    );
    s.start = None;
    let now = project(&s).totals.tco;
    let judged = runcost::app::modes::picker_rank::judge(
        &s,
        &c,
        PickTarget::Replace(0),
        Some(CHECKED),
        Some(month(CHECKED)),
    );
    let k = c.models.iter().position(|m| m.id == "gpt-5.6").unwrap();
    // 12 months × $1,050 at the list price, not 12 × $720.
    close(judged[k].tco_change, 12.0 * 1050.0 - now, "gpt-5.6");
}

// ------------------------------------------------------- catalog (§4b)

/// The entry names where its price comes from and the day it was checked.
fn sourced(m: &CatalogModel) {
    assert!(m.source.len() > 40, "{}: a source: {}", m.id, m.source);
    assert!(m.source.contains(CHECKED), "{}: checked date", m.id);
    assert!(
        m.notes.len() > 80,
        "{}: a note says which source says what",
        m.id
    );
}

#[test]
fn gpt_5_6_terra_and_luna_keep_the_price_openais_own_pages_list_with_the_launch_price_recorded() {
    let c = builtin();
    let terra = entry(&c, "gpt-5.6-terra");
    let a = api(&terra.pricing);
    assert_eq!(
        (a.input_per_mtok, a.cached_input_per_mtok, a.output_per_mtok),
        (2.0, Some(0.2), 12.0)
    );
    let luna = entry(&c, "gpt-5.6-luna");
    let l = api(&luna.pricing);
    assert_eq!(
        (l.input_per_mtok, l.cached_input_per_mtok, l.output_per_mtok),
        (0.2, Some(0.02), 1.2)
    );
    for (m, launch) in [(terra, "$2.50 / $15"), (luna, "$1 / $6")] {
        assert!(
            m.source.contains("developers.openai.com/api/docs/models/"),
            "{}",
            m.id
        );
        assert!(m.notes.contains(launch), "{}: the reported figure", m.id);
        assert!(m.notes.contains("2026-07-30"), "{}: when it changed", m.id);
        assert!(
            m.notes.contains("Not verified"),
            "{}: what was not seen",
            m.id
        );
        // The long-context tier follows OpenAI's rule: 2x input, 1.5x output.
        let p = api(&m.pricing);
        let lc = p.long_context.as_ref().unwrap();
        assert_eq!(lc.above_tokens, 272000.0);
        assert_eq!(lc.input_per_mtok, p.input_per_mtok * 2.0);
        assert!((lc.output_per_mtok - p.output_per_mtok * 1.5).abs() < 1e-9);
        sourced(m);
    }
}

#[test]
fn claude_fable_and_mythos_5_2_are_in_the_catalog_at_8_and_40() {
    let c = builtin();
    for id in ["claude-fable-5-2", "claude-mythos-5-2"] {
        let m = entry(&c, id);
        let a = api(&m.pricing);
        assert_eq!(
            (a.input_per_mtok, a.cached_input_per_mtok, a.output_per_mtok),
            (8.0, Some(0.2), 40.0),
            "{id}"
        );
        assert_eq!(a.batch_discount_pct, 50.0, "{id}");
        assert_eq!(m.provider, "anthropic");
        assert_eq!(m.context_window, Some(1_000_000));
        assert!(m.notes.contains("2026-11-09"), "{id}: release date");
        assert!(m.source.contains("platform.claude.com"), "{id}");
        sourced(m);
        // Cheaper than the Fable 5.1 it follows.
        assert!(a.input_per_mtok < api(&entry(&c, "claude-fable-5-1").pricing).input_per_mtok);
    }
}

#[test]
fn a_mid_market_h100_option_sits_inside_the_market_with_its_price_kind_and_source() {
    let c = builtin();
    let hosted = |id: &str| match &entry(&c, id).pricing {
        Pricing::SelfHosted(h) => h.clone(),
        _ => panic!("{id} is self-hosted"),
    };
    for (mid, top) in [
        ("llama-3.1-8b-h100-hyperstack", "llama-3.1-8b-h100"),
        ("llama-3.3-70b-4xh100-hyperstack", "llama-3.3-70b-4xh100"),
    ] {
        let (m, t) = (hosted(mid), hosted(top));
        assert_eq!(m.gpu_hourly, 3.2, "{mid}");
        assert!((2.5..4.0).contains(&m.gpu_hourly) && m.gpu_hourly < t.gpu_hourly);
        // Compared on one basis: the same benchmark, GPUs and utilisation.
        assert_eq!(
            (m.tokens_per_second_per_gpu, m.min_gpus, m.utilization_pct),
            (t.tokens_per_second_per_gpu, t.min_gpus, t.utilization_pct),
            "{mid}"
        );
        let e = entry(&c, mid);
        let offer = e.offer.as_ref().unwrap();
        assert_eq!(offer.price_kind, PriceKind::OnDemand);
        assert!(offer.region.contains("Hyperstack"));
        assert_eq!(
            offer.benchmark,
            entry(&c, top).offer.as_ref().unwrap().benchmark
        );
        assert!(e.source.contains("hyperstack.cloud/gpu-pricing"), "{mid}");
        sourced(e);
    }
    // The RunPod entry says it is the top of the market and names the option.
    let runpod = entry(&c, "llama-3.1-8b-h100");
    assert!(runpod.notes.contains("top of a $2.50-$4") && runpod.notes.contains("hyperstack"));
    // The mid-market option is a break-even candidate like the others.
    let found = runcost::model::analysis::breakeven::hosting(&scenario("support-assistant"), &c);
    assert!(
        found
            .iter()
            .any(|h| h.option == "llama-3.1-8b-h100-hyperstack")
    );
}

// ---------------------------------------------------- exchange rates (§6)

fn rate(rate: f64, date: &str) -> ExchangeRate {
    ExchangeRate {
        rate,
        date: date.into(),
    }
}

#[test]
fn a_rate_is_plausible_dated_and_named_by_three_letters() {
    // Every currency in use fits: the Kuwaiti dinar to the Iranian rial.
    for (code, r) in [
        ("EUR", 0.92),
        ("GBP", 0.79),
        ("KWD", 0.307),
        ("JPY", 150.0),
        ("VND", 25_400.0),
        ("IRR", 980_000.0),
        ("chf", 0.88),
    ] {
        assert!(rate(r, "2026-11-20").problems(code).is_empty(), "{code}");
    }
    assert!(rate(MIN_RATE, "2026-11-20").problems("EUR").is_empty());
    assert!(rate(MAX_RATE, "2026-11-20").problems("EUR").is_empty());
    for bad in [
        1e-300,
        9.9e-5,
        1.000_001e6,
        1e300,
        0.0,
        -0.9,
        f64::NAN,
        f64::INFINITY,
    ] {
        let p = rate(bad, "2026-11-20").problems("GBP");
        assert_eq!(p.len(), 1, "{bad}");
        assert_eq!(p[0].path, "rate");
        assert!(p[0].allowed.contains("0.0001") && p[0].allowed.contains("1000000"));
        assert!(p[0].value.len() < 12, "said short: {}", p[0].value);
    }
    for bad in [
        "2026-11-20\nfake line",
        "2026-02-30",
        "20 Nov 2026",
        "",
        "2026-11",
    ] {
        let p = rate(0.79, bad).problems("GBP");
        assert_eq!(p.len(), 1, "{bad:?}");
        assert_eq!(p[0].path, "date");
        assert!(!p[0].value.contains('\n'), "the date is quoted, escaped");
    }
    for bad in ["GB", "EURO", "E\nU", "€UR", ""] {
        assert_eq!(
            rate(0.9, "2026-11-20").problems(bad)[0].path,
            "code",
            "{bad:?}"
        );
    }
}

#[test]
fn a_catalog_keeps_no_implausible_rate_and_never_converts_with_one() {
    let mut c = builtin();
    for (code, r, date) in [
        ("GBP", 1e-300, "2026-11-20"),
        ("JPY", 1e300, "2026-11-20"),
        ("EUR", 0.9, "2026-11-20\nfake"),
        ("CHF", 0.88, "2026-11-20"),
    ] {
        c.usd_to.insert(code.into(), rate(r, date));
    }
    assert!(c.rate_to("GBP").is_none() && c.rate_to("JPY").is_none());
    assert!(c.rate_to("EUR").is_none());
    assert_eq!(c.rate_to("chf").map(|r| r.rate), Some(0.88));
    let (kept, rejected) = c.validated();
    assert_eq!(kept.usd_to.keys().collect::<Vec<_>>(), ["CHF"]);
    assert_eq!(rejected.total(), 3);
    assert_eq!(
        rejected.by_reason.get("exchange rate out of range"),
        Some(&2)
    );
    assert_eq!(
        rejected.by_reason.get("rate date not a YYYY-MM-DD date"),
        Some(&1)
    );
}

#[test]
fn check_skips_a_bad_user_rate_with_a_message_and_never_prints_it_as_a_price() {
    let h = home("rates");
    let mut gbp = scenario("support-assistant");
    gbp.currency = "GBP".into();
    let plan = write(&h, "gbp.ron", &gbp);
    for (r, date, said) in [
        ("1e-300", "2026-11-20", "rate is 1e-300"),
        ("1e300", "2026-11-20", "rate is 1e300"),
        (
            "0.79",
            "2026-11-20\\nfake line",
            "date is \"2026-11-20\\nfake line\"",
        ),
    ] {
        std::fs::write(
            h.join("config/catalog.ron"),
            format!(
                "Catalog(as_of: \"2026-11-20\", usd_to: {{\"GBP\": (rate: {r}, date: \"{date}\")}})"
            ),
        )
        .unwrap();
        let out = run(&h, CHECKED, &["check", &plan]);
        assert!(out.status.success());
        let (stdout, stderr) = (text(&out.stdout), text(&out.stderr));
        assert!(stderr.contains(said), "{stderr}");
        assert!(stderr.contains("usd_to GBP"), "{stderr}");
        // Not used: the plan is told to give a rate, no conversion happens.
        assert!(stdout.contains("add usd_to"), "{stdout}");
        assert!(!stdout.contains("£0.00"), "{stdout}");
        assert!(!stdout.contains("fake line") && !stderr.contains("\nfake line"));
        assert!(
            !(stdout.clone() + &stderr).contains("0000000000"),
            "no 300-digit number: {stdout}{stderr}"
        );
    }
    // A good rate still converts, named with its date.
    std::fs::write(
        h.join("config/catalog.ron"),
        "Catalog(as_of: \"2026-11-20\", usd_to: {\"GBP\": (rate: 0.79, date: \"2026-11-20\")})",
    )
    .unwrap();
    let out = run(&h, CHECKED, &["check", &plan]);
    assert!(text(&out.stdout).contains("1 USD = 0.79 GBP (rate of 2026-11-20)"));
    assert!(out.stderr.is_empty(), "{}", text(&out.stderr));
}

#[test]
fn a_plan_in_another_currency_with_an_unconverted_dated_catalog_price_is_warned() {
    let c = builtin();
    // The list price after the promotion, in a EUR plan, as USD.
    let mut s = plan("gpt-5.6", Some("2026-12"), None, 3);
    s.models[0].pricing = Some(entry(&c, "gpt-5.6").schedule[0].pricing.clone());
    s.currency = "EUR".into();
    let w = runcost::model::currency::currency_warning(&s, &c).expect("warned");
    assert!(w.contains("EUR") && w.contains("gpt-5.6"), "{w}");
    // Converted at a rate, it is not.
    let mut eur = c.clone();
    eur.usd_to.insert("EUR".into(), rate(0.5, "2026-11-20"));
    let snap = runcost::model::dated::entry_snapshot(
        entry(&eur, "gpt-5.6"),
        "EUR",
        &eur,
        Some(month("2026-12")),
    );
    assert_eq!(io(&snap.pricing), (2.5, 15.0));
    s.models[0].pricing = Some(snap.pricing);
    assert_eq!(runcost::model::currency::currency_warning(&s, &eur), None);
}
