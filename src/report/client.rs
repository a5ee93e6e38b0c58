//! The client report: everything a consultant sends after the call, as
//! Markdown and as a self-contained HTML page (inline SVG charts, no
//! JavaScript, no network) that prints cleanly to PDF.

use super::format::{money, money_short, pct};
use super::headline::headlines;
use crate::model::analysis::breakeven::{hosting, minutes_to_pay_back};
use crate::model::analysis::sensitivity::{Swing, TORNADO_PCT, sensitivity};
use crate::model::analysis::uncertainty::{DRAWS, SEED, ranges, simulate};
use crate::model::{Catalog, Category, Projection, Scenario};

/// The analyses the report adds to the projection.
pub struct Findings {
    /// Every driver moved ±`TORNADO_PCT` %, largest swing first (computed once
    /// for both the Markdown and the HTML tables).
    pub swings: Vec<Swing>,
    pub sensitivity_md: String,
    pub band: Option<(f64, f64, f64)>,
    pub breakeven: Vec<String>,
}

pub fn findings(s: &Scenario, catalog: &Catalog) -> Findings {
    let swings = sensitivity(s, TORNADO_PCT);
    let sensitivity_md = super::analysis::sensitivity_md(s, &swings, TORNADO_PCT, 5);
    // Draws that overflow have no percentiles: no band rather than "n/a to n/a".
    let band = (!s.uncertainty.is_empty())
        .then(|| simulate(s, DRAWS, SEED))
        .filter(|sim| sim.overflowed == 0)
        .map(|sim| (sim.tco.p10, sim.tco.p50, sim.tco.p90));
    let options = hosting(s, catalog);
    let mut breakeven: Vec<String> = options
        .iter()
        .filter_map(|h| {
            h.requests_per_day.map(|rpd| {
                format!(
                    "{} and the plan's model mix break even at {} requests/day; above it {} is cheaper — {}",
                    h.option,
                    super::format::count(rpd),
                    h.cheaper_above,
                    super::analysis::hosting_caveat(h)
                )
            })
        })
        .collect();
    if !breakeven.is_empty()
        && let Some(note) = super::analysis::hosting_note(&options)
    {
        breakeven.push(note.to_string());
    }
    if let Some(m) = minutes_to_pay_back(s) {
        breakeven.push(format!(
            "The investment pays back within {} months if each request saves at least {:.2} minutes (the plan assumes {}).",
            s.horizon_months, m, s.value.minutes_saved_per_request
        ));
    }
    Findings {
        swings,
        sensitivity_md,
        band,
        breakeven,
    }
}

/// Markdown: the plain report plus what drives the cost, how sure the figures
/// are and where things break even.
pub fn markdown(s: &Scenario, p: &Projection, catalog: &Catalog, date: &str) -> String {
    let f = findings(s, catalog);
    let c = s.currency.as_str();
    let mut o = super::markdown::render(s, p, &catalog.as_of);
    let insert_at = o.find("\n## Assumptions").unwrap_or(o.len());
    let mut extra = format!(
        "\n_Report date: {date}._\n\n## Analysis\n\n{}",
        f.sensitivity_md
    );
    if let Some((p10, p50, p90)) = f.band {
        extra.push_str(&format!(
            "\n### How sure the figures are\n\nOver the ranges agreed on the call, the TCO is {} to {} (P10–P90; median {}, {} draws, seed {} — the workbench shows the same band).\n\nThe ranges:\n\n",
            money(p10, c),
            money(p90, c),
            money(p50, c),
            super::format::count(DRAWS as f64),
            SEED
        ));
        for (field, low, value, high) in ranges(s) {
            let v = |x: f64| super::format::field_value(field, x, c);
            extra.push_str(&format!(
                "- {}: {} to {} (the plan's value {})\n",
                super::escape::markdown_cell(&crate::model::analysis::sensitivity::label_of(
                    s, field
                )),
                v(low),
                v(high),
                v(value)
            ));
        }
    }
    if !f.breakeven.is_empty() {
        extra.push_str("\n### Where it breaks even\n\n");
        for b in &f.breakeven {
            extra.push_str(&format!("- {b}\n"));
        }
    }
    o.insert_str(insert_at, &extra);
    super::escape::markup(&o).into_owned()
}

fn esc(s: &str) -> String {
    s.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;")
}

/// Monthly totals as stacked bars per category, inline SVG.
fn monthly_svg(p: &Projection, currency: &str) -> String {
    let (w, h, pad) = (720.0, 260.0, 40.0);
    let n = p.months.len().max(1) as f64;
    let max = p
        .months
        .iter()
        .map(|m| m.total)
        .fold(0.0f64, f64::max)
        .max(1.0);
    let bar_w = (w - 2.0 * pad) / n;
    let colors = [
        "#3366cc", "#22a6b3", "#888888", "#d4a017", "#2e8b57", "#cc3333", "#9b59b6",
    ];
    let mut o = format!(
        r#"<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {w} {h}" width="100%" role="img" aria-label="Monthly cost by category">"#
    );
    for (i, m) in p.months.iter().enumerate() {
        let mut y = h - pad;
        for (k, cat) in Category::ALL.iter().enumerate() {
            let v = m.category(*cat);
            let bh = v / max * (h - 2.0 * pad);
            y -= bh;
            o.push_str(&format!(
                r#"<rect x="{:.1}" y="{:.1}" width="{:.1}" height="{:.1}" fill="{}"><title>Month {}: {} {}</title></rect>"#,
                pad + i as f64 * bar_w + 1.0,
                y,
                (bar_w - 2.0).max(0.5),
                bh,
                colors[k],
                m.month,
                cat.label(),
                esc(&money(v, currency))
            ));
        }
    }
    o.push_str(&format!(
        r#"<text x="{pad}" y="{:.0}" font-size="11">{}</text><text x="{pad}" y="{:.0}" font-size="11">0</text>"#,
        pad - 8.0,
        esc(&money_short(max, currency)),
        h - pad + 14.0
    ));
    let mut lx = pad;
    for (k, cat) in Category::ALL.iter().enumerate() {
        o.push_str(&format!(
            r#"<rect x="{lx:.0}" y="{:.0}" width="10" height="10" fill="{}"/><text x="{:.0}" y="{:.0}" font-size="11">{}</text>"#,
            h - 14.0,
            colors[k],
            lx + 14.0,
            h - 5.0,
            cat.label()
        ));
        lx += 95.0;
    }
    o.push_str("</svg>");
    o
}

/// A self-contained HTML page of the report.
pub fn html(s: &Scenario, p: &Projection, catalog: &Catalog, date: &str) -> String {
    let c = s.currency.as_str();
    let f = findings(s, catalog);
    let t = &p.totals;
    let mut o = String::from("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"/>");
    o.push_str(&format!(
        "<title>{} — AI cost in production</title>",
        esc(&s.name)
    ));
    o.push_str("<style>body{font-family:system-ui,sans-serif;max-width:900px;margin:2em auto;color:#222}table{border-collapse:collapse;width:100%;margin:1em 0}td,th{border-bottom:1px solid #ddd;padding:4px 8px;text-align:right}td:first-child,th:first-child{text-align:left}h1{margin-bottom:0}.lead{color:#555}@media print{body{margin:0}}</style></head><body>");
    o.push_str(&format!("<h1>{}</h1>", esc(&s.name)));
    o.push_str(&format!(
        "<p class=\"lead\">{}{} months · {} · prices as of {} · report date {}</p>",
        if s.client.is_empty() {
            String::new()
        } else {
            format!("{} · ", esc(&s.client))
        },
        p.months.len(),
        esc(c),
        esc(&catalog.as_of),
        esc(date)
    ));
    o.push_str(&format!(
        "<p>Building costs <b>{}</b>; running it for {} months costs <b>{}</b>.</p>",
        esc(&money(t.build_cost, c)),
        p.months.len(),
        esc(&money(t.run_cost, c))
    ));
    o.push_str("<h2>Headline figures</h2><table>");
    for h in headlines(s, p) {
        o.push_str(&format!(
            "<tr><td>{}</td><td>{}</td></tr>",
            esc(h.label),
            esc(&h.value)
        ));
    }
    if let Some((p10, _, p90)) = f.band {
        o.push_str(&format!(
            "<tr><td>TCO range (P10–P90)</td><td>{} – {}</td></tr>",
            esc(&money(p10, c)),
            esc(&money(p90, c))
        ));
    }
    o.push_str("</table>");
    if let Some(parts) = super::headline::value_parts(s, p) {
        o.push_str(&format!("<p>{}</p>", esc(&parts)));
    }
    if let Some(short) = super::headline::understaffing(p) {
        o.push_str(&format!("<p><b>{}</b></p>", esc(&short)));
    }
    o.push_str("<h2>Monthly cost</h2>");
    o.push_str(&monthly_svg(p, c));
    o.push_str("<h2>Where the run cost goes</h2><table><tr><th>Category</th><th>Horizon</th><th>Share</th></tr>");
    for k in Category::ALL {
        o.push_str(&format!(
            "<tr><td>{}</td><td>{}</td><td>{}</td></tr>",
            k.label(),
            esc(&money(t.category(k), c)),
            esc(&pct(t.share_pct(k)))
        ));
    }
    o.push_str(&format!("</table><h2>What drives the cost</h2><table><tr><th>Driver (±{TORNADO_PCT} %)</th><th>TCO low</th><th>TCO high</th></tr>"));
    for w in f.swings.iter().filter(|w| w.swing > 0.0).take(5) {
        o.push_str(&format!(
            "<tr><td>{}</td><td>{}</td><td>{}</td></tr>",
            esc(&w.label),
            esc(&money(w.tco_low, c)),
            esc(&money(w.tco_high, c))
        ));
    }
    o.push_str("</table>");
    if !f.breakeven.is_empty() {
        o.push_str("<h2>Where it breaks even</h2><ul>");
        for b in &f.breakeven {
            o.push_str(&format!("<li>{}</li>", esc(b)));
        }
        o.push_str("</ul>");
    }
    let extra = super::markdown::MonthColumns::of(s, p);
    o.push_str("<h2>Monthly projection</h2><table><tr><th>Month</th><th>Requests</th>");
    for h in extra.headers() {
        o.push_str(&format!("<th>{h}</th>"));
    }
    o.push_str("<th>Total</th><th>Cumulative net</th></tr>");
    for m in &p.months {
        o.push_str(&format!(
            "<tr><td>{}</td><td>{}</td>",
            m.month,
            esc(&super::format::count(m.requests))
        ));
        for v in extra.cells(m) {
            o.push_str(&format!("<td>{}</td>", esc(&v)));
        }
        o.push_str(&format!(
            "<td>{}</td><td>{}</td></tr>",
            esc(&money(m.total, c)),
            esc(&money(m.cumulative_net, c))
        ));
    }
    o.push_str("</table><h2>Assumptions</h2>");
    o.push_str(&markdown_table_to_html(&super::markdown::assumptions(s)));
    if !s.notes.trim().is_empty() {
        o.push_str("<h2>Notes from the call</h2><blockquote>");
        for line in s.notes.lines() {
            o.push_str(&format!("{}<br/>", esc(line)));
        }
        o.push_str("</blockquote>");
    }
    o.push_str(&format!(
        "<p class=\"lead\">Model prices are the plan's pricing snapshots (catalog as of {}; sources in the catalog). Every other figure is an assumption agreed on the call.</p></body></html>\n",
        esc(&catalog.as_of)
    ));
    super::escape::markup(&o).into_owned()
}

/// Converts the simple pipe tables the Markdown report writes into HTML rows.
fn markdown_table_to_html(md: &str) -> String {
    let mut o = String::from("<table>");
    for (i, line) in md.lines().enumerate() {
        if i == 1 || !line.starts_with('|') {
            continue;
        }
        let cells: Vec<String> = line
            .trim_matches('|')
            .split(" | ")
            .map(|c| esc(&super::escape::markdown_cell_text(c.trim())))
            .collect();
        let tag = if i == 0 { "th" } else { "td" };
        o.push_str("<tr>");
        for c in cells {
            o.push_str(&format!("<{tag}>{c}</{tag}>"));
        }
        o.push_str("</tr>");
    }
    o.push_str("</table>");
    o
}
