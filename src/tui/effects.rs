//! Carrying out what `App::update` asks for; each outcome comes back as messages.

use std::path::PathBuf;

use crate::app::{Effect, Failure, Msg};
use crate::codec::parse_plan_on;
use crate::model::Catalog;
use crate::store::atomic::{self, content_hash, disk_hash};
use crate::store::plans::{self, open_plan_on};
use crate::store::read::{PLAN_LIMIT, read_limited};
use crate::store::{paths, recovery};

fn open_with_hash(
    path: &std::path::Path,
    catalog: &Catalog,
) -> (Result<Box<crate::model::Scenario>, Failure>, Option<u64>) {
    let result = open_plan_on(path, catalog, Some(crate::clock::today().month))
        .map(Box::new)
        .map_err(|e| Failure(e.render(&path.display().to_string()).replace('\n', " · ")));
    (result, disk_hash(path))
}

/// Performs one effect (except `Quit`, which the loop handles).
/// Plans read from disk, each with its path.
type Read = Vec<(PathBuf, Result<Box<crate::model::Scenario>, Failure>)>;

/// Reads `paths` for a comparison: one message with every result (`wrap`),
/// then what is on disk at each.
fn open_many(paths: Vec<PathBuf>, catalog: &Catalog, wrap: fn(Read) -> Msg) -> Vec<Msg> {
    let mut states = Vec::new();
    let results = paths
        .into_iter()
        .map(|path| {
            let (r, hash) = open_with_hash(&path, catalog);
            states.push(Msg::DiskState {
                path: path.clone(),
                hash,
            });
            (path, r)
        })
        .collect();
    let mut msgs = vec![wrap(results)];
    msgs.extend(states);
    msgs
}

/// Why a plan or a report could not be written.
#[derive(Debug, thiserror::Error)]
enum WriteError {
    #[error("cannot create {}: {source}", .dir.display())]
    CreateDir {
        dir: std::path::PathBuf,
        source: std::io::Error,
    },
    #[error(transparent)]
    Save(#[from] crate::store::SaveError),
}

/// Makes runcost's own plans folder when `path` is in it and it is missing
/// (a variant's first save, a never-saved plan's report). A folder the user
/// named that does not exist is not made: a typo is not silently turned into
/// a new folder.
fn make_own_plans_dir(path: &std::path::Path) -> Result<(), WriteError> {
    if let Some(dir) = path.parent().filter(|d| !d.as_os_str().is_empty())
        && crate::store::paths::plans_dir().as_deref() == Some(dir)
    {
        std::fs::create_dir_all(dir).map_err(|source| WriteError::CreateDir {
            dir: dir.to_path_buf(),
            source,
        })?;
    }
    Ok(())
}

pub fn perform(effect: Effect, catalog: &Catalog) -> Vec<Msg> {
    match effect {
        Effect::Save {
            doc,
            generation,
            path,
            text,
            create_new,
            expected,
        } => {
            if create_new && std::fs::symlink_metadata(&path).is_ok() {
                return vec![Msg::Saved {
                    doc,
                    generation,
                    path: path.clone(),
                    result: Err(Failure(format!("{} exists already", path.display()))),
                }];
            }
            // Someone else changed the file since we read it: ask, never clobber.
            if let Some(expected) = expected {
                match read_limited(&path, PLAN_LIMIT, "a plan file") {
                    Ok(bytes) if content_hash(&bytes) != expected => {
                        let hash = Some(content_hash(&bytes));
                        let month = Some(crate::clock::today().month);
                        return vec![match parse_plan_on(&bytes, catalog, month) {
                            Ok(theirs) => Msg::SaveConflict {
                                doc,
                                path,
                                theirs: Some(Box::new(theirs)),
                                hash,
                            },
                            Err(e) => Msg::SaveConflictInvalid {
                                doc,
                                why: e.render(&path.display().to_string()).replace('\n', " · "),
                                path,
                                hash,
                            },
                        }];
                    }
                    // Unchanged, or deleted (saving writes it again).
                    Ok(_) => {}
                    Err(e) if e.kind() == std::io::ErrorKind::NotFound => {}
                    Err(e) => {
                        return vec![Msg::SaveConflictInvalid {
                            doc,
                            why: format!("{}: {e}", path.display()),
                            path,
                            hash: None,
                        }];
                    }
                }
            }
            let result = (|| {
                // Only runcost's own plans folder is made when missing (a
                // variant's first save). A folder the user named that does
                // not exist is said, as `runcost new` says it: a typo is not
                // silently turned into a new folder.
                make_own_plans_dir(&path)?;
                if create_new {
                    // Refused by the final rename itself if a file appeared meanwhile.
                    atomic::create_new(&path, text.as_bytes())
                } else {
                    atomic::save_atomic(&path, text.as_bytes())
                }
                .map_err(WriteError::from)
            })()
            .map_err(|e| Failure(e.to_string()));
            let ok = result.is_ok();
            let mut msgs = vec![Msg::Saved {
                doc,
                generation,
                path: path.clone(),
                result,
            }];
            if ok {
                msgs.push(Msg::DiskState {
                    path,
                    hash: Some(content_hash(text.as_bytes())),
                });
            }
            msgs
        }
        Effect::Open(path) => {
            let (result, hash) = open_with_hash(&path, catalog);
            vec![
                Msg::Opened {
                    path: path.clone(),
                    result,
                },
                Msg::DiskState { path, hash },
            ]
        }
        Effect::OpenMany(paths) => open_many(paths, catalog, Msg::OpenedMany),
        Effect::OpenBeside(paths) => open_many(paths, catalog, Msg::OpenedBeside),
        Effect::ScanPlans { also } => {
            let mut dirs = Vec::new();
            if let Some(d) = paths::plans_dir() {
                dirs.push(d);
            }
            dirs.push(PathBuf::from("scenarios"));
            dirs.extend(also);
            // One listing per folder, however it was named.
            let mut seen = Vec::new();
            dirs.retain(|d| {
                let key = std::fs::canonicalize(d).unwrap_or_else(|_| d.clone());
                let new = !seen.contains(&key);
                seen.push(key);
                new
            });
            let month = Some(crate::clock::today().month);
            vec![Msg::PlanList(plans::scan(&dirs, catalog, month))]
        }
        Effect::Remember(path) => {
            super::startup::remember(&path);
            Vec::new()
        }
        Effect::DiscardRecovery(file) => match recovery::discard_copy(&file) {
            Ok(()) => Vec::new(),
            Err(why) => vec![Msg::Notify(
                crate::app::StatusKind::Warning,
                why.to_string(),
            )],
        },
        Effect::AdoptRecovery { from, owner, plan } => {
            // The copy moves to the plan now open: written there first, so a
            // crash in between leaves two copies, never none.
            match recovery::write_recovery(&owner, &plan) {
                Ok(to) if to != from => match recovery::discard_copy(&from) {
                    Ok(()) => Vec::new(),
                    Err(why) => vec![Msg::Notify(
                        crate::app::StatusKind::Warning,
                        why.to_string(),
                    )],
                },
                Ok(_) => Vec::new(),
                Err(why) => vec![
                    Msg::Protection(Err(Failure(why.to_string()))),
                    Msg::Notify(
                        crate::app::StatusKind::Warning,
                        format!("the recovered plan is still kept in {}", from.display()),
                    ),
                ],
            }
        }
        Effect::Export { plan, base } => {
            let projection = crate::model::project(&plan);
            let date = crate::clock::today().date;
            let md = crate::report::client::markdown(&plan, &projection, catalog, &date);
            let html = crate::report::client::html(&plan, &projection, catalog, &date);
            // Never replaces a file: the user's own `proposal.md` stays, and a
            // second export is numbered (`-report-2.md`). A never-saved plan's
            // report goes to runcost's plans folder, made if missing.
            let result = make_own_plans_dir(&base)
                .and_then(|()| {
                    let files = [("md", md.as_bytes()), ("html", html.as_bytes())];
                    Ok(atomic::create_numbered(&base, &files)?)
                })
                .map_err(|e| e.to_string());
            vec![match result {
                Ok(written) => Msg::Notice(
                    crate::app::StatusKind::Info,
                    format!(
                        "report written: {}{}",
                        written
                            .iter()
                            .map(|p| p.display().to_string())
                            .collect::<Vec<_>>()
                            .join(" and "),
                        if written
                            .first()
                            .is_some_and(|p| *p != atomic::numbered(&base, 1, "md"))
                        {
                            " (existing reports were left alone)"
                        } else {
                            ""
                        }
                    ),
                ),
                Err(e) => Msg::Notice(
                    crate::app::StatusKind::Error,
                    format!("report not written: {e}"),
                ),
            }]
        }
        // Run by the worker thread (`worker.rs`) off the key path; inline
        // only when there is no worker.
        Effect::Analyse {
            doc,
            generation,
            plan,
        } => vec![Msg::Analysed {
            doc,
            generation,
            simulation: crate::app::session::analyse(&plan).map(Box::new),
        }],
        Effect::Study {
            doc,
            generation,
            plan,
            study,
        } => vec![Msg::Studied {
            doc,
            generation,
            findings: Box::new(crate::app::session::study(&plan, catalog, study)),
        }],
        Effect::ReadActuals { doc, plan } => {
            let path = crate::store::actuals::actuals_path(&plan);
            let result = match crate::store::actuals::read(&path) {
                Ok(None) => Ok(Vec::new()),
                Ok(Some(text)) => crate::codec::actuals::parse(&text).map_err(|problems| {
                    let first = problems.first().map_or(String::new(), |p| p.to_string());
                    format!(
                        "{}: {first}{}",
                        path.display(),
                        if problems.len() > 1 {
                            format!(" (and {} more)", problems.len() - 1)
                        } else {
                            String::new()
                        }
                    )
                }),
                Err(e) => Err(format!("{}: {e}", path.display())),
            };
            vec![Msg::ActualsRead { doc, result }]
        }
        Effect::Quit => Vec::new(),
    }
}
