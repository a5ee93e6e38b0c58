//! The command line: `runcost [FILE]` and its subcommands (clap derive).

use std::io::{Read, Write};
use std::path::{Path, PathBuf};

use clap::{Parser, Subcommand, ValueEnum};

use crate::model::validate::show;
use crate::model::{Catalog, Pricing, Scenario, project};
use crate::report::{self, Format};
use crate::store::catalog as catalog_store;
use crate::store::plans::{self, DEFAULT_TEMPLATE, TEMPLATES, open_plan};
use crate::store::{atomic, paths};

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
        #[arg(long, short, value_enum, default_value_t = Format::Table)]
        format: Format,
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
        #[arg(long, short, default_value = "table", value_parser = formats(&["table", "md", "csv", "json"]))]
        format: Format,
    },
    /// Which inputs move the TCO most: each moved down and up by --pct.
    Sensitivity {
        file: PathBuf,
        /// How far each input moves, in percent of its value (above 0, below 100).
        #[arg(long, default_value_t = 20.0, allow_negative_numbers = true)]
        pct: f64,
        #[arg(long, short, default_value = "table", value_parser = formats(&["table", "md", "csv", "json"]))]
        format: Format,
    },
    /// Monte Carlo over the plan's `uncertainty` ranges: P10/P50/P90 of the TCO
    /// and of each month (same file and seed, same numbers).
    Simulate {
        file: PathBuf,
        /// How many projections to draw (1 to 1,000,000).
        #[arg(long, default_value_t = 10_000, allow_negative_numbers = true)]
        draws: i64,
        /// The random seed: the same file and seed give the same numbers.
        #[arg(long, default_value_t = 1, allow_negative_numbers = true)]
        seed: u64,
        #[arg(long, short, default_value = "table", value_parser = formats(&["table", "json"]))]
        format: Format,
    },
    /// Break-even volumes for self-hosting, the minutes saved needed to pay
    /// back, and the volume a monthly budget holds.
    Breakeven {
        file: PathBuf,
        /// A monthly budget to find the highest daily volume for (≥ 0).
        #[arg(long, allow_negative_numbers = true)]
        budget: Option<f64>,
        #[arg(long, short, default_value = "table", value_parser = formats(&["table", "json"]))]
        format: Format,
    },
    /// Validate plans and print every problem with its file, line and field.
    Check {
        #[arg(required = true)]
        files: Vec<PathBuf>,
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
        after_help = "Examples:\n  runcost new my-plan.ron\n  runcost new rag.ron --template support-assistant\n  runcost new --list"
    )]
    New {
        #[arg(required_unless_present = "list")]
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

/// The `--format` values a subcommand can really produce, so `--help` lists
/// only those and any other (e.g. `compare --format html`) is refused with
/// exit 2 and the allowed list, never answered in another format.
fn formats(
    allowed: &'static [&'static str],
) -> impl clap::builder::TypedValueParser<Value = Format> {
    use clap::builder::TypedValueParser;
    let values = Format::value_variants()
        .iter()
        .filter_map(|f| f.to_possible_value())
        .filter(|v| allowed.contains(&v.get_name()));
    clap::builder::PossibleValuesParser::new(values)
        .map(|name| Format::from_str(&name, false).unwrap_or(Format::Table))
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum CatalogFormat {
    Table,
    Json,
}

/// How a command failed: bad input (exit 2) or our own fault (exit 1).
#[derive(Debug)]
pub enum Failure {
    Input(String),
    Internal(String),
}

impl Failure {
    pub fn exit_code(&self) -> u8 {
        match self {
            Failure::Input(_) => 2,
            Failure::Internal(_) => 1,
        }
    }

    pub fn message(&self) -> &str {
        match self {
            Failure::Input(m) | Failure::Internal(m) => m,
        }
    }
}

/// Writes text for people to stdout, every control character shown as an
/// escape (a plan name cannot drive the terminal); a closed pipe
/// (`runcost report … | head`) is not an error.
fn emit(text: &str) -> Result<(), Failure> {
    write_out(&report::escape::terminal(text))
}

/// Writes a file format (Markdown, CSV, JSON, HTML) to stdout: its renderer
/// has escaped it for that format, and the data is kept as it is unless
/// stdout is a terminal, which gets the same escapes as any text.
fn emit_data(text: &str) -> Result<(), Failure> {
    use std::io::IsTerminal;
    if std::io::stdout().is_terminal() {
        emit(text)
    } else {
        write_out(text)
    }
}

/// A warning or note on stderr, escaped like everything written for people.
fn warn(text: &str) {
    eprintln!("runcost: {}", report::escape::terminal(text));
}

fn write_out(text: &str) -> Result<(), Failure> {
    let mut out = std::io::stdout().lock();
    match out.write_all(text.as_bytes()).and_then(|_| out.flush()) {
        Ok(()) => Ok(()),
        Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => Ok(()),
        Err(e) => Err(Failure::Internal(format!(
            "cannot write to standard output: {e}"
        ))),
    }
}

/// The catalog, with any problem in the user's catalog said on stderr.
pub fn load_catalog() -> Catalog {
    let loaded = catalog_store::load();
    for w in &loaded.warnings {
        warn(&format!("warning: {w}"));
    }
    loaded.catalog
}

/// Reads and validates a plan given on the command line (`-` is stdin).
pub fn load_plan(file: &Path, catalog: &Catalog) -> Result<Scenario, Failure> {
    let shown = file.display().to_string();
    if shown == "-" {
        let limit = crate::store::read::PLAN_LIMIT;
        let mut bytes = Vec::new();
        std::io::stdin()
            .take(limit + 1)
            .read_to_end(&mut bytes)
            .map_err(|e| Failure::Input(format!("<stdin>: cannot be read: {e}")))?;
        if bytes.len() as u64 > limit {
            return Err(Failure::Input(format!(
                "<stdin>: is larger than {}, the limit for a plan file; runcost does not read it",
                crate::store::read::limit_words(limit)
            )));
        }
        return crate::store::parse_plan(&bytes, catalog)
            .map_err(|e| Failure::Input(e.render("<stdin>")));
    }
    open_plan(file, catalog).map_err(|e| Failure::Input(e.render(&shown)))
}

/// Runs a subcommand. `runcost` without one is handled by the caller.
pub fn run(command: Command) -> Result<(), Failure> {
    match command {
        Command::Report {
            file,
            format,
            months,
        } => {
            let catalog = load_catalog();
            let mut plan = load_plan(&file, &catalog)?;
            if let Some(m) = months {
                plan.horizon_months = m;
            }
            // The plan was checked with its own horizon; --months may reach further.
            ensure_finite(&file, &plan)?;
            let projection = project(&plan);
            match format {
                Format::Table => emit(&report::render(format, &plan, &projection, &catalog.as_of)),
                Format::Md => emit_data(&report::client::markdown(
                    &plan,
                    &projection,
                    &catalog,
                    &today(),
                )),
                Format::Html => emit_data(&report::client::html(
                    &plan,
                    &projection,
                    &catalog,
                    &today(),
                )),
                Format::Csv | Format::Json => {
                    emit_data(&report::render(format, &plan, &projection, &catalog.as_of))
                }
            }
        }
        Command::Check { files } => check(&files),
        Command::Sensitivity { file, pct, format } => {
            use crate::report::analysis as ra;
            if !(pct.is_finite() && pct > 0.0 && pct < 100.0) {
                return Err(Failure::Input(format!(
                    "--pct {}: must be a percentage above 0 and below 100, e.g. --pct 20",
                    show(pct)
                )));
            }
            let catalog = load_catalog();
            let plan = load_plan(&file, &catalog)?;
            let swings = crate::model::analysis::sensitivity::sensitivity(&plan, pct);
            match format {
                Format::Json => emit_data(&ra::sensitivity_json(&swings, pct)),
                Format::Md => emit_data(&ra::sensitivity_md(&plan, &swings, pct, usize::MAX)),
                Format::Csv => emit_data(&ra::sensitivity_csv(&swings)),
                Format::Table | Format::Html => {
                    emit(&ra::sensitivity_table(&plan, &swings, pct, usize::MAX))
                }
            }
        }
        Command::Simulate {
            file,
            draws,
            seed,
            format,
        } => {
            use crate::report::analysis as ra;
            let draws = match usize::try_from(draws) {
                Ok(d) if (1..=1_000_000).contains(&d) => d,
                _ => {
                    return Err(Failure::Input(format!(
                        "--draws {draws}: must be a whole number from 1 to 1,000,000, e.g. --draws 10000"
                    )));
                }
            };
            let catalog = load_catalog();
            let plan = load_plan(&file, &catalog)?;
            let sim = crate::model::analysis::uncertainty::simulate(&plan, draws, seed);
            if sim.overflowed > 0 {
                return Err(Failure::Input(format!(
                    "{}: {} of {} draws overflow (a month's cost beyond 1e308), so no P10/P50/P90 can be given; narrow the uncertainty ranges",
                    file.display(),
                    report::format::count(sim.overflowed as f64),
                    report::format::count(draws as f64)
                )));
            }
            match format {
                Format::Json => emit_data(&ra::simulation_json(&sim)),
                _ => emit(&ra::simulation_table(&plan, &sim)),
            }
        }
        Command::Breakeven {
            file,
            budget,
            format,
        } => {
            use crate::model::analysis::breakeven as be;
            use crate::report::analysis as ra;
            if let Some(b) = budget.filter(|b| !(b.is_finite() && *b >= 0.0)) {
                return Err(Failure::Input(format!(
                    "--budget {}: must be a monthly amount ≥ 0 (at most 1e308), e.g. --budget 5000",
                    show(b)
                )));
            }
            let catalog = load_catalog();
            let plan = load_plan(&file, &catalog)?;
            let hosting = be::hosting(&plan, &catalog);
            let minutes = be::minutes_to_pay_back(&plan);
            let budget = budget.map(|b| (b, be::volume_for_budget(&plan, b)));
            match format {
                Format::Json => emit_data(&ra::breakeven_json(&hosting, minutes, budget)),
                _ => emit(&ra::breakeven_text(&plan, &hosting, minutes, budget)),
            }
        }
        Command::Compare { files, format } => compare(&files, format),
        Command::Catalog {
            action:
                Some(CatalogAction::Import {
                    file,
                    dry_run,
                    only,
                }),
            ..
        } => import_catalog(&file, dry_run, only.as_deref()),
        Command::Catalog {
            action: None,
            provider,
            format,
        } => {
            let loaded = catalog_store::load();
            for w in &loaded.warnings {
                warn(&format!("warning: {w}"));
            }
            let text = render_catalog(&loaded, provider.as_deref(), format);
            match format {
                CatalogFormat::Table => emit(&text),
                CatalogFormat::Json => emit_data(&text),
            }
        }
        Command::New {
            file,
            template,
            force,
            list,
        } => {
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
            new_plan(&file, &template, force)
        }
    }
}

/// Validation refuses plans whose projection overflows; a horizon set on the
/// command line (`report --months`) can still reach further, so the same rule
/// is applied again, naming the input that overflows.
fn ensure_finite(file: &Path, plan: &Scenario) -> Result<(), Failure> {
    match crate::model::validate::overflow(plan) {
        None => Ok(()),
        Some(inv) => Err(Failure::Input(format!(
            "{}: {} is {}; {}",
            file.display(),
            inv.path,
            inv.value,
            inv.allowed
        ))),
    }
}

fn compare(files: &[PathBuf], format: Format) -> Result<(), Failure> {
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
    if format != Format::Json {
        for note in crate::model::compare::caveats(&plans.iter().collect::<Vec<_>>()) {
            warn(&format!("note: {note}"));
        }
    }
    match format {
        Format::Table | Format::Html => emit(&cmp::table(&entries)),
        Format::Md => emit_data(&cmp::markdown(&entries)),
        Format::Csv => emit_data(&cmp::csv(&entries)),
        Format::Json => emit_data(&cmp::json(&entries)),
    }
}

fn check(files: &[PathBuf]) -> Result<(), Failure> {
    let catalog = load_catalog();
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
                for w in price_warnings(&plan, &catalog) {
                    out.push_str(&format!("{}: warning: {w}\n", f.display()));
                }
            }
            Err(e) => bad.push(e.message().to_string()),
        }
    }
    emit(&out)?;
    if bad.is_empty() {
        Ok(())
    } else {
        Err(Failure::Input(bad.join("\n")))
    }
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

fn per_m(v: f64) -> String {
    crate::report::format::number(v, 4)
}

/// The month a plan starts: its own `start`, or this month.
pub fn plan_start(plan: &Scenario) -> crate::model::prices::YearMonth {
    use crate::model::prices::YearMonth;
    plan.start
        .as_deref()
        .and_then(YearMonth::parse)
        .or_else(|| YearMonth::parse(&today()))
        .unwrap_or(YearMonth {
            year: 2026,
            month: 1,
        })
}

/// Prices that changed since the plan was saved, and models that retire
/// within its horizon: warnings, not errors.
pub fn price_warnings(plan: &Scenario, catalog: &Catalog) -> Vec<String> {
    use crate::model::prices::{refresh_effect, retirements, snapshot_changes};
    let mut out = Vec::new();
    let changes = snapshot_changes(plan, catalog);
    for c in &changes {
        out.push(format!(
            "{} is priced differently in the catalog (as of {}) than in this plan: {}",
            c.id,
            catalog.as_of,
            c.summary()
        ));
    }
    if !changes.is_empty() {
        let (before, after) = refresh_effect(plan, &changes);
        out.push(format!(
            "refreshing the price snapshots would change the TCO by {} (the workbench's p key does it, undoably)",
            crate::report::format::delta(after - before, before, &plan.currency)
        ));
    }
    for r in retirements(plan, catalog, plan_start(plan)) {
        out.push(r.sentence());
    }
    out
}

/// Today as `YYYY-MM-DD` (UTC), for the import's as-of date.
fn today() -> String {
    let s = humantime::format_rfc3339_seconds(std::time::SystemTime::now()).to_string();
    s.get(..10).unwrap_or(&s).to_string()
}

fn import_catalog(file: &Path, dry_run: bool, only: Option<&str>) -> Result<(), Failure> {
    let shown = file.display().to_string();
    let json = crate::store::read::read_limited_text(
        file,
        crate::store::read::CATALOG_LIMIT,
        "a price list to import",
    )
    .map_err(|e| {
        if crate::store::read::is_refusal(&e) {
            Failure::Input(format!("{shown}: {e}"))
        } else {
            Failure::Input(format!("{shown}: cannot be read: {e}"))
        }
    })?;
    let loaded = catalog_store::load();
    if let Some(w) = loaded.warnings.first() {
        return Err(Failure::Input(format!(
            "{w}; fix or move it before importing, so the import does not replace it"
        )));
    }
    let (updated, report) =
        crate::store::litellm::import(&json, &loaded.user, &loaded.catalog, only, &today())
            .map_err(|e| Failure::Input(format!("{shown}: {e}")))?;
    let target = paths::user_catalog_path()
        .ok_or_else(|| Failure::Internal("no configuration directory on this system".into()))?;
    let mut out = String::new();
    if dry_run {
        out.push_str(&format!(
            "Dry run: nothing written. Importing {shown} would give: {}\n",
            report.summary()
        ));
        for id in report.added.iter().take(30) {
            out.push_str(&format!("  + {id}\n"));
        }
        if report.added.len() > 30 {
            out.push_str(&format!("  … and {} more added\n", report.added.len() - 30));
        }
        for (id, what) in report.updated.iter().take(30) {
            out.push_str(&format!("  ~ {id}: {what}\n"));
        }
        if report.updated.len() > 30 {
            out.push_str(&format!(
                "  … and {} more updated\n",
                report.updated.len() - 30
            ));
        }
        return emit(&out);
    }
    if let Some(dir) = target.parent() {
        std::fs::create_dir_all(dir)
            .map_err(|e| Failure::Input(format!("cannot create {}: {e}", dir.display())))?;
    }
    let text = crate::store::litellm::write_catalog(&updated);
    // Check the file reads back before it replaces the user's catalog.
    catalog_store::parse_catalog(&text)
        .map_err(|e| Failure::Internal(format!("the imported catalog does not read back: {e}")))?;
    atomic::save_atomic(&target, text.as_bytes()).map_err(|e| Failure::Input(e.to_string()))?;
    emit(&format!(
        "Imported {shown} into {}: {}\nSaved plans keep their price snapshots; the workbench offers to refresh them.\n",
        target.display(),
        report.summary()
    ))
}

/// The catalog as a table or JSON, optionally filtered by provider.
pub fn render_catalog(
    loaded: &catalog_store::LoadedCatalog,
    provider: Option<&str>,
    format: CatalogFormat,
) -> String {
    let catalog = &loaded.catalog;
    let wanted =
        |p: &str| provider.is_none_or(|want| p.to_lowercase().contains(&want.to_lowercase()));
    let mut filtered = catalog.clone();
    filtered.models.retain(|m| wanted(&m.provider));
    filtered.embeddings.retain(|e| wanted(&e.provider));
    if format == CatalogFormat::Json {
        let mut s = serde_json::to_string_pretty(&filtered).unwrap_or_else(|_| "{}".into());
        s.push('\n');
        return report::escape::json(&s).into_owned();
    }
    let mut t = crate::report::table::table();
    t.set_header(vec![
        "id",
        "provider",
        "input",
        "cached",
        "output",
        "batch",
        "long context",
        "context",
        "deprecation",
        "from",
    ]);
    for m in &filtered.models {
        let (input, cached, output, batch, long) = match &m.pricing {
            Pricing::Api(a) => (
                per_m(a.input_per_mtok),
                a.cached_input_per_mtok.map_or("–".into(), per_m),
                per_m(a.output_per_mtok),
                if a.batch_discount_pct > 0.0 {
                    format!("-{}%", per_m(a.batch_discount_pct))
                } else {
                    "–".into()
                },
                a.long_context.as_ref().map_or("–".into(), |t| {
                    format!(
                        ">{}k: {}/{}",
                        per_m(t.above_tokens / 1000.0),
                        per_m(t.input_per_mtok),
                        per_m(t.output_per_mtok)
                    )
                }),
            ),
            Pricing::SelfHosted(h) => (
                format!("${}/GPU-h", per_m(h.gpu_hourly)),
                format!("{} tok/s", per_m(h.tokens_per_second_per_gpu)),
                format!("≥{} GPU", h.min_gpus),
                "–".into(),
                "always on".into(),
            ),
        };
        t.add_row(vec![
            m.id.clone(),
            m.provider.clone(),
            input,
            cached,
            output,
            batch,
            long,
            m.context_window
                .map_or("–".into(), |c| format!("{}k", c / 1000)),
            m.deprecation.clone().unwrap_or_else(|| "–".into()),
            loaded.origin(&m.id).to_string(),
        ]);
    }
    let mut e = crate::report::table::table();
    e.set_header(vec![
        "embedding id",
        "provider",
        "per 1M tokens",
        "batch",
        "max input",
    ]);
    for x in &filtered.embeddings {
        e.add_row(vec![
            x.id.clone(),
            x.provider.clone(),
            per_m(x.per_mtok),
            x.batch_per_mtok.map_or("–".into(), per_m),
            x.max_input_tokens.map_or("–".into(), |v| v.to_string()),
            loaded.origin(&x.id).to_string(),
        ]);
    }
    let user = paths::user_catalog_path()
        .map(|p| p.display().to_string())
        .unwrap_or_else(|| "(no config directory)".into());
    format!(
        "Price catalog as of {} — USD per 1M tokens unless noted; user overrides: {}\n\n{}\n\n{}\n",
        catalog.as_of, user, t, e
    )
}

/// `runcost [FILE]`: the workbench in a terminal; without one (a pipe, a
/// script) the report of the plan the workbench would open.
pub fn workbench(file: Option<&Path>) -> Result<(), Failure> {
    use std::io::IsTerminal;
    if !(std::io::stdout().is_terminal() && std::io::stdin().is_terminal()) {
        return default_report(file);
    }
    let catalog = load_catalog();
    crate::tui::run(file, catalog).map_err(Failure::Input)
}

/// The table report of FILE or the built-in default plan.
pub fn default_report(file: Option<&Path>) -> Result<(), Failure> {
    let catalog = load_catalog();
    let plan = match file {
        Some(f) => load_plan(f, &catalog)?,
        None => {
            let t = plans::template(DEFAULT_TEMPLATE)
                .ok_or_else(|| Failure::Internal("the default plan is missing".into()))?;
            plans::load_template(t, &catalog)
                .map_err(|e| Failure::Internal(e.render("built-in default plan")))?
        }
    };
    let projection = project(&plan);
    emit(&report::render(
        Format::Table,
        &plan,
        &projection,
        &catalog.as_of,
    ))
}
