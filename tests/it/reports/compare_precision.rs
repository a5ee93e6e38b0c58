//! `runcost compare` writes every cost per request of a comparison, and its
//! difference from the baseline, with one number of decimals: never
//! "$1.00" beside "$0.6026". For every pair of examples and variants whose
//! cost per request crosses $1 or a cent, in the table and in Markdown; CSV
//! writes them at full precision.

use crate::common;
use crate::common::EXAMPLES;

use common::scenario;
use runcost::model::{Projection, Scenario, project};
use runcost::report::compare::{Entry, csv, markdown, table};

/// The decimals of every amount after a currency sign in `line`.
fn decimals(line: &str) -> Vec<usize> {
    let mut out = Vec::new();
    let mut rest = line;
    while let Some(at) = rest.find('$') {
        let amount: String = rest[at + 1..]
            .chars()
            .take_while(|c| c.is_ascii_digit() || *c == ',' || *c == '.')
            .collect();
        out.push(amount.split_once('.').map_or(0, |(_, d)| d.len()));
        rest = &rest[at + 1..];
    }
    out
}

fn plans() -> Vec<Scenario> {
    let mut v: Vec<Scenario> = EXAMPLES.iter().map(|n| scenario(n)).collect();
    // A plan at a fraction of a cent a request, and one above $100.
    let mut tiny = scenario("support-assistant");
    tiny.build.initial_cost = 0.0;
    tiny.workload.requests_per_day *= 50.0;
    v.push(tiny);
    let mut dear = scenario("doc-processing-small");
    dear.build.initial_cost *= 400.0;
    v.push(dear);
    v
}

fn rows(of: &str, starts: &str) -> Vec<String> {
    of.lines()
        .filter(|l| l.trim_start().trim_start_matches("| ").starts_with(starts))
        .map(str::to_string)
        .collect()
}

#[test]
fn every_cost_per_request_in_a_comparison_has_the_same_decimals() {
    let plans = plans();
    let ps: Vec<Projection> = plans.iter().map(project).collect();
    let mut mixed = 0;
    for i in 0..plans.len() {
        for j in 0..plans.len() {
            if i == j {
                continue;
            }
            let entries = [i, j].map(|k| Entry {
                file: format!("{k}.ron"),
                plan: &plans[k],
                projection: &ps[k],
            });
            let a = ps[i].totals.cost_per_request.unwrap();
            let b = ps[j].totals.cost_per_request.unwrap();
            if (a >= 1.0) != (b >= 1.0) || (a >= 0.01) != (b >= 0.01) {
                mixed += 1;
            }
            for text in [table(&entries, None), markdown(&entries)] {
                let line = rows(&text, "Per request");
                assert_eq!(line.len(), 1, "{text}");
                let d = decimals(&line[0]);
                assert_eq!(d.len(), 3, "{}", line[0]);
                assert!(d.iter().all(|&x| x == d[0]), "{}", line[0]);
                assert!(d[0] >= 2 || a >= 100.0 && b >= 100.0, "{}", line[0]);
            }
            // CSV: the exact numbers, which read back as the projection's.
            let out = csv(&entries).unwrap();
            let value = out
                .lines()
                .filter(|l| l.contains(",cost_per_request,"))
                .nth(1)
                .unwrap()
                .split(',')
                .nth(3)
                .unwrap()
                .parse::<f64>()
                .unwrap();
            assert_eq!(value, b);
        }
    }
    assert!(mixed > 4, "only {mixed} pairs cross $1 or a cent");
}

#[test]
fn the_reviewers_pair_shows_the_self_hosted_cost_to_the_cent_fraction() {
    let a = scenario("support-assistant");
    let b = scenario("support-self-hosted");
    let (pa, pb) = (project(&a), project(&b));
    let entries = [
        common::compare_entry("a.ron", &a, &pa),
        common::compare_entry("b.ron", &b, &pb),
    ];
    let t = table(&entries, None);
    let line = &rows(&t, "Per request")[0];
    assert!(!line.contains("$1.00 "), "{line}");
    let cents = |p: &runcost::model::Projection| {
        runcost::numbers::money_places(p.totals.cost_per_request.unwrap(), "USD", 4)
    };
    assert!(
        line.contains(&cents(&pa)) && line.contains(&cents(&pb)),
        "{} and {} in {line}",
        cents(&pa),
        cents(&pb)
    );
}
