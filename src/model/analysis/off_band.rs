//! Why a plan's own TCO can sit outside its P10–P90 band. Each draw is
//! triangular on (low, the plan's value, high): the plan's value is the most
//! likely draw, but a range lopsided around it (4,000 to 6,000, most likely
//! 4,000) puts most draws on its long side, and then the TCO of the plan's
//! values can fall below P10 (or above P90). This finds that case and the
//! ranges that pull the draws away from the plan's TCO.

use super::set_keeping_mix;
use super::uncertainty::{Band, ranges};
use crate::model::fields::Field;
use crate::model::projection::{Projection, project_into};
use crate::model::scenario::Scenario;

/// Which side of the band the plan's TCO is on.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Side {
    /// Below P10: most draws cost more than the plan's values.
    Below,
    /// Above P90: most draws cost less.
    Above,
}

/// A ranged input whose range pulls the draws away from the plan's TCO.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Lean {
    pub field: Field,
    pub low: f64,
    pub value: f64,
    pub high: f64,
    /// The TCO with this input at the mean of its draws, (low + value +
    /// high) / 3, minus the plan's TCO.
    pub shift: f64,
}

/// The plan's TCO outside its band, and the ranges that put it there
/// (largest pull first; empty when no single range does).
#[derive(Debug, Clone, PartialEq)]
pub struct OffBand {
    pub side: Side,
    pub tco: f64,
    pub leans: Vec<Lean>,
}

/// Half a cent: a TCO equal to P10 or P90 is inside the band.
const EPS: f64 = 0.005;

/// Where the plan's TCO, `tco`, sits against `band` (the band of `s`):
/// `None` when inside it.
pub fn off_band(s: &Scenario, tco: f64, band: &Band) -> Option<OffBand> {
    let side = if tco < band.p10 - EPS {
        Side::Below
    } else if tco > band.p90 + EPS {
        Side::Above
    } else {
        return None;
    };
    let base = super::lean(s);
    let mut work = base.clone();
    let mut p = Projection::default();
    let mut leans: Vec<Lean> = ranges(s)
        .into_iter()
        .filter_map(|(field, low, value, high)| {
            work.clone_from(&base);
            set_keeping_mix(&mut work, field, (low + value + high) / 3.0);
            project_into(&work, &mut p);
            let shift = p.totals.tco - tco;
            let pulls = match side {
                Side::Below => shift > EPS,
                Side::Above => shift < -EPS,
            };
            (pulls && shift.is_finite()).then_some(Lean {
                field,
                low,
                value,
                high,
                shift,
            })
        })
        .collect();
    leans.sort_by(|a, b| b.shift.abs().total_cmp(&a.shift.abs()));
    Some(OffBand { side, tco, leans })
}
