//! The allowed range of every kind of input: one table of bounds, from which
//! the checks, the clamping and the messages are derived.
//!
//! Every input is bounded above by a plausible figure with room for very
//! large real plans (docs/scenario-format.md, "Input bounds"), and every
//! value other than 0 is at least [`SMALLEST`]: inside those bounds every
//! analysis (±pct, ×2, Monte Carlo draws, break-even searches up to 125× the
//! volume) multiplies out to finite figures, and every ratio (ROI, cost per
//! request, a relative change) divides by a number far from 0.

/// The smallest size of an input other than 0. Below it a value means
/// nothing a plan can say (a millionth of a request, of a cent, of a
/// percent) and would only make ratios overflow.
pub const SMALLEST: f64 = 1e-6;

/// The allowed range of one numeric input, as data: validation, the
/// workbench's typed values and steps, the messages and the docs table all
/// read it through [`Range::allows`], [`Range::clamp`] and
/// [`Range::describe`]. The ranges of the table are the constants below
/// (named as the kinds of input they bound).
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Range {
    /// The least value allowed (or, with `above`, the value it must exceed).
    pub lo: f64,
    /// `lo` itself is not allowed (growth above −100 %).
    pub above: bool,
    /// The largest value allowed: a plausible figure with room for very
    /// large real plans.
    pub hi: f64,
    /// Whole numbers only.
    pub whole: bool,
    /// `lo` is 0 and a value above 0 is at least [`SMALLEST`].
    pub floor: bool,
    /// A fraction is allowed but a step moves in whole units (days a month).
    pub whole_steps: bool,
    /// The message, with `{lo}` and `{hi}` for the bounds.
    text: &'static str,
}

const fn b(lo: f64, hi: f64, text: &'static str) -> Range {
    Range {
        lo,
        above: false,
        hi,
        whole: false,
        floor: lo == 0.0,
        whole_steps: false,
        text,
    }
}

const fn whole(lo: f64, hi: f64, text: &'static str) -> Range {
    Range {
        whole: true,
        floor: false,
        ..b(lo, hi, text)
    }
}

/// Declares the ranges (`Range::Percent`, named as the kinds of input they
/// bound) and `Range::ALL` from one list, so a new range is written once.
macro_rules! ranges {
    ($($(#[$m:meta])* $name:ident = $range:expr;)*) => {
        #[allow(non_upper_case_globals)]
        impl Range {
            $($(#[$m])* pub const $name: Range = $range;)*

            /// Every range, for the docs table and the tests.
            pub const ALL: &'static [Range] = &[$(Range::$name),*];
        }
    };
}

// Each range is `b(lo, hi, message)`, or `whole(…)` for whole numbers only;
// the message names the bounds as `{lo}` and `{hi}`. (`floor` follows from
// `lo`: a range from 0 is 0 or at least `SMALLEST`.)
ranges! {
    /// Requests a day: 0 to 10 billion.
    RequestsPerDay = b(0.0, 1e10, "must be from {lo} to {hi} requests a day");
    /// Tokens per call (input, output, reasoning, a search query, the
    /// long-context threshold): 0 to 100 million.
    Tokens = b(0.0, 1e8, "must be from {lo} to {hi} tokens");
    /// The retrieval corpus: 0 to 10 trillion tokens.
    CorpusTokens = b(0.0, 1e13, "must be from {lo} to {hi} tokens");
    /// Vector searches per request: 0 to 1,000.
    Searches = b(0.0, 1e3, "must be from {lo} to {hi} searches per request");
    /// A price per 1M tokens (model and embedding prices): 0 to 10,000.
    TokenPrice = b(0.0, 1e4, "must be a price from {lo} to {hi} per 1M tokens");
    /// A GPU-hour: 0 to 1,000.
    GpuHourly = b(0.0, 1e3, "must be a price from {lo} to {hi} per GPU-hour");
    /// Tokens a second one GPU serves: above 0, at most 1 million.
    Throughput = b(SMALLEST, 1e6, "must be from {lo} to {hi} tokens per second per GPU");
    /// GPUs kept running (`min_gpus`): whole, 0 to 100,000.
    Gpus = whole(0.0, 1e5, "must be a whole number of GPUs from {lo} to {hi}");
    /// A fixed amount a month (vector database, an infrastructure line): 0 to 1 billion.
    MonthlyAmount = b(0.0, 1e9, "must be an amount from {lo} to {hi} a month");
    /// A price per 1M vector queries: 0 to 1 million.
    PerMillionQueries = b(0.0, 1e6, "must be a price from {lo} to {hi} per 1M queries");
    /// A price per 1,000 searches (re-ranking): 0 to 100,000.
    PerThousandSearches = b(0.0, 1e5, "must be a price from {lo} to {hi} per 1,000 searches");
    /// A price per 1,000 requests (an infrastructure line): 0 to 100,000.
    PerThousandRequests = b(0.0, 1e5, "must be a price from {lo} to {hi} per 1,000 requests");
    /// A one-off amount (build, a re-tune): 0 to 10 billion.
    OneOffAmount = b(0.0, 1e10, "must be an amount from {lo} to {hi}");
    /// The cost of one uncaught error (or of one in a severity tier): 0 to 1 billion.
    ErrorCost = b(0.0, 1e9, "must be an amount from {lo} to {hi} per error");
    /// A yearly cost of one FTE: 0 to 10 million.
    AnnualCost = b(0.0, 1e7, "must be an amount from {lo} to {hi} per FTE-year");
    /// Full-time equivalents: 0 to 1 million.
    Fte = b(0.0, 1e6, "must be from {lo} to {hi} FTE");
    /// Minutes (per review, saved per request): 0 to 10,000.
    Minutes = b(0.0, 1e4, "must be from {lo} to {hi} minutes");
    /// Productive hours of one FTE a month: above 0, at most 744 (31 × 24).
    HoursPerMonth = b(SMALLEST, 744.0, "must be from {lo} to {hi} hours a month");
    /// An hourly labour cost: 0 to 10,000.
    HourlyCost = b(0.0, 1e4, "must be an amount from {lo} to {hi} per hour");
    /// Model updates a year: 0 to 365.
    UpdatesPerYear = b(0.0, 365.0, "must be from {lo} to {hi} updates a year");
    /// 0..=100
    Percent = b(0.0, 100.0, "must be a percentage from {lo} to {hi}");
    /// > 0 and ≤ 100
    PositivePercent = b(SMALLEST, 100.0, "must be a percentage from {lo} to {hi}");
    /// > −100 and ≤ 1000 (growth and price drift)
    Growth = Range { above: true, ..b(-100.0, 1000.0, "must be above {lo} and at most {hi} (percent)") };
    /// 1..=31, stepped in whole days
    DaysPerMonth = Range { whole_steps: true, ..b(1.0, 31.0, "must be from {lo} to {hi} days") };
    /// 1..=60 whole months
    Horizon = whole(1.0, 60.0, "must be a whole number of months from {lo} to {hi}");
    /// > 0 and ≤ 1000 (`calls_per_request`)
    CallsPerRequest = b(SMALLEST, 1e3, "must be from {lo} to {hi} calls per request");
    /// > 0 and ≤ 10 (`token_factor`)
    TokenFactor = b(SMALLEST, 10.0, "must be from {lo} to {hi} (1 = the plan's token figures)");
    /// 1..=100 (`peak_to_average`)
    PeakToAverage = b(1.0, 100.0, "must be from {lo} to {hi} (busiest hour ÷ monthly average)");
    /// whole, 0..=60 months (`ramp_months`, `build.months`)
    WholeMonths = whole(0.0, 60.0, "must be a whole number of months from {lo} to {hi}");
    /// whole, 1..=64 (`gpus_per_replica`)
    GpusPerReplica = whole(1.0, 64.0, "must be a whole number of GPUs from {lo} to {hi}");
    /// whole, 0..=100 (`spare_replicas`)
    SpareReplicas = whole(0.0, 100.0, "must be a whole number of replicas from {lo} to {hi}");
    /// −100..=100 (`discount_pct`: below 0 is an uplift, version 3)
    SignedPercent = b(-100.0, 100.0, "must be a percentage from {lo} to {hi} (below 0 is an uplift: −10 means 10 % more)");
    /// −50..=100 (`salary_growth_pct_per_year`)
    SalaryGrowth = b(-50.0, 100.0, "must be from {lo} to {hi} (percent a year)");
    /// Above 0, at most 10 billion (`max_requests_per_day`)
    RequestCeiling = b(SMALLEST, 1e10, "must be from {lo} to {hi} requests a day");
    /// Uses of a tool per request: 0 to 10,000.
    UsesPerRequest = b(0.0, 1e4, "must be from {lo} to {hi} uses per request");
    /// A price per 1,000 uses of a tool: 0 to 100,000.
    PerThousandUses = b(0.0, 1e5, "must be a price from {lo} to {hi} per 1,000 uses");
    /// whole, 1..=60: a month of the plan (a role's first or last month, a price change's)
    PlanMonth = whole(1.0, 60.0, "must be a whole month from {lo} to {hi} (and within the horizon)");
    /// −50..=100 (`drift_pct_per_month`)
    Drift = b(-50.0, 100.0, "must be from {lo} to {hi} (percent a month)");
}

impl Range {
    pub fn allows(self, v: f64) -> bool {
        v.is_finite()
            && (if self.above {
                v > self.lo
            } else {
                v >= self.lo
            })
            && v <= self.hi
            && (!self.whole || v.fract() == 0.0)
            && !(self.floor && v > 0.0 && v < SMALLEST)
    }

    /// The least value allowed: `lo`, or one point above it where `lo`
    /// itself is excluded (−99 % growth).
    pub fn least(self) -> f64 {
        if self.above { self.lo + 1.0 } else { self.lo }
    }

    /// `v` moved into the range (whole where the range is whole); a value
    /// between 0 and [`SMALLEST`] moves to the nearer of the two.
    pub fn clamp(self, v: f64) -> f64 {
        if v.is_nan() {
            return self.least();
        }
        let v = if self.whole { v.round() } else { v };
        let v = if self.above && v <= self.lo {
            self.least()
        } else {
            v.clamp(self.lo, self.hi)
        };
        if self.floor && v > 0.0 && v < SMALLEST {
            if v < SMALLEST / 2.0 { 0.0 } else { SMALLEST }
        } else {
            v
        }
    }

    /// Where a lever whose least move is `step` lands when moved to `v`:
    /// [`Range::clamp`], in whole units where the range steps in them, and
    /// never onto 0 or below for a range above 0 — one step above 0 instead.
    pub fn clamp_step(self, v: f64, step: f64) -> f64 {
        if self.lo == SMALLEST && v < self.lo {
            self.clamp(step)
        } else if self.whole_steps {
            self.clamp(v.round())
        } else {
            self.clamp(v)
        }
    }

    /// What is allowed, as a sentence fragment: "must be a price from 0 to
    /// 10,000 per 1M tokens".
    pub fn describe(self) -> String {
        self.fill(self.lo)
    }

    /// What is allowed, said for the value `v`: a value above 0 but below
    /// [`SMALLEST`] is told that the range starts there ("must be 0, or a
    /// price from 0.000001 to 10,000 per 1M tokens").
    pub fn explain(self, v: f64) -> String {
        if self.floor && v > 0.0 && v < SMALLEST {
            self.fill(SMALLEST)
                .replacen("must be ", "must be 0, or ", 1)
        } else {
            self.describe()
        }
    }

    /// The message with its bounds, starting at `lo`.
    fn fill(self, lo: f64) -> String {
        self.text
            .replace("{lo}", &bound(lo))
            .replace("{hi}", &bound(self.hi))
    }
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
            let b = r;
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
