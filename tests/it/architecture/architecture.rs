//! The domain layer stays pure: `src/model/` imports no terminal, file, path or
//! clock code, so it can be tested and reused anywhere.

use crate::common;

use std::path::Path;

pub(super) fn sources(dir: &Path, out: &mut Vec<std::path::PathBuf>) {
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.is_dir() {
            sources(&path, out);
        } else if path.extension().is_some_and(|e| e == "rs") {
            out.push(path);
        }
    }
}

/// Every `.rs` file below the folders `dirs` of the crate (paths like "src/app").
pub(super) fn sources_in(dirs: &[&str]) -> Vec<std::path::PathBuf> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut files = Vec::new();
    for dir in dirs {
        sources(&root.join(dir), &mut files);
    }
    files
}

#[test]
fn the_model_imports_no_terminal_file_or_clock_code() {
    let files = sources_in(&["src/model"]);
    assert!(files.len() >= 5);
    let forbidden = [
        "ratatui",
        "crossterm",
        "std::fs",
        "std::path",
        "std::time",
        "std::env",
        "std::io",
        "std::process",
        "directories",
        "ron::",
        "crate::store",
        "crate::codec",
        "crate::numbers",
        "crate::cmd",
        "crate::ui",
        "crate::app",
        "crate::tui",
        "crate::report",
        "crate::cli",
        "SystemTime",
        "Instant",
    ];
    assert_none_uses(&files, &forbidden);
}

/// Fails naming the first file of `files` that contains one of `forbidden`.
fn assert_none_uses(files: &[std::path::PathBuf], forbidden: &[&str]) {
    for f in files {
        let text = std::fs::read_to_string(f).unwrap();
        for word in forbidden {
            assert!(!text.contains(word), "{} uses {word}", f.display());
        }
    }
}

/// `src/app` and `src/ui` read no environment variables, files or clock:
/// the runtime (`tui.rs`) reads them and passes what they say in.
#[test]
fn app_and_ui_read_no_environment_files_or_clock() {
    let files = sources_in(&["src/app", "src/ui"]);
    assert!(files.len() >= 20);
    let forbidden = [
        "std::env",
        "env::var",
        "var_os",
        "std::fs",
        "fs::read",
        "File::open",
        "File::create",
        "read_to_string",
        "std::time",
        "SystemTime",
        "Instant",
        "humantime",
        "std::process",
        "crate::tui",
    ];
    assert_none_uses(&files, &forbidden);
}

/// The seams between the layers point one way: the codecs (text ↔ structs)
/// and the number vocabulary open no file and know no layer above them, the
/// renderers know no command, and the commands never import the command line
/// (`cli` depends on `cmd`, whose `Failure` it returns).
#[test]
fn codecs_numbers_renderers_and_commands_import_nothing_above_them() {
    let above = [
        "crate::cli",
        "crate::cmd",
        "crate::tui",
        "crate::app",
        "crate::ui",
    ];
    let pure = sources_in(&["src/codec", "src/numbers"]);
    assert!(pure.len() >= 6);
    let io = [
        "std::fs",
        "std::io",
        "std::path",
        "std::env",
        "ratatui",
        "crossterm",
    ];
    let layers = ["crate::store", "crate::report"];
    assert_none_uses(&pure, &[&above[..], &io[..], &layers[..]].concat());
    assert_none_uses(&sources_in(&["src/report"]), &above);
    let cmd = sources_in(&["src/cmd"]);
    assert!(cmd.len() >= 6);
    assert_none_uses(&cmd, &["crate::cli"]);
}

/// No mode binds one chord twice (the second binding would never fire, and
/// help would list a key that does something else).
#[test]
fn no_two_bindings_of_a_mode_share_a_chord() {
    for (mode, chords) in runcost::app::modes::all_chords() {
        assert!(!chords.is_empty() || mode == "panel", "{mode} has keys");
        for (i, c) in chords.iter().enumerate() {
            assert!(
                !chords[..i].contains(&c.normalized()) && *c == c.normalized(),
                "{mode}: {c} is bound twice (or not as it arrives)"
            );
        }
    }
}

mod dead_keys {
    use std::path::PathBuf;

    use super::common::ui::{ACME, ch, key, open, sized};
    use ratatui::Terminal;
    use ratatui::backend::TestBackend;
    use runcost::app::keymap::{Key, KeyChord};
    use runcost::app::rows::Row;
    use runcost::app::{App, Mode, Msg, StatusKind};
    use runcost::model::fields::Field;
    use runcost::store::plans::PlanSummary;
    use runcost::ui::{self, Theme};

    /// The support example opened from [`ACME`], plans in /plans, at 80×24.
    fn app() -> App {
        sized(
            open(
                super::common::scenario("support-assistant"),
                ACME,
                Some("/plans"),
            ),
            80,
            24,
        )
    }

    fn select(a: &mut App, f: Field) {
        a.selected = a.rows.iter().position(|r| *r == Row::Field(f)).unwrap();
    }

    /// Everything a key could change: the screen, the plan, and the state
    /// the screen may not show at this size.
    fn fingerprint(a: &mut App) -> String {
        let mut t = Terminal::new(TestBackend::new(80, 24)).unwrap();
        t.draw(|f| ui::render(f, a, &Theme::plain())).unwrap();
        let screen: String = t
            .backend()
            .buffer()
            .content
            .iter()
            .map(|c| c.symbol())
            .collect();
        let mode = match a.mode() {
            Mode::Help(h) => format!("help {}", h.scroll()),
            Mode::Compare(c) => format!(
                "compare {} {} {} {:?}",
                c.focus, c.baseline, c.chart, c.scroll
            ),
            Mode::Picker(p) => format!("picker {:?}", p.cursor),
            Mode::Browser(b) => format!("browser {:?} {:?}", b.cursor, b.marked),
            Mode::Examples(x) => format!("examples {:?}", x.cursor),
            Mode::Tornado(t) => format!("tornado {:?}", t.cursor),
            // What a text box's editing keys change: its selection and cursor.
            Mode::Edit(e) | Mode::SaveAs(runcost::app::SaveAs(e)) => {
                format!(
                    "edit {:?} {:?}",
                    e.input.selection_range(),
                    e.input.cursor()
                )
            }
            Mode::Finder(x) => format!("finder {:?} {:?}", x.cursor, x.matches.len()),
            _ => String::new(),
        };
        format!(
            "{screen}\n{mode}\n{} {} {} {:?}\n{:?}\n{:?}\n{}",
            a.selected,
            a.offset,
            a.table_offset,
            a.focus,
            a.status,
            a.doc().plan,
            a.notices.len()
        )
    }

    fn summary(name: &str) -> PlanSummary {
        PlanSummary {
            path: PathBuf::from(format!("/p/{name}.ron")),
            name: name.into(),
            client: "Client".into(),
            currency: "USD".into(),
            modified: "2026-11-28 07:00".into(),
            tco: Ok(1000.0),
        }
    }

    type Setup = fn(&mut App);

    /// Each mode, reached as a user reaches it; each key is tried from the
    /// mode as it opens and after moving down twice (a key that only moves
    /// up does nothing at the top).
    fn modes() -> Vec<(&'static str, Setup)> {
        vec![
            ("inputs", |a| {
                a.notify(StatusKind::Info, "a notice");
                select(a, Field::RequestsPerDay);
            }),
            ("inputs", |a| {
                ch(a, '-');
            }),
            ("table", |a| {
                key(a, Key::Tab);
            }),
            ("edit value", |a| {
                select(a, Field::RequestsPerDay);
                key(a, Key::Enter);
            }),
            ("edit value", |a| {
                select(a, Field::RequestsPerDay);
                key(a, Key::Enter);
                key(a, Key::End);
            }),
            ("finder", |a| {
                ch(a, '/');
            }),
            ("source", |a| {
                select(a, Field::RequestsPerDay);
                ch(a, 'o');
            }),
            ("save as", |a| {
                ch(a, 'S');
            }),
            ("picker", |a| {
                ch(a, 'm');
            }),
            ("tornado", |a| {
                ch(a, 't');
            }),
            ("examples", |a| {
                a.update(Msg::Key(KeyChord::ctrl('n')));
            }),
            ("browser", |a| {
                a.update(Msg::Key(KeyChord::ctrl('o')));
                a.update(Msg::PlanList(["a", "b", "c", "d"].map(summary).to_vec()));
            }),
            ("notes", |a| {
                ch(a, 'n');
            }),
            ("help", |a| {
                ch(a, '?');
            }),
            ("confirm", |a| {
                select(a, Field::RequestsPerDay);
                key(a, Key::Right);
                ch(a, 'q');
            }),
            ("compare", |a| {
                ch(a, 'v');
                key(a, Key::Esc);
                for f in [Field::RequestsPerDay, Field::MaintenancePct] {
                    select(a, f);
                    key(a, Key::Right);
                }
                ch(a, 'c');
            }),
            ("compare", |a| {
                ch(a, 'v');
                key(a, Key::Esc);
                ch(a, 'c');
                key(a, Key::Left);
            }),
            ("recover", |a| {
                let mut theirs = a.doc().plan.clone();
                theirs.workload.requests_per_day = 3025.0;
                a.offer_recovery(
                    runcost::store::recovery::Found::Copy {
                        plan: Box::new(theirs),
                        file: PathBuf::from("/r.ron"),
                        written: None,
                    },
                    "just now".into(),
                );
            }),
            ("conflict", |a| {
                super::common::ui::save_conflict(a, "/work/acme.ron")
            }),
            ("conflict (invalid)", |a| {
                a.update(Msg::SaveConflictInvalid {
                    doc: a.session.active_id(),
                    path: PathBuf::from("/work/acme.ron"),
                    why: "cut short".into(),
                    hash: Some(1),
                });
            }),
            ("reload", |a| {
                let mut theirs = a.doc().plan.clone();
                theirs.build.initial_cost = 150_000.0;
                a.update(Msg::DiskChanged {
                    path: PathBuf::from("/work/acme.ron"),
                    theirs: Ok(Box::new(theirs)),
                    hash: Some(7),
                });
            }),
        ]
    }

    #[test]
    fn every_key_a_mode_lists_does_something_in_that_mode() {
        let all = modes();
        let mut names: Vec<&str> = all.iter().map(|(n, _)| *n).collect();
        names.dedup();
        for name in names {
            // A mode may be reached in several ways (the editor, folded or not).
            let setups: Vec<Setup> = all
                .iter()
                .filter(|(n, _)| *n == name)
                .map(|(_, s)| *s)
                .collect();
            let mut probe = app();
            setups[0](&mut probe);
            let chords = probe.mode_chords();
            assert!(!chords.is_empty(), "{name}: no keys");
            for chord in chords {
                let live = setups.iter().any(|setup| {
                    [false, true].into_iter().any(|moved| {
                        let mut a = app();
                        setup(&mut a);
                        if moved {
                            key(&mut a, Key::Down);
                            key(&mut a, Key::Down);
                        }
                        let before = fingerprint(&mut a);
                        let effects = a.update(Msg::Key(chord));
                        !effects.is_empty() || fingerprint(&mut a) != before
                    })
                });
                assert!(live, "{name}: {chord} is listed but does nothing");
            }
        }
    }

    #[test]
    fn panels_close_on_any_key_and_the_bar_says_so() {
        for open in ['P', 'B'] {
            for chord in [
                KeyChord::ch('x'),
                KeyChord::plain(Key::Esc),
                KeyChord::plain(Key::Enter),
            ] {
                let mut a = app();
                ch(&mut a, open);
                assert!(matches!(a.mode(), Mode::Present(_) | Mode::Breakeven(_)));
                assert_eq!(a.bar(), vec![("any key".to_string(), "closes")]);
                a.update(Msg::Key(chord));
                assert!(matches!(a.mode(), Mode::Normal), "{open} then {chord}");
            }
        }
    }

    /// The bar of each mode offers only keys that mode binds.
    #[test]
    fn the_bar_lists_only_keys_of_its_mode() {
        for (name, setup) in modes() {
            let mut a = app();
            setup(&mut a);
            let chords: Vec<String> = a.mode_chords().iter().map(|c| c.to_string()).collect();
            for (keys, label) in a.bar() {
                let pair = keys.split('/').all(|k| chords.contains(&k.to_string()));
                assert!(
                    chords.contains(&keys) || pair,
                    "{name}: the bar offers {keys} {label}, which the mode does not bind"
                );
            }
        }
    }
}

/// Lines of non-test code a file in `src/` may have (issue 11: "no source
/// file over about 400 lines"), counted up to its first `#[cfg(test)]`.
const MAX_CODE_LINES: usize = 400;

/// The lines of `text` before its first `#[cfg(test)]` at the start of a line.
fn code_lines(text: &str) -> usize {
    text.lines()
        .take_while(|l| !l.starts_with("#[cfg(test)]"))
        .count()
}

#[test]
fn code_lines_stop_at_the_tests() {
    assert_eq!(code_lines("a\nb\n#[cfg(test)]\nmod tests {}\n"), 2);
    assert_eq!(
        code_lines("a\n    #[cfg(test)]\nb\n"),
        3,
        "only a top-level one"
    );
    assert_eq!(code_lines(""), 0);
}

#[test]
fn no_source_file_is_over_400_lines_of_code() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let files = sources_in(&["src"]);
    assert!(files.len() >= 50);
    let mut over = Vec::new();
    for f in &files {
        let rel = f
            .strip_prefix(root)
            .unwrap()
            .to_string_lossy()
            .replace('\\', "/");
        let n = code_lines(&std::fs::read_to_string(f).unwrap());
        if n > MAX_CODE_LINES {
            over.push(format!("{rel}: {n} lines"));
        }
    }
    assert!(
        over.is_empty(),
        "over {MAX_CODE_LINES} lines of non-test code (split them by job into sibling modules): {over:?}"
    );
}

/// The input table does not import validation: validation reads the table
/// (and its ranges, `model/fields/range.rs`), never the reverse.
#[test]
fn the_input_table_does_not_import_validation() {
    let files = sources_in(&["src/model/fields"]);
    assert!(
        files.iter().any(|f| f.ends_with("range.rs")),
        "the range type lives with the table"
    );
    for f in &files {
        let text = std::fs::read_to_string(f).unwrap();
        assert!(
            !text.contains("validate::"),
            "{} imports validation",
            f.display()
        );
    }
}
