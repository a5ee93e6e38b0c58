//! `runcost sensitivity`, `simulate` and `breakeven`: the analyses of one plan.

use std::path::Path;

use super::{Failure, emit, emit_data, load_catalog, load_plan, out_width, rendered};
use crate::model::analysis::metric::Metric;
use crate::model::validate::show;
use crate::report;
use crate::report::analysis as ra;

/// What `runcost sensitivity --format` writes (clap offers only these, with
/// these help texts, and refuses any other).
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum SensitivityFormat {
    /// Text table: each driver's value at −pct and +pct, TCO low, TCO high and swing
    Table,
    /// Markdown table of the drivers: TCO low, TCO high and swing
    Md,
    /// One row per input: path, value, low and high value, TCO low, TCO high, swing
    Csv,
    /// The percentage and every input's swing, plain numbers
    Json,
}

/// What `runcost simulate --format` writes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum SimulateFormat {
    /// P10, P50 and P90 of the TCO and of each month's cost
    Table,
    /// The same bands and the draws and seed, plain numbers
    Json,
}

/// What `runcost sensitivity --metric` and `simulate --metric` read the
/// drivers and the band on.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, clap::ValueEnum)]
pub enum MetricArg {
    /// TCO with the expected cost of wrong answers (as before version 3)
    #[default]
    Tco,
    /// Build plus what is billed or paid: the figure a CFO signs
    CashTco,
    /// Net present value: the value inputs (minutes saved, realization) move it too
    Npv,
}

impl From<MetricArg> for Metric {
    fn from(m: MetricArg) -> Metric {
        match m {
            MetricArg::Tco => Metric::Tco,
            MetricArg::CashTco => Metric::CashTco,
            MetricArg::Npv => Metric::Npv,
        }
    }
}

/// What `runcost breakeven --format` writes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum BreakevenFormat {
    /// Sentences: self-hosting break-even volumes, minutes saved to pay back, the volume a budget holds
    Table,
    /// The same findings, plain numbers
    Json,
}

/// `runcost sensitivity FILE [--pct] [--metric] [--format]`.
pub fn sensitivity(
    file: &Path,
    pct: f64,
    metric: Metric,
    format: SensitivityFormat,
) -> Result<(), Failure> {
    if !(pct.is_finite() && pct > 0.0 && pct < 100.0) {
        return Err(Failure::Input(format!(
            "--pct {}: must be a percentage above 0 and below 100, e.g. --pct 20",
            show(pct)
        )));
    }
    let catalog = load_catalog();
    let plan = load_plan(file, &catalog)?;
    let swings = crate::model::analysis::sensitivity::sensitivity_on(&plan, pct, metric);
    let on = ra::On { pct, metric };
    match format {
        SensitivityFormat::Json => emit_data(&rendered(ra::sensitivity_json(&swings, on))?),
        SensitivityFormat::Md => emit_data(&ra::sensitivity_md(&plan, &swings, on, usize::MAX)),
        SensitivityFormat::Csv => emit_data(&rendered(ra::sensitivity_csv(&swings, metric))?),
        SensitivityFormat::Table => emit(&ra::sensitivity_table(
            &plan,
            &swings,
            on,
            usize::MAX,
            out_width(),
        )),
    }
}

/// `runcost simulate FILE [--draws] [--seed] [--metric] [--format]`.
pub fn simulate(
    file: &Path,
    draws: i64,
    seed: u64,
    metric: Metric,
    format: SimulateFormat,
) -> Result<(), Failure> {
    let draws = match usize::try_from(draws) {
        Ok(d) if (1..=1_000_000).contains(&d) => d,
        _ => {
            return Err(Failure::Input(format!(
                "--draws {draws}: must be a whole number from 1 to 1,000,000, e.g. --draws 10000"
            )));
        }
    };
    let catalog = load_catalog();
    let plan = load_plan(file, &catalog)?;
    let sim = crate::model::analysis::uncertainty::simulate(&plan, draws, seed);
    if sim.overflowed > 0 {
        return Err(Failure::Input(format!(
            "{}: {} of {} draws overflow (a month's cost beyond 1e308), so no P10/P50/P90 can be given; narrow the uncertainty ranges",
            file.display(),
            crate::numbers::count(sim.overflowed as f64),
            crate::numbers::count(draws as f64)
        )));
    }
    match format {
        SimulateFormat::Json => emit_data(&rendered(ra::simulation_json(&sim, metric))?),
        SimulateFormat::Table => emit(&ra::simulation_table(&plan, &sim, metric, out_width())),
    }
}

/// The largest `--budget`: a trillion a month.
pub const MAX_BUDGET: f64 = 1e12;

/// `runcost breakeven FILE [--budget] [--format]`.
pub fn breakeven(file: &Path, budget: Option<f64>, format: BreakevenFormat) -> Result<(), Failure> {
    use crate::model::analysis::breakeven as be;
    if let Some(b) = budget.filter(|b| !(b.is_finite() && (0.0..=MAX_BUDGET).contains(b))) {
        return Err(Failure::Input(format!(
            "--budget {}: must be a monthly amount from 0 to {}, e.g. --budget 5000",
            show(b),
            crate::model::validate::bound(MAX_BUDGET)
        )));
    }
    let catalog = load_catalog();
    let plan = load_plan(file, &catalog)?;
    let hosting = be::hosting(&plan, &catalog);
    let minutes = be::minutes_to_pay_back(&plan);
    let budget = budget.map(|b| (b, be::volume_for_budget(&plan, b)));
    match format {
        BreakevenFormat::Json => emit_data(&rendered(crate::report::breakeven::breakeven_json(
            &hosting, minutes, budget,
        ))?),
        BreakevenFormat::Table => emit(&report::grid::wrap(
            &crate::report::breakeven::breakeven_text(&plan, &hosting, minutes, budget),
            out_width(),
            "  ",
        )),
    }
}
