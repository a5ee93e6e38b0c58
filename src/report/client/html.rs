//! The client report as one self-contained HTML page: inline SVG charts, no
//! JavaScript, no network. Printed, it reads like a document: the first
//! page is the executive summary, table headers repeat on every page, rows
//! and charts are never split, headings stay with what follows, and pages
//! are numbered.

use super::model::{Align, Block, ClientReport, Table};

pub fn esc(s: &str) -> String {
    s.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;")
}

/// The page's styles, for the screen (a phone included) and for print on
/// A4 or Letter (the margins suit both).
pub const CSS: &str = "\
:root{color-scheme:light}\
body{font-family:system-ui,-apple-system,'Segoe UI',Roboto,sans-serif;font-size:15px;line-height:1.45;max-width:960px;margin:2em auto;padding:0 16px;color:#222}\
h1{font-size:1.6em;margin:0 0 .2em}h2{font-size:1.25em;margin:1.6em 0 .5em;border-bottom:2px solid #3366cc;padding-bottom:2px}\
.facts{color:#555;margin:0 0 1em}.facts span{white-space:nowrap}.answer{font-size:1.1em;font-weight:600;background:#f3f6fc;border-left:4px solid #3366cc;padding:.5em .8em}\
.warn{color:#8a1c1c}\
.scroll{overflow-x:auto}\
table{border-collapse:collapse;margin:.6em 0;font-variant-numeric:tabular-nums}\
table.wide{width:100%;font-size:.85em}\
th,td{border-bottom:1px solid #ddd;padding:3px 8px;vertical-align:top}\
th{border-bottom:2px solid #999;background:#f6f6f6}\
.l{text-align:left}.r{text-align:right;white-space:nowrap}\
tr.total td{font-weight:700;border-top:2px solid #999}\
figure{margin:.8em 0}figure svg{display:block;max-width:720px;height:auto}figcaption{color:#555;font-size:.9em}\
blockquote{margin:.6em 0;padding:.2em 1em;border-left:4px solid #ccc;color:#333}\
footer{color:#666;font-size:.9em;margin-top:2em;border-top:1px solid #ddd}\
@media screen and (max-width:640px){body{font-size:14px}figure{overflow-x:auto}figure svg{min-width:600px}}\
@page{margin:16mm 14mm 18mm 14mm;@bottom-center{content:'Page ' counter(page) ' of ' counter(pages);font-size:9pt;color:#666}}\
@media print{\
body{max-width:none;margin:0;padding:0;font-size:10pt;line-height:1.3}\
h2{margin-top:1em}\
section.summary{break-after:page}\
h1,h2,h3,.keep{break-after:avoid;page-break-after:avoid}\
tr,figure,li,.answer,.warn,blockquote p{break-inside:avoid;page-break-inside:avoid}\
footer,footer p{break-inside:avoid;page-break-inside:avoid}\
thead{display:table-header-group}\
table.wide{font-size:7.5pt}table.wide td,table.wide th{padding:2px 4px}\
table.fit td,table.fit th{padding:1px 8px}\
section.summary figure svg{max-width:86%}\
.scroll{overflow:visible}\
figure svg{max-width:100%}\
}";

fn table(t: &Table) -> String {
    let class = |a: Align| match a {
        Align::Left => "l",
        Align::Right => "r",
    };
    let mut o = format!(
        "<div class=\"scroll\"><table class=\"{}\"><thead><tr>",
        if t.is_wide() { "wide" } else { "fit" }
    );
    for c in &t.columns {
        o.push_str(&format!(
            "<th class=\"{}\" scope=\"col\">{}</th>",
            class(c.align),
            esc(&c.title)
        ));
    }
    o.push_str("</tr></thead><tbody>");
    for r in &t.rows {
        o.push_str(if r.total {
            "<tr class=\"total\">"
        } else {
            "<tr>"
        });
        for (i, v) in r.cells.iter().enumerate() {
            let a = t.columns.get(i).map_or(Align::Left, |c| c.align);
            o.push_str(&format!("<td class=\"{}\">{}</td>", class(a), esc(v)));
        }
        o.push_str("</tr>");
    }
    o.push_str("</tbody></table></div>");
    o
}

pub fn render(r: &ClientReport) -> String {
    let mut o = String::from(
        "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"/>\
         <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"/>",
    );
    o.push_str(&format!("<title>{}</title>", esc(&r.title)));
    o.push_str(&format!("<style>{CSS}</style></head><body>"));
    o.push_str(&format!("<header><h1>{}</h1>", esc(&r.title)));
    let facts: Vec<String> = r
        .facts
        .iter()
        .map(|(k, v)| format!("<span><b>{}:</b> {}</span>", esc(k), esc(v)))
        .collect();
    o.push_str(&format!(
        "<p class=\"facts\">{}</p></header>",
        facts.join(" · ")
    ));
    for sec in &r.sections {
        o.push_str(&format!(
            "<section id=\"{0}\" class=\"{0}\"><h2>{1}</h2>",
            sec.id,
            esc(&sec.title)
        ));
        for (n, b) in sec.blocks.iter().enumerate() {
            // A sentence that introduces a table stays with it.
            let keep = matches!(sec.blocks.get(n + 1), Some(Block::Table(_)));
            let p = if keep { "<p class=\"keep\">" } else { "<p>" };
            match b {
                Block::Text(t) => o.push_str(&format!("{p}{}</p>", esc(t))),
                Block::Answer(t) => o.push_str(&format!("<p class=\"answer\">{}</p>", esc(t))),
                Block::Strong(t) => o.push_str(&format!(
                    "<p class=\"warn\"><strong>{}</strong></p>",
                    esc(t)
                )),
                Block::Table(t) => o.push_str(&table(t)),
                Block::Chart(c) => o.push_str(&format!(
                    "<figure>{}<figcaption>{}</figcaption></figure>",
                    super::svg::render(c),
                    esc(&c.title)
                )),
                Block::List(items) => {
                    o.push_str("<ul>");
                    for i in items {
                        o.push_str(&format!("<li>{}</li>", esc(i)));
                    }
                    o.push_str("</ul>");
                }
                Block::Quote(lines) => o.push_str(&quote(lines)),
            }
        }
        o.push_str("</section>");
    }
    o.push_str("<footer>");
    for p in &r.footer {
        o.push_str(&format!("<p>{}</p>", esc(p)));
    }
    o.push_str("</footer></body></html>\n");
    crate::report::escape::markup(&o).into_owned()
}

/// The notes, each line break kept; a blank line starts a new paragraph.
fn quote(lines: &[String]) -> String {
    let mut o = String::from("<blockquote>");
    for para in lines
        .split(|l| l.trim().is_empty())
        .filter(|p| !p.is_empty())
    {
        let body: Vec<String> = para.iter().map(|l| esc(l.trim_end())).collect();
        o.push_str(&format!("<p>{}</p>", body.join("<br/>")));
    }
    o.push_str("</blockquote>");
    o
}
