//! The sections of the client report, built once from the plan, its
//! projection and (for the full report) the analyses. Adding a section is
//! one function `fn(&Inputs) -> Option<Section>` listed in [`SECTIONS`].

use super::Findings;
use super::model::{
    Align, Block, Chart, ChartKind, ClientReport, MonthTick, Section, Series, Table,
};
use crate::model::analysis::sensitivity::{Metric, TORNADO_PCT};
use crate::model::fields::TextInput;
use crate::model::prices::own_start;
use crate::model::{Category, Projection, Scenario};
use crate::numbers::{money, payback};
use crate::report::headline::{headlines, understaffing, value_parts};
use crate::report::markdown::MonthColumns;
use crate::report::table::{month_cells, month_headers, total_cells};

/// What the sections are built from.
pub struct Inputs<'a> {
    pub s: &'a Scenario,
    pub p: &'a Projection,
    pub catalog_as_of: &'a str,
    /// The report date (the full report only).
    pub date: Option<&'a str>,
    /// The analyses (the full report only).
    pub findings: Option<&'a Findings>,
}

impl Inputs<'_> {
    pub(super) fn currency(&self) -> &str {
        self.s.currency.as_str()
    }

    /// The months of the projection, with calendar months when the plan has a `start`.
    fn ticks(&self) -> Vec<MonthTick> {
        let start = own_start(self.s);
        self.p
            .months
            .iter()
            .map(|m| MonthTick {
                month: m.month,
                calendar: start.map(|st| st.plus(m.month.saturating_sub(1))),
            })
            .collect()
    }
}

/// The sections in the order they are read; each returns `None` when it has
/// nothing to say for the plan. The first is the executive summary, which
/// the HTML prints alone on the first page.
pub const SECTIONS: &[fn(&Inputs) -> Option<Section>] = &[
    summary,
    super::quality::cases,
    breakdown,
    every_figure,
    super::quality::severity,
    cumulative,
    super::analysis::drivers,
    super::analysis::uncertainty,
    super::analysis::breakeven,
    follow_up,
    monthly,
    assumptions,
    notes,
];

pub fn build(i: &Inputs) -> ClientReport {
    let (s, p) = (i.s, i.p);
    let mut facts = Vec::new();
    if !s.client.is_empty() {
        facts.push((TextInput::Client.spec().label.into(), s.client.clone()));
    }
    facts.push(("Horizon".into(), format!("{} months", p.months.len())));
    if let Some(start) = own_start(s) {
        let first = MonthTick {
            month: 1,
            calendar: Some(start),
        };
        facts.push(("Starts".into(), first.label()));
    }
    facts.push((TextInput::Currency.spec().label.into(), s.currency.clone()));
    facts.push(("Prices as of".into(), i.catalog_as_of.to_string()));
    if let Some(d) = i.date {
        facts.push(("Report date".into(), d.to_string()));
    }
    ClientReport {
        title: format!("{} — what it costs in production", s.name),
        facts,
        sections: SECTIONS.iter().filter_map(|f| f(i)).collect(),
        footer: crate::report::provenance::footer(s, i.catalog_as_of),
    }
}

/// The answer in one sentence: what it costs in cash, what wrong answers
/// are expected to cost besides, and whether it pays back.
pub fn answer(s: &Scenario, p: &Projection) -> String {
    let c = s.currency.as_str();
    let t = &p.totals;
    let h = p.months.len();
    let mut o = format!(
        "Building it costs {} and running it for {h} months {} in cash (cash TCO {})",
        money(t.build_cost, c),
        money(t.cash_run_cost, c),
        money(t.cash_tco, c)
    );
    if t.expected_error_cost > 0.0 {
        o.push_str(&format!(
            ", and wrong answers are expected to cost {} more (an estimate, not a bill)",
            money(t.expected_error_cost, c)
        ));
    }
    if t.value > 0.0 {
        match t.payback_month {
            Some(m) => o.push_str(&format!(
                "; it pays back in month {m} and nets {} over the {h} months.",
                money(t.net, c)
            )),
            None => o.push_str(&format!(
                "; it does not pay back within {h} months (net {}).",
                money(t.net, c)
            )),
        }
    } else {
        o.push('.');
    }
    o
}

fn monthly_chart(i: &Inputs) -> Chart {
    // Cash alone: the expected cost of wrong answers is an estimate, never
    // stacked onto what is paid.
    let stacks = Category::of_plan(i.s)
        .iter()
        .filter(|k| k.is_cash())
        .map(|k| Series {
            label: k.label().to_string(),
            values: i.p.months.iter().map(|m| m.category(*k)).collect(),
        })
        .collect();
    let band = i
        .findings
        .and_then(|f| f.band.as_ref())
        .map(|b| b.monthly.clone());
    Chart {
        title: format!(
            "Monthly cash run cost by category (wrong answers, an estimate, not included){}",
            if band.is_some() {
                ", with the P10–P90 range of each month's cash"
            } else {
                ""
            }
        ),
        currency: i.currency().to_string(),
        months: i.ticks(),
        kind: ChartKind::Monthly { stacks, band },
    }
}

fn summary(i: &Inputs) -> Option<Section> {
    let (s, p, c) = (i.s, i.p, i.currency());
    let mut figures = Table::new([("Figure", Align::Left), ("Value", Align::Right)]);
    for f in crate::report::cfo::case_figures(s) {
        figures.row(vec![
            f.label().to_string(),
            crate::report::headline::value_text(f, p, c),
        ]);
    }
    if let Some(b) = i.findings.and_then(|f| f.band.as_ref()) {
        let range = |lo: f64, hi: f64| format!("{} – {}", money(lo, c), money(hi, c));
        figures.row(vec![
            "Cash TCO range (P10–P90)".into(),
            range(b.cash_tco[0], b.cash_tco[2]),
        ]);
        figures.row(vec![
            "NPV range (P10–P90)".into(),
            range(b.npv[0], b.npv[2]),
        ]);
    }
    let mut sec = Section::new("summary", "Summary")
        .with(Block::Answer(answer(s, p)))
        .with(Block::Table(figures));
    let why = i.findings.and_then(|f| f.band.as_ref()?.off_band.clone());
    sec = sec.with_some(why.map(Block::Text));
    // Worse than today first, then where the value comes from and the
    // people it stands for, in one paragraph (the lumpy tiers are said in
    // their own section).
    let t = &p.totals;
    if let Some(w) = crate::model::quality::worse_than_today_sentence(s, t) {
        sec = sec.with(Block::Strong(format!(
            "{}.",
            crate::report::cfo::sentence(&w)
        )));
    }
    let value: Vec<String> = value_parts(s, p)
        .into_iter()
        .chain(crate::report::cfo::value_people(s, p))
        .collect();
    if !value.is_empty() {
        sec = sec.with(Block::Text(value.join(" ")));
    }
    if let Some(short) = understaffing(p) {
        sec = sec.with(Block::Strong(short));
    }
    sec = sec.with(Block::Chart(monthly_chart(i)));
    if let Some(f) = i.findings {
        let top = super::analysis::drivers_table(i, &f.swings, Metric::CashTco, 3);
        if !top.rows.is_empty() {
            sec = sec
                .with(Block::Text(format!(
                    "What moves the cash TCO most (each input ±{TORNADO_PCT} % on its own):"
                )))
                .with(Block::Table(top));
        }
    }
    Some(sec)
}

fn breakdown(i: &Inputs) -> Option<Section> {
    let (t, c) = (&i.p.totals, i.currency());
    let parts = Category::of_plan(i.s)
        .iter()
        .map(|k| (k.label().to_string(), t.category(*k)))
        .collect();
    let table = crate::report::cfo::breakdown_table(i.s, i.p);
    Some(
        Section::new("breakdown", "Where the run cost goes")
            .with(Block::Chart(Chart {
                title: format!(
                    "Run cost with expected losses over {} months by category (Errors: an estimate)",
                    i.p.months.len()
                ),
                currency: c.to_string(),
                months: i.ticks(),
                kind: ChartKind::Breakdown { parts },
            }))
            .with(Block::Table(table))
            .with(Block::Text(crate::report::cfo::estimates_note(i.s, i.p))),
    )
}

/// Every headline figure (the summary leads with the CFO's few).
fn every_figure(i: &Inputs) -> Option<Section> {
    let mut figures = Table::new([("Figure", Align::Left), ("Value", Align::Right)]);
    for h in headlines(i.s, i.p) {
        figures.row(vec![h.label.to_string(), h.value]);
    }
    Some(Section::new("figures", "Every headline figure").with(Block::Table(figures)))
}

fn cumulative(i: &Inputs) -> Option<Section> {
    let p = i.p;
    let payback_month = p.totals.payback_month;
    let said = match payback_month {
        Some(m) => format!("it crosses zero in month {m}, the payback month"),
        None => format!("it stays below zero: {}", payback(None, p.months.len())),
    };
    Some(
        Section::new("cumulative", "Cumulative net and payback")
            .with(Block::Chart(Chart {
                title: "Cumulative net (value delivered − every cost so far, build included)"
                    .into(),
                currency: i.currency().to_string(),
                months: i.ticks(),
                kind: ChartKind::Cumulative {
                    values: p.months.iter().map(|m| m.cumulative_net).collect(),
                    payback: payback_month,
                },
            }))
            .with(Block::Text(format!(
                "Value delivered minus every cost to date, the build included; {said}."
            ))),
    )
}

/// "What we still need from you" (the full report only).
fn follow_up(i: &Inputs) -> Option<Section> {
    i.findings
        .and_then(|_| crate::report::followup::section(i.s))
}

fn monthly(i: &Inputs) -> Option<Section> {
    let (s, p, c) = (i.s, i.p, i.currency());
    let extra = MonthColumns::of(s, p);
    let cols = month_headers(extra).into_iter().enumerate();
    let mut t = Table::new(cols.map(|(n, h)| (h, if n == 0 { Align::Left } else { Align::Right })));
    for (m, tick) in p.months.iter().zip(i.ticks()) {
        let first = match tick.calendar {
            Some(_) => format!("{} · {}", m.month, tick.label()),
            None => m.month.to_string(),
        };
        t.row(month_cells(first, m, extra, c));
    }
    let net = p
        .last()
        .map_or_else(String::new, |m| money(m.cumulative_net, c));
    t.total(total_cells(p, extra, c, net));
    Some(Section::new("monthly", "Monthly projection").with(Block::Table(t)))
}

fn assumptions(i: &Inputs) -> Option<Section> {
    Some(
        Section::new("assumptions", "Assumptions").with(Block::Table(
            crate::report::assumptions::assumptions_table(i.s),
        )),
    )
}

fn notes(i: &Inputs) -> Option<Section> {
    let notes = i.s.notes.trim_end();
    (!notes.trim().is_empty()).then(|| {
        Section::new("notes", "Notes from the call").with(Block::Quote(
            notes
                .trim_start_matches(['\n', '\r'])
                .lines()
                .map(str::to_string)
                .collect(),
        ))
    })
}
