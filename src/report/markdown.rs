//! The Markdown report for a client email: headline figures, where the money
//! goes, the monthly table, every assumption with its unit, and the call notes.

use super::format::{count, money, number, pct};
use super::headline::headlines;
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

    o.push_str("\n## Where the run cost goes\n\n| Category | Horizon | Share |\n|---|---:|---:|\n");
    for k in Category::ALL {
        o.push_str(&format!(
            "| {} | {} | {} |\n",
            k.label(),
            money(t.category(k), c),
            pct(t.share_pct(k))
        ));
    }

    o.push_str("\n## Monthly projection\n\n| Month | Requests |");
    for k in Category::ALL {
        o.push_str(&format!(" {} |", k.label()));
    }
    o.push_str(" Total | Cumulative net |\n|---:|---:|");
    for _ in Category::ALL {
        o.push_str("---:|");
    }
    o.push_str("---:|---:|\n");
    for m in &p.months {
        o.push_str(&format!("| {} | {} |", m.month, count(m.requests)));
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

/// Every input of the plan with its unit, grouped by section.
pub fn assumptions(s: &Scenario) -> String {
    let c = s.currency.as_str();
    let mut o = String::from("| Section | Input | Value |\n|---|---|---:|\n");
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
                    o.push_str(&format!("| Model mix | {} | {} |\n", cell(&m.id), kind));
                }
            }
            Section::Retrieval => {
                let v = if s.retrieval.enabled {
                    format!("on, embeddings: {}", cell(&s.retrieval.embedding.id))
                } else {
                    "off".to_string()
                };
                o.push_str(&format!("| Retrieval | Retrieval | {v} |\n"));
            }
            Section::Oversight => {
                let v = match s.oversight.reviewers {
                    Reviewers::Auto => "Auto (staffed to the review load)",
                    Reviewers::Fixed(_) => "Fixed team",
                };
                o.push_str(&format!("| Oversight | Reviewer staffing | {v} |\n"));
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
                "| {} | {} | {} |\n",
                section.label(),
                label,
                shown.trim()
            ));
        }
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
