//! The command line: `runcost [FILE]` and its subcommands (clap derive), and
//! the dispatch to their bodies in `cmd/`.

use std::path::{Path, PathBuf};

use clap::{Parser, Subcommand};

use crate::cmd;
use crate::cmd::Failure;
use crate::cmd::actuals::{ActualsFormat, ImportKind};
use crate::cmd::analysis::{BreakevenFormat, MetricArg, SensitivityFormat, SimulateFormat};
use crate::cmd::catalog::CatalogFormat;
use crate::cmd::plans::CompareFormat;
use crate::cmd::report::ReportFormat;
use crate::store::plans::DEFAULT_TEMPLATE;

pub use crate::cmd::plans::price_warnings;
pub use crate::cmd::report::default_report;
pub use crate::cmd::{load_catalog, load_plan};

#[derive(Debug, Parser)]
#[command(
    name = "runcost",
    version,
    about = "What an AI system really costs once it is in production.",
    long_about = "runcost projects the monthly cost of running an AI system (tokens, retrieval, \
infrastructure, maintenance, human oversight, errors and model changes) from a plan file, \
and opens an interactive workbench to move the levers live.\n\n\
With no command, `runcost [FILE]` opens the workbench on FILE, on the plan opened last, \
or on the built-in example plan.",
    args_conflicts_with_subcommands = true
)]
pub struct Cli {
    /// Plan file to open in the workbench.
    pub file: Option<PathBuf>,
    #[command(subcommand)]
    pub command: Option<Command>,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Project a plan and print the report (`-` reads the plan from stdin).
    #[command(
        after_help = "Examples:\n  runcost report scenarios/support-assistant.ron\n  \
runcost report plan.ron --format md > proposal.md\n  runcost report plan.ron --format json --months 36"
    )]
    Report {
        file: PathBuf,
        #[arg(long, short, value_enum, default_value_t = ReportFormat::Table)]
        format: ReportFormat,
        /// Project over N months (1–60) instead of the plan's horizon.
        #[arg(long, value_parser = clap::value_parser!(u32).range(1..=60), allow_negative_numbers = true)]
        months: Option<u32>,
    },
    /// Put 2 to 4 plans side by side: figures, differences from the first plan,
    /// and every input that differs.
    #[command(
        after_help = "Examples:\n  runcost compare scenarios/support-assistant.ron scenarios/support-self-hosted.ron\n  \
runcost compare a.ron b.ron c.ron --format md > comparison.md"
    )]
    Compare {
        /// 2 to 4 plan files; the first is the baseline.
        #[arg(required = true, value_name = "FILE")]
        files: Vec<PathBuf>,
        #[arg(long, short, value_enum, default_value_t = CompareFormat::Table)]
        format: CompareFormat,
    },
    /// Which inputs move the TCO most: each moved down and up by --pct.
    Sensitivity {
        file: PathBuf,
        /// How far each input moves, in percent of its value (above 0, below 100).
        #[arg(long, default_value_t = crate::model::analysis::sensitivity::TORNADO_PCT, allow_negative_numbers = true)]
        pct: f64,
        /// The figure the drivers move: TCO with expected losses, cash TCO or NPV.
        #[arg(long, value_enum, default_value_t = MetricArg::Tco)]
        metric: MetricArg,
        #[arg(long, short, value_enum, default_value_t = SensitivityFormat::Table)]
        format: SensitivityFormat,
    },
    /// Monte Carlo over the plan's `uncertainty` ranges: P10/P50/P90 of the TCO
    /// and of each month (same file and seed, same numbers). By default the
    /// draws and seed of the workbench's band and the client report, so all
    /// three show the same P10–P90.
    Simulate {
        file: PathBuf,
        /// How many projections to draw (1 to 1,000,000); the default is the
        /// workbench's and the report's.
        #[arg(long, default_value_t = crate::model::analysis::uncertainty::DRAWS as i64, allow_negative_numbers = true)]
        draws: i64,
        /// The random seed: the same file and seed give the same numbers.
        #[arg(long, default_value_t = crate::model::analysis::uncertainty::SEED, allow_negative_numbers = true)]
        seed: u64,
        /// The figure the band is of: TCO with expected losses, cash TCO or NPV.
        #[arg(long, value_enum, default_value_t = MetricArg::Tco)]
        metric: MetricArg,
        #[arg(long, short, value_enum, default_value_t = SimulateFormat::Table)]
        format: SimulateFormat,
    },
    /// Break-even volumes for self-hosting, the minutes saved needed to pay
    /// back, and the volume a monthly budget holds.
    Breakeven {
        file: PathBuf,
        /// A monthly budget to find the highest daily volume for (≥ 0).
        #[arg(long, allow_negative_numbers = true)]
        budget: Option<f64>,
        #[arg(long, short, value_enum, default_value_t = BreakevenFormat::Table)]
        format: BreakevenFormat,
    },
    /// Validate plans and print every problem with its file, line and field.
    Check {
        #[arg(required = true)]
        files: Vec<PathBuf>,
    },
    /// The plan against what was really spent: variance month by month and
    /// line by line, the re-forecast of the open months and where the
    /// horizon lands. The actuals live beside the plan, in PLAN.actuals.csv.
    #[command(
        args_conflicts_with_subcommands = true,
        after_help = "Examples:\n  runcost actuals import acme.ron march.csv --from csv\n  runcost actuals acme.ron\n  runcost actuals acme.ron --start 2027-01 --format json"
    )]
    Actuals {
        #[command(subcommand)]
        action: Option<ActualsAction>,
        /// The plan (its actuals are read from PLAN.actuals.csv beside it).
        plan: Option<PathBuf>,
        /// The plan's first live month, for a plan without `start` (nothing is written).
        #[arg(long, value_name = "YYYY-MM")]
        start: Option<String>,
        #[arg(long, short, value_enum, default_value_t = ActualsFormat::Table)]
        format: ActualsFormat,
    },
    /// List the price catalog (built-in, overridden by the user's catalog file),
    /// or import the community price list into the user's catalog.
    #[command(args_conflicts_with_subcommands = true)]
    Catalog {
        #[command(subcommand)]
        action: Option<CatalogAction>,
        /// Only entries whose provider contains this text (e.g. openai, self-hosted).
        #[arg(long, short)]
        provider: Option<String>,
        #[arg(long, short, value_enum, default_value_t = CatalogFormat::Table)]
        format: CatalogFormat,
    },
    /// Write a new plan from an example plan.
    #[command(
        after_help = "Examples:\n  runcost new my-plan.ron\n  runcost new rag.ron --template support-assistant\n  runcost new --list\n  runcost new --interview discovery.ron"
    )]
    New {
        #[arg(required_unless_present_any = ["list", "interview"])]
        file: Option<PathBuf>,
        /// The example plan to start from (see --list).
        #[arg(long, short, default_value = DEFAULT_TEMPLATE)]
        template: String,
        /// Overwrite FILE if it exists.
        #[arg(long)]
        force: bool,
        /// List the example plans and exit.
        #[arg(long)]
        list: bool,
        /// Build the plan in a guided interview: pick a use-case template,
        /// answer its questions in the client's words (FILE is where Ctrl-S
        /// saves it).
        #[arg(long, conflicts_with_all = ["list", "template", "force"])]
        interview: bool,
    },
}

#[derive(Debug, Subcommand)]
pub enum ActualsAction {
    /// Add rows to the plan's actuals file; a row whose key is already there
    /// replaces it, so importing the same export twice changes nothing.
    Import {
        plan: PathBuf,
        /// The export: one or more files (an API's pages, each as saved).
        #[arg(required = true, value_name = "FILE")]
        files: Vec<PathBuf>,
        #[arg(long, value_enum)]
        from: ImportKind,
    },
}

#[derive(Debug, Subcommand)]
pub enum CatalogAction {
    /// Import LiteLLM's model_prices_and_context_window.json into your catalog.
    #[command(
        after_help = "Keeps prices current: download the JSON from the LiteLLM project, then\n  \
runcost catalog import model_prices_and_context_window.json --dry-run\n  \
runcost catalog import model_prices_and_context_window.json\n\
Saved plans keep the prices they were made with until you refresh them."
    )]
    Import {
        file: PathBuf,
        /// Show what would change without writing anything.
        #[arg(long)]
        dry_run: bool,
        /// Only entries whose provider contains this text (e.g. anthropic).
        #[arg(long)]
        only: Option<String>,
    },
}

/// Runs a subcommand. `runcost` without one is handled by the caller.
pub fn run(command: Command) -> Result<(), Failure> {
    match command {
        Command::Report {
            file,
            format,
            months,
        } => cmd::report::report(&file, format, months),
        Command::Check { files } => cmd::plans::check(&files),
        Command::Sensitivity {
            file,
            pct,
            metric,
            format,
        } => cmd::analysis::sensitivity(&file, pct, metric.into(), format),
        Command::Simulate {
            file,
            draws,
            seed,
            metric,
            format,
        } => cmd::analysis::simulate(&file, draws, seed, metric.into(), format),
        Command::Breakeven {
            file,
            budget,
            format,
        } => cmd::analysis::breakeven(&file, budget, format),
        Command::Compare { files, format } => cmd::plans::compare(&files, format),
        Command::Actuals {
            action: Some(ActualsAction::Import { plan, files, from }),
            ..
        } => cmd::actuals::import(&plan, &files, from),
        Command::Actuals {
            action: None,
            plan: Some(plan),
            start,
            format,
        } => cmd::actuals::show(&plan, start.as_deref(), format),
        Command::Actuals {
            action: None,
            plan: None,
            ..
        } => Err(Failure::Input(
            "actuals: name the plan, e.g. runcost actuals acme.ron (or runcost actuals import acme.ron FILE --from csv)".into(),
        )),
        Command::Catalog {
            action:
                Some(CatalogAction::Import {
                    file,
                    dry_run,
                    only,
                }),
            ..
        } => cmd::catalog::import(&file, dry_run, only.as_deref()),
        Command::Catalog {
            action: None,
            provider,
            format,
        } => cmd::catalog::list(provider.as_deref(), format),
        Command::New {
            file,
            interview: true,
            ..
        } => cmd::interview::run(file.as_deref()),
        Command::New {
            file,
            template,
            force,
            list,
            ..
        } => cmd::plans::new(file.as_deref(), &template, force, list),
    }
}

/// `runcost [FILE]`: the workbench in a terminal; without one (a pipe, a
/// script) the report of the plan the workbench would open.
pub fn workbench(file: Option<&Path>) -> Result<(), Failure> {
    cmd::report::workbench(file)
}
