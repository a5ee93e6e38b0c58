//! The Markdown report for a client email: headline figures, where the money
//! goes, the monthly table, every assumption with its unit, and the call notes.

use super::format::{count, money, number, pct};
use super::headline::{headlines, understaffing, value_parts};
use crate::model::fields::{Field, Section};
use crate::model::{Category, Pricing, Projection, Reviewers, Scenario};

use super::escape::markdown_cell as cell;

pub fn render(s: &Scenario, p: &Projection, catalog_as_of: &str) -> String {
    let c = s.currency.as_str();
    let t = &p.totals;
    let h = p.months.len();
    let mut o = String::new();
    o.push_str(&format!(
        "# {} — what it costs in production\n\n",
        cell(&s.name)
    ));
    if !s.client.is_empty() {
        o.push_str(&format!("**Client:** {}  \n", cell(&s.client)));
    }
    o.push_str(&format!(
        "**Horizon:** {h} months · **Currency:** {} · **Prices as of:** {catalog_as_of}\n\n",
        cell(c)
    ));

    o.push_str("## Headline figures\n\n| | |\n|---|---:|\n");
    for hl in headlines(s, p) {
        o.push_str(&format!("| {} | {} |\n", hl.label, hl.value));
    }
    o.push_str(&format!(
        "\nBuilding costs {}; running it for {h} months costs {}.\n",
        money(t.build_cost, c),
        money(t.run_cost, c)
    ));
    if let Some(parts) = value_parts(s, p) {
        o.push_str(&format!("\n{}\n", cell(&parts)));
    }
    if let Some(short) = understaffing(p) {
        o.push_str(&format!("\n**{}**\n", cell(&short)));
    }

    o.push_str("\n## Where the run cost goes\n\n| Category | Horizon | Share |\n|---|---:|---:|\n");
    for k in Category::ALL {
        o.push_str(&format!(
            "| {} | {} | {} |\n",
            k.label(),
            money(t.category(k), c),
            pct(t.share_pct(k))
        ));
    }

    let extra = MonthColumns::of(s, p);
    o.push_str("\n## Monthly projection\n\n| Month | Requests |");
    for name in extra.headers() {
        o.push_str(&format!(" {name} |"));
    }
    for k in Category::ALL {
        o.push_str(&format!(" {} |", k.label()));
    }
    o.push_str(" Total | Cumulative net |\n|---:|---:|");
    for _ in extra
        .headers()
        .iter()
        .chain(Category::ALL.iter().map(|_| &""))
    {
        o.push_str("---:|");
    }
    o.push_str("---:|---:|\n");
    for m in &p.months {
        o.push_str(&format!("| {} | {} |", m.month, count(m.requests)));
        for v in extra.cells(m) {
            o.push_str(&format!(" {v} |"));
        }
        for k in Category::ALL {
            o.push_str(&format!(" {} |", money(m.category(k), c)));
        }
        o.push_str(&format!(
            " {} | {} |\n",
            money(m.total, c),
            money(m.cumulative_net, c)
        ));
    }
    o.push_str(&format!("| **Total** | {} |", count(t.requests)));
    for _ in extra.headers() {
        o.push_str(" |");
    }
    for k in Category::ALL {
        o.push_str(&format!(" {} |", money(t.category(k), c)));
    }
    o.push_str(&format!(" **{}** | |\n", money(t.run_cost, c)));

    o.push_str("\n## Assumptions\n\n");
    o.push_str(&assumptions(s));

    if !s.notes.trim().is_empty() {
        o.push_str("\n## Notes from the call\n\n");
        for line in s.notes.lines() {
            o.push_str(&format!("> {line}\n"));
        }
    }
    o.push_str(&format!(
        "\n---\nProjected with runcost. Model prices are the plan's pricing snapshots \
         (catalog as of {catalog_as_of}); every other figure is an assumption agreed on the call.\n"
    ));
    super::escape::markup(&o).into_owned()
}

/// The monthly columns a plan adds to the monthly tables, only where they are
/// not trivial for it: adoption while a ramp runs, the wrong-answer rate
/// when it drifts, the GPUs of a version-2 plan with self-hosted models. A
/// version-1 plan has none, so its tables are as they were — except the
/// review staffing (needed, staffed, coverage) of a plan whose review team
/// falls short of the load in some month.
#[derive(Debug, Clone, Copy, Default)]
pub struct MonthColumns {
    pub adoption: bool,
    pub error_rate: bool,
    pub gpus: bool,
    pub staffing: bool,
}

impl MonthColumns {
    pub fn of(s: &Scenario, p: &Projection) -> Self {
        let v2 = s.format_version() >= 2;
        MonthColumns {
            adoption: p.months.iter().any(|m| m.adoption_pct < 100.0),
            error_rate: s.risk.drift_pct_per_month != 0.0,
            gpus: v2 && p.months.iter().any(|m| m.gpus > 0.0),
            staffing: p.months.iter().any(|m| m.review_coverage_pct < 100.0),
        }
    }

    pub fn headers(self) -> Vec<&'static str> {
        let mut v = Vec::new();
        if self.adoption {
            v.push("Adoption");
        }
        if self.error_rate {
            v.push("Error rate");
        }
        if self.gpus {
            v.push("GPUs");
        }
        if self.staffing {
            v.extend(["Reviewers needed", "Staffed", "Coverage"]);
        }
        v
    }

    pub fn cells(self, m: &crate::model::Month) -> Vec<String> {
        let mut v = Vec::new();
        if self.adoption {
            v.push(format!("{:.0} %", m.adoption_pct));
        }
        if self.error_rate {
            v.push(format!("{} %", number(m.error_rate_pct, 2)));
        }
        if self.gpus {
            v.push(count(m.gpus));
        }
        if self.staffing {
            v.extend([
                number(m.reviewer_fte_needed, 2),
                number(m.reviewer_fte_staffed, 2),
                pct(m.review_coverage_pct),
            ]);
        }
        v
    }
}

/// Every input of the plan with its unit, grouped by section; with Source
/// and Confidence columns when the plan says where its inputs come from (a
/// version-2 plan always has them, "—" where an input has no source).
pub fn assumptions(s: &Scenario) -> String {
    let c = s.currency.as_str();
    let sourced = !s.sources.is_empty() || s.format_version() >= 2;
    let mut o = if sourced {
        String::from("| Section | Input | Value | Source | Confidence |\n|---|---|---:|---|---|\n")
    } else {
        String::from("| Section | Input | Value |\n|---|---|---:|\n")
    };
    let source_of = |path: &str| -> String {
        if !sourced {
            return String::new();
        }
        match s.sources.iter().find(|x| x.field == path) {
            Some(x) => format!(
                " {} | {} |",
                if x.source.trim().is_empty() {
                    "—".to_string()
                } else {
                    cell(&x.source)
                },
                x.confidence.label()
            ),
            None => " — | none given |".to_string(),
        }
    };
    let blank = if sourced { " | |" } else { "" };
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
                    o.push_str(&format!(
                        "| Model mix | {} | {} |{blank}\n",
                        cell(&m.id),
                        kind
                    ));
                }
            }
            Section::Retrieval => {
                let v = if s.retrieval.enabled {
                    format!("on, embeddings: {}", cell(&s.retrieval.embedding.id))
                } else {
                    "off".to_string()
                };
                o.push_str(&format!("| Retrieval | Retrieval | {v} |{blank}\n"));
            }
            Section::Oversight => {
                let v = match s.oversight.reviewers {
                    Reviewers::Auto => "Auto (staffed to the review load)",
                    Reviewers::Fixed(_) => "Fixed team",
                };
                o.push_str(&format!("| Oversight | Reviewer staffing | {v} |{blank}\n"));
            }
            _ => {}
        }
        for f in fields.iter().filter(|f| f.section() == section) {
            if section == Section::Retrieval && !s.retrieval.enabled {
                continue;
            }
            let Some(v) = f.get(s) else { continue };
            let owner = match (section, f.index()) {
                (Section::Models, Some(i)) => s.models.get(i).map(|m| m.id.clone()),
                (Section::Infrastructure, Some(i)) => {
                    s.infrastructure.get(i).map(|x| x.name.clone())
                }
                _ => None,
            };
            let label = match owner {
                Some(name) => format!("{} — {}", cell(&name), f.label()),
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
            o.push_str(&format!(
                "| {} | {} | {} |{}\n",
                section.label(),
                label,
                shown.trim(),
                source_of(&f.path())
            ));
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
            o.push_str(&format!(
                "| {section} | {} | {value} |{}\n",
                cell(&label),
                source_of(&path)
            ));
            listed.push(path);
        }
    }
    for x in s.sources.iter().filter(|x| !listed.contains(&x.field)) {
        o.push_str(&format!(
            "| Other | {} | see plan |{}\n",
            cell(&x.field),
            source_of(&x.field)
        ));
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
