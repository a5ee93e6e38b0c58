//! Nothing decision-relevant cut off: every screen and mode, with every
//! shipped example plan, at 80×24 and 120×40, must show figures (words with
//! a digit, `$` or `%`) and warnings (`⚠` lines) whole — a word that ends at
//! a border or the screen's edge must be a whole word of the same screen
//! drawn wide, and no figure may end in "…".

use crate::common;
use crate::common::EXAMPLES;

use std::collections::HashSet;
use std::path::PathBuf;

use common::ui::{key, open, render, text_rows, typed as chars, volume_key, volume_range};
use common::{root, scenario};
use runcost::app::keymap::{Key, KeyChord};
use runcost::app::rows::{Row, Toggle};
use runcost::app::{App, Msg, StatusKind};
use runcost::model::fields::Field;
use runcost::store::plans::PlanSummary;
use runcost::ui::Theme;

const LONG_DIR: &str =
    "/home/consultant/clients/acme-retail-group/2026/quarterly-review/plans/drafts";

fn base(example: &str) -> App {
    open(
        scenario(example),
        &format!("{LONG_DIR}/{example}.ron"),
        Some("plans"),
    )
}

fn select(app: &mut App, row: Row) {
    if let Some(i) = app.rows.iter().position(|r| *r == row) {
        app.selected = i;
    }
}

fn summary(name: &str, tco: f64) -> PlanSummary {
    PlanSummary {
        path: PathBuf::from(format!("{LONG_DIR}/{}.ron", runcost::app::slug(name))),
        name: name.into(),
        client: "Acme Retail Group (example client with a long name)".into(),
        currency: "USD".into(),
        modified: "2026-11-28 07:00".into(),
        tco: Ok(tco),
    }
}

type Screen = (&'static str, fn(&mut App));

fn screens() -> Vec<Screen> {
    vec![
        ("workbench", |_| {}),
        ("table-focus", |a| {
            key(a, Key::Tab);
        }),
        ("edited", |a| volume_key(a, Key::Right)),
        ("reviewers", |a| {
            select(a, Row::Toggle(Toggle::Reviewers));
            key(a, Key::Enter);
        }),
        ("edit-value", |a| volume_key(a, Key::Enter)),
        ("edit-range", |a| {
            select(a, Row::Field(Field::RequestsPerDay));
            chars(a, "r");
        }),
        ("range-added", |a| {
            volume_range(a, "1500 - 4000");
        }),
        ("save-as", |a| chars(a, "S")),
        ("picker", |a| chars(a, "m")),
        ("picker-add", |a| chars(a, "a")),
        ("notes", |a| chars(a, "n")),
        ("help", |a| chars(a, "?")),
        ("source", |a| {
            select(a, Row::Field(Field::RequestsPerDay));
            chars(a, "o");
        }),
        ("confirm-quit", |a| {
            volume_key(a, Key::Right);
            chars(a, "q");
        }),
        ("browser", |a| {
            a.update(Msg::Key(KeyChord::ctrl('o')));
            a.update(Msg::PlanList(vec![
                summary("Support assistant — quarterly review draft", 818_421.0),
                summary("Support assistant — quarterly review final", 1_234_567.0),
            ]));
        }),
        ("examples", |a| {
            a.update(Msg::Key(KeyChord::ctrl('n')));
        }),
        ("compare", |a| {
            chars(a, "v");
            key(a, Key::Enter);
            volume_key(a, Key::Right);
            chars(a, "c");
        }),
        ("compare-chart", |a| {
            chars(a, "v");
            key(a, Key::Enter);
            chars(a, "cg");
        }),
        ("tornado", |a| chars(a, "t")),
        ("present", |a| chars(a, "P")),
        ("breakeven", |a| chars(a, "B")),
        ("exported", |a| {
            let base = format!("{LONG_DIR}/support-assistant-report");
            a.update(Msg::Notice(
                StatusKind::Info,
                format!("report written: {base}.md and {base}.html"),
            ));
        }),
        ("recover", |a| {
            let mut plan = a.doc().plan.clone();
            plan.workload.requests_per_day *= 1.21;
            a.offer_recovery(
                runcost::store::recovery::Found::Copy {
                    plan: Box::new(plan),
                    file: PathBuf::from(format!("{LONG_DIR}/recovery/acme.ron")),
                    written: None,
                },
                "written 2026-11-28 07:50 UTC".into(),
            );
        }),
        ("conflict", |a| {
            let mut theirs = a.doc().plan.clone();
            theirs.build.initial_cost += 10_000.0;
            a.update(Msg::SaveConflict {
                doc: a.session.active_id(),
                path: PathBuf::from(format!("{LONG_DIR}/acme.ron")),
                theirs: Some(Box::new(theirs)),
                hash: Some(1),
            });
        }),
    ]
}

fn screen(example: &str, go: fn(&mut App), w: u16, h: u16) -> Vec<String> {
    let mut app = base(example);
    app.update(Msg::Resize {
        width: w,
        height: h,
    });
    go(&mut app);
    text_rows(&render(&app, w, h, &Theme::plain()))
}

fn border(c: char) -> bool {
    "│┃║┐┘┤┌└├┬┴┼".contains(c)
}

fn figure(word: &str) -> bool {
    word.chars()
        .any(|c| c.is_ascii_digit() || c == '$' || c == '%')
}

/// Whether the border at (`x`, `y`) closes a box on its left (the word
/// before it is that box's, and ends at its edge) rather than opening one
/// drawn over the screen (the word before it is hidden under a popup).
fn closes_left(grid: &[Vec<char>], x: usize, y: usize) -> bool {
    for row in grid[..y].iter().rev() {
        match row.get(x) {
            Some('│' | '┃' | '║') => continue,
            Some('┌' | '├') => return false,
            _ => return true,
        }
    }
    true
}

/// The words of a screen, each with whether it ends at a border or the
/// edge, and whether its line is a warning. A word that starts right after
/// the right edge of a popup is the visible end of something under it, not
/// a word of its own: it is left out.
fn words(lines: &[String]) -> Vec<(String, bool, bool)> {
    let grid: Vec<Vec<char>> = lines.iter().map(|l| l.chars().collect()).collect();
    let mut out = Vec::new();
    for (y, line) in lines.iter().enumerate() {
        let chars: Vec<char> = line.chars().collect();
        let warning = line.contains('⚠');
        let mut word = String::new();
        let mut fragment = false;
        for (i, &c) in chars.iter().enumerate() {
            if c == ' ' || c == '\u{a0}' || border(c) {
                if !word.is_empty() {
                    let edge = border(c) && closes_left(&grid, i, y);
                    let w = std::mem::take(&mut word);
                    if !fragment {
                        out.push((w, edge, warning));
                    }
                }
                fragment = border(c) && closes_left(&grid, i, y) && i > 0 && {
                    // A pane's own left border opens a box; a right edge
                    // followed by text is a popup's over a pane.
                    chars.get(i + 1).is_some_and(|n| *n != ' ' && !border(*n))
                };
            } else {
                word.push(c);
            }
            if i + 1 == chars.len() && !word.is_empty() && !fragment {
                out.push((std::mem::take(&mut word), true, warning));
            }
        }
    }
    out
}

/// The cut words of every screen of one example, with the lines they are on.
fn cut_words(example: &str) -> Vec<String> {
    let mut failures = Vec::new();
    assert!(root().join(format!("scenarios/{example}.ron")).exists());
    {
        for (name, go) in screens() {
            let known: HashSet<String> = words(&screen(example, go, 400, 60))
                .into_iter()
                .map(|(w, _, _)| w)
                .collect();
            for (w, h) in [(80, 24), (120, 40)] {
                let lines = screen(example, go, w, h);
                for (word, at_edge, warning) in words(&lines) {
                    let cut_figure = word.ends_with('…') && word != "…" && figure(&word);
                    let cut_at_edge =
                        at_edge && (figure(&word) || warning) && !known.contains(&word);
                    if cut_figure || cut_at_edge {
                        failures.push(format!(
                            "{example} {name} {w}×{h}: {word:?}\n{}",
                            lines
                                .iter()
                                .filter(|l| l.contains(&word))
                                .cloned()
                                .collect::<Vec<_>>()
                                .join("\n")
                        ));
                    }
                }
            }
        }
    }
    failures
}

fn check(example: &str) {
    assert!(EXAMPLES.contains(&example));
    let failures = cut_words(example);
    assert!(
        failures.is_empty(),
        "{} cut words:\n{}",
        failures.len(),
        failures.join("\n")
    );
}

#[test]
fn support_assistant_shows_every_figure_whole() {
    check("support-assistant");
}

#[test]
fn support_self_hosted_shows_every_figure_whole() {
    check("support-self-hosted");
}

#[test]
fn doc_processing_small_shows_every_figure_whole() {
    check("doc-processing-small");
}

#[test]
fn doc_processing_scale_shows_every_figure_whole() {
    check("doc-processing-scale");
}

#[test]
fn compliance_review_shows_every_figure_whole() {
    check("compliance-review");
}

#[test]
fn claims_agent_shows_every_figure_whole() {
    check("claims-agent");
}

#[test]
#[ignore]
fn print_screen() {
    let example = std::env::var("EX").unwrap_or("compliance-review".into());
    let which = std::env::var("SCREEN").unwrap_or("workbench".into());
    let (w, h) = (
        std::env::var("W").map_or(120, |v| v.parse().unwrap()),
        std::env::var("H").map_or(40, |v| v.parse().unwrap()),
    );
    for (name, go) in screens() {
        if name == which {
            println!("{}", screen(&example, go, w, h).join("\n"));
        }
    }
}
