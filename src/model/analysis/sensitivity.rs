//! Sensitivity (a tornado): each numeric driver moved down and up by a share
//! of its value, the horizon TCO measured each time, drivers ranked by swing.

use super::set_keeping_mix;
use crate::model::fields::Field;
use crate::model::projection::{Projection, project_into};
use crate::model::scenario::Scenario;

/// One driver's effect on the TCO.
#[derive(Debug, Clone, PartialEq, serde::Serialize)]
pub struct Swing {
    #[serde(skip)]
    pub field: Field,
    pub path: String,
    pub label: String,
    pub value: f64,
    pub low_value: f64,
    pub high_value: f64,
    /// TCO with the driver moved down / up.
    pub tco_low: f64,
    pub tco_high: f64,
    /// |tco_high − tco_low|.
    pub swing: f64,
}

/// Every numeric input of the plan except the horizon (which changes what TCO
/// measures rather than what it costs).
pub fn drivers(s: &Scenario) -> Vec<Field> {
    Field::all(s)
        .into_iter()
        .filter(|f| *f != Field::Horizon)
        .filter(|f| f.get(s).is_some())
        .collect()
}

/// How far the workbench's tornado, presentation mode and the client report
/// move each input, in percent of its value (`runcost sensitivity --pct`
/// defaults to it too).
pub const TORNADO_PCT: f64 = 20.0;

/// Moves each driver by ±`pct` percent of its value (clamped to what the
/// field allows) and ranks the drivers by the TCO swing, largest first.
pub fn sensitivity(s: &Scenario, pct: f64) -> Vec<Swing> {
    let mut work = s.clone();
    let mut p = Projection::default();
    let mut out: Vec<Swing> = drivers(s)
        .into_iter()
        .filter_map(|f| {
            let v = f.get(s)?;
            let range = f.range();
            let clamp = |x: f64| {
                if range.allows(x) {
                    x
                } else {
                    // Stay inside the allowed range (percentages ≤ 100, counts ≥ 0).
                    let x = x.max(0.0);
                    match range {
                        crate::model::Range::Percent | crate::model::Range::PositivePercent => {
                            x.min(100.0)
                        }
                        crate::model::Range::DaysPerMonth => x.clamp(1.0, 31.0),
                        crate::model::Range::WholeNonNegative => x.round(),
                        _ => x,
                    }
                }
            };
            let low = clamp(v * (1.0 - pct / 100.0));
            let high = clamp(v * (1.0 + pct / 100.0));
            let mut tco_at = |x: f64| {
                work.clone_from(s);
                set_keeping_mix(&mut work, f, x);
                project_into(&work, &mut p);
                p.totals.tco
            };
            let tco_low = tco_at(low);
            let tco_high = tco_at(high);
            Some(Swing {
                field: f,
                path: f.path(),
                label: label(s, f),
                value: v,
                low_value: low,
                high_value: high,
                tco_low,
                tco_high,
                swing: (tco_high - tco_low).abs(),
            })
        })
        .collect();
    out.sort_by(|a, b| {
        b.swing
            .total_cmp(&a.swing)
            .then_with(|| a.path.cmp(&b.path))
    });
    out
}

fn label(s: &Scenario, f: Field) -> String {
    use crate::model::fields::Section;
    match (f.section(), f.index()) {
        (Section::Models, Some(i)) => format!("{}: {}", s.models[i].id, f.label_after_name()),
        (Section::Infrastructure, Some(i)) => {
            format!("{}: {}", s.infrastructure[i].name, f.label_after_name())
        }
        _ => f.label().to_string(),
    }
}
