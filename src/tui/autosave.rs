//! Autosave off the key path: every plan with unsaved changes is written to
//! its recovery copy by a background thread within a second of the last edit,
//! and the copy is removed once the plan is saved or closed. Also the locks
//! that tell two runcost windows on one plan apart.

use std::collections::{HashMap, HashSet};
use std::path::PathBuf;
use std::sync::mpsc::{self, RecvTimeoutError, Sender};
use std::sync::{Arc, Mutex};
use std::thread::JoinHandle;
use std::time::{Duration, Instant};

use crate::app::{App, Document, Msg, StatusKind};
use crate::model::Scenario;
use crate::store::recovery::{self, Lock, Owner, RecoveryError};

type Key = Owner;

/// The plans with unsaved changes as of the last sync, for a last-moment
/// write (a panic) that cannot reach the app.
pub type Snapshot = Arc<Mutex<HashMap<Key, Box<Scenario>>>>;

/// Told after every batch of writes: `Err` says why copies failed.
pub type Report = Box<dyn Fn(Result<(), RecoveryError>) + Send>;

fn key(d: &Document) -> Key {
    Owner::of(d.path.as_deref(), d.recovery_id)
}

enum Job {
    Write(Key, Box<Scenario>),
    Remove(Key),
}

/// Quiet time after an edit before the copy is written.
const QUIET: Duration = Duration::from_millis(250);
/// Longest a change waits while edits keep coming.
const MAX_WAIT: Duration = Duration::from_millis(800);

pub struct Autosave {
    tx: Option<Sender<Job>>,
    /// The revision of each plan last handed to the writer.
    sent: HashMap<Key, u64>,
    handle: Option<JoinHandle<()>>,
    snapshot: Snapshot,
}

fn writer(rx: mpsc::Receiver<Job>, report: Report) {
    let mut pending: HashMap<Key, Box<Scenario>> = HashMap::new();
    let mut since: Option<Instant> = None;
    loop {
        let job = if pending.is_empty() {
            match rx.recv() {
                Ok(j) => Some(j),
                Err(_) => return,
            }
        } else {
            match rx.recv_timeout(QUIET) {
                Ok(j) => Some(j),
                Err(RecvTimeoutError::Timeout) => None,
                Err(RecvTimeoutError::Disconnected) => {
                    report(flush(&mut pending));
                    return;
                }
            }
        };
        let quiet = job.is_none();
        match job {
            Some(Job::Write(key, plan)) => {
                since.get_or_insert_with(Instant::now);
                pending.insert(key, plan);
            }
            Some(Job::Remove(key)) => {
                pending.remove(&key);
                recovery::remove_recovery(&key);
            }
            None => {}
        }
        let due = quiet || since.is_some_and(|t| t.elapsed() >= MAX_WAIT);
        if due && !pending.is_empty() {
            report(flush(&mut pending));
            since = None;
        }
    }
}

/// Writes every pending copy; the first failure (read-only or full data
/// directory, a file-size limit…) is returned, to be shown at once.
fn flush(pending: &mut HashMap<Key, Box<Scenario>>) -> Result<(), RecoveryError> {
    let mut result = Ok(());
    for (key, plan) in pending.drain() {
        if let Err(e) = recovery::write_recovery(&key, &plan)
            && result.is_ok()
        {
            result = Err(e);
        }
    }
    result
}

impl Autosave {
    pub fn start(report: Report) -> Self {
        let (tx, rx) = mpsc::channel();
        let handle = std::thread::spawn(move || writer(rx, report));
        Autosave {
            tx: Some(tx),
            sent: HashMap::new(),
            handle: Some(handle),
            snapshot: Snapshot::default(),
        }
    }

    /// The dirty plans as of the last sync, shared with the panic hook.
    pub fn snapshot(&self) -> Snapshot {
        self.snapshot.clone()
    }

    fn send(&self, job: Job) {
        if let Some(tx) = &self.tx {
            let _ = tx.send(job);
        }
    }

    /// Hands every changed dirty plan to the writer, and drops the copies of
    /// plans that are saved or no longer open.
    pub fn sync(&mut self, app: &App) {
        let mut open: HashSet<Key> = HashSet::new();
        for d in app.session.docs() {
            let key = key(d);
            open.insert(key.clone());
            if d.is_dirty() {
                if self.sent.get(&key) != Some(&d.revision) {
                    self.sent.insert(key.clone(), d.revision);
                    let plan = Box::new(d.plan.clone());
                    self.share(|s| {
                        s.insert(key.clone(), plan.clone());
                    });
                    self.send(Job::Write(key, plan));
                }
            } else if self.sent.remove(&key).is_some() {
                self.share(|s| {
                    s.remove(&key);
                });
                self.send(Job::Remove(key));
            }
        }
        let gone: Vec<Key> = self
            .sent
            .keys()
            .filter(|k| !open.contains(*k))
            .cloned()
            .collect();
        for key in gone {
            self.sent.remove(&key);
            self.share(|s| {
                s.remove(&key);
            });
            self.send(Job::Remove(key));
        }
    }

    fn share(&self, f: impl FnOnce(&mut HashMap<Key, Box<Scenario>>)) {
        let mut s = self.snapshot.lock().unwrap_or_else(|e| e.into_inner());
        f(&mut s);
    }

    /// The user chose to discard every unsaved change (quit → discard).
    pub fn discard_all(&mut self, app: &App) {
        for d in app.session.docs() {
            let key = key(d);
            self.sent.remove(&key);
            self.share(|s| {
                s.remove(&key);
            });
            self.send(Job::Remove(key));
        }
    }

    /// Writes what is pending and stops the writer.
    pub fn finish(mut self) {
        self.tx.take();
        if let Some(h) = self.handle.take() {
            let _ = h.join();
        }
    }
}

/// The plans this process holds locks on.
#[derive(Default)]
pub struct Locks {
    held: HashSet<PathBuf>,
    /// Plans another runcost holds, already reported (said once, not on
    /// every key press; taken over quietly once that process is gone).
    warned: HashSet<PathBuf>,
}

impl Locks {
    /// Takes locks on newly opened plan files and releases closed ones;
    /// returns a notice when another runcost already has a plan open.
    pub fn sync(&mut self, app: &App) -> Vec<Msg> {
        // Plans not written yet are locked too: two windows on one new file
        // would otherwise share (and delete) one recovery copy.
        let open: HashSet<PathBuf> = app.session.docs().filter_map(|d| d.path.clone()).collect();
        let mut notices = Vec::new();
        for p in open.difference(&self.held.clone()) {
            let warning = match recovery::take_lock(p) {
                Lock::HeldBy(pid) => format!(
                    "{} is also open in another runcost (pid {pid}); saving in both loses one side's changes",
                    p.display()
                ),
                // A lock whose holder died is free: taken quietly (with OS
                // locks a leftover file says nothing worth a notice).
                Lock::ClearedStale(_) | Lock::Taken => {
                    self.held.insert(p.clone());
                    self.warned.remove(p);
                    continue;
                }
                Lock::Unavailable => format!(
                    "could not lock {} (see the data directory above); another runcost opening it is not warned",
                    p.display()
                ),
            };
            // Once a plan: the notice stays until it is dismissed.
            if self.warned.insert(p.clone()) {
                notices.push(Msg::Notify(StatusKind::Warning, warning));
            }
        }
        let closed: Vec<PathBuf> = self.held.difference(&open).cloned().collect();
        for p in closed {
            recovery::release_lock(&p);
            self.held.remove(&p);
        }
        notices
    }

    pub fn release_all(&mut self) {
        for p in self.held.drain() {
            recovery::release_lock(&p);
        }
    }
}
