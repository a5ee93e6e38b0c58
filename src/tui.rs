//! The runtime: terminal set-up and restore, the event loop, signals, and the
//! effects (`save`, `open`, …) that `App::update` asks for. Which plan opens
//! at start-up, and the checks before the first frame, are in `startup`;
//! turning terminal events into messages is in `input`.
//!
//! The loop blocks until a key, mouse event, paste, resize or signal arrives
//! and redraws only then: an idle workbench uses no CPU.

mod autosave;
pub mod effects;
mod emergency;
mod error;
mod input;
mod interview;
mod startup;
mod watch;
pub mod worker;

pub use autosave::Snapshot;
pub use emergency::install_panic_hook;
use emergency::write_all_recovery;
pub use error::WorkbenchError;
pub use input::to_msg;
pub use interview::run_interview;
pub use startup::{initial_document, prepare};

use std::collections::VecDeque;
use std::io::{self, Write};
use std::path::Path;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::mpsc;

use crossterm::event::{
    self, DisableBracketedPaste, DisableMouseCapture, EnableBracketedPaste, EnableMouseCapture,
    Event,
};
use crossterm::execute;
use crossterm::terminal::{
    EnterAlternateScreen, LeaveAlternateScreen, disable_raw_mode, enable_raw_mode,
};
use ratatui::Terminal;
use ratatui::backend::CrosstermBackend;

use crate::app::{App, Effect, Failure, Msg};
use crate::model::Catalog;
use crate::ui::{self, Theme};

type Term = Terminal<CrosstermBackend<io::Stdout>>;

/// Whether the terminal is currently in workbench mode (raw, alternate screen).
static ACTIVE: AtomicBool = AtomicBool::new(false);

fn enter() -> io::Result<()> {
    enable_raw_mode()?;
    execute!(
        io::stdout(),
        EnterAlternateScreen,
        EnableMouseCapture,
        EnableBracketedPaste
    )?;
    ACTIVE.store(true, Ordering::SeqCst);
    Ok(())
}

/// Leaves workbench mode exactly once, whichever path gets here first
/// (normal exit, error, panic, signal).
pub fn restore() {
    if ACTIVE.swap(false, Ordering::SeqCst) {
        let _ = execute!(
            io::stdout(),
            DisableBracketedPaste,
            DisableMouseCapture,
            LeaveAlternateScreen,
            crossterm::cursor::Show
        );
        let _ = disable_raw_mode();
        let _ = io::stdout().flush();
    }
}

enum Input {
    Terminal(Event),
    Signal(i32),
    Failed(String),
    /// The autosave thread wrote copies (or could not).
    Autosave(Result<(), crate::store::recovery::RecoveryError>),
    /// The analysis worker computed a band or a study (`Msg::Analysed`,
    /// `Msg::Studied`).
    Analysed(Msg),
}

/// Runs the workbench until the user quits. Stopped by SIGTERM, SIGHUP or
/// SIGINT, it keeps unsaved changes, restores the terminal and exits with
/// 128 + the signal's number, as a shell expects.
/// `warnings` (about the user's catalog) become lasting notices.
pub fn run(
    file: Option<&Path>,
    catalog: Catalog,
    warnings: Vec<String>,
) -> Result<(), WorkbenchError> {
    let app = prepare(file, &catalog)?;
    run_app(app, catalog, warnings)
}

fn run_app(mut app: App, catalog: Catalog, warnings: Vec<String>) -> Result<(), WorkbenchError> {
    // The band and the studies are computed by the worker thread, never on
    // the key path.
    app.session.analysis = crate::app::Analysis::Background;
    for w in warnings {
        app.notify(crate::app::StatusKind::Warning, w);
    }
    // The NO_COLOR convention: colour unless it asks for none.
    let theme = Theme {
        color: std::env::var_os("NO_COLOR").is_none_or(|v| v.is_empty()),
    };
    let (tx, rx) = mpsc::channel::<Input>();
    let told = tx.clone();
    let mut autosave = autosave::Autosave::start(Box::new(move |result| {
        let _ = told.send(Input::Autosave(result));
    }));
    install_panic_hook(autosave.snapshot());
    enter().map_err(WorkbenchError::Terminal)?;
    let mut locks = HeldLocks(autosave::Locks::default());
    let result = event_loop(
        &mut app,
        &catalog,
        &theme,
        &mut autosave,
        &mut locks.0,
        (tx, rx),
    );
    if let (Some(plan), Some(input)) = (app.doc().path.clone(), app.cursor_key()) {
        startup::remember_cursor(&plan, &input);
    }
    // Locks first: nothing after them may stop this process before it exits.
    locks.0.release_all();
    restore();
    autosave.finish();
    match result {
        Ok(Some(signal)) => std::process::exit(128 + signal),
        Ok(None) => Ok(()),
        Err(e) => Err(e),
    }
}

/// The plans' locks, released however `run` ends: a panic that unwinds
/// (say, a write to a terminal that is gone) releases them too.
struct HeldLocks(autosave::Locks);

impl Drop for HeldLocks {
    fn drop(&mut self) {
        self.0.release_all();
    }
}

/// Applies the queued messages oldest first, and the effects they ask for
/// (`perform`), until all settle; the replies to an effect queue behind the
/// messages already waiting. Whether one of them asked to quit.
fn settle(
    app: &mut App,
    pending: &mut VecDeque<Msg>,
    mut perform: impl FnMut(Effect) -> Vec<Msg>,
) -> bool {
    let mut quit = false;
    while let Some(msg) = pending.pop_front() {
        for effect in app.update(msg) {
            match effect {
                Effect::Quit => quit = true,
                other => pending.extend(perform(other)),
            }
        }
    }
    quit
}

fn event_loop(
    app: &mut App,
    catalog: &Catalog,
    theme: &Theme,
    autosave: &mut autosave::Autosave,
    locks: &mut autosave::Locks,
    (tx, rx): (mpsc::Sender<Input>, mpsc::Receiver<Input>),
) -> Result<Option<i32>, WorkbenchError> {
    use signal_hook::consts::{SIGCONT, SIGHUP, SIGINT, SIGTERM, SIGTSTP};

    let mut terminal: Term =
        Terminal::new(CrosstermBackend::new(io::stdout())).map_err(WorkbenchError::Terminal)?;

    let keys = tx.clone();
    let analysed = tx.clone();
    std::thread::spawn(move || {
        loop {
            let sent = match event::read() {
                Ok(ev) => keys.send(Input::Terminal(ev)),
                Err(e) => {
                    let _ = keys.send(Input::Failed(e.to_string()));
                    break;
                }
            };
            if sent.is_err() {
                break;
            }
        }
    });
    let mut signals =
        signal_hook::iterator::Signals::new([SIGTERM, SIGHUP, SIGINT, SIGTSTP, SIGCONT])
            .map_err(WorkbenchError::Signals)?;
    let handle = signals.handle();
    std::thread::spawn(move || {
        for s in signals.forever() {
            if tx.send(Input::Signal(s)).is_err() {
                break;
            }
        }
    });

    let worker = worker::Worker::start(
        Box::new(move |msg, _took| {
            let _ = analysed.send(Input::Analysed(msg));
        }),
        catalog.clone(),
    );
    let mut watch = watch::Watch::default();
    for d in app.session.docs() {
        if let Some(p) = &d.path {
            watch.note(p);
        }
    }
    // A FIFO: messages are applied in the order they arrive, and the replies
    // to an effect queue behind what was already waiting.
    let mut pending: VecDeque<Msg> = VecDeque::new();
    if let Ok(size) = terminal.size() {
        pending.push_back(Msg::Resize {
            width: size.width,
            height: size.height,
        });
    }
    pending.extend(locks.sync(app));
    let outcome = 'outer: loop {
        let quit = settle(app, &mut pending, |effect| {
            let effect = match worker.submit(effect) {
                Ok(()) => return Vec::new(),
                Err(other) => other,
            };
            let written = match &effect {
                Effect::Save { path, .. } | Effect::Open(path) => Some(path.clone()),
                _ => None,
            };
            let replies = effects::perform(effect, catalog);
            if let Some(path) = written {
                watch.note(&path);
            }
            replies
        });
        if quit {
            // Quitting means every change was saved or deliberately discarded.
            autosave.discard_all(app);
            break Ok(None);
        }
        autosave.sync(app);
        pending.extend(locks.sync(app));
        if !pending.is_empty() {
            continue;
        }
        if let Err(e) = terminal.draw(|f| ui::render(f, app, theme)) {
            break Err(WorkbenchError::Draw(e));
        }
        let Ok(input) = rx.recv() else {
            break Ok(None);
        };
        match input {
            Input::Terminal(ev) => {
                if let Some(msg) = to_msg(ev) {
                    if matches!(msg, Msg::Key(_)) {
                        for d in app.session.docs() {
                            if let Some(p) = &d.path
                                && d.disk_hash.is_none()
                            {
                                watch.note(p);
                            }
                        }
                        // What changed on disk is applied before the key.
                        pending.extend(watch.check(app, catalog));
                    }
                    pending.push_back(msg);
                }
            }
            Input::Autosave(result) => {
                pending.push_back(Msg::Protection(result.map_err(|e| Failure(e.to_string()))))
            }
            Input::Analysed(msg) => pending.push_back(msg),
            Input::Failed(e) => {
                let saved = write_all_recovery(app);
                break 'outer Err(WorkbenchError::Stopped { why: e, saved });
            }
            Input::Signal(SIGTSTP) => {
                restore();
                signal_hook::low_level::emulate_default_handler(SIGTSTP).ok();
            }
            Input::Signal(SIGCONT) => {
                if !ACTIVE.load(Ordering::SeqCst) {
                    let _ = enter();
                }
                // A fresh terminal has empty buffers, so the next draw repaints
                // everything. (`Terminal::clear` asks the terminal for the
                // cursor position, whose answer the input thread would eat.)
                let cleared = execute!(
                    io::stdout(),
                    crossterm::terminal::Clear(crossterm::terminal::ClearType::All)
                );
                if cleared.is_err() {
                    // The terminal is gone: a hang-up sends SIGCONT with the
                    // SIGHUP, which follows and is handled then.
                    continue 'outer;
                }
                match Terminal::new(CrosstermBackend::new(io::stdout())) {
                    // The old one is not dropped: its drop prints on stderr
                    // when it cannot show the cursor (see `say_on_stderr`).
                    Ok(t) => std::mem::forget(std::mem::replace(&mut terminal, t)),
                    Err(e) => break Err(WorkbenchError::Reopen(e)),
                }
            }
            Input::Signal(signal) => {
                // SIGTERM / SIGHUP / SIGINT: keep unsaved work, then leave cleanly.
                let saved = write_all_recovery(app);
                restore();
                if let Some(p) = saved {
                    say_on_stderr(&format!("runcost: stopped; {p}"));
                }
                break Ok(Some(signal));
            }
        }
    };
    handle.close();
    worker.finish();
    // `restore` has shown the cursor. Dropping the terminal would try again
    // and, when the terminal is gone (closed window, SIGHUP), print to a dead
    // stderr — a panic that skipped releasing the plan's locks.
    std::mem::forget(terminal);
    outcome
}

/// A line on stderr, if there still is one: a closed terminal makes
/// `eprintln!` panic, and leaving must go on (locks, exit status).
fn say_on_stderr(line: &str) {
    let _ = writeln!(io::stderr(), "{line}");
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::app::{Document, StatusKind};
    use std::path::PathBuf;

    fn app() -> App {
        let catalog = crate::codec::catalog::builtin();
        let t = crate::store::plans::template(crate::store::plans::DEFAULT_TEMPLATE).unwrap();
        let plan = crate::store::plans::load_template_on(t, &catalog, None).unwrap();
        App::new(Document::opened(plan, None), catalog, None)
    }

    #[test]
    fn messages_settle_oldest_first_and_replies_queue_behind() {
        let mut app = app();
        let mut pending = VecDeque::from([
            Msg::Notify(StatusKind::Info, "first".into()),
            Msg::Saved {
                doc: app.session.active_id(),
                generation: app.doc().revision,
                path: PathBuf::from("plan.ron"),
                result: Ok(()),
            },
            Msg::Notify(StatusKind::Info, "third".into()),
        ]);
        let mut performed = Vec::new();
        let quit = settle(&mut app, &mut pending, |effect| {
            // Once the plan's file is known to be there the actuals beside
            // it may be asked for (none here): not what this test counts.
            if matches!(effect, Effect::ReadActuals { .. }) {
                return Vec::new();
            }
            performed.push(format!("{effect:?}"));
            vec![Msg::Notify(StatusKind::Info, "reply".into())]
        });
        assert!(!quit);
        assert!(pending.is_empty());
        assert_eq!(performed.len(), 1, "{performed:?}");
        assert!(performed[0].starts_with("Remember"), "{performed:?}");
        let notices: Vec<&str> = app.notices.iter().map(|n| n.text.as_str()).collect();
        assert_eq!(notices, ["first", "third", "reply"]);
        assert_eq!(app.doc().path.as_deref(), Some(Path::new("plan.ron")));
    }
}
