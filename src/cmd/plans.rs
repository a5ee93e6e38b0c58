//! `runcost check`, `compare` and `new`: commands over plan files.

use std::path::{Path, PathBuf};

use super::{
    Failure, emit, emit_data, ensure_finite, load_catalog, load_plan, out_width, rendered,
};
use crate::model::{Catalog, Scenario, project};
use crate::report;
use crate::store::atomic;
use crate::store::plans::{self, TEMPLATES};

/// What `runcost compare --format` writes (clap offers only these, with
/// these help texts, and refuses any other).
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum CompareFormat {
    /// Text tables: the figures side by side with the change from the baseline, then the inputs that differ
    Table,
    /// Markdown: the same tables and notes
    Md,
    /// One row per plan and figure: value, delta and delta_pct against the baseline at full precision; then one row per note
    Csv,
    /// Each plan's totals and deltas against the baseline, the inputs that differ, the notes
    Json,
}

/// `runcost compare A B [C D] [--format]`.
pub fn compare(files: &[PathBuf], format: CompareFormat) -> Result<(), Failure> {
    use crate::report::compare as cmp;
    if !(2..=4).contains(&files.len()) {
        return Err(Failure::Input(format!(
            "compare takes 2 to 4 plan files (the first is the baseline), not {}; e.g. runcost compare a.ron b.ron",
            files.len()
        )));
    }
    let catalog = load_catalog();
    let mut plans = Vec::new();
    let mut errors = Vec::new();
    for f in files {
        match load_plan(f, &catalog) {
            Ok(p) => plans.push(p),
            Err(e) => errors.push(e.message().to_string()),
        }
    }
    if !errors.is_empty() {
        return Err(Failure::Input(errors.join("\n")));
    }
    for (f, p) in files.iter().zip(&plans) {
        ensure_finite(f, p)?;
    }
    let projections: Vec<_> = plans.iter().map(project).collect();
    let entries: Vec<cmp::Entry> = files
        .iter()
        .zip(&plans)
        .zip(&projections)
        .map(|((f, plan), projection)| cmp::Entry {
            file: f.display().to_string(),
            plan,
            projection,
        })
        .collect();
    // The notes (different horizons or currencies) are part of every
    // format's output: a row in the CSV, `notes` in the JSON.
    match format {
        CompareFormat::Table => emit(&cmp::table(&entries, out_width())),
        CompareFormat::Md => emit_data(&cmp::markdown(&entries)),
        CompareFormat::Csv => emit_data(&rendered(cmp::csv(&entries))?),
        CompareFormat::Json => emit_data(&rendered(cmp::json(&entries))?),
    }
}

/// `runcost check FILE…`.
pub fn check(files: &[PathBuf]) -> Result<(), Failure> {
    let catalog = load_catalog();
    let today = crate::clock::today();
    let mut bad = Vec::new();
    let mut out = String::new();
    for f in files {
        match load_plan(f, &catalog) {
            Ok(plan) => {
                out.push_str(&format!(
                    "{}: ok ({}, {} months, {} model{})\n",
                    f.display(),
                    report::escape::terminal_line(&plan.name),
                    plan.horizon_months,
                    plan.models.len(),
                    if plan.models.len() == 1 { "" } else { "s" }
                ));
                for w in crate::model::validate::warnings(&plan)
                    .into_iter()
                    .chain(price_warnings(&plan, &catalog, &today))
                {
                    out.push_str(&format!("{}: warning: {w}\n", f.display()));
                }
                let show = |v: f64| crate::numbers::price(v, &plan.currency);
                for n in crate::model::price_steps::price_step_notes(&plan, &show) {
                    out.push_str(&format!("{}: note: {n}\n", f.display()));
                }
            }
            Err(e) => bad.push(e.message().to_string()),
        }
    }
    if let Some(w) = crate::model::lifecycle::age_warning(&catalog.as_of, &today.date) {
        out.push_str(&format!("warning: {w}\n"));
    }
    emit(&report::grid::wrap(&out, out_width(), "  "))?;
    if bad.is_empty() {
        Ok(())
    } else {
        Err(Failure::Input(bad.join("\n")))
    }
}

/// `runcost new FILE [--template] [--force]`, or `--list`.
pub fn new(file: Option<&Path>, template: &str, force: bool, list: bool) -> Result<(), Failure> {
    if list {
        let mut out = String::from("Example plans (runcost new FILE --template NAME):\n");
        for t in TEMPLATES {
            out.push_str(&format!("  {:<22} {}\n", t.name, t.summary));
        }
        return emit(&out);
    }
    let Some(file) = file else {
        return Err(Failure::Input("runcost new: give the FILE to write".into()));
    };
    new_plan(file, template, force)
}

fn new_plan(file: &Path, template: &str, force: bool) -> Result<(), Failure> {
    let Some(t) = plans::template(template) else {
        let names: Vec<&str> = TEMPLATES.iter().map(|t| t.name).collect();
        return Err(Failure::Input(format!(
            "--template {template:?} is not an example plan; choose one of: {}",
            names.join(", ")
        )));
    };
    if file.is_dir() {
        return Err(Failure::Input(format!(
            "{}: is a directory; give a file name inside it, such as {}",
            file.display(),
            file.join("plan.ron").display()
        )));
    }
    let result = if force {
        atomic::save_atomic(file, t.text.as_bytes())
    } else {
        if file.exists() {
            return Err(Failure::Input(format!(
                "{}: exists already; choose another name or add --force to overwrite it",
                file.display()
            )));
        }
        atomic::create_new(file, t.text.as_bytes())
    };
    result.map_err(|e| Failure::Input(e.to_string()))?;
    emit(&format!(
        "Wrote {} from the example plan {:?}. Open it with: runcost {}\n",
        file.display(),
        t.name,
        file.display()
    ))
}

/// Prices that changed since the plan was saved (a snapshot of a promotion
/// that has ended said as such), models that are retired today or retire
/// within its horizon (the plan starting in its own `start`, else in
/// `today`'s month), spot-priced GPUs, and catalog prices in another currency
/// than the plan's: warnings, not errors.
pub fn price_warnings(
    plan: &Scenario,
    catalog: &Catalog,
    today: &crate::clock::Today,
) -> Vec<String> {
    use crate::model::currency::snapshot_currency;
    use crate::model::lifecycle::retired_models;
    use crate::model::prices::{plan_start, refresh_effect, retirements, snapshot_changes};
    let mut out = Vec::new();
    if let Some(w) = crate::model::currency::currency_warning(plan, catalog) {
        out.push(w);
    }
    let start = plan_start(plan, today.month);
    let ended = ended_price_warnings(plan, catalog, today);
    let changes = snapshot_changes(plan, catalog, Some(start));
    for c in &changes {
        if let Some((_, sentence)) = ended.iter().find(|(i, _)| *i == c.index) {
            out.push(sentence.clone());
            continue;
        }
        out.push(format!(
            "{} is priced differently in the catalog (as of {}) than in this plan: {}",
            c.id,
            catalog.as_of,
            c.summary_with(&|unit, v| {
                use crate::model::prices::ChangeUnit;
                use crate::numbers as f;
                match unit {
                    // In the plan's currency when the catalog converted them.
                    ChangeUnit::Money => f::price(v, snapshot_currency(&plan.currency, catalog)),
                    ChangeUnit::Throughput => f::throughput(v),
                    ChangeUnit::Percent => f::pct(v),
                    ChangeUnit::Plain => f::number(v, 2),
                }
            })
        ));
    }
    // An ended price is always a change; said once even if it were not.
    for (i, sentence) in &ended {
        if !changes.iter().any(|c| c.index == *i) {
            out.push(sentence.clone());
        }
    }
    if !changes.is_empty() {
        let (before, after) = refresh_effect(plan, &changes);
        out.push(format!(
            "refreshing the price snapshots would change the TCO by {} (the workbench's p key does it, undoably)",
            crate::numbers::delta(after - before, before, &plan.currency)
        ));
    }
    let retired = retired_models(plan, catalog, &today.date);
    for r in &retired {
        out.push(r.sentence());
    }
    for r in retirements(plan, catalog, plan_start(plan, today.month)) {
        if !retired.iter().any(|x| x.index == r.index) {
            out.push(r.sentence());
        }
    }
    out.extend(crate::model::offer::spot_warnings(plan, catalog));
    out
}

/// Each model the plan bills at a catalog price that has ended by then, with
/// the sentence that says so (amounts in the plan's currency): for `check`
/// and the report.
pub fn ended_price_warnings(
    plan: &Scenario,
    catalog: &Catalog,
    today: &crate::clock::Today,
) -> Vec<(usize, String)> {
    let start = crate::model::prices::plan_start(plan, today.month);
    let currency = crate::model::currency::snapshot_currency(&plan.currency, catalog);
    let show = |v: f64| crate::numbers::price(v, currency);
    crate::model::dated::ended_prices(plan, catalog, start)
        .iter()
        .map(|e| (e.index, e.sentence(&show, Some(&today.date))))
        .collect()
}
