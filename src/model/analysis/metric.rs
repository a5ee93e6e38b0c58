//! Which horizon figure the tornado and the uncertainty band are read on
//! (spec §6: "the tornado and the uncertainty band can be read on cash TCO or
//! on NPV"). TCO with expected losses stays what they measure by default.

use crate::model::projection::Totals;

/// A horizon figure a driver or a draw is measured on.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub enum Metric {
    /// TCO with the expected cost of wrong answers (the default of
    /// `sensitivity` and `simulate`, as before version 3).
    #[default]
    Tco,
    /// Build cost plus what is billed or paid: the figure the CFO signs.
    CashTco,
    /// Net present value: moves with the value inputs too (minutes saved,
    /// realization), which no cost figure does.
    Npv,
}

impl Metric {
    /// The metrics a person can switch between, in order.
    pub const ALL: [Metric; 3] = [Metric::CashTco, Metric::Npv, Metric::Tco];

    /// The metric's value in a projection's totals.
    pub fn of(self, t: &Totals) -> f64 {
        match self {
            Metric::Tco => t.tco,
            Metric::CashTco => t.cash_tco,
            Metric::Npv => t.npv,
        }
    }

    /// Its name in full, as a report heads a column.
    pub fn label(self) -> &'static str {
        match self {
            Metric::Tco => "TCO with expected losses",
            Metric::CashTco => "Cash TCO",
            Metric::Npv => "Net present value",
        }
    }

    /// Its name where columns are narrow ("Cash TCO low").
    pub fn short_label(self) -> &'static str {
        match self {
            Metric::Tco => "TCO",
            Metric::CashTco => "Cash TCO",
            Metric::Npv => "NPV",
        }
    }

    /// Whether a higher value is better news (NPV) rather than worse (cost).
    pub fn higher_is_better(self) -> bool {
        self == Metric::Npv
    }

    /// The next metric of [`Metric::ALL`] (a key that cycles them).
    pub fn next(self) -> Metric {
        let at = Metric::ALL.iter().position(|m| *m == self).unwrap_or(0);
        Metric::ALL[(at + 1) % Metric::ALL.len()]
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn each_metric_reads_its_own_total_and_the_keys_cycle() {
        let t = Totals {
            tco: 3.0,
            cash_tco: 2.0,
            npv: -1.0,
            ..Totals::default()
        };
        assert_eq!(
            Metric::ALL.map(|m| m.of(&t)),
            [2.0, -1.0, 3.0],
            "cash TCO, NPV, TCO"
        );
        assert_eq!(Metric::CashTco.next(), Metric::Npv);
        assert_eq!(Metric::Tco.next(), Metric::CashTco);
        assert!(Metric::Npv.higher_is_better() && !Metric::CashTco.higher_is_better());
    }
}
