//! The Markdown report for a client email: headline figures, where the money
//! goes, the monthly table, every assumption with its unit, and the call notes.

use super::format::{count, money, number, pct};
use super::headline::{headlines, understaffing, value_parts};
use crate::model::{Category, Projection, Scenario};

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

pub use super::assumptions::assumptions;
