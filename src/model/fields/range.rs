//! The allowed range of every kind of input: one table of bounds, from which
//! the checks, the clamping and the messages are derived.
//!
//! Every input is bounded above by a plausible figure with room for very
//! large real plans (docs/scenario-format.md, "Input bounds"), and every
//! value other than 0 is at least [`SMALLEST`]: inside those bounds every
//! analysis (±pct, ×2, Monte Carlo draws, break-even searches up to 125× the
//! volume) multiplies out to finite figures, and every ratio (ROI, cost per
//! request, a relative change) divides by a number far from 0.

use std::sync::OnceLock;

/// The smallest size of an input other than 0. Below it a value means
/// nothing a plan can say (a millionth of a request, of a cent, of a
/// percent) and would only make ratios overflow.
pub const SMALLEST: f64 = 1e-6;

/// The allowed range of one numeric field, used by validation and by the
/// workbench to check typed values before they reach the plan.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Range {
    /// Requests a day: 0 to 10 billion.
    RequestsPerDay,
    /// Tokens per call (input, output, reasoning, a search query, the
    /// long-context threshold): 0 to 100 million.
    Tokens,
    /// The retrieval corpus: 0 to 10 trillion tokens.
    CorpusTokens,
    /// Vector searches per request: 0 to 1,000.
    Searches,
    /// A price per 1M tokens (model and embedding prices): 0 to 10,000.
    TokenPrice,
    /// A GPU-hour: 0 to 1,000.
    GpuHourly,
    /// Tokens a second one GPU serves: above 0, at most 1 million.
    Throughput,
    /// GPUs kept running (`min_gpus`): whole, 0 to 100,000.
    Gpus,
    /// A fixed amount a month (vector database, an infrastructure line): 0 to 1 billion.
    MonthlyAmount,
    /// A price per 1M vector queries: 0 to 1 million.
    PerMillionQueries,
    /// A price per 1,000 searches (re-ranking): 0 to 100,000.
    PerThousandSearches,
    /// A price per 1,000 requests (an infrastructure line): 0 to 100,000.
    PerThousandRequests,
    /// A one-off amount (build, a re-tune): 0 to 10 billion.
    OneOffAmount,
    /// The cost of one uncaught error (or of one in a severity tier): 0 to 1 billion.
    ErrorCost,
    /// A yearly cost of one FTE: 0 to 10 million.
    AnnualCost,
    /// Full-time equivalents: 0 to 1 million.
    Fte,
    /// Minutes (per review, saved per request): 0 to 10,000.
    Minutes,
    /// Productive hours of one FTE a month: above 0, at most 744 (31 × 24).
    HoursPerMonth,
    /// An hourly labour cost: 0 to 10,000.
    HourlyCost,
    /// Model updates a year: 0 to 365.
    UpdatesPerYear,
    /// 0..=100
    Percent,
    /// > 0 and ≤ 100
    PositivePercent,
    /// > −100 and ≤ 1000 (growth and price drift)
    Growth,
    /// 1..=31
    DaysPerMonth,
    /// 1..=60 whole months
    Horizon,
    /// > 0 and ≤ 1000 (`calls_per_request`)
    CallsPerRequest,
    /// > 0 and ≤ 10 (`token_factor`)
    TokenFactor,
    /// 1..=100 (`peak_to_average`)
    PeakToAverage,
    /// whole, 0..=60 months (`ramp_months`, `build.months`)
    WholeMonths,
    /// whole, 1..=64 (`gpus_per_replica`)
    GpusPerReplica,
    /// whole, 0..=100 (`spare_replicas`)
    SpareReplicas,
    /// −50..=100 (`drift_pct_per_month`)
    Drift,
}

/// The numbers of one range.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Bounds {
    /// The least value allowed (or, with `above`, the value it must exceed).
    pub lo: f64,
    /// `lo` itself is not allowed (growth above −100 %).
    pub above: bool,
    /// The largest value allowed.
    pub hi: f64,
    /// Whole numbers only.
    pub whole: bool,
    /// `lo` is 0 and a value above 0 is at least [`SMALLEST`].
    pub floor: bool,
    /// The message, with `{lo}` and `{hi}` for the bounds.
    text: &'static str,
}

const fn b(lo: f64, hi: f64, text: &'static str) -> Bounds {
    Bounds {
        lo,
        above: false,
        hi,
        whole: false,
        floor: lo == 0.0,
        text,
    }
}

const fn whole(lo: f64, hi: f64, text: &'static str) -> Bounds {
    Bounds {
        whole: true,
        floor: false,
        ..b(lo, hi, text)
    }
}

impl Range {
    /// Every range, for the docs table and the tests.
    pub const ALL: [Range; 32] = [
        Range::RequestsPerDay,
        Range::Tokens,
        Range::CorpusTokens,
        Range::Searches,
        Range::TokenPrice,
        Range::GpuHourly,
        Range::Throughput,
        Range::Gpus,
        Range::MonthlyAmount,
        Range::PerMillionQueries,
        Range::PerThousandSearches,
        Range::PerThousandRequests,
        Range::OneOffAmount,
        Range::ErrorCost,
        Range::AnnualCost,
        Range::Fte,
        Range::Minutes,
        Range::HoursPerMonth,
        Range::HourlyCost,
        Range::UpdatesPerYear,
        Range::Percent,
        Range::PositivePercent,
        Range::Growth,
        Range::DaysPerMonth,
        Range::Horizon,
        Range::CallsPerRequest,
        Range::TokenFactor,
        Range::PeakToAverage,
        Range::WholeMonths,
        Range::GpusPerReplica,
        Range::SpareReplicas,
        Range::Drift,
    ];

    /// The table of bounds.
    pub fn bounds(self) -> Bounds {
        use Range::*;
        match self {
            RequestsPerDay => b(0.0, 1e10, "must be from {lo} to {hi} requests a day"),
            Tokens => b(0.0, 1e8, "must be from {lo} to {hi} tokens"),
            CorpusTokens => b(0.0, 1e13, "must be from {lo} to {hi} tokens"),
            Searches => b(0.0, 1e3, "must be from {lo} to {hi} searches per request"),
            TokenPrice => b(0.0, 1e4, "must be a price from {lo} to {hi} per 1M tokens"),
            GpuHourly => b(0.0, 1e3, "must be a price from {lo} to {hi} per GPU-hour"),
            Throughput => b(
                SMALLEST,
                1e6,
                "must be from {lo} to {hi} tokens per second per GPU",
            ),
            Gpus => whole(0.0, 1e5, "must be a whole number of GPUs from {lo} to {hi}"),
            MonthlyAmount => b(0.0, 1e9, "must be an amount from {lo} to {hi} a month"),
            PerMillionQueries => b(0.0, 1e6, "must be a price from {lo} to {hi} per 1M queries"),
            PerThousandSearches => b(
                0.0,
                1e5,
                "must be a price from {lo} to {hi} per 1,000 searches",
            ),
            PerThousandRequests => b(
                0.0,
                1e5,
                "must be a price from {lo} to {hi} per 1,000 requests",
            ),
            OneOffAmount => b(0.0, 1e10, "must be an amount from {lo} to {hi}"),
            ErrorCost => b(0.0, 1e9, "must be an amount from {lo} to {hi} per error"),
            AnnualCost => b(0.0, 1e7, "must be an amount from {lo} to {hi} per FTE-year"),
            Fte => b(0.0, 1e6, "must be from {lo} to {hi} FTE"),
            Minutes => b(0.0, 1e4, "must be from {lo} to {hi} minutes"),
            HoursPerMonth => b(SMALLEST, 744.0, "must be from {lo} to {hi} hours a month"),
            HourlyCost => b(0.0, 1e4, "must be an amount from {lo} to {hi} per hour"),
            UpdatesPerYear => b(0.0, 365.0, "must be from {lo} to {hi} updates a year"),
            Percent => b(0.0, 100.0, "must be a percentage from {lo} to {hi}"),
            PositivePercent => b(SMALLEST, 100.0, "must be a percentage from {lo} to {hi}"),
            Growth => Bounds {
                above: true,
                floor: false,
                ..b(
                    -100.0,
                    1000.0,
                    "must be above {lo} and at most {hi} (percent)",
                )
            },
            DaysPerMonth => b(1.0, 31.0, "must be from {lo} to {hi} days"),
            Horizon => whole(
                1.0,
                60.0,
                "must be a whole number of months from {lo} to {hi}",
            ),
            CallsPerRequest => b(SMALLEST, 1e3, "must be from {lo} to {hi} calls per request"),
            TokenFactor => b(
                SMALLEST,
                10.0,
                "must be from {lo} to {hi} (1 = the plan's token figures)",
            ),
            PeakToAverage => b(
                1.0,
                100.0,
                "must be from {lo} to {hi} (busiest hour ÷ monthly average)",
            ),
            WholeMonths => whole(
                0.0,
                60.0,
                "must be a whole number of months from {lo} to {hi}",
            ),
            GpusPerReplica => whole(
                1.0,
                64.0,
                "must be a whole number of GPUs from {lo} to {hi}",
            ),
            SpareReplicas => whole(
                0.0,
                100.0,
                "must be a whole number of replicas from {lo} to {hi}",
            ),
            Drift => Bounds {
                floor: false,
                ..b(-50.0, 100.0, "must be from {lo} to {hi} (percent a month)")
            },
        }
    }

    pub fn allows(self, v: f64) -> bool {
        let b = self.bounds();
        v.is_finite()
            && (if b.above { v > b.lo } else { v >= b.lo })
            && v <= b.hi
            && (!b.whole || v.fract() == 0.0)
            && !(b.floor && v > 0.0 && v < SMALLEST)
    }

    /// The least value allowed: `lo`, or one point above it where `lo`
    /// itself is excluded (−99 % growth).
    pub fn least(self) -> f64 {
        let b = self.bounds();
        if b.above { b.lo + 1.0 } else { b.lo }
    }

    /// `v` moved into the range (whole where the range is whole); a value
    /// between 0 and [`SMALLEST`] moves to the nearer of the two.
    pub fn clamp(self, v: f64) -> f64 {
        let b = self.bounds();
        if v.is_nan() {
            return self.least();
        }
        let v = if b.whole { v.round() } else { v };
        let v = if b.above && v <= b.lo {
            self.least()
        } else {
            v.clamp(b.lo, b.hi)
        };
        if b.floor && v > 0.0 && v < SMALLEST {
            if v < SMALLEST / 2.0 { 0.0 } else { SMALLEST }
        } else {
            v
        }
    }

    /// What is allowed, as a sentence fragment: "must be a price from 0 to
    /// 10,000 per 1M tokens".
    pub fn describe(self) -> &'static str {
        texts()[self as usize].0.as_str()
    }

    /// What is allowed, said for the value `v`: a value above 0 but below
    /// [`SMALLEST`] is told that the range starts there.
    pub fn explain(self, v: f64) -> &'static str {
        let (plain, floored) = &texts()[self as usize];
        if self.bounds().floor && v > 0.0 && v < SMALLEST {
            floored.as_str()
        } else {
            plain.as_str()
        }
    }
}

/// Each range's message, and the one a value between 0 and [`SMALLEST`]
/// gets ("must be 0, or a price from 0.000001 to 10,000 per 1M tokens").
fn texts() -> &'static [(String, String)] {
    static TEXTS: OnceLock<Vec<(String, String)>> = OnceLock::new();
    TEXTS.get_or_init(|| {
        Range::ALL
            .iter()
            .enumerate()
            .map(|(i, r)| {
                assert_eq!(*r as usize, i, "Range::ALL is in declaration order");
                let b = r.bounds();
                let fill = |lo: f64| {
                    b.text
                        .replace("{lo}", &bound(lo))
                        .replace("{hi}", &bound(b.hi))
                };
                let floored = fill(SMALLEST).replacen("must be ", "must be 0, or ", 1);
                (fill(b.lo), floored)
            })
            .collect()
    })
}

/// A bound as a person reads it: `10,000,000,000`, `0.000001`, `-100`.
pub fn bound(v: f64) -> String {
    use thousands::Separable;
    if v.fract() == 0.0 {
        format!("{v:.0}").separate_with_commas()
    } else {
        format!("{v}")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_message_names_its_bounds() {
        for r in Range::ALL {
            let b = r.bounds();
            let text = r.describe();
            assert!(text.contains(&bound(b.hi)), "{r:?}: {text}");
            assert!(text.contains(&bound(b.lo)), "{r:?}: {text}");
            assert!(r.allows(b.hi) && !r.allows(b.hi * 1.01 + 1.0), "{r:?}");
            assert_eq!(r.allows(b.lo), !b.above, "{r:?}");
            assert!(r.allows(r.least()), "{r:?}");
            assert!(r.allows(r.clamp(f64::INFINITY)) && r.allows(r.clamp(-1e300)));
            if b.floor {
                assert!(r.allows(0.0) && !r.allows(SMALLEST / 10.0) && r.allows(SMALLEST));
                assert!(r.explain(1e-9).contains("must be 0, or "), "{r:?}");
                assert!(r.explain(1e-9).contains("0.000001"), "{r:?}");
            } else {
                assert_eq!(r.explain(1e-9), text);
            }
        }
        assert_eq!(
            Range::TokenPrice.describe(),
            "must be a price from 0 to 10,000 per 1M tokens"
        );
        assert_eq!(
            Range::Growth.describe(),
            "must be above -100 and at most 1,000 (percent)"
        );
    }
}
