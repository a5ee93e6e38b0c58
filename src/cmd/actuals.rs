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
    /// Every figure of the contract, plain numbers (nulls where a value does not apply)
    Json,
}

/// What `runcost actuals import --from` reads.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum ImportKind {
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

/// `runcost actuals import PLAN FILE --from KIND`.
pub fn import(plan_file: &Path, file: &Path, kind: ImportKind) -> Result<(), Failure> {
    let catalog = load_catalog();
    // The plan must read: the rows are in its currency, for its months.
    let plan = load_plan(plan_file, &catalog)?;
    let incoming = match kind {
        ImportKind::Csv => {
            let text = crate::store::read::read_limited_text(
                file,
                store::ACTUALS_LIMIT,
                "an actuals file",
            )
            .map_err(|e| Failure::Input(format!("{}: {e}", file.display())))?;
            rows_of(&text, file)?
        }
    };
    let path = store::actuals_path(plan_file);
    let mut rows = read_rows(&path)?;
    let read = incoming.len();
    // What was read, month by month and line by line.
    let mut sums: BTreeMap<(YearMonth, &'static str), (usize, f64)> = BTreeMap::new();
    for r in &incoming {
        let e = sums.entry((r.month, r.counted.key())).or_default();
        e.0 += 1;
        e.1 += r.amount();
    }
    let (replaced, added) = merge(&mut rows, incoming);
    store::write(&path, &codec::write(&rows)).map_err(|e| Failure::Input(e.to_string()))?;
    let c = plan.currency.as_str();
    let mut o = format!(
        "{}: read {read} row(s) from {}: {added} added, {replaced} replaced (same key); {} row(s) in the file now.\n",
        path.display(),
        file.display(),
        rows.len()
    );
    for ((m, cat), (n, sum)) in &sums {
        let shown = if *cat == "requests" {
            crate::numbers::count(*sum)
        } else {
            crate::numbers::money(*sum, c)
        };
        o.push_str(&format!("  {m}  {cat:<15} {n:>5} row(s)  {shown}\n"));
    }
    emit(&o)
}
