//! The runtime: terminal set-up and restore, the event loop, signals, and the
//! effects (`save`, `open`, …) that `App::update` asks for.
//!
//! The loop blocks until a key, mouse event, paste, resize or signal arrives
//! and redraws only then: an idle workbench uses no CPU.

mod autosave;
pub mod effects;
mod watch;

pub use autosave::Snapshot;

use std::io::{self, Write};
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::mpsc;

use crossterm::event::{
    self, DisableBracketedPaste, DisableMouseCapture, EnableBracketedPaste, EnableMouseCapture,
    Event, KeyCode, KeyEvent, KeyEventKind, KeyModifiers, MouseButton, MouseEventKind,
};
use crossterm::execute;
use crossterm::terminal::{
    EnterAlternateScreen, LeaveAlternateScreen, disable_raw_mode, enable_raw_mode,
};
use ratatui::Terminal;
use ratatui::backend::CrosstermBackend;

use crate::app::keymap::{Key, KeyChord};
use crate::app::{App, Document, Effect, Msg, StatusKind};
use crate::model::{Catalog, Scenario};
use crate::store::plans::{self, DEFAULT_TEMPLATE, open_plan};
use crate::store::{atomic, paths, recovery};
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
            eprintln!("runcost: {line}");
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
            Err(e) => failed.push(e),
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
fn write_all_recovery(app: &App) -> Option<String> {
    write_copies(app.docs.iter().filter(|d| d.is_dirty()).map(|d| {
        (
            recovery::Owner::of(d.path.as_deref(), d.recovery_id),
            &d.plan,
        )
    }))
}

fn last_plan_file() -> Option<PathBuf> {
    paths::state_dir().map(|d| d.join("last-plan"))
}

fn remember(path: &Path) {
    let Some(file) = last_plan_file() else {
        return;
    };
    let absolute = std::path::absolute(path).unwrap_or_else(|_| path.to_path_buf());
    if let Some(dir) = file.parent() {
        let _ = std::fs::create_dir_all(dir);
    }
    let _ = atomic::replace_atomic(&file, absolute.display().to_string().as_bytes());
}

fn default_plan(catalog: &Catalog) -> Result<Scenario, String> {
    let t = plans::template(DEFAULT_TEMPLATE).ok_or("the default plan is missing")?;
    plans::load_template(t, catalog).map_err(|e| e.render("built-in default plan"))
}

/// Decides what the workbench opens: FILE (new if it does not exist), the
/// plan opened last, or the built-in default. Returns the document and a
/// message for the status bar.
pub fn initial_document(
    file: Option<&Path>,
    catalog: &Catalog,
) -> Result<(Document, Option<String>), String> {
    if let Some(file) = file {
        if !file.exists()
            && let Some(suggest) = atomic::folder_suggestion(file)
        {
            return Err(format!(
                "{}: ends with `/`, so it names a folder, not a plan file (and there is no such folder); give a file name such as {suggest}",
                file.display()
            ));
        }
        if file.exists() {
            let plan =
                open_plan(file, catalog).map_err(|e| e.render(&file.display().to_string()))?;
            return Ok((Document::opened(plan, Some(file.to_path_buf())), None));
        }
        let mut plan = default_plan(catalog)?;
        if let Some(stem) = file.file_stem() {
            plan.name = stem.to_string_lossy().into_owned();
        }
        plan.client.clear();
        plan.notes.clear();
        return Ok((
            Document::unsaved(plan, Some(file.to_path_buf())),
            Some(format!(
                "new plan (from the example plan) — Ctrl-S saves it to {}",
                file.display()
            )),
        ));
    }
    let last = last_plan_file()
        .and_then(|f| {
            crate::store::read::read_limited_text(
                &f,
                crate::store::read::STATE_LIMIT,
                "the last-plan file",
            )
            .ok()
        })
        .map(|s| PathBuf::from(s.trim()))
        .filter(|p| !p.as_os_str().is_empty());
    if let Some(path) = last {
        match open_plan(&path, catalog) {
            Ok(plan) => return Ok((Document::opened(plan, Some(path)), None)),
            Err(e) => {
                let why = e.render(&path.display().to_string());
                let plan = default_plan(catalog)?;
                return Ok((
                    Document::opened(plan, None),
                    Some(format!("could not reopen the last plan: {why}")),
                ));
            }
        }
    }
    Ok((Document::opened(default_plan(catalog)?, None), None))
}

fn chord(k: KeyEvent) -> Option<KeyChord> {
    let key = match k.code {
        KeyCode::Char(c) => Key::Char(c),
        KeyCode::Enter => Key::Enter,
        KeyCode::Esc => Key::Esc,
        KeyCode::Up => Key::Up,
        KeyCode::Down => Key::Down,
        KeyCode::Left => Key::Left,
        KeyCode::Right => Key::Right,
        KeyCode::Tab => Key::Tab,
        KeyCode::BackTab => Key::BackTab,
        KeyCode::Backspace => Key::Backspace,
        KeyCode::Delete => Key::Delete,
        KeyCode::Home => Key::Home,
        KeyCode::End => Key::End,
        KeyCode::PageUp => Key::PageUp,
        KeyCode::PageDown => Key::PageDown,
        KeyCode::F(n) => Key::F(n),
        _ => return None,
    };
    Some(
        KeyChord {
            key,
            ctrl: k.modifiers.contains(KeyModifiers::CONTROL),
            alt: k.modifiers.contains(KeyModifiers::ALT),
            shift: k.modifiers.contains(KeyModifiers::SHIFT),
        }
        .normalized(),
    )
}

/// Terminal events as messages; `None` for events the workbench ignores.
pub fn to_msg(event: Event) -> Option<Msg> {
    match event {
        // Windows also reports releases; only presses (and repeats) are input.
        Event::Key(k) if k.kind != KeyEventKind::Release => chord(k).map(Msg::Key),
        Event::Mouse(m) => match m.kind {
            MouseEventKind::Down(MouseButton::Left) => Some(Msg::Click {
                col: m.column,
                row: m.row,
            }),
            MouseEventKind::ScrollDown => Some(Msg::Scroll {
                col: m.column,
                row: m.row,
                down: true,
            }),
            MouseEventKind::ScrollUp => Some(Msg::Scroll {
                col: m.column,
                row: m.row,
                down: false,
            }),
            _ => None,
        },
        Event::Paste(s) => Some(Msg::Paste(s)),
        Event::Resize(width, height) => Some(Msg::Resize { width, height }),
        _ => None,
    }
}

enum Input {
    Terminal(Event),
    Signal(i32),
    Failed(String),
    /// The autosave thread wrote copies (or could not).
    Autosave(Result<(), String>),
}

/// Runs the workbench until the user quits.
/// "written 2026-11-28 07:50 UTC" for a recovery copy.
fn when(t: Option<std::time::SystemTime>) -> String {
    t.map_or_else(
        || "time unknown".into(),
        |t| format!("written {} UTC", crate::clock::minute_of(t)),
    )
}

/// The workbench for `file` (or the last plan, or the example), with the
/// start-up checks: stray temporary files, the plan's lock, recovery copies
/// (its own, and never-saved plans of windows that stopped), where data goes.
/// Each finding is a notice of its own: none hides another.
pub fn prepare(file: Option<&Path>, catalog: &Catalog) -> Result<App, String> {
    let (doc, note) = initial_document(file, catalog)?;
    let path = doc.path.clone();
    let mut app = App::new(doc, catalog.clone(), paths::plans_dir());
    app.set_today(crate::clock::today().month);
    let mut notes: Vec<String> = note.into_iter().collect();
    if let Some(n) = paths::data_dir_note() {
        notes.push(n);
    }
    if let Some(data) = paths::data_dir() {
        // Left by a copy being written when the process was killed.
        let removed = atomic::clean_stray_temps(&data.join("recovery"));
        if !removed.is_empty() {
            notes.push(format!(
                "removed {} temporary file(s) left in the recovery folder by an interrupted write",
                removed.len()
            ));
        }
    }
    // A copy of a plan another runcost has open is its live work: not offered.
    let mut held_elsewhere = false;
    if let Some(p) = &path {
        let dir = p
            .parent()
            .filter(|d| !d.as_os_str().is_empty())
            .unwrap_or(Path::new("."));
        let removed = atomic::clean_stray_temps(dir);
        if !removed.is_empty() {
            notes.push(format!(
                "removed {} temporary file(s) left by an interrupted save",
                removed.len()
            ));
        }
        let hash = atomic::disk_hash(p);
        app.update(Msg::DiskState {
            path: p.clone(),
            hash,
        });
        if hash.is_some() {
            remember(p);
        }
        match recovery::take_lock(p) {
            recovery::Lock::ClearedStale(pid) => notes.push(format!(
                "cleared a stale lock on {} (pid {pid} is gone)",
                p.display()
            )),
            recovery::Lock::HeldBy(_) => held_elsewhere = true,
            recovery::Lock::Taken | recovery::Lock::Unavailable => {}
        }
    }
    if let Some(s) = app.status.take() {
        notes.push(s.text);
    }
    for n in notes {
        app.notify(StatusKind::Warning, n);
    }
    if let Some(p) = &path
        && !held_elsewhere
        && let Some(found) = recovery::find_recovery(p, catalog)
    {
        let written = match &found {
            recovery::Found::Copy { written, .. } => when(*written),
            _ => String::new(),
        };
        app.offer_recovery(found, written);
    }
    for found in recovery::find_orphans(catalog) {
        let written = match &found {
            recovery::Found::Copy { written, .. } => when(*written),
            _ => String::new(),
        };
        app.offer_orphan(found, written);
    }
    Ok(app)
}

/// Runs the workbench until the user quits. Stopped by SIGTERM, SIGHUP or
/// SIGINT, it keeps unsaved changes, restores the terminal and exits with
/// 128 + the signal's number, as a shell expects.
pub fn run(file: Option<&Path>, catalog: Catalog) -> Result<(), String> {
    let mut app = prepare(file, &catalog)?;
    let theme = Theme::from_env();
    let (tx, rx) = mpsc::channel::<Input>();
    let told = tx.clone();
    let mut autosave = autosave::Autosave::start(Box::new(move |result| {
        let _ = told.send(Input::Autosave(result));
    }));
    install_panic_hook(autosave.snapshot());
    enter().map_err(|e| format!("cannot open the terminal: {e}"))?;
    let mut locks = autosave::Locks::default();
    let result = event_loop(
        &mut app,
        &catalog,
        &theme,
        &mut autosave,
        &mut locks,
        (tx, rx),
    );
    restore();
    locks.release_all();
    autosave.finish();
    match result {
        Ok(Some(signal)) => std::process::exit(128 + signal),
        Ok(None) => Ok(()),
        Err(e) => Err(e),
    }
}

fn event_loop(
    app: &mut App,
    catalog: &Catalog,
    theme: &Theme,
    autosave: &mut autosave::Autosave,
    locks: &mut autosave::Locks,
    (tx, rx): (mpsc::Sender<Input>, mpsc::Receiver<Input>),
) -> Result<Option<i32>, String> {
    use signal_hook::consts::{SIGCONT, SIGHUP, SIGINT, SIGTERM, SIGTSTP};

    let mut terminal: Term = Terminal::new(CrosstermBackend::new(io::stdout()))
        .map_err(|e| format!("cannot open the terminal: {e}"))?;

    let keys = tx.clone();
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
            .map_err(|e| format!("cannot watch signals: {e}"))?;
    let handle = signals.handle();
    std::thread::spawn(move || {
        for s in signals.forever() {
            if tx.send(Input::Signal(s)).is_err() {
                break;
            }
        }
    });

    let mut watch = watch::Watch::default();
    for d in &app.docs {
        if let Some(p) = &d.path {
            watch.note(p);
        }
    }
    let mut pending: Vec<Msg> = locks.sync(app);
    if let Ok(size) = terminal.size() {
        pending.push(Msg::Resize {
            width: size.width,
            height: size.height,
        });
    }
    let outcome = 'outer: loop {
        // Apply messages and the effects they ask for, until all settle.
        let mut quit = false;
        while let Some(msg) = pending.pop() {
            for effect in app.update(msg) {
                match effect {
                    Effect::Quit => quit = true,
                    Effect::Save { ref path, .. } | Effect::Open(ref path) => {
                        let path = path.clone();
                        let replies = effects::perform(effect, catalog);
                        watch.note(&path);
                        pending.extend(replies.into_iter().rev());
                    }
                    other => {
                        let replies = effects::perform(other, catalog);
                        pending.extend(replies.into_iter().rev());
                    }
                }
            }
        }
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
            break Err(format!("cannot draw: {e}"));
        }
        let Ok(input) = rx.recv() else {
            break Ok(None);
        };
        match input {
            Input::Terminal(ev) => {
                if let Some(msg) = to_msg(ev) {
                    if matches!(msg, Msg::Key(_)) {
                        for d in &app.docs {
                            if let Some(p) = &d.path
                                && d.disk_hash.is_none()
                            {
                                watch.note(p);
                            }
                        }
                        pending.extend(watch.check(app, catalog).into_iter().rev());
                    }
                    pending.insert(0, msg);
                }
            }
            Input::Autosave(result) => pending.push(Msg::Protection(result)),
            Input::Failed(e) => {
                let saved = write_all_recovery(app);
                break 'outer Err(format!(
                    "the terminal stopped answering: {e}{}",
                    saved.map_or(String::new(), |p| format!("; {p}"))
                ));
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
                let _ = execute!(
                    io::stdout(),
                    crossterm::terminal::Clear(crossterm::terminal::ClearType::All)
                );
                match Terminal::new(CrosstermBackend::new(io::stdout())) {
                    Ok(t) => terminal = t,
                    Err(e) => break Err(format!("cannot reopen the terminal: {e}")),
                }
            }
            Input::Signal(signal) => {
                // SIGTERM / SIGHUP / SIGINT: keep unsaved work, then leave cleanly.
                let saved = write_all_recovery(app);
                restore();
                if let Some(p) = saved {
                    eprintln!("runcost: stopped; {p}");
                }
                break Ok(Some(signal));
            }
        }
    };
    handle.close();
    outcome
}
