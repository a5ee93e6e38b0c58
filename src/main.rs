//! `runcost`: parse the command line, dispatch to a subcommand or the workbench.

use std::process::ExitCode;

use clap::Parser;
use runcost::cli::{self, Cli};

fn main() -> ExitCode {
    // Under a file-size limit (`ulimit -f`) a write past it must fail with
    // EFBIG, which every writer reports, instead of SIGXFSZ killing runcost
    // (and leaving the terminal in the workbench's alternate screen).
    #[cfg(unix)]
    let _ = signal_hook::flag::register(
        signal_hook::consts::SIGXFSZ,
        std::sync::Arc::new(std::sync::atomic::AtomicBool::new(false)),
    );
    let args = Cli::parse();
    let result = match args.command {
        Some(command) => cli::run(command),
        None => cli::workbench(args.file.as_deref()),
    };
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(failure) => {
            // Messages quote plan names and file text: escaped like all output.
            // Not `eprintln!`: with the terminal closed it would panic.
            use std::io::Write;
            let _ = writeln!(
                std::io::stderr(),
                "runcost: {}",
                runcost::report::escape::terminal(failure.message())
            );
            ExitCode::from(failure.exit_code())
        }
    }
}
