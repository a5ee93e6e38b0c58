//! The client report printed as a client would print it: every example plan
//! rendered to PDF by headless Chromium on A4 and on Letter, read back with
//! `pdftotext -layout`. A page that continues a table starts with the
//! table's header row, no page ends on a heading, the first page is the
//! executive summary with its chart, the month labels are there, and the
//! page count is sensible.
//!
//! Needs `chromium` and `pdftotext` (poppler-utils); `.ci/run` installs
//! both and sets RUNCOST_REQUIRE_BROWSER=1, so in CI a missing tool fails
//! the test. Elsewhere (a fresh checkout's `cargo test`) a missing tool, or
//! RUNCOST_SKIP_BROWSER=1, skips it with a notice.

use crate::common;

use std::path::Path;
use std::process::Command;
use std::time::{Duration, Instant};

use common::{builtin, root, scenario};
use runcost::model::{Scenario, project};
use runcost::report::client::model::{Block, ClientReport, labelled_months};
use runcost::report::client::{html, report};

const DATE: &str = "2026-11-28";

fn chromium() -> Option<String> {
    if let Ok(c) = std::env::var("RUNCOST_CHROMIUM") {
        return Some(c);
    }
    ["chromium", "chromium-browser", "google-chrome"]
        .into_iter()
        .find(|c| {
            Command::new("sh")
                .args(["-c", &format!("command -v {c}")])
                .output()
                .is_ok_and(|o| o.status.success())
        })
        .map(str::to_string)
}

/// The browser, or `None` (with a notice) when the tools are missing
/// outside CI, or RUNCOST_SKIP_BROWSER=1.
fn tools() -> Option<String> {
    let flag = |name: &str| std::env::var(name).is_ok_and(|v| v == "1");
    if flag("RUNCOST_SKIP_BROWSER") {
        eprintln!("NOTICE: report_print skipped (RUNCOST_SKIP_BROWSER=1)");
        return None;
    }
    let have_pdftotext = Command::new("pdftotext").arg("-v").output().is_ok();
    match (chromium(), have_pdftotext) {
        (Some(c), true) => Some(c),
        _ if !flag("RUNCOST_REQUIRE_BROWSER") => {
            eprintln!(
                "NOTICE: report_print skipped: no chromium or pdftotext \
                 (`apt-get install -y chromium poppler-utils`; CI requires them)"
            );
            None
        }
        (c, p) => panic!(
            "the print test needs headless Chromium and pdftotext (chromium: {}, pdftotext: {}); \
             install them with `apt-get install -y chromium poppler-utils` (as .ci/run does), \
             or unset RUNCOST_REQUIRE_BROWSER to skip this test outside CI",
            c.as_deref().unwrap_or("missing"),
            if p { "found" } else { "missing" }
        ),
    }
}

/// Prints `page` to PDF on `paper` (`A4` or `Letter`, set by a CSS
/// override of the page size) and returns the text of each page.
fn print(browser: &str, page: &str, paper: &str, name: &str) -> Vec<String> {
    let dir = tempfile::tempdir().unwrap();
    let html_path = dir.path().join(format!("{name}.html"));
    let pdf = dir.path().join(format!("{name}.pdf"));
    let page = page.replacen(
        "</head>",
        &format!("<style>@page{{size:{paper}}}</style></head>"),
        1,
    );
    std::fs::write(&html_path, page).unwrap();
    let mut child = Command::new(browser)
        .args([
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--no-pdf-header-footer",
            &format!("--user-data-dir={}", dir.path().join("profile").display()),
            &format!("--print-to-pdf={}", pdf.display()),
        ])
        .arg(format!("file://{}", html_path.display()))
        .env("HOME", dir.path())
        .stdout(std::process::Stdio::null())
        .stderr(std::process::Stdio::null())
        .spawn()
        .expect("chromium starts");
    let start = Instant::now();
    while child.try_wait().unwrap().is_none() {
        if start.elapsed() > Duration::from_secs(120) {
            let _ = child.kill();
            panic!("chromium did not print {name} within 2 minutes");
        }
        std::thread::sleep(Duration::from_millis(100));
    }
    assert!(pdf.exists(), "chromium wrote no PDF for {name}");
    let info = Command::new("pdfinfo").arg(&pdf).output().unwrap();
    let info = String::from_utf8_lossy(&info.stdout);
    let size = if paper == "A4" { "(A4)" } else { "(letter)" };
    assert!(
        info.contains(size),
        "{name} is not printed on {paper}:\n{info}"
    );
    let out = Command::new("pdftotext")
        .args(["-layout"])
        .arg(&pdf)
        .arg("-")
        .output()
        .unwrap();
    assert!(out.status.success(), "pdftotext failed on {name}");
    let text = String::from_utf8_lossy(&out.stdout).into_owned();
    let mut pages: Vec<String> = text.split('\u{c}').map(str::to_string).collect();
    if pages.last().is_some_and(|p| p.trim().is_empty()) {
        pages.pop();
    }
    pages
}

fn collapse(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

fn first_word(s: &str) -> &str {
    s.split_whitespace().next().unwrap_or("")
}

/// The lines of a page with text, without the page number at its foot.
fn content(page: &str) -> Vec<String> {
    page.lines()
        .map(collapse)
        .filter(|l| !l.is_empty() && !is_page_number(l))
        .collect()
}

/// The page number Chromium prints at a page's foot (`Page 2 of 6`).
fn is_page_number(l: &str) -> bool {
    l.starts_with("Page ") && l.contains(" of ")
}

/// What a table's header line and its rows' first lines start with.
struct TableSig {
    header: String,
    rows: Vec<(String, String)>,
}

fn signatures(r: &ClientReport) -> Vec<TableSig> {
    r.sections
        .iter()
        .flat_map(|s| s.tables())
        .map(|t| TableSig {
            header: format!(
                "{} {}",
                first_word(&t.columns[0].title),
                first_word(&t.columns[1].title)
            ),
            rows: t
                .rows
                .iter()
                .map(|r| {
                    (
                        first_word(&r.cells[0]).to_string(),
                        first_word(&r.cells[1]).to_string(),
                    )
                })
                .collect(),
        })
        .collect()
}

/// Checks one printed report; returns how many pages start by repeating a
/// table's header row.
fn check(name: &str, s: &Scenario, pages: &[String], r: &ClientReport) -> usize {
    let sigs = signatures(r);
    let headings: Vec<String> = r.sections.iter().map(|s| collapse(&s.title)).collect();
    let rows: usize = r
        .sections
        .iter()
        .flat_map(|s| s.tables())
        .map(|t| t.rows.len())
        .sum();
    let n = pages.len();
    assert!(
        (3..=4 + rows / 20).contains(&n),
        "{name}: {n} pages for {rows} table rows"
    );
    let mut repeated = 0;
    for (i, page) in pages.iter().enumerate() {
        let lines = content(page);
        let Some(first) = lines.first() else {
            panic!("{name}: page {} is empty", i + 1)
        };
        let last = lines.last().unwrap();
        assert!(
            !headings.contains(last),
            "{name}: page {} ends on the heading {last:?}",
            i + 1
        );
        if i == 0 {
            continue;
        }
        if sigs.iter().any(|t| first.starts_with(&t.header)) {
            repeated += 1;
            continue;
        }
        for t in &sigs {
            let continues = t.rows.iter().any(|(a, b)| {
                first.starts_with(&format!("{a} ")) && first.split(' ').any(|w| w == b)
            });
            assert!(
                !continues,
                "{name}: page {} continues the table headed {:?} without its header row:\n{first}",
                i + 1,
                t.header
            );
        }
    }
    // The first page is the executive summary, with its chart.
    let one = collapse(&pages[0]);
    let months = r
        .sections
        .iter()
        .flat_map(|s| &s.blocks)
        .find_map(|b| match b {
            Block::Chart(c) => Some(c.months.clone()),
            _ => None,
        })
        .expect("the summary has a chart");
    let ticks: Vec<String> = labelled_months(months.len())
        .into_iter()
        .map(|m| months[m - 1].short())
        .collect();
    assert!(
        one.contains(&ticks.join(" ")),
        "{name}: the month labels {ticks:?} are not on the first page:\n{}",
        pages[0]
    );
    for must in [
        "Summary",
        "Building it costs",
        "Cash TCO (build + billed and paid)",
        "What moves the cash TCO most",
    ] {
        assert!(
            one.contains(must),
            "{name}: {must:?} is not on the first page:\n{}",
            pages[0]
        );
    }
    assert!(
        !one.contains("Where the run cost goes"),
        "{name}: the summary page goes on"
    );
    let all = collapse(&pages.join("\n"));
    assert!(
        all.matches(&ticks.join(" ")).count() >= 2,
        "{name}: the cumulative chart has no month labels"
    );
    assert!(all.contains(&collapse(&runcost::numbers::money(
        project(s).totals.tco,
        &s.currency
    ))));
    // The closing lines that say where the figures come from are printed
    // whole, together on the last page (compared without spaces: a line may
    // break after the hyphen of "Wrong-answer").
    let bare = |t: &str| t.split_whitespace().collect::<String>();
    let end = bare(&pages[n - 1]);
    for p in &r.footer {
        assert!(
            end.contains(&bare(p)),
            "{name}: the footer paragraph {p:?} is not whole on the last page:\n{}",
            pages[n - 1]
        );
    }
    repeated
}

fn plans() -> Vec<(String, Scenario)> {
    let mut names: Vec<String> = std::fs::read_dir(root().join("scenarios"))
        .unwrap()
        .filter_map(|e| {
            let p = e.ok()?.path();
            (p.extension()? == "ron").then_some(p.file_stem()?.to_string_lossy().into_owned())
        })
        .collect();
    names.sort();
    assert!(names.len() >= 6, "{names:?}");
    names
        .into_iter()
        .map(|n| (n.clone(), scenario(&n)))
        .collect()
}

fn print_all(paper: &str, extra: Vec<(String, Scenario)>) {
    let Some(browser) = tools() else { return };
    let mut repeated = 0;
    for (name, s) in plans().into_iter().chain(extra) {
        let p = project(&s);
        let r = report(&s, &p, &builtin(), DATE);
        let page = html::render(&r);
        let tag = format!("{name}-{paper}");
        let pages = print(&browser, &page, paper, &tag);
        repeated += check(&tag, &s, &pages, &r);
    }
    assert!(
        repeated > 0,
        "no table went on over a page, so nothing was checked"
    );
}

#[test]
fn every_example_prints_on_a4() {
    let mut long = scenario("claims-agent");
    long.horizon_months = 60;
    print_all("A4", vec![("claims-agent-60-months".into(), long)]);
}

#[test]
fn every_example_prints_on_letter() {
    let mut short = scenario("support-assistant");
    short.horizon_months = 1;
    short.start = Some("2027-03".into());
    print_all("Letter", vec![("support-assistant-1-month".into(), short)]);
}

#[test]
fn the_ci_script_installs_the_browser_and_poppler() {
    let ci = std::fs::read_to_string(root().join(".ci/run")).unwrap();
    assert!(
        ci.contains("chromium") && ci.contains("poppler-utils"),
        "{ci}"
    );
    // …and makes their absence a failure there, not a skip.
    assert!(ci.contains("export RUNCOST_REQUIRE_BROWSER=1"), "{ci}");
    assert!(Path::new(&root().join(".ci/run")).exists());
}
