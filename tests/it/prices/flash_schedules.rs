//! The Gemini Flash models at the 3.6–3.8 introductory price, the
//! `gemini-flash-latest` alias among them, all carry the same rise on
//! 2027-01-01, and every dated Gemini price keeps the cached price no
//! higher than the input price.

use crate::common;

use common::builtin;
use runcost::model::pricing::Pricing;

fn api(p: &Pricing) -> &runcost::model::pricing::ApiPricing {
    match p {
        Pricing::Api(a) => a,
        Pricing::SelfHosted(_) => panic!("an API model"),
    }
}

#[test]
fn every_flash_model_at_the_introductory_price_doubles_on_2027_01_01() {
    let catalog = builtin();
    let reference = catalog.model("gemini-3.8-flash").unwrap();
    let at_intro: Vec<_> = catalog
        .models
        .iter()
        .filter(|m| m.provider == "gemini" && m.id.contains("flash") && !m.id.contains("lite"))
        .filter(|m| m.pricing == reference.pricing)
        .map(|m| m.id.as_str())
        .collect();
    for id in [
        "gemini-3.6-flash",
        "gemini-3.7-flash",
        "gemini-3.8-flash",
        "gemini-flash-latest",
    ] {
        assert!(
            at_intro.contains(&id),
            "{id} is at the introductory price: {at_intro:?}"
        );
    }
    for id in &at_intro {
        let m = catalog.model(id).unwrap();
        assert_eq!(m.schedule, reference.schedule, "{id}");
        assert!(
            m.notes.contains("2027-01-01") || m.notes.contains("2026-12-31"),
            "{id}: the entry says where its date comes from"
        );
    }
}

#[test]
fn no_dated_gemini_price_bills_cached_input_above_the_input_price() {
    let catalog = builtin();
    for m in catalog.models.iter().filter(|m| m.provider == "gemini") {
        for s in &m.schedule {
            let a = api(&s.pricing);
            let cached = a.cached_input_per_mtok.unwrap_or(a.input_per_mtok);
            assert!(cached <= a.input_per_mtok, "{} from {}", m.id, s.from);
        }
    }
}
