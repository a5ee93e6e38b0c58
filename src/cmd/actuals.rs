//! `runcost actuals PLAN` (the plan against what was spent) and
//! `runcost actuals import PLAN FILE --from csv` (rows into the actuals
//! file beside the plan).

use std::collections::BTreeMap;
use std::path::Path;

use super::{Failure, emit, emit_data, load_catalog, load_plan, out_width, rendered};
use crate::codec::actuals as codec;
use crate::model::actuals::variance::against;
use crate::model::actuals::{Row, merge};
use crate::model::prices::{YearMonth, own_start};
use crate::store::actuals as store;

/// What `runcost actuals --format` writes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum ActualsFormat {
    /// Month by month: actual (variance) or re-forecast per line, the ratios and the landing
    Table,
    /// The landing and each month's requests, cash and estimated errors, as a Markdown table
    Md,
    /// One row per month and line: planned, actual, variance, volume and rate effects, forecast
    Csv,
    /// Every figure of the contract, plain numbers (nulls where a value does not apply)
    Json,
}

/// What `runcost actuals import --from` reads.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum ImportKind {
    /// JSON pages of OpenAI's GET /v1/organization/costs (amounts in dollars)
    OpenaiCosts,
    /// JSON pages of Anthropic's GET /v1/organizations/cost_report (amounts in cents)
    AnthropicCost,
    /// FOCUS billing CSV (cloud bills): tax skipped, AI services as inference, the rest infrastructure
    Focus,
    /// LiteLLM_SpendLogs as CSV: the gateway's own pricing, marked estimate, one row per month and model
    Litellm,
    /// A file already in the actuals format (payroll, tickets, a bill typed in)
    Csv,
}

fn rows_of(text: &str, file: &Path) -> Result<Vec<Row>, Failure> {
    codec::parse(text).map_err(|problems| {
        let shown: Vec<String> = problems
            .iter()
            .take(20)
            .map(|p| format!("{}:{}: {}", file.display(), p.line, p.message))
            .collect();
        let more = problems.len().saturating_sub(shown.len());
        let tail = if more > 0 {
            format!("\n… and {more} more")
        } else {
            String::new()
        };
        Failure::Input(format!("{}{tail}", shown.join("\n")))
    })
}

fn read_rows(path: &Path) -> Result<Vec<Row>, Failure> {
    match store::read(path) {
        Ok(None) => Ok(Vec::new()),
        Ok(Some(text)) => rows_of(&text, path),
        Err(e) => Err(Failure::Input(format!("{}: {e}", path.display()))),
    }
}

/// The plan's month 1: `--start`, else its own `start`; without either the
/// plan cannot be set against calendar months.
fn start_of(
    plan_file: &Path,
    plan: &crate::model::Scenario,
    start: Option<&str>,
) -> Result<YearMonth, Failure> {
    if let Some(s) = start {
        return codec::month(s).ok_or_else(|| {
            Failure::Input(format!(
                "--start {s}: must be a calendar month YYYY-MM, e.g. --start 2027-01"
            ))
        });
    }
    own_start(plan).ok_or_else(|| {
        Failure::Input(format!(
            "{}: the plan has no start month, so its months cannot be matched to calendar months; give the first live month with --start YYYY-MM (nothing is written), or set start: \"YYYY-MM\" in the plan",
            plan_file.display()
        ))
    })
}

/// The plan against the actuals beside it, for the client report: `None`
/// without an actuals file; a plan without `start` has its actuals left out,
/// said on stderr with the fix.
pub fn beside(
    plan_file: &Path,
    plan: &crate::model::Scenario,
    p: &crate::model::Projection,
) -> Result<Option<crate::model::actuals::variance::Against>, Failure> {
    let path = store::actuals_path(plan_file);
    if !path.exists() {
        return Ok(None);
    }
    let rows = read_rows(&path)?;
    let Some(start) = own_start(plan) else {
        super::warn(&format!(
            "warning: {} is not in the report: the plan has no start month; set start: \"YYYY-MM\" in the plan (runcost actuals --start shows it meanwhile)",
            path.display()
        ));
        return Ok(None);
    };
    Ok(Some(against(plan, p, start, &rows)))
}

/// `runcost actuals PLAN [--start YYYY-MM] [--format]`.
pub fn show(plan_file: &Path, start: Option<&str>, format: ActualsFormat) -> Result<(), Failure> {
    let catalog = load_catalog();
    let plan = load_plan(plan_file, &catalog)?;
    let start = start_of(plan_file, &plan, start)?;
    let path = store::actuals_path(plan_file);
    let rows = read_rows(&path)?;
    let p = crate::model::project(&plan);
    let a = against(&plan, &p, start, &rows);
    match format {
        ActualsFormat::Json => emit_data(&rendered(crate::report::actuals::json(&plan, &a))?),
        ActualsFormat::Csv => emit_data(&rendered(crate::report::actuals::csv(&a))?),
        ActualsFormat::Md => emit_data(&crate::report::actuals::markdown(&plan, &a)),
        ActualsFormat::Table => {
            let mut text = crate::report::actuals::table(&plan, &a, out_width());
            if rows.is_empty() {
                text = format!(
                    "No actuals yet ({} has no rows): every month is the plan. Import some with runcost actuals import {} FILE --from csv.\n\n{text}",
                    path.display(),
                    plan_file.display()
                );
            }
            emit(&text)
        }
    }
}

/// What the files of one import hold, and what was skipped.
struct Incoming {
    rows: Vec<Row>,
    skipped: BTreeMap<String, usize>,
    unmatched: std::collections::BTreeSet<String>,
}

/// One file's rows into the import: in the plan's currency (converted at
/// the catalog's rate, or refused naming both currencies), keyed so the same
/// key in two pages is one row (the later page wins).
fn take(
    plan: &crate::model::Scenario,
    catalog: &crate::model::Catalog,
    file: &Path,
    read: crate::codec::actuals_import::Read,
    out: &mut Incoming,
    by_key: &mut BTreeMap<String, Row>,
    sum_same_key: bool,
) -> Result<(), Failure> {
    let mut rate = 1.0;
    if let Some(cur) = read.currency.as_deref() {
        let plan_cur = plan.currency.trim().to_uppercase();
        if cur != plan_cur {
            match (cur, catalog.rate_to(&plan_cur)) {
                ("USD", Some(r)) => rate = r.rate,
                _ => {
                    return Err(Failure::Input(format!(
                        "{}: the export is in {cur} and the plan in {plan_cur}; add usd_to: {{\"{plan_cur}\": (rate: …, date: \"YYYY-MM-DD\")}} to your catalog, or import a file already in {plan_cur}",
                        file.display()
                    )));
                }
            }
        }
    }
    for (why, n) in read.skipped {
        *out.skipped.entry(why).or_default() += n;
    }
    for mut r in read.rows {
        if let Some(c) = r.cost.as_mut() {
            *c *= rate;
        }
        // A spend log split over files has one row per month and model in
        // each: they add up. An API page given twice is the same bucket: the
        // later one stands.
        match by_key.get_mut(&r.key) {
            Some(prev) if sum_same_key => {
                prev.cost = Some(prev.cost.unwrap_or(0.0) + r.cost.unwrap_or(0.0));
            }
            _ => {
                by_key.insert(r.key.clone(), r);
            }
        }
    }
    Ok(())
}

/// Reads the provider's pages (or a file in the actuals format), in the
/// plan's currency, the models named as the plan names them.
fn incoming(
    plan: &crate::model::Scenario,
    catalog: &crate::model::Catalog,
    files: &[std::path::PathBuf],
    kind: ImportKind,
) -> Result<Incoming, Failure> {
    use crate::codec::actuals_import as providers;
    let mut out = Incoming {
        rows: Vec::new(),
        skipped: BTreeMap::new(),
        unmatched: Default::default(),
    };
    let mut by_key: BTreeMap<String, Row> = BTreeMap::new();
    for file in files {
        let refused = |(line, why): (u64, String)| {
            Failure::Input(format!("{}:{line}: {why}", file.display()))
        };
        let whole = || {
            crate::store::read::read_limited_text(file, store::ACTUALS_LIMIT, "an export")
                .map_err(|e| Failure::Input(format!("{}: {e}", file.display())))
        };
        // The CSV exports are streamed (a spend log may hold millions of rows).
        let streamed = |parse: store::ExportParser| {
            store::read_export(file, parse).map_err(|e| match e {
                store::ExportError::Io(e) => Failure::Input(format!("{}: {e}", file.display())),
                store::ExportError::Row(line, why) => refused((line, why)),
            })
        };
        let json = |e: String| Failure::Input(format!("{}: {e}", file.display()));
        let read = match kind {
            ImportKind::Csv => providers::Read {
                rows: rows_of(&whole()?, file)?,
                currency: None,
                skipped: BTreeMap::new(),
            },
            ImportKind::OpenaiCosts => providers::openai_costs(&whole()?).map_err(json)?,
            ImportKind::AnthropicCost => providers::anthropic_cost(&whole()?).map_err(json)?,
            ImportKind::Focus => streamed(crate::codec::actuals_exports::focus)?,
            ImportKind::Litellm => streamed(crate::codec::actuals_exports::litellm)?,
        };
        take(
            plan,
            catalog,
            file,
            read,
            &mut out,
            &mut by_key,
            kind == ImportKind::Litellm,
        )?;
    }
    let ids: Vec<String> = plan.models.iter().map(|m| m.id.clone()).collect();
    let aliases: Vec<(String, Vec<String>)> = catalog
        .models
        .iter()
        .filter(|m| !m.aliases.is_empty())
        .map(|m| (m.id.clone(), m.aliases.clone()))
        .collect();
    for mut r in by_key.into_values() {
        if r.counted == crate::model::actuals::Counted::Line(crate::model::Category::Inference)
            && kind != ImportKind::Csv
        {
            match providers::match_model(&r.item, &ids, &aliases) {
                Some(id) => r.item = id,
                None => {
                    out.unmatched.insert(r.item.clone());
                }
            }
        }
        out.rows.push(r);
    }
    Ok(out)
}

/// `runcost actuals import PLAN FILE... --from KIND`.
pub fn import(
    plan_file: &Path,
    files: &[std::path::PathBuf],
    kind: ImportKind,
) -> Result<(), Failure> {
    let catalog = load_catalog();
    // The plan must read: the rows are in its currency, for its months.
    let plan = load_plan(plan_file, &catalog)?;
    let got = incoming(&plan, &catalog, files, kind)?;
    let path = store::actuals_path(plan_file);
    let mut rows = read_rows(&path)?;
    let read = got.rows.len();
    // What was read, month by month and line by line.
    let mut sums: BTreeMap<(YearMonth, &'static str, &'static str), (usize, f64)> = BTreeMap::new();
    for r in &got.rows {
        let basis = match r.basis {
            crate::model::actuals::Basis::Invoice => "",
            crate::model::actuals::Basis::Estimate => " (estimate)",
        };
        let e = sums.entry((r.month, r.counted.key(), basis)).or_default();
        e.0 += 1;
        e.1 += r.amount();
    }
    let (replaced, added) = merge(&mut rows, got.rows);
    store::write(&path, &codec::write(&rows)).map_err(|e| Failure::Input(e.to_string()))?;
    let c = plan.currency.as_str();
    let names: Vec<String> = files.iter().map(|f| f.display().to_string()).collect();
    let mut o = format!(
        "{}: read {read} row(s) from {}: {added} added, {replaced} replaced (same key); {} row(s) in the file now.\n",
        path.display(),
        names.join(", "),
        rows.len()
    );
    for ((m, cat, basis), (n, sum)) in &sums {
        // To the cent: the summary is checked against the provider's console.
        let shown = if *cat == "requests" {
            crate::numbers::count(*sum)
        } else {
            crate::numbers::money_places(*sum, c, 2)
        };
        o.push_str(&format!("  {m}  {cat:<15} {n:>5} row(s)  {shown}{basis}\n"));
    }
    for (why, n) in &got.skipped {
        o.push_str(&format!("Skipped {n}: {why}.\n"));
    }
    if !got.unmatched.is_empty() {
        let names: Vec<&str> = got.unmatched.iter().map(String::as_str).collect();
        o.push_str(&format!(
            "Not one of the plan's models (kept under the provider's name): {}.\n",
            names.join(", ")
        ));
    }
    emit(&o)
}
