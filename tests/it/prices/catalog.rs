//! The built-in catalog: readable, sourced, priced, and covering what a
//! consultant reaches for.

use crate::common;

use std::collections::HashSet;

use common::builtin;
use runcost::model::Pricing;

#[test]
fn the_built_in_catalog_parses_with_a_date() {
    let text = include_str!("../../../assets/catalog.ron");
    let c = runcost::codec::catalog::parse_catalog(text).expect("assets/catalog.ron parses");
    assert_eq!(c.as_of, "2026-11-28");
    assert!(c.models.len() >= 60, "{} models", c.models.len());
    assert!(c.embeddings.len() >= 10);
}

#[test]
fn ids_and_aliases_are_unique_and_every_entry_is_sourced_and_priced() {
    let c = builtin();
    let mut seen = HashSet::new();
    for m in &c.models {
        assert!(seen.insert(m.id.clone()), "duplicate id {}", m.id);
        for a in &m.aliases {
            assert!(seen.insert(a.clone()), "duplicate alias {a}");
        }
        assert!(!m.source.trim().is_empty(), "{} has no source", m.id);
        assert!(!m.provider.is_empty());
        match &m.pricing {
            Pricing::Api(a) => {
                assert!(
                    a.input_per_mtok > 0.0 && a.output_per_mtok > 0.0,
                    "{} is priced at $0",
                    m.id
                );
                assert!((0.0..=100.0).contains(&a.batch_discount_pct));
                if let Some(t) = &a.long_context {
                    assert!(
                        t.input_per_mtok >= a.input_per_mtok,
                        "{} tier is dearer",
                        m.id
                    );
                }
            }
            Pricing::SelfHosted(h) => {
                assert!(h.gpu_hourly > 0.0 && h.tokens_per_second_per_gpu > 0.0);
                assert!(h.utilization_pct > 0.0 && h.utilization_pct <= 100.0);
            }
        }
        if let Some(d) = &m.deprecation {
            assert!(
                d.len() == 10 && d.as_bytes()[4] == b'-',
                "{}: date {d}",
                m.id
            );
        }
    }
    for e in &c.embeddings {
        assert!(e.per_mtok > 0.0 && !e.source.is_empty(), "{}", e.id);
    }
}

#[test]
fn covers_current_lineups_open_weights_self_hosting_and_embeddings() {
    let c = builtin();
    for id in [
        // OpenAI flagship, mid, small
        "gpt-5.5",
        "gpt-5.4",
        "gpt-5.4-mini",
        "gpt-5.4-nano",
        // Anthropic
        "claude-opus-5-5",
        "claude-sonnet-5-5",
        "claude-haiku-5-5",
        // Google
        "gemini-3.1-pro-preview",
        "gemini-3.8-flash",
        "gemini-3.5-flash-lite",
        // hosted open weights
        "deepinfra/meta-llama/Llama-3.3-70B-Instruct-Turbo",
        "deepseek-v4-flash",
        "deepinfra/Qwen/Qwen3-235B-A22B-Instruct-2507",
        "mistral/mistral-large-3",
        "together_ai/openai/gpt-oss-120b",
        // self-hosted
        "llama-3.1-8b-h100",
        "llama-3.3-70b-4xh100",
    ] {
        assert!(c.model(id).is_some(), "{id} missing");
    }
    assert!(
        c.model("gemini/gemini-3.1-pro-preview").is_some(),
        "provider-prefixed alias"
    );
    let hosted: Vec<_> = c
        .models
        .iter()
        .filter_map(|m| match &m.pricing {
            Pricing::SelfHosted(h) => Some(h.min_gpus),
            Pricing::Api(_) => None,
        })
        .collect();
    assert!(
        hosted.contains(&1) && hosted.contains(&4),
        "one-GPU and four-GPU options"
    );
    assert!(c.embedding("text-embedding-3-small").is_some());
    assert_eq!(
        c.embedding("text-embedding-3-small").unwrap().per_mtok,
        0.02
    );
}

#[test]
fn spec_example_ids_resolve_from_the_catalog() {
    let c = builtin();
    let pro = c.model("gemini-3.1-pro-preview").unwrap();
    let Pricing::Api(a) = &pro.pricing else {
        panic!("API model")
    };
    assert_eq!((a.input_per_mtok, a.output_per_mtok), (2.0, 12.0));
    assert_eq!(a.long_context.as_ref().unwrap().above_tokens, 200_000.0);
    let Pricing::SelfHosted(h) = &c.model("llama-3.3-70b-4xh100").unwrap().pricing else {
        panic!("self-hosted")
    };
    assert_eq!(
        (h.gpu_hourly, h.tokens_per_second_per_gpu, h.min_gpus),
        // Corrected in issue 16: on-demand price, default-scheduler throughput.
        (3.99, 573.0, 4)
    );
}

#[test]
fn suggestions_put_the_closest_id_first() {
    let c = builtin();
    assert_eq!(c.suggest_models("gpt-5.4-mnii")[0], "gpt-5.4-mini");
    assert_eq!(c.suggest_models("claude-sonet-5-5")[0], "claude-sonnet-5-5");
    assert_eq!(
        c.suggest_embeddings("text-embeding-3-large")[0],
        "text-embedding-3-large"
    );
}
