//! Issue 22: `M` reads the tornado, presentation mode's drivers and the
//! headline's P10–P90 on cash TCO, on NPV or on TCO with expected losses, in
//! turn; the band always sits right after the figure it is of.

use crate::common;

use common::scenario;
use common::ui::{ch, open, screen};
use runcost::app::{App, Mode};
use runcost::model::analysis::metric::Metric;
use runcost::model::analysis::sensitivity::{TORNADO_PCT, sensitivity_on};
use runcost::numbers::{money, money_short};

fn app() -> App {
    common::ui::sized(
        open(scenario("support-assistant"), "/work/acme.ron", None),
        120,
        40,
    )
}

/// The projection pane's headline cells as one line of text.
fn pane(app: &App) -> String {
    screen(app, 120, 40)
        .lines()
        .filter_map(|l| l.split("││").nth(1))
        .map(|l| l.trim_end_matches(['│', '"']).trim_end())
        .collect::<Vec<_>>()
        .join(" ")
}

/// The band on screen sits right after the figure of `metric` and is that
/// figure's P10–P90.
fn band_beside(a: &App, metric: Metric) {
    let text = pane(a);
    let at = text
        .find("P10–P90")
        .unwrap_or_else(|| panic!("no band: {text}"));
    let figure = money(metric.of(&a.projection().totals), "USD");
    assert!(
        text[..at].trim_end().ends_with(&figure),
        "{metric:?}: the band follows {figure}: {text}"
    );
    let band = a.simulation().expect("computed inline").band(metric);
    let (low, high) = (money_short(band.p10, "USD"), money_short(band.p90, "USD"));
    let shown = text[at + "P10–P90".len()..].trim_start();
    assert!(
        shown.starts_with(&format!("{low} – {high}"))
            || shown.starts_with(&format!("{low}–{high}")),
        "{metric:?}: {low}–{high} in {shown}"
    );
}

#[test]
fn m_cycles_the_band_through_cash_tco_npv_and_tco_with_losses() {
    let mut a = app();
    assert_eq!(a.metric, Metric::Tco, "as before version 3");
    band_beside(&a, Metric::Tco);
    for metric in [Metric::CashTco, Metric::Npv, Metric::Tco] {
        ch(&mut a, 'M');
        assert_eq!(a.metric, metric);
        band_beside(&a, metric);
        let said = a
            .status
            .as_ref()
            .map(|s| s.text.clone())
            .unwrap_or_default();
        assert!(said.contains(metric.label()), "{said}");
        assert!(
            said.contains(metric.next().label()),
            "what M does next: {said}"
        );
    }
}

#[test]
fn the_tornado_reads_on_each_metric_and_value_drivers_appear_on_npv() {
    let mut a = app();
    ch(&mut a, 't');
    let plan = a.doc().plan.clone();
    let moving = |metric: Metric| -> Vec<_> {
        sensitivity_on(&plan, TORNADO_PCT, metric)
            .into_iter()
            .filter(|w| w.swing > 0.0)
            .collect()
    };
    let minutes = "value.minutes_saved_per_request";
    for metric in [Metric::CashTco, Metric::Npv, Metric::Tco] {
        ch(&mut a, 'M');
        let Mode::Tornado(t) = a.mode() else {
            panic!("M keeps the tornado open")
        };
        assert_eq!(a.metric, metric);
        assert!(!t.computing, "computed inline");
        assert_eq!(t.swings, moving(metric), "{metric:?}");
        assert_eq!(t.cursor.selected, 0, "from the top");
        let has_minutes = t.swings.iter().any(|w| w.path == minutes);
        assert_eq!(has_minutes, metric == Metric::Npv, "{metric:?}");
        let text = screen(&a, 120, 40);
        assert!(
            text.contains(&format!("What drives the {}", metric.label())),
            "{text}"
        );
        let base = money(metric.of(&a.projection().totals), "USD");
        let named = match metric {
            Metric::Tco => "TCO w/ losses",
            other => other.short_label(),
        };
        assert!(text.contains(&format!("{named} {base}")), "{base}: {text}");
    }
}

#[test]
fn presentation_mode_ranks_its_drivers_on_the_metric_and_leads_with_cash() {
    let mut a = app();
    ch(&mut a, 'M');
    ch(&mut a, 'M');
    assert_eq!(a.metric, Metric::Npv);
    ch(&mut a, 'P');
    let Mode::Present(p) = a.mode() else {
        panic!("presentation mode")
    };
    let npv = sensitivity_on(&a.doc().plan, TORNADO_PCT, Metric::Npv);
    assert_eq!(p.top[..], npv[..5]);
    let text = screen(&a, 120, 40);
    assert!(text.contains("What drives the Net present value"), "{text}");
    // The big figures: cash TCO first, the expected cost of wrong answers
    // beside it as an estimate; the bars are of cash.
    let t = &a.projection().totals;
    assert!(text.contains(&money(t.cash_tco, "USD")), "{text}");
    assert!(
        !text.contains(&money(t.tco, "USD")),
        "no TCO with losses as a big figure"
    );
    let cash = text.find("Cash TCO").expect("cash TCO named");
    let errors = text.find("Wrong ans. (est.)").expect("the estimate named");
    assert!(cash < errors, "cash first: {text}");
    assert!(text.contains("Monthly cash cost"), "{text}");
    let month1 = money_short(a.projection().months[0].cash, "USD");
    assert!(text.contains(&month1), "month 1 in cash, {month1}: {text}");
}

#[test]
fn the_band_never_opens_a_headline_row_at_any_width_or_metric() {
    for name in ["support-assistant", "doc-processing-scale", "claims-agent"] {
        for (w, h) in [(80, 24), (100, 30), (120, 40), (160, 48), (200, 50)] {
            let mut a = common::ui::sized(open(scenario(name), "/work/p.ron", None), w, h);
            for _ in 0..3 {
                let rows: Vec<String> = screen(&a, w, h)
                    .lines()
                    .filter_map(|l| l.split("││").nth(1).map(str::to_string))
                    .collect();
                let row = rows
                    .iter()
                    .find(|r| r.contains("P10–P90"))
                    .unwrap_or_else(|| panic!("{name} {w}x{h}: no band"));
                assert!(
                    !row.trim_start().starts_with("P10–P90"),
                    "{name} at {w}x{h} on {:?}: the band opens a row, under another figure: {row}",
                    a.metric
                );
                ch(&mut a, 'M');
            }
        }
    }
}
