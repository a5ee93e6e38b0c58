//! On the call (issue 13): the ten questions clients always ask, each
//! answered from the freshly opened default plan by a short sequence of keys,
//! with the answer fully visible on screen at 120×40 and at 80×24.
//!
//! What counts: every command key (`*`, `m`, Enter, `7`, …) is a key and at
//! most five are allowed; text typed into a box — the digits of a value, or a
//! word to filter a list by — is counted apart, as the issue counts "typed
//! digits".

use crate::common;

use std::path::{Path, PathBuf};

use common::{builtin, scenario};
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use runcost::app::keymap::{Key, KeyChord};
use runcost::app::{App, Document, Effect, Mode, Msg};
use runcost::model::fields::Field;
use runcost::store::plans::{DEFAULT_TEMPLATE, PlanSummary, load_template_on, template};
use runcost::ui::{self, Theme};

/// The most command keys a question may take.
const MAX_KEYS: usize = 5;

/// The workbench as it opens on the default plan, and the keys pressed.
struct Call {
    app: App,
    keys: usize,
    effects: Vec<Effect>,
}

impl Call {
    fn open(width: u16, height: u16, plans_dir: &Path) -> Self {
        let plan = load_template_on(template(DEFAULT_TEMPLATE).unwrap(), &builtin(), None).unwrap();
        let doc = Document::opened(plan, None);
        let mut app = App::new(doc, builtin(), Some(plans_dir.to_path_buf()));
        app.update(Msg::Resize { width, height });
        Call {
            app,
            keys: 0,
            effects: Vec::new(),
        }
    }

    fn send(&mut self, chord: KeyChord) {
        let effects = self.app.update(Msg::Key(chord));
        self.effects.extend(effects);
    }

    /// A command key.
    fn key(&mut self, k: Key) -> &mut Self {
        self.keys += 1;
        self.send(KeyChord::plain(k));
        self
    }

    /// A command key that is a character (`*`, `m`, `7`, `B`).
    fn ch(&mut self, c: char) -> &mut Self {
        self.keys += 1;
        self.send(KeyChord::ch(c));
        self
    }

    /// Text typed into a box: not counted as keys.
    fn typed(&mut self, text: &str) -> &mut Self {
        for c in text.chars() {
            self.send(KeyChord::ch(c));
        }
        self
    }

    fn screen(&self) -> String {
        let size = self.app.size;
        let mut t = Terminal::new(TestBackend::new(size.width, size.height)).unwrap();
        t.draw(|f| ui::render(f, &self.app, &Theme { color: false }))
            .unwrap();
        let buf = t.backend().buffer();
        (0..buf.area.height)
            .map(|y| {
                (0..buf.area.width)
                    .map(|x| buf[(x, y)].symbol())
                    .collect::<String>()
            })
            .collect::<Vec<_>>()
            .join("\n")
    }

    /// Asserts the key count and that every piece of the answer is on screen.
    fn answers(&self, question: &str, parts: &[&str]) {
        assert!(
            self.keys <= MAX_KEYS,
            "{question}: {} keys (at most {MAX_KEYS})",
            self.keys
        );
        let screen = self.screen();
        for part in parts {
            assert!(
                screen.contains(part),
                "{question} at {}×{}: {part:?} not on screen:\n{screen}",
                self.app.size.width,
                self.app.size.height
            );
        }
    }
}

const SIZES: [(u16, u16); 2] = [(120, 40), (80, 24)];

fn each_size(f: impl Fn(Call)) {
    let dir = tempfile::tempdir().unwrap();
    for (w, h) in SIZES {
        f(Call::open(w, h, dir.path()));
    }
}

#[test]
fn q1_volume_doubles_in_one_key() {
    each_size(|mut c| {
        c.ch('*');
        assert_eq!(
            Field::RequestsPerDay.get(&c.app.doc().plan),
            Some(5000.0),
            "the cursor opens on requests per day and * doubles it"
        );
        c.answers("volume doubles", &["2,500 req/day → 5,000", "TCO\u{a0}+$"]);
    });
}

#[test]
fn q2_a_cheaper_model_with_its_delta() {
    each_size(|mut c| {
        let before = c.app.projection().totals.tco;
        c.ch('m').typed("5.4-nano").key(Key::Enter);
        assert_eq!(c.app.doc().plan.models[0].id, "gpt-5.4-nano");
        assert!(c.app.projection().totals.tco < before);
        c.answers("a cheaper model", &["gpt-5.4-nano", "TCO\u{a0}\u{2212}$"]);
    });
}

#[test]
fn q3_self_host_or_api() {
    each_size(|mut c| {
        c.ch('B');
        c.answers("self-host or API", &["Self-hosting break-even", "cheaper"]);
    });
}

#[test]
fn q4_review_a_fifth_of_answers_with_staffing_and_error_cost() {
    each_size(|mut c| {
        // 7 = Oversight; its first input is the share of answers reviewed.
        c.ch('7').key(Key::Enter).typed("20").key(Key::Enter);
        assert_eq!(
            Field::Plan(runcost::model::fields::PlanField::ReviewPct).get(&c.app.doc().plan),
            Some(20.0)
        );
        let wide = c.app.size.width >= 120;
        let mut parts = vec!["→ 20 %", "TCO\u{a0}+$"];
        // The staffing need, labelled; the cost of wrong answers that got
        // through (the category's line) where the pane has room for it.
        parts.push(if wide {
            "Reviewers needed:"
        } else {
            "Reviewers"
        });
        if wide {
            parts.push("Wrong answers");
        }
        c.answers("review 20 %", &parts);
    });
}

#[test]
fn q5_maintenance_at_a_quarter_with_its_range_flag() {
    each_size(|mut c| {
        // 6 = Build & maintenance: build cost, then the maintenance rate.
        c.ch('6')
            .key(Key::Down)
            .key(Key::Enter)
            .typed("25")
            .key(Key::Enter);
        assert_eq!(Field::MaintenancePct.get(&c.app.doc().plan), Some(25.0));
        let flag = if c.app.size.width >= 120 {
            "(15–25)"
        } else {
            "25 %"
        };
        c.answers("maintenance at 25 %", &["→ 25 %", flag]);
    });
}

#[test]
fn q6_compare_with_a_saved_plan_from_another_folder_keeping_the_what_if() {
    each_size(|mut c| {
        // The what-if on screen (not counted: it is what the client asked
        // before this question).
        c.send(KeyChord::ch('*'));
        c.keys = 0;
        let elsewhere = PathBuf::from("/elsewhere/last-week.ron");
        c.ch('C');
        assert!(
            c.effects
                .iter()
                .any(|e| matches!(e, Effect::ScanPlans { .. })),
            "{:?}",
            c.effects
        );
        c.app.update(Msg::PlanList(vec![PlanSummary {
            path: elsewhere.clone(),
            name: "Last week".into(),
            client: "Acme".into(),
            currency: "USD".into(),
            modified: "2026-11-20 10:00".into(),
            tco: Ok(700_000.0),
        }]));
        c.effects.clear();
        c.key(Key::Enter);
        assert_eq!(c.effects, vec![Effect::OpenBeside(vec![elsewhere.clone()])]);
        let mut theirs = scenario("support-assistant");
        theirs.name = "Last week".into();
        c.app
            .update(Msg::OpenedBeside(vec![(elsewhere, Ok(Box::new(theirs)))]));
        assert!(matches!(c.app.mode(), Mode::Compare(_)));
        assert_eq!(
            c.app.doc().plan.workload.requests_per_day,
            5000.0,
            "the what-if is kept"
        );
        c.answers(
            "compare with a saved plan",
            &["Last week", "Support assistant"],
        );
    });
}

#[test]
fn q6b_a_what_if_pinned_and_compared_with_its_original_in_one_key() {
    each_size(|mut c| {
        c.send(KeyChord::ch('*'));
        c.keys = 0;
        c.ch('V');
        assert!(matches!(c.app.mode(), Mode::Compare(_)));
        assert_eq!(c.app.session.len(), 2);
        assert_eq!(c.app.session.get(0).plan.workload.requests_per_day, 2500.0);
        assert_eq!(c.app.session.get(1).plan.workload.requests_per_day, 5000.0);
        c.answers("pin a what-if", &["what-if 1"]);
    });
}

#[test]
fn q7_what_drives_the_cost() {
    each_size(|mut c| {
        c.ch('t');
        c.answers("what drives the cost", &["Requests per day"]);
    });
}

#[test]
fn q8_how_sure_are_you() {
    each_size(|c| {
        // The band is on the headline from the start: no key at all.
        c.answers("how sure", &["P10–P90"]);
    });
}

#[test]
fn q9_send_me_this_with_the_path_fully_visible() {
    let dir = tempfile::tempdir().unwrap();
    for (w, h) in SIZES {
        let sub = dir.path().join(format!("{w}"));
        std::fs::create_dir_all(&sub).unwrap();
        let mut c = Call::open(w, h, &sub);
        c.ch('e');
        let export = c
            .effects
            .iter()
            .find(|e| matches!(e, Effect::Export { .. }))
            .cloned()
            .expect("e exports");
        for msg in runcost::tui::effects::perform(export, &builtin()) {
            c.app.update(msg);
        }
        let md = sub.join("support-assistant-report.md");
        assert!(md.exists(), "{}", md.display());
        c.answers(
            "send me this",
            &[
                &md.display().to_string(),
                &sub.join("support-assistant-report.html")
                    .display()
                    .to_string(),
            ],
        );
    }
}

#[test]
fn q10_when_do_we_break_even() {
    each_size(|c| {
        // The headline's payback: no key at all.
        c.answers("when do we break even", &["Payback", "month"]);
    });
}

#[test]
fn the_finder_reaches_an_input_by_name_and_unfolds_its_section() {
    each_size(|mut c| {
        c.send(KeyChord::ch('-')); // every section folded
        c.keys = 0;
        c.ch('/').typed("maintenance").key(Key::Enter);
        assert_eq!(
            c.app.selected_row(),
            Some(runcost::app::rows::Row::Field(Field::MaintenancePct))
        );
        c.answers("find maintenance", &["Maintenance"]);
    });
}

#[test]
fn shift_steps_are_exactly_ten_steps_and_land_on_round_numbers() {
    each_size(|mut c| {
        let mut by_one = Call::open(c.app.size.width, c.app.size.height, Path::new("/plans"));
        for _ in 0..10 {
            by_one.send(KeyChord::plain(Key::Right));
        }
        c.send(KeyChord::shift(Key::Right));
        let one = Field::RequestsPerDay.get(&by_one.app.doc().plan);
        assert_eq!(Field::RequestsPerDay.get(&c.app.doc().plan), one);
        assert_eq!(one, Some(25_000.0), "2,500 up ten rungs of the ladder");
        c.send(KeyChord::shift(Key::Left));
        assert_eq!(Field::RequestsPerDay.get(&c.app.doc().plan), Some(2500.0));
        c.send(KeyChord::ch('%'));
        assert_eq!(Field::RequestsPerDay.get(&c.app.doc().plan), Some(1250.0));
        c.send(KeyChord::plain(Key::Right));
        assert_eq!(
            Field::RequestsPerDay.get(&c.app.doc().plan),
            Some(1500.0),
            "a step from an off-ladder value lands on the next round number"
        );
    });
}

#[test]
fn help_in_compare_shows_the_compare_keys_and_returns_to_compare() {
    each_size(|mut c| {
        c.send(KeyChord::ch('V'));
        c.ch('?');
        c.answers("help in compare", &["Compare view", "baseline"]);
        let first = c.screen();
        c.key(Key::PageDown);
        assert_ne!(c.screen(), first, "PgDn scrolls help");
        c.key(Key::Esc);
        assert!(matches!(c.app.mode(), Mode::Compare(_)), "back to compare");
    });
}

#[test]
fn the_cursor_opens_on_the_first_lever_or_where_it_was_left() {
    let c = Call::open(120, 40, Path::new("/plans"));
    assert_eq!(
        c.app.selected_row(),
        Some(runcost::app::rows::Row::Field(Field::RequestsPerDay))
    );
    let mut again = Call::open(120, 40, Path::new("/plans"));
    assert!(again.app.restore_cursor("build.maintenance_pct_per_year"));
    assert_eq!(
        again.app.cursor_key().as_deref(),
        Some("build.maintenance_pct_per_year")
    );
    assert!(!again.app.restore_cursor("no.such.input"));
}
