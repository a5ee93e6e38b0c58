//! Noticing when an open plan's file changes on disk. Checked when a key is
//! pressed (a `stat` per open plan, a read only when it changed), so an idle
//! workbench still uses no CPU.

use std::collections::HashMap;
use std::path::PathBuf;
use std::time::SystemTime;

use crate::app::{App, Failure, Msg};
use crate::codec::parse_plan_on;
use crate::model::Catalog;
use crate::store::atomic::content_hash;
use crate::store::read::{PLAN_LIMIT, read_limited};

#[derive(Default)]
pub struct Watch {
    seen: HashMap<PathBuf, Option<(Option<SystemTime>, u64)>>,
}

fn stat(path: &PathBuf) -> Option<(Option<SystemTime>, u64)> {
    std::fs::metadata(path)
        .ok()
        .map(|m| (m.modified().ok(), m.len()))
}

impl Watch {
    /// Records the current state of a file we just read or wrote.
    pub fn note(&mut self, path: &PathBuf) {
        self.seen.insert(path.clone(), stat(path));
    }

    /// Messages for open plans whose files changed since last seen.
    pub fn check(&mut self, app: &App, catalog: &Catalog) -> Vec<Msg> {
        let mut msgs = Vec::new();
        for d in app.session.docs() {
            let Some(path) = &d.path else { continue };
            let now = stat(path);
            let before = self.seen.insert(path.clone(), now);
            match before {
                None => continue,
                Some(b) if b == now => continue,
                _ => {}
            }
            if d.disk_hash.is_none() {
                continue; // never on disk, or already known to be gone
            }
            match read_limited(path, PLAN_LIMIT, "a plan file") {
                Err(e) if e.kind() == std::io::ErrorKind::NotFound => {
                    msgs.push(Msg::DiskDeleted(path.clone()))
                }
                Err(e) => msgs.push(Msg::DiskChanged {
                    path: path.clone(),
                    theirs: Err(Failure(format!("{}: {e}", path.display()))),
                    hash: None,
                }),
                Ok(bytes) => {
                    let hash = content_hash(&bytes);
                    if Some(hash) != d.disk_hash {
                        let month = Some(crate::clock::today().month);
                        let theirs =
                            parse_plan_on(&bytes, catalog, month)
                                .map(Box::new)
                                .map_err(|e| {
                                    Failure(
                                        e.render(&path.display().to_string()).replace('\n', " · "),
                                    )
                                });
                        msgs.push(Msg::DiskChanged {
                            path: path.clone(),
                            theirs,
                            hash: Some(hash),
                        });
                    }
                }
            }
        }
        msgs
    }
}
