//! The assumptions table of the reports: every input with its unit, grouped
//! by section, with its source and confidence where the plan says. Built as
//! data (plain text cells); each format escapes it where it writes it.

use super::client::model::{Align, Table};
use super::format::{money, number};
use crate::model::fields::{Field, Section};
use crate::model::{Pricing, Reviewers, Scenario};

/// Every input of the plan with its unit, grouped by section; with Source
/// and Confidence columns when the plan says where its inputs come from (a
/// version-2 plan always has them, "—" where an input has no source).
pub fn assumptions(s: &Scenario) -> String {
    super::client::markdown::table(&assumptions_table(s))
}

/// The assumptions as a table of plain text.
pub fn assumptions_table(s: &Scenario) -> Table {
    let c = s.currency.as_str();
    let sourced = !s.sources.is_empty() || s.format_version() >= 2;
    let mut columns = vec![
        ("Section", Align::Left),
        ("Input", Align::Left),
        ("Value", Align::Right),
    ];
    if sourced {
        columns.extend([("Source", Align::Left), ("Confidence", Align::Left)]);
    }
    let mut o = Table::new(columns);
    let source_of = |path: &str| -> Vec<String> {
        if !sourced {
            return Vec::new();
        }
        match s.sources.iter().find(|x| x.field == path) {
            Some(x) => vec![
                if x.source.trim().is_empty() {
                    "—".to_string()
                } else {
                    x.source.clone()
                },
                x.confidence.label().to_string(),
            ],
            None => vec!["—".into(), "none given".into()],
        }
    };
    let blank = || -> Vec<String> {
        if sourced {
            vec![String::new(), String::new()]
        } else {
            Vec::new()
        }
    };
    let push = |o: &mut Table, cells: [String; 3], rest: Vec<String>| {
        let mut row = cells.to_vec();
        row.extend(rest);
        o.row(row);
    };
    let fields = Field::all(s);
    for section in Section::ALL {
        match section {
            Section::Models => {
                for m in &s.models {
                    let kind = match &m.pricing {
                        Some(Pricing::Api(_)) => "API, billed per token",
                        Some(Pricing::SelfHosted(_)) => "self-hosted, always-on GPUs",
                        None => "unpriced",
                    };
                    push(
                        &mut o,
                        ["Model mix".into(), m.id.clone(), kind.into()],
                        blank(),
                    );
                }
            }
            Section::Retrieval => {
                let v = if s.retrieval.enabled {
                    format!("on, embeddings: {}", s.retrieval.embedding.id)
                } else {
                    "off".to_string()
                };
                push(&mut o, ["Retrieval".into(), "Retrieval".into(), v], blank());
            }
            Section::Oversight => {
                let v = match s.oversight.reviewers {
                    Reviewers::Auto => "Auto (staffed to the review load)",
                    Reviewers::Fixed(_) => "Fixed team",
                };
                push(
                    &mut o,
                    ["Oversight".into(), "Reviewer staffing".into(), v.into()],
                    blank(),
                );
            }
            _ => {}
        }
        for f in fields.iter().filter(|f| f.section() == section) {
            if section == Section::Retrieval && !s.retrieval.enabled {
                continue;
            }
            let Some(v) = f.get(s) else { continue };
            let label = match f.owner(s) {
                Some(name) => format!("{name} — {}", f.label()),
                None => f.label().to_string(),
            };
            let shown = if f.is_money() {
                let places = if v.abs() < 100.0 && v.fract() != 0.0 {
                    4
                } else {
                    0
                };
                format!(
                    "{} {}",
                    money_or_price(v, c, places),
                    f.unit().trim_start_matches('$').trim_start_matches(' ')
                )
            } else {
                format!("{} {}", number(v, 4), f.unit())
            };
            push(
                &mut o,
                [section.label().into(), label, shown.trim().into()],
                source_of(&f.path()),
            );
        }
    }
    // The version-2 inputs the plan sets (until they are fields of the input
    // table), then any other sourced input without a row, by its path.
    let mut listed: Vec<String> = fields.iter().map(|f| f.path()).collect();
    for (path, set) in s.v2_inputs() {
        if !set || listed.contains(&path) || path == "sources" || path.contains("error_costs[") {
            continue;
        }
        if let Some((section, label, value)) = v2_row(s, &path) {
            push(&mut o, [section.into(), label, value], source_of(&path));
            listed.push(path);
        }
    }
    for x in s.sources.iter().filter(|x| !listed.contains(&x.field)) {
        push(
            &mut o,
            ["Other".into(), x.field.clone(), "see plan".into()],
            source_of(&x.field),
        );
    }
    o
}

fn money_or_price(v: f64, currency: &str, places: usize) -> String {
    if places == 0 {
        money(v, currency)
    } else {
        let s = super::format::money_places(v, currency, places);
        // Trim trailing zeros of prices: $0.0750 → $0.075.
        if s.contains('.') {
            s.trim_end_matches('0').trim_end_matches('.').to_string()
        } else {
            s
        }
    }
}

/// A version-2 input as an assumptions row: (section, label, value with unit).
fn v2_row(s: &Scenario, path: &str) -> Option<(&'static str, String, String)> {
    let c = s.currency.as_str();
    let w = &s.workload;
    let row = |section, label: &str, value: String| Some((section, label.to_string(), value));
    match path {
        "workload.calls_per_request" => row(
            "Volume",
            "Model calls per request",
            format!("{} calls", number(w.calls_per_request, 2)),
        ),
        "workload.ramp_months" => row(
            "Volume",
            "Adoption ramp",
            format!("{} months", w.ramp_months),
        ),
        "workload.ramp_start_pct" => row(
            "Volume",
            "Adoption in month 1",
            format!("{} %", number(w.ramp_start_pct, 2)),
        ),
        "build.months" => row(
            "Build",
            "Build months before go-live",
            format!("{} months", s.build.months),
        ),
        "risk.drift_pct_per_month" => row(
            "Risk",
            "Error-rate drift (reset by each model update)",
            format!("{} %/month", number(s.risk.drift_pct_per_month, 2)),
        ),
        "risk.error_costs" => row(
            "Risk",
            "Cost of an error by severity",
            s.risk
                .error_costs
                .iter()
                .map(|t| {
                    format!(
                        "{} {} % at {}",
                        t.name,
                        number(t.share_pct, 2),
                        money(t.cost, c)
                    )
                })
                .collect::<Vec<_>>()
                .join("; "),
        ),
        "value.baseline_error_rate_pct" => row(
            "Value",
            "Today's error rate (baseline)",
            format!("{} %", number(s.value.baseline_error_rate_pct, 2)),
        ),
        "value.realization_pct" => row(
            "Value",
            "Saved time that becomes money",
            format!("{} %", number(s.value.realization_pct, 2)),
        ),
        "value.discount_rate_pct_per_year" => row(
            "Value",
            "Discount rate",
            format!("{} %/yr", number(s.value.discount_rate_pct_per_year, 2)),
        ),
        _ => {
            let rest = path.strip_prefix("models[")?;
            let (i, field) = rest.split_once("].")?;
            let m = s.models.get(i.parse::<usize>().ok()?)?;
            let hosted = match &m.pricing {
                Some(Pricing::SelfHosted(h)) => Some(h),
                _ => None,
            };
            let (label, value) = match field {
                "error_rate_pct" => ("Error rate", format!("{} %", number(m.error_rate_pct?, 2))),
                "token_factor" => ("Token factor", format!("{}×", number(m.token_factor, 2))),
                "pricing.peak_to_average" => (
                    "Peak over average load",
                    format!("{}×", number(hosted?.peak_to_average, 2)),
                ),
                "pricing.gpus_per_replica" => (
                    "GPUs per replica",
                    format!("{} GPUs", hosted?.gpus_per_replica),
                ),
                "pricing.spare_replicas" => {
                    ("Spare replicas", format!("{}", hosted?.spare_replicas))
                }
                _ => return None,
            };
            Some(("Model mix", format!("{} — {label}", m.id), value))
        }
    }
}
