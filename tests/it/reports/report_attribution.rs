//! Every statement of the client report about who gave a figure follows
//! from its recorded source and confidence: "What we still need from you"
//! says the figures rest on a Low-confidence source or none (never "not
//! yours" beside "Client's growth plan"), and names each source as the
//! Assumptions table does ("none given" when there is none); a plan in
//! another currency carrying the catalog's USD prices says so in the report
//! as `check` does.

use crate::common;
use crate::common::EXAMPLES;

use common::{builtin, scenario};
use runcost::app::interview::questions::asked_paths;
use runcost::model::analysis::followup::follow_ups;
use runcost::model::currency::{convert_pricing, currency_warning};
use runcost::model::{Scenario, project};
use runcost::report::assumptions::NONE_GIVEN;
use runcost::report::client::{html, markdown};
use runcost::report::followup::{INTRO, LIMIT, lines};
use runcost::store::use_cases::{USE_CASES, load};

const DATE: &str = "2026-12-07";

fn plans() -> Vec<(String, Scenario)> {
    let mut v: Vec<(String, Scenario)> = EXAMPLES
        .iter()
        .map(|n| (n.to_string(), scenario(n)))
        .collect();
    for u in USE_CASES {
        v.push((
            u.name.to_string(),
            load(u, &builtin(), &asked_paths(u.name)).unwrap(),
        ));
    }
    v
}

#[test]
fn what_we_still_need_says_only_what_the_sources_say() {
    assert!(!INTRO.contains("not yours") && !INTRO.contains("our assumptions"));
    assert!(INTRO.contains("Low-confidence source"), "{INTRO}");
    for (name, s) in plans() {
        let fs = follow_ups(&s, LIMIT);
        let ls = lines(&s);
        assert_eq!(fs.len(), ls.len(), "{name}");
        for (f, l) in fs.iter().zip(&ls) {
            let want = match &f.source {
                None => format!("(source: {NONE_GIVEN});"),
                Some(x) => format!("(source: {}, {});", x.source.trim(), x.confidence.label()),
            };
            assert!(l.contains(&want), "{name}: {l} (want {want})");
            assert!(!l.contains("no source yet"), "{name}: {l}");
        }
        let md = markdown(&s, &project(&s), &builtin(), DATE);
        assert!(!md.contains("not yours"), "{name}");
    }
}

#[test]
fn the_clients_growth_plan_is_named_as_its_source_not_as_our_assumption() {
    let s = scenario("support-assistant");
    let md = markdown(&s, &project(&s), &builtin(), DATE);
    let section = md
        .split("## What we still need from you")
        .nth(1)
        .unwrap()
        .split("\n## ")
        .next()
        .unwrap();
    assert!(
        section.contains(
            "Volume ceiling — now 4,000 req/day (source: Client's peak-season volume forecast, Low);"
        ),
        "{section}"
    );
    assert!(
        section.contains("Cost per uncaught error — now $18 /error (source: none given);"),
        "{section}"
    );
}

/// A copy of the example in `currency`, its prices as the catalog has them.
fn in_currency(name: &str, currency: &str) -> Scenario {
    let mut s = scenario(name);
    s.currency = currency.into();
    s
}

#[test]
fn a_plan_in_another_currency_with_usd_catalog_prices_says_so_in_the_report() {
    for (name, cur, sign) in [
        ("support-assistant", "GBP", "£"),
        ("claims-agent", "EUR", "€"),
        // (The self-hosted example sizes a model of its own, not listed.)
        ("compliance-review", "JPY", "¥"),
    ] {
        let s = in_currency(name, cur);
        let w = currency_warning(&s, &builtin()).expect("check warns");
        let p = project(&s);
        let md = markdown(&s, &p, &builtin(), DATE);
        let summary = md
            .split("## Summary")
            .nth(1)
            .unwrap()
            .split("\n## ")
            .next()
            .unwrap();
        let said = format!("Price warning: {w}.").replace('_', "\\_");
        assert!(summary.contains(&said), "{name}: {summary}");
        assert!(md.contains(sign), "{name}");
        let foot = md.rsplit_once("\n---\n").unwrap().1;
        assert!(
            foot.contains(&format!("the catalog's USD prices, not converted to {cur}")),
            "{name}: {foot}"
        );
        let page = html(&s, &p, &builtin(), DATE);
        assert!(page.contains("Price warning: the plan is in "), "{name}");
        assert!(page.contains(&format!("not converted to {cur}")), "{name}");
    }
}

#[test]
fn converted_prices_and_usd_plans_carry_no_currency_warning() {
    let mut s = in_currency("support-assistant", "GBP");
    for m in &mut s.models {
        let p = m.pricing.clone().expect("snapshotted prices");
        m.pricing = Some(convert_pricing(&p, 0.79));
    }
    assert_eq!(currency_warning(&s, &builtin()), None);
    for plan in [s, scenario("support-assistant")] {
        let md = markdown(&plan, &project(&plan), &builtin(), DATE);
        assert!(!md.contains("prices unconverted"), "{md}");
        assert!(!md.contains("not converted to"), "{md}");
    }
}
