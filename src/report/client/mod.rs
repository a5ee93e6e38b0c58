//! The client report: everything a consultant sends after the call. Built
//! once as data ([`model::ClientReport`], sections in [`build`]) and
//! rendered as Markdown ([`markdown`]) and as a self-contained HTML page
//! ([`html`]: inline SVG charts, no JavaScript, no network) that prints
//! cleanly to PDF. Every format has the same sections, tables and numbers.

mod actuals;
mod analysis;
pub mod build;
pub mod html;
pub mod markdown;
pub mod model;
mod quality;
mod svg;
mod text_chart;

use crate::model::analysis::breakeven::{Against, hosting, minutes_to_pay_back};
use crate::model::analysis::sensitivity::{Metric, Swing, TORNADO_PCT, sensitivity_on};
use crate::model::analysis::uncertainty::{DRAWS, SEED, simulate};
use crate::model::{Catalog, Projection, Scenario};
pub use model::ClientReport;

/// P10 / P50 / P90 of the horizon TCO and P10–P90 of each month's total.
#[derive(Debug, Clone)]
pub struct Band {
    pub p10: f64,
    pub p50: f64,
    pub p90: f64,
    /// P10–P90 of each month's cash run cost (the monthly chart's band).
    pub monthly: Vec<(f64, f64)>,
    /// The same draws on cash TCO and on NPV: P10 / P50 / P90.
    pub cash_tco: [f64; 3],
    pub npv: [f64; 3],
    /// Why the plan's TCO falls outside P10–P90, when it does (the screen's
    /// words).
    pub off_band: Option<String>,
}

/// The analyses the report adds to the projection.
pub struct Findings {
    /// Every driver moved ±`TORNADO_PCT` %, largest swing of cash TCO first.
    pub swings: Vec<Swing>,
    /// The same on NPV, where the value inputs (minutes saved, realization)
    /// move it too.
    pub npv_swings: Vec<Swing>,
    /// Over the plan's ranges; `None` without ranges (or when draws overflow).
    pub band: Option<Band>,
    pub breakeven: Vec<String>,
}

pub fn findings(s: &Scenario, catalog: &Catalog) -> Findings {
    let swings = sensitivity_on(s, TORNADO_PCT, Metric::CashTco);
    let npv_swings = sensitivity_on(s, TORNADO_PCT, Metric::Npv);
    // Draws that overflow have no percentiles: no band rather than "n/a to n/a".
    let band = (!s.uncertainty.is_empty())
        .then(|| simulate(s, DRAWS, SEED))
        .filter(|sim| sim.overflowed == 0)
        .map(|sim| Band {
            p10: sim.tco.p10,
            p50: sim.tco.p50,
            p90: sim.tco.p90,
            monthly: sim.monthly_cash.iter().map(|b| (b.p10, b.p90)).collect(),
            cash_tco: [sim.cash_tco.p10, sim.cash_tco.p50, sim.cash_tco.p90],
            npv: [sim.npv.p10, sim.npv.p50, sim.npv.p90],
            off_band: sim
                .off_band
                .as_ref()
                .map(|why| super::analysis::off_band_text(s, why, 3)),
        });
    let options = hosting(s, catalog);
    let mut breakeven: Vec<String> = options
        .iter()
        .filter_map(|h| {
            let other = match h.against {
                Against::Mix => "the plan's model mix".to_string(),
                Against::ApiModels => format!(
                    "the plan's API models alone (the plan self-hosts it for {} of the traffic)",
                    crate::numbers::pct(h.plan_share_pct)
                ),
                Against::Nothing => return None,
            };
            h.requests_per_day.map(|rpd| {
                format!(
                    "{} and {other} break even at {} requests/day; above it {} is cheaper — {}",
                    h.option,
                    crate::numbers::count(rpd),
                    h.cheaper_above.as_deref().unwrap_or_default(),
                    super::breakeven::hosting_caveat(h)
                )
            })
        })
        .collect();
    if !breakeven.is_empty()
        && let Some(note) = super::breakeven::hosting_note(&options)
    {
        breakeven.push(note.to_string());
    }
    breakeven.push(super::breakeven::payback_sentence(
        s,
        minutes_to_pay_back(s),
        "The investment pays back",
    ));
    Findings {
        swings,
        npv_swings,
        band,
        breakeven,
    }
}

/// The full client report of a plan: the projection with what drives the
/// cost, how sure the figures are and where things break even.
pub fn report(s: &Scenario, p: &Projection, catalog: &Catalog, date: &str) -> ClientReport {
    let f = findings(s, catalog);
    let mut report = build::build(&build::Inputs {
        s,
        p,
        catalog_as_of: &catalog.as_of,
        date: Some(date),
        findings: Some(&f),
    });
    // Prices behind the figures that are not the plan's currency (USD
    // catalog prices in a GBP plan, as `check` warns) or not the day's (an
    // ended promotion kept in a snapshot): said in the summary, after the
    // figures, where they cannot be missed.
    let unconverted = crate::model::currency::currency_warning(s, catalog);
    if let Some(summary) = report.sections.iter_mut().find(|x| x.id == "summary") {
        let at = summary.blocks.len().min(2);
        let said = unconverted
            .clone()
            .into_iter()
            .chain(ended_prices(s, catalog, date))
            .map(|w| model::Block::Strong(format!("Price warning: {w}.")));
        summary.blocks.splice(at..at, said);
    }
    // Nor does the footer call them the plan's prices without saying so.
    if unconverted.is_some()
        && let Some(first) = report.footer.first_mut()
    {
        first.push_str(&format!(
            " Some are the catalog's {} prices, not converted to {} (see the price warning above).",
            crate::model::currency::CATALOG_CURRENCY,
            s.currency.trim()
        ));
    }
    report
}

/// A sentence for each model the plan bills at a catalog price that has
/// ended by then (a promotion kept in the snapshot), for a plan starting in
/// its own `start`, else in the report date's month.
pub fn ended_prices(s: &Scenario, catalog: &Catalog, date: &str) -> Vec<String> {
    let Some(today) = crate::model::prices::YearMonth::parse(date) else {
        return Vec::new();
    };
    let start = crate::model::prices::plan_start(s, today);
    let currency = crate::model::currency::snapshot_currency(&s.currency, catalog);
    let show = |v: f64| crate::numbers::price(v, currency);
    crate::model::dated::ended_prices(s, catalog, start)
        .iter()
        .map(|e| {
            format!(
                "{}. The figures in this report bill {} at the plan's price",
                e.fact(&show, Some(date)),
                e.id
            )
        })
        .collect()
}

/// The plain report (no analyses, no date): the same sections as far as
/// the projection alone gives them.
pub fn plain(s: &Scenario, p: &Projection, catalog_as_of: &str) -> ClientReport {
    build::build(&build::Inputs {
        s,
        p,
        catalog_as_of,
        date: None,
        findings: None,
    })
}

/// The client report as Markdown.
pub fn markdown(s: &Scenario, p: &Projection, catalog: &Catalog, date: &str) -> String {
    markdown::render(&report(s, p, catalog, date))
}

/// The client report as a self-contained HTML page.
pub fn html(s: &Scenario, p: &Projection, catalog: &Catalog, date: &str) -> String {
    html::render(&report(s, p, catalog, date))
}

/// The full report with "Plan against actuals" after the summary, when the
/// plan has actuals.
pub fn report_with(
    s: &Scenario,
    p: &Projection,
    catalog: &Catalog,
    date: &str,
    actuals: Option<&crate::model::actuals::variance::Against>,
) -> ClientReport {
    let mut r = report(s, p, catalog, date);
    if let Some(a) = actuals {
        let at = r
            .sections
            .iter()
            .position(|x| x.id == "summary")
            .map_or(0, |i| i + 1);
        r.sections.insert(at, actuals::section(s, a));
    }
    r
}
