//! `runcost new --interview [FILE]`: the guided interview of a discovery
//! call, in the workbench; the plan it builds is saved to FILE with Ctrl-S.

use std::path::Path;

use super::Failure;

pub fn run(file: Option<&Path>) -> Result<(), Failure> {
    use std::io::IsTerminal;
    if !(std::io::stdout().is_terminal() && std::io::stdin().is_terminal()) {
        return Err(Failure::Input(
            "runcost new --interview asks its questions in a terminal; run it in one (to write a template without questions: runcost new FILE --template support-assistant)".into(),
        ));
    }
    if let Some(f) = file {
        if f.is_dir() {
            return Err(Failure::Input(format!(
                "{}: is a directory; give a file name inside it, such as {}",
                f.display(),
                f.join("plan.ron").display()
            )));
        }
        if f.exists() {
            return Err(Failure::Input(format!(
                "{}: exists already; the interview builds a new plan — choose another name",
                f.display()
            )));
        }
    }
    let loaded = crate::store::catalog::load();
    crate::tui::run_interview(file, loaded.catalog, loaded.warnings)
        .map_err(|e| Failure::Input(e.to_string()))
}
