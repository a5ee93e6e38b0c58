//! Keeping unsaved plans when the workbench ends badly: on a panic, and on
//! SIGTERM/SIGHUP/SIGINT or a dead terminal, every open plan with unsaved
//! changes is written as a recovery copy before the terminal is restored.

use super::{Snapshot, restore, say_on_stderr};
use crate::app::App;
use crate::model::Scenario;
use crate::store::recovery;

/// On a panic: first the recovery copies of every plan with unsaved changes
/// (as of the last sync), then the terminal, then the panic message, then
/// where the copies went.
pub fn install_panic_hook(snapshot: Snapshot) {
    let previous = std::panic::take_hook();
    std::panic::set_hook(Box::new(move |info| {
        let plans: Vec<(recovery::Owner, Box<Scenario>)> = match snapshot.try_lock() {
            Ok(s) => s.iter().map(|(k, v)| (k.clone(), v.clone())).collect(),
            Err(std::sync::TryLockError::Poisoned(p)) => p
                .into_inner()
                .iter()
                .map(|(k, v)| (k.clone(), v.clone()))
                .collect(),
            Err(std::sync::TryLockError::WouldBlock) => Vec::new(),
        };
        let kept = write_copies(plans.iter().map(|(k, v)| (k.clone(), v.as_ref())));
        restore();
        previous(info);
        if let Some(line) = kept {
            say_on_stderr(&format!("runcost: {line}"));
        }
    }));
}

/// Writes recovery copies now and says in one line where they went, and
/// which could not be written.
fn write_copies<'a>(
    plans: impl Iterator<Item = (recovery::Owner, &'a Scenario)>,
) -> Option<String> {
    let mut written = Vec::new();
    let mut failed = Vec::new();
    for (owner, plan) in plans {
        match recovery::write_recovery(&owner, plan) {
            Ok(p) => written.push(p.display().to_string()),
            Err(e) => failed.push(e.to_string()),
        }
    }
    let mut parts = Vec::new();
    if !written.is_empty() {
        parts.push(format!("unsaved changes kept in {}", written.join(", ")));
    }
    if !failed.is_empty() {
        parts.push(format!(
            "unsaved changes could NOT be kept: {}",
            failed.join("; ")
        ));
    }
    (!parts.is_empty()).then(|| parts.join("; "))
}

/// Recovery copies of every open plan with unsaved changes, written now (on
/// SIGTERM/SIGHUP/SIGINT or a dead terminal), as one line naming where they went.
pub(super) fn write_all_recovery(app: &App) -> Option<String> {
    write_copies(app.session.docs().filter(|d| d.is_dirty()).map(|d| {
        (
            recovery::Owner::of(d.path.as_deref(), d.recovery_id),
            &d.plan,
        )
    }))
}
