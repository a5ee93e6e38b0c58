//! How sure we are: a seeded Monte Carlo over the ranges a plan gives for its
//! inputs (triangular, with the plan's value as the most likely one), giving
//! P10 / P50 / P90 of each month's total and of the horizon TCO, and — when
//! the plan's own TCO falls outside P10–P90 — why (`off_band.rs`).

pub use super::metric::Metric;
use super::off_band::{OffBand, off_band};
use super::set_keeping_mix;
use crate::model::fields::Field;
use crate::model::projection::{Projection, project_into};
use crate::model::scenario::Scenario;

/// The draws of the band the workbench shows, the reports print and
/// `runcost simulate` runs by default: one number everywhere, so the screen,
/// the report and the CLI give the same P10–P90 (`--draws` can do more).
/// The worker runs 2,000 draws in 4–7 ms (`benches/workbench.rs`); 10,000
/// take five times as long, and with one job running and the next waiting
/// the band would miss the 50 ms it has to catch up with the typing.
pub const DRAWS: usize = 2_000;
/// The seed of that band: the same plan always gives the same band.
pub const SEED: u64 = 1;

/// P10 / P50 / P90 of one figure.
#[derive(Debug, Clone, Copy, PartialEq, Default, serde::Serialize)]
pub struct Band {
    pub p10: f64,
    pub p50: f64,
    pub p90: f64,
}

#[derive(Debug, Clone, PartialEq, serde::Serialize)]
pub struct Simulation {
    pub draws: usize,
    pub seed: u64,
    pub tco: Band,
    /// The same draws read on cash TCO and on NPV (spec §6: the band can be
    /// read on either); not in the `simulate` command's JSON.
    #[serde(skip)]
    pub cash_tco: Band,
    #[serde(skip)]
    pub npv: Band,
    /// One band per month of the horizon.
    pub monthly_total: Vec<Band>,
    /// One band per month of what is paid in cash (`Month::cash`).
    #[serde(skip)]
    pub monthly_cash: Vec<Band>,
    /// Draws whose projection overflowed (a month or the TCO beyond f64):
    /// their bands mean nothing, so callers refuse to show them.
    #[serde(skip)]
    pub overflowed: usize,
    /// The plan's own TCO when it falls outside `tco`'s P10–P90, and why
    /// (`off_band.rs`); `None` when it is inside.
    #[serde(skip)]
    pub off_band: Option<OffBand>,
}

impl Simulation {
    /// The band of the horizon figure `metric`.
    pub fn band(&self, metric: Metric) -> Band {
        match metric {
            Metric::Tco => self.tco,
            Metric::CashTco => self.cash_tco,
            Metric::Npv => self.npv,
        }
    }
}

/// SplitMix64: a tiny generator whose sequence never changes, so the same
/// file and seed always give the same numbers.
struct Rng(u64);

impl Rng {
    fn next_f64(&mut self) -> f64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^= z >> 31;
        (z >> 11) as f64 / (1u64 << 53) as f64
    }
}

/// A draw from the triangular distribution on [low, high] with mode `mode`
/// (the inverse of its distribution function at `u` in [0, 1)): the density
/// rises linearly from `low` to `mode` and falls to `high`, so the plan's
/// value is the most likely draw and the mean is (low + mode + high) / 3.
pub fn triangular(low: f64, mode: f64, high: f64, u: f64) -> f64 {
    if high <= low {
        return mode;
    }
    // Validation keeps the value within its range; never draw outside it.
    let mode = mode.clamp(low, high);
    let cut = (mode - low) / (high - low);
    if u < cut {
        low + ((high - low) * (mode - low) * u).sqrt()
    } else {
        high - ((high - low) * (high - mode) * (1.0 - u)).sqrt()
    }
}

fn percentile(sorted: &[f64], q: f64) -> f64 {
    if sorted.is_empty() {
        return 0.0;
    }
    let pos = q * (sorted.len() - 1) as f64;
    let (i, frac) = (pos.floor() as usize, pos.fract());
    let next = sorted[(i + 1).min(sorted.len() - 1)];
    sorted[i] + (next - sorted[i]) * frac
}

fn band(values: &mut [f64]) -> Band {
    values.sort_by(f64::total_cmp);
    Band {
        p10: percentile(values, 0.10),
        p50: percentile(values, 0.50),
        p90: percentile(values, 0.90),
    }
}

/// The plan's ranges resolved to fields (validation has checked them).
pub fn ranges(s: &Scenario) -> Vec<(Field, f64, f64, f64)> {
    ranges_in(s, &Field::all(s))
}

/// [`ranges`] on the inputs `fields` of the plan (its [`Field::all`]).
pub fn ranges_in(s: &Scenario, fields: &[Field]) -> Vec<(Field, f64, f64, f64)> {
    // The horizon takes no range (validation refuses one): a draw of it
    // would change how many months there are to band.
    let fields: std::collections::HashSet<Field> = fields
        .iter()
        .copied()
        .filter(|f| *f != Field::Horizon)
        .collect();
    s.uncertainty
        .iter()
        .filter_map(|r| {
            let f = r.field.field().filter(|f| fields.contains(f))?;
            Some((f, r.low, f.get(s)?, r.high))
        })
        .collect()
}

/// Runs `draws` projections with the ranged inputs drawn at random.
pub fn simulate(s: &Scenario, draws: usize, seed: u64) -> Simulation {
    let draws = draws.max(1);
    let ranged = ranges(s);
    let h = s.horizon_months as usize;
    let mut rng = Rng(seed);
    let base = super::lean(s);
    let mut work = base.clone();
    let mut p = Projection::default();
    let mut tco = Vec::with_capacity(draws);
    let mut cash_tco = Vec::with_capacity(draws);
    let mut npv = Vec::with_capacity(draws);
    // Month-major so each month's draws are contiguous for sorting.
    let mut months = vec![0.0; h * draws];
    let mut cash = vec![0.0; h * draws];
    let mut overflowed = 0;
    for d in 0..draws {
        work.clone_from(&base);
        for &(f, low, mode, high) in &ranged {
            set_keeping_mix(&mut work, f, triangular(low, mode, high, rng.next_f64()));
        }
        project_into(&work, &mut p);
        if p.overflow().is_some() {
            overflowed += 1;
        }
        tco.push(p.totals.tco);
        cash_tco.push(p.totals.cash_tco);
        npv.push(p.totals.npv);
        for (m, month) in p.months.iter().take(h).enumerate() {
            months[m * draws + d] = month.total;
            cash[m * draws + d] = month.cash;
        }
    }
    let monthly_total = months.chunks_mut(draws).map(band).collect();
    let monthly_cash = cash.chunks_mut(draws).map(band).collect();
    let tco = band(&mut tco);
    let off_band = if overflowed == 0 {
        project_into(&base, &mut p);
        off_band(s, p.totals.tco, &tco)
    } else {
        None
    };
    Simulation {
        draws,
        seed,
        tco,
        cash_tco: band(&mut cash_tco),
        npv: band(&mut npv),
        monthly_total,
        monthly_cash,
        overflowed,
        off_band,
    }
}

#[cfg(test)]
mod tests {
    use super::triangular;

    /// `n` draws at evenly spaced `u` (the inverse CDF over [0, 1)).
    fn draws(low: f64, mode: f64, high: f64, n: usize) -> Vec<f64> {
        (0..n)
            .map(|i| triangular(low, mode, high, (i as f64 + 0.5) / n as f64))
            .collect()
    }

    #[test]
    fn draws_are_triangular_on_low_value_high() {
        for (low, mode, high) in [
            (1.0, 2.0, 5.0),
            (4000.0, 4000.0, 6000.0),
            (10.0, 40.0, 40.0),
        ] {
            let d = draws(low, mode, high, 100_000);
            assert!(d.iter().all(|x| (low..=high).contains(x)));
            // The mean of a triangular distribution is (low + mode + high) / 3.
            let mean = d.iter().sum::<f64>() / d.len() as f64;
            let want = (low + mode + high) / 3.0;
            assert!(
                (mean - want).abs() < 1e-3 * (high - low),
                "{mean} vs {want}"
            );
            // Its distribution function below the mode: (x−low)² / ((high−low)(mode−low)).
            if mode > low {
                let x = (low + mode) / 2.0;
                let share = d.iter().filter(|v| **v <= x).count() as f64 / d.len() as f64;
                let cdf = (x - low).powi(2) / ((high - low) * (mode - low));
                assert!((share - cdf).abs() < 1e-3, "{share} vs {cdf}");
            }
            // The plan's value is the most likely: the tenth of the range
            // around it holds more draws than any other tenth.
            let tenth = |k: usize| {
                let a = low + (high - low) * k as f64 / 10.0;
                let b = a + (high - low) / 10.0;
                d.iter().filter(|v| **v >= a && **v < b).count()
            };
            let at = (((mode - low) / (high - low)) * 10.0).floor().min(9.0) as usize;
            assert!(
                (0..10).all(|k| tenth(k) <= tenth(at)),
                "{low} {mode} {high}"
            );
        }
    }

    #[test]
    fn a_value_outside_its_range_never_draws_outside_it() {
        let d = draws(10.0, 100.0, 40.0, 1_000);
        assert!(d.iter().all(|x| (10.0..=40.0).contains(x)), "{:?}", &d[..5]);
        assert_eq!(triangular(5.0, 7.0, 5.0, 0.3), 7.0, "no range: the value");
    }
}
