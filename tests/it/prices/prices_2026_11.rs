//! Issue 16: prices a consultant can stand behind on the day of the call — the
//! corrected catalog entries, retired models, GPU options that say what they
//! are, currency and the catalog's age.

use crate::common;
use crate::common::stdout;

use std::path::{Path, PathBuf};

use common::{builtin, runcost_on as run, scenario, scratch_home};
use runcost::app::keymap::{Key, KeyChord};
use runcost::app::rows::Row;
use runcost::app::{App, Document, Msg};
use runcost::model::catalog::CatalogModel;
use runcost::model::currency::{ExchangeRate, currency_warning, snapshot};
use runcost::model::lifecycle::{Lifecycle, retired_models};
use runcost::model::offer::PriceKind;
use runcost::model::prices::snapshot_changes;
use runcost::model::{ApiPricing, Catalog, Pricing, SelfHostedPricing};

const CHECKED: &str = "2026-11-28";

fn entry<'a>(c: &'a Catalog, id: &str) -> &'a CatalogModel {
    c.model_by_id(id)
        .unwrap_or_else(|| panic!("{id} in the built-in catalog"))
}

fn api(m: &CatalogModel) -> &ApiPricing {
    match &m.pricing {
        Pricing::Api(a) => a,
        _ => panic!("{} is an API model", m.id),
    }
}

fn api_of(p: &Pricing) -> &ApiPricing {
    match p {
        Pricing::Api(a) => a,
        _ => panic!("an API price"),
    }
}

fn hosted(m: &CatalogModel) -> &SelfHostedPricing {
    match &m.pricing {
        Pricing::SelfHosted(h) => h,
        _ => panic!("{} is self-hosted", m.id),
    }
}

/// The entry names where its price comes from and the day it was checked
/// (in this check, or the next one: issue 20's of 2026-12-07).
fn sourced(m: &CatalogModel) {
    assert!(m.source.len() > 20, "{}: a source: {}", m.id, m.source);
    assert!(
        [CHECKED, "checked 2026-12-07"]
            .iter()
            .any(|d| m.source.contains(d) || m.notes.contains(d)),
        "{}: checked date",
        m.id
    );
    assert!(
        !m.notes.is_empty(),
        "{}: a note says which source says what",
        m.id
    );
}

#[test]
fn gpt_5_6_promotions_end_on_2026_11_21_and_return_to_the_list_price() {
    let c = builtin();
    for id in ["gpt-5.6", "gpt-5.6-sol"] {
        let m = entry(&c, id);
        let a = api(m);
        assert_eq!(
            (a.input_per_mtok, a.cached_input_per_mtok, a.output_per_mtok),
            (4.0, Some(0.4), 20.0),
            "{id}: the promotional price until its end"
        );
        assert_eq!(m.schedule.len(), 1, "{id}");
        assert_eq!(m.schedule[0].from, "2026-11-22", "{id}: the day after");
        let after = api_of(&m.schedule[0].pricing);
        assert_eq!(
            (
                after.input_per_mtok,
                after.cached_input_per_mtok,
                after.output_per_mtok
            ),
            (5.0, Some(0.5), 30.0),
            "{id}: the list price after"
        );
        let lc = after.long_context.as_ref().unwrap();
        assert_eq!((lc.input_per_mtok, lc.output_per_mtok), (10.0, 45.0));
        assert!(
            m.source
                .contains("developers.openai.com/api/docs/models/gpt-5.6-sol")
        );
        assert!(m.notes.contains("2026-11-21"), "{id}: {}", m.notes);
        sourced(m);
    }
}

#[test]
fn gemini_3_6_to_3_8_flash_introductory_prices_double_from_2027() {
    let c = builtin();
    for id in ["gemini-3.6-flash", "gemini-3.7-flash", "gemini-3.8-flash"] {
        let m = entry(&c, id);
        let a = api(m);
        assert_eq!((a.input_per_mtok, a.output_per_mtok), (0.75, 3.75), "{id}");
        assert_eq!(m.schedule.len(), 1, "{id}");
        assert_eq!(m.schedule[0].from, "2027-01-01", "{id}");
        let after = api_of(&m.schedule[0].pricing);
        assert_eq!(
            (after.input_per_mtok, after.output_per_mtok),
            (1.5, 7.5),
            "{id}: double"
        );
        assert!(m.notes.contains("2026-12-31"), "{id}");
    }
    for id in ["gemini-3.6-flash", "gemini-3.7-flash"] {
        sourced(entry(&c, id));
    }
    // The disagreeing end date is recorded, not hidden.
    assert!(entry(&c, "gemini-3.7-flash").notes.contains("2027"));
}

#[test]
fn gpt_6_2_astra_and_sol_are_in_the_catalog() {
    let c = builtin();
    let astra = entry(&c, "gpt-6.2-astra");
    let a = api(astra);
    assert_eq!(
        (a.input_per_mtok, a.cached_input_per_mtok, a.output_per_mtok),
        (8.0, Some(0.4), 40.0)
    );
    let sol = entry(&c, "gpt-6.2-sol");
    let s = api(sol);
    assert_eq!(
        (s.input_per_mtok, s.cached_input_per_mtok, s.output_per_mtok),
        (2.0, Some(0.1), 10.0)
    );
    for m in [astra, sol] {
        assert_eq!(m.provider, "openai");
        assert!(m.notes.contains("2026-11-17"), "{}: release date", m.id);
        assert_eq!(m.lifecycle(CHECKED), Lifecycle::Active);
        sourced(m);
    }
}

#[test]
fn models_retired_before_the_catalog_date_are_retired_and_name_a_successor_in_the_catalog() {
    let c = builtin();
    for id in ["gpt-4.1-nano", "o3-mini", "o4-mini", "o1"] {
        let m = entry(&c, id);
        assert_eq!(m.deprecation.as_deref(), Some("2026-10-23"), "{id}");
        let Lifecycle::Retired { date, successor } = m.lifecycle(&c.as_of) else {
            panic!("{id} is retired on the catalog's date")
        };
        assert_eq!(date, "2026-10-23");
        let successor = successor.unwrap_or_else(|| panic!("{id} names a successor"));
        let next = entry(&c, &successor);
        assert_eq!(
            next.lifecycle(&c.as_of),
            Lifecycle::Active,
            "{id}'s successor {successor} is current"
        );
        assert!(m.notes.contains("successor"), "{id}: says whose successor");
    }
    // A model still in service before its date.
    assert!(matches!(
        entry(&c, "claude-sonnet-4-5").lifecycle("2026-11-28"),
        Lifecycle::RetiresOn(_)
    ));
}

#[test]
fn every_gpu_option_says_its_price_kind_region_and_benchmark_on_one_basis() {
    let c = builtin();
    let hosted_entries: Vec<&CatalogModel> = c
        .models
        .iter()
        .filter(|m| matches!(m.pricing, Pricing::SelfHosted(_)))
        .collect();
    assert!(hosted_entries.len() >= 6);
    for m in &hosted_entries {
        let offer = m
            .offer
            .as_ref()
            .unwrap_or_else(|| panic!("{}: offer", m.id));
        assert!(!offer.region.trim().is_empty(), "{}", m.id);
        let b = offer
            .benchmark
            .as_ref()
            .unwrap_or_else(|| panic!("{}: benchmark", m.id));
        assert!(!b.model.is_empty() && !b.precision.is_empty(), "{}", m.id);
        assert!(
            !b.concurrency.is_empty() && !b.engine.is_empty(),
            "{}",
            m.id
        );
        sourced(m);
        // On demand unless the id says otherwise.
        let spot = offer.price_kind == PriceKind::Spot;
        assert_eq!(spot, m.id.contains("spot"), "{}", m.id);
        assert_eq!(spot, m.spot_warning().is_some(), "{}", m.id);
    }
    // One basis: the default scheduler, not the multi-step figures.
    assert_eq!(
        hosted(entry(&c, "llama-3.1-8b-h100")).tokens_per_second_per_gpu,
        3958.0
    );
    assert_eq!(
        hosted(entry(&c, "llama-3.3-70b-4xh100")).tokens_per_second_per_gpu,
        573.0
    );
    // ~2K-token sequences, not 128-token chat turns.
    let q = entry(&c, "qwen3-8b-h100");
    assert_eq!(hosted(q).tokens_per_second_per_gpu, 2815.0);
    let qb = q.offer.as_ref().unwrap().benchmark.as_ref().unwrap();
    assert_eq!(
        (qb.prompt_tokens, qb.output_tokens),
        (Some(2048), Some(2048))
    );
    assert!(q.notes.contains("14,540"), "the other figure is recorded");
    // The untraced L40S figure is put on the same basis and said to be derived.
    let l40s = entry(&c, "llama-3.1-8b-l40s");
    assert_eq!(hosted(l40s).tokens_per_second_per_gpu, 1807.0);
    assert!(l40s.notes.contains("could not be traced"));
    // RunPod: on-demand Secure Cloud, with the disagreeing figures recorded.
    let h100 = entry(&c, "llama-3.1-8b-h100");
    assert_eq!(hosted(h100).gpu_hourly, 3.99);
    assert!(h100.notes.contains("2.69") && h100.notes.contains("4.76"));
    // AWS: the newest capture kept, the reported cut recorded.
    let aws = entry(&c, "llama-3.3-70b-4xh100-aws");
    assert_eq!(hosted(aws).gpu_hourly, 6.88);
    assert!(aws.notes.contains("3.90"));
    // A reserved (1-year) option where the provider publishes one.
    let reserved = entry(&c, "llama-3.1-8b-l40s-aws-1yr");
    assert_eq!(
        reserved.offer.as_ref().unwrap().price_kind,
        PriceKind::Reserved { months: 12 }
    );
    assert_eq!(hosted(reserved).gpu_hourly, 1.1724);
}

// ---------------------------------------------------------------- the CLI

fn home(tag: &str) -> PathBuf {
    scratch_home(&format!("prices-{tag}"))
}

/// The support-assistant example with its first model swapped for `id`
/// (snapshotted from the catalog) and the given currency.
fn plan_file(home: &Path, id: &str, currency: &str) -> PathBuf {
    let c = builtin();
    let mut s = scenario("support-assistant");
    s.models[0].id = id.into();
    s.models[0].pricing = Some(entry(&c, id).pricing.clone());
    s.currency = currency.into();
    let path = home.join(format!("{}-{currency}.ron", id.replace('/', "_")));
    let text = runcost::codec::plan::write_plan(&s);
    std::fs::write(&path, text).unwrap();
    path
}

#[test]
fn check_warns_about_a_retired_model_naming_its_successor_and_exits_0() {
    let h = home("retired");
    let plan = plan_file(&h, "gpt-4.1-nano", "USD");
    let out = run(&h, "2026-11-28", &["check", plan.to_str().unwrap()]);
    assert!(out.status.success(), "{out:?}");
    let text = stdout(&out);
    assert!(
        text.contains("gpt-4.1-nano was retired on 2026-10-23") && text.contains("gpt-6-luna"),
        "{text}"
    );
    // The day before it retired, it is not "retired" but retiring.
    let before = stdout(&run(&h, "2026-10-01", &["check", plan.to_str().unwrap()]));
    assert!(!before.contains("was retired"), "{before}");
    assert!(before.contains("is retired on 2026-10-23"), "{before}");
}

#[test]
fn the_catalog_listing_marks_retired_models_and_lists_them_last() {
    let h = home("listing");
    let text = stdout(&run(&h, "2026-11-28", &["catalog", "--provider", "openai"]));
    let line = |id: &str| {
        text.lines()
            .position(|l| l.trim_start().starts_with(&format!("{id} ")))
            .unwrap_or_else(|| panic!("{id} listed:\n{text}"))
    };
    let nano = text.lines().nth(line("gpt-4.1-nano")).unwrap();
    assert!(
        nano.contains("retired 2026-10-23, use gpt-6-luna"),
        "{nano}"
    );
    assert!(line("gpt-4.1-nano") > line("gpt-6.2-sol"));
    assert!(
        line("o1") > line("gpt-4o-mini"),
        "retired after every current model"
    );
    let spot = stdout(&run(&h, "2026-11-28", &["catalog", "--provider", "self"]));
    assert!(spot.contains("⚠ spot, GCP us-central1"), "{spot}");
    assert!(spot.contains("reserved 12 months, AWS us-east-1"), "{spot}");
}

#[test]
fn check_and_the_listing_say_when_the_catalog_is_over_60_days_old() {
    let h = home("age");
    let plan = plan_file(&h, "gpt-5.4-mini", "USD");
    let fresh = stdout(&run(&h, "2027-01-27", &["check", plan.to_str().unwrap()]));
    assert!(
        !fresh.contains("days old"),
        "60 days is not stale:\n{fresh}"
    );
    let old = run(&h, "2027-03-01", &["check", plan.to_str().unwrap()]);
    assert!(old.status.success());
    let old = stdout(&old);
    assert!(old.contains("the price catalog is 93 days old"), "{old}");
    assert!(old.contains("runcost catalog import"), "{old}");
    let listing = stdout(&run(&h, "2027-03-01", &["catalog"]));
    assert!(listing.contains("93 days old"), "{listing}");
}

#[test]
fn check_warns_about_spot_gpus_and_a_plan_in_another_currency() {
    let h = home("spot-eur");
    let spot = plan_file(&h, "qwen3-8b-h100-gcp-spot", "USD");
    let text = stdout(&run(&h, "2026-11-28", &["check", spot.to_str().unwrap()]));
    assert!(
        text.contains("qwen3-8b-h100-gcp-spot is priced at spot rates"),
        "{text}"
    );
    let eur = plan_file(&h, "gpt-5.4-mini", "EUR");
    let out = run(&h, "2026-11-28", &["check", eur.to_str().unwrap()]);
    assert!(out.status.success());
    let text = stdout(&out);
    assert!(
        text.contains("the plan is in EUR but gpt-5.4-mini") && text.contains("USD"),
        "{text}"
    );
    assert!(text.contains("usd_to"), "says how to give a rate: {text}");
}

#[test]
fn a_user_catalog_rate_is_read_and_named_in_the_warning() {
    let h = home("rate");
    std::fs::write(
        h.join("config/catalog.ron"),
        "Catalog(as_of: \"2026-11-20\", usd_to: {\"EUR\": (rate: 0.9, date: \"2026-11-20\")})",
    )
    .unwrap();
    let eur = plan_file(&h, "gpt-5.4-mini", "EUR");
    let text = stdout(&run(&h, "2026-11-28", &["check", eur.to_str().unwrap()]));
    assert!(
        text.contains("1 USD = 0.9 EUR (rate of 2026-11-20)"),
        "{text}"
    );
    // And the unconverted snapshot is a price the catalog (in EUR) differs from.
    assert!(
        text.contains("gpt-5.4-mini is priced differently"),
        "{text}"
    );
}

// ---------------------------------------------------------- the model

fn eur_catalog() -> Catalog {
    let mut c = builtin();
    c.usd_to.insert(
        "EUR".into(),
        ExchangeRate {
            rate: 0.5,
            date: "2026-11-20".into(),
        },
    );
    c
}

#[test]
fn a_snapshot_in_another_currency_converts_every_price_at_the_dated_rate() {
    let c = eur_catalog();
    let m = entry(&c, "gpt-5.6");
    let snap = snapshot(m, "eur", &c);
    let a = api_of(&snap.pricing);
    assert_eq!((a.input_per_mtok, a.output_per_mtok), (2.0, 10.0));
    assert_eq!(a.cached_input_per_mtok, Some(0.2));
    assert_eq!(a.batch_discount_pct, 50.0, "a percentage is not money");
    let lc = a.long_context.as_ref().unwrap();
    assert_eq!((lc.above_tokens, lc.input_per_mtok), (272000.0, 4.0));
    let after = api_of(&snap.schedule[0].pricing);
    assert_eq!((after.input_per_mtok, after.output_per_mtok), (2.5, 15.0));
    assert_eq!(snap.schedule[0].from, "2026-11-22");
    let note = snap.note.unwrap();
    assert!(
        note.contains("1 USD = 0.5 eur") && note.contains("2026-11-20"),
        "{note}"
    );
    // GPU-hours convert; throughput does not.
    let g = snapshot(entry(&c, "llama-3.1-8b-h100"), "EUR", &c);
    let Pricing::SelfHosted(h) = g.pricing else {
        panic!()
    };
    assert_eq!((h.gpu_hourly, h.tokens_per_second_per_gpu), (1.995, 3958.0));
    // USD, or a currency without a rate: as it is, no note.
    assert_eq!(snapshot(m, "USD", &c).pricing, m.pricing);
    assert_eq!(snapshot(m, "GBP", &c).note, None);
}

#[test]
fn a_eur_plan_with_catalog_prices_warns_naming_both_currencies_until_converted() {
    let plain = builtin();
    let mut s = scenario("support-assistant");
    assert_eq!(currency_warning(&s, &plain), None, "a USD plan");
    s.currency = "EUR".into();
    let w = currency_warning(&s, &plain).expect("warns");
    assert!(
        w.contains("EUR") && w.contains("USD") && w.contains("gpt-5.4-mini"),
        "{w}"
    );
    // With a rate, refreshing converts: then nothing is left to warn about.
    let c = eur_catalog();
    let changes = snapshot_changes(&s, &c, None);
    let s2 = runcost::model::prices::refreshed(&s, &changes);
    assert_eq!(currency_warning(&s2, &c), None);
    assert!(snapshot_changes(&s2, &c, None).is_empty());
}

// ---------------------------------------------------------- the workbench

fn workbench(plan: runcost::model::Scenario, catalog: Catalog, today: &str) -> App {
    let doc = Document::opened(plan, Some(PathBuf::from("/work/p.ron")));
    let mut app = App::new(doc, catalog, None);
    app.update(Msg::Resize {
        width: 120,
        height: 40,
    });
    let month = runcost::model::prices::YearMonth::parse(today).unwrap();
    app.set_date(today, month);
    app
}

#[test]
fn picking_a_model_for_a_eur_plan_converts_at_the_catalog_rate_and_notes_it() {
    let mut s = scenario("support-assistant");
    s.currency = "EUR".into();
    let mut app = workbench(s, eur_catalog(), "2026-11-28");
    app.selected = app.rows.iter().position(|r| *r == Row::Model(0)).unwrap();
    app.update(Msg::Key(KeyChord::plain(Key::Enter)));
    for c in "gpt-6.2-sol".chars() {
        app.update(Msg::Key(KeyChord::ch(c)));
    }
    app.update(Msg::Key(KeyChord::plain(Key::Enter)));
    let m = &app.doc().plan.models[0];
    assert_eq!(m.id, "gpt-6.2-sol");
    let a = api_of(m.pricing.as_ref().unwrap());
    assert_eq!((a.input_per_mtok, a.output_per_mtok), (1.0, 5.0));
    let notes = &app.doc().plan.notes;
    assert!(
        notes.contains("gpt-6.2-sol: catalog prices converted from USD to EUR at 1 USD = 0.5 EUR (rate of 2026-11-20"),
        "{notes}"
    );
    assert!(
        notes.starts_with("Discovery call"),
        "the plan's own notes kept"
    );
}

#[test]
fn the_workbench_names_a_retired_models_successor_and_marks_it() {
    let c = builtin();
    let mut s = scenario("support-assistant");
    s.models[0].id = "o3-mini".into();
    s.models[0].pricing = Some(entry(&c, "o3-mini").pricing.clone());
    let app = workbench(s.clone(), c.clone(), "2026-11-28");
    assert_eq!(retired_models(&s, &c, "2026-11-28").len(), 1);
    assert_eq!(app.retired_models().len(), 1);
    assert!(
        app.notices
            .iter()
            .any(|n| n.text.contains("o3-mini was retired") && n.text.contains("gpt-5.4-mini")),
        "{:?}",
        app.notices
    );
    assert_eq!(app.catalog_stale_days(), None);
    // On a later day the catalog is stale and the workbench says how to refresh.
    let later = workbench(s, c, "2027-02-01");
    assert_eq!(later.catalog_stale_days(), Some(65));
    assert!(
        later
            .notices
            .iter()
            .any(|n| n.text.contains("65 days old") && n.text.contains("runcost catalog import"))
    );
}

#[test]
fn litellm_successor_model_is_imported() {
    let json = r#"{"old-model": {"litellm_provider": "openai", "mode": "chat",
        "input_cost_per_token": 1e-6, "output_cost_per_token": 2e-6,
        "deprecation_date": "2026-01-01", "successor_model": "new-model"}}"#;
    let (out, _) = runcost::codec::litellm::import(
        json,
        &Catalog::default(),
        &Catalog::default(),
        None,
        "2026-11-28",
    )
    .unwrap();
    let m = out.model("old-model").unwrap();
    assert_eq!(m.successor.as_deref(), Some("new-model"));
    assert_eq!(
        m.lifecycle("2026-11-28"),
        Lifecycle::Retired {
            date: "2026-01-01".into(),
            successor: Some("new-model".into())
        }
    );
    // And it survives the user catalog's file form.
    let text = runcost::codec::litellm::write_catalog(&out);
    let back = runcost::codec::catalog::parse_catalog(&text).unwrap();
    assert_eq!(
        back.model("old-model").unwrap().successor.as_deref(),
        Some("new-model")
    );
}

#[test]
fn spot_gpus_are_not_offered_as_an_always_on_break_even_option() {
    let c = builtin();
    let found = runcost::model::analysis::breakeven::hosting(&scenario("support-assistant"), &c);
    assert!(found.iter().any(|h| h.option == "qwen3-8b-h100"));
    assert!(
        found.iter().all(|h| !h.option.contains("spot")),
        "{found:?}"
    );
}

#[test]
fn the_listing_and_the_picker_show_the_price_in_force_today_not_an_ended_promotion() {
    let c = builtin();
    let m = entry(&c, "gpt-5.6");
    // Before the promotion ended, its price; after, the list price.
    assert_eq!(api_of(m.pricing_on("2026-11-21")).input_per_mtok, 4.0);
    assert_eq!(api_of(m.pricing_on("2026-11-28")).input_per_mtok, 5.0);
    assert_eq!(api_of(m.pricing_on("2026-11-28")).output_per_mtok, 30.0);
    assert_eq!(api_of(m.pricing_on("not a date")).input_per_mtok, 4.0);

    let dir = tempfile::tempdir().unwrap();
    let row = |today: &str| {
        let out = run(dir.path(), today, &["catalog", "--provider", "openai"]);
        let text = String::from_utf8_lossy(&out.stdout).into_owned();
        text.lines()
            .find(|l| l.trim_start().starts_with("gpt-5.6 "))
            .unwrap_or_else(|| panic!("no gpt-5.6 row:\n{text}"))
            .to_string()
    };
    let after = row("2026-11-28");
    assert!(after.contains("5.00") && after.contains("30.00"), "{after}");
    assert!(
        !after.contains("20.00"),
        "the ended promotion shown: {after}"
    );
    let during = row("2026-11-10");
    assert!(
        during.contains("4.00") && during.contains("20.00"),
        "{during}"
    );

    // The picker, on the same day, shows the list price too.
    let mut app = App::new(
        Document::opened(scenario("support-assistant"), None),
        c.clone(),
        None,
    );
    app.set_date(
        "2026-11-28",
        runcost::model::prices::YearMonth {
            year: 2026,
            month: 11,
        },
    );
    app.update(Msg::Resize {
        width: 160,
        height: 48,
    });
    let i = app
        .rows
        .iter()
        .position(|r| matches!(r, Row::Model(0)))
        .unwrap();
    app.selected = i;
    app.update(Msg::Key(KeyChord::ch('m')));
    for ch in "gpt-5.6-sol".chars() {
        app.update(Msg::Key(KeyChord::ch(ch)));
    }
    let backend = ratatui::backend::TestBackend::new(160, 48);
    let mut t = ratatui::Terminal::new(backend).unwrap();
    t.draw(|f| runcost::ui::render(f, &app, &runcost::ui::Theme { color: false }))
        .unwrap();
    let screen: String = t
        .backend()
        .buffer()
        .content()
        .chunks(160)
        .map(|l| l.iter().map(|c| c.symbol()).collect::<String>() + "\n")
        .collect();
    let line = screen
        .lines()
        .find(|l| l.contains("gpt-5.6-sol") && !l.contains("Filter"))
        .unwrap_or_else(|| panic!("{screen}"));
    assert!(line.contains("$5.00") && line.contains("$30.00"), "{line}");
}
