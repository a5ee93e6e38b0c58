//! The table of the inputs of one model in the mix.

use super::*;

keys! {
    /// An input of one model of the mix.
    ModelField {
        Share, Discount, Commitment,
        ApiInput, ApiCached, ApiCacheWrite, ApiOutput, ApiBatchDiscount,
        LongAbove, LongInput, LongCached, LongCacheWrite, LongOutput,
        GpuHourly, GpuThroughput, GpuInputThroughput, GpuUtilization, MinGpus,
        PeakToAverage, GpusPerReplica, SpareReplicas,
        ErrorRate, TokenFactor,
    }
}

/// A model spec (see `spec!`) reading one number of the model (`$m`), of
/// its API pricing (`$a`), long-context tier (`$t`) or self-hosted pricing
/// (`$h`). `model! { whole … }` is a whole count (`u32`) in the plan.
macro_rules! model {
    ($($whole:ident)? $path:literal, $label:literal, $short:literal, $unit:expr,
     $range:ident, $step:expr, $help:literal, $reach:ident / $reach_mut:ident,
     |$x:ident| $slot:expr, default $default:literal, since $version:literal) => {
        spec!($($whole)? $path, $label, $short, $unit, Models, $range, $step, $help,
              $reach / $reach_mut, |$x| $slot, default $default, since $version)
    };
}

/// The cached input price of a model's API pricing or long-context tier
/// (`$reach`): left out, it is the input price of the same tier.
macro_rules! cached {
    ($path:literal, $label:literal, $short:literal, $help:literal,
     $reach:ident / $reach_mut:ident) => {
        FieldSpec {
            path: $path,
            label: $label,
            short_label: $short,
            unit: Unit::Price("/1M tok"),
            help: $help,
            section: Section::Models,
            range: Range::TokenPrice,
            step: PRICE,
            get: |s, i| {
                let p = $reach(s, i)?;
                Some(p.cached_input_per_mtok.unwrap_or(p.input_per_mtok))
            },
            set: |s, i, v| {
                $reach_mut(s, i)
                    .map(|p| p.cached_input_per_mtok = Some(v))
                    .is_some()
            },
            falls_back: |s, i| $reach(s, i).is_some_and(|p| p.cached_input_per_mtok.is_none()),
            fallback_note: "",
            default: None,
            version: 1,
        }
    };
}

impl ModelField {
    pub fn spec(self) -> FieldSpec {
        use ModelField::*;
        match self {
            Share => model! {
                "share_pct", "Share of traffic", "Share",
                Unit::Plain("%"), Percent, POINT,
                "Share of the requests routed to this model; the mix sums to 100 %.",
                entry / entry_mut, |m| m.share_pct, default 0.0, since 1
            },
            Discount => model! {
                "discount_pct", "Negotiated discount", "Discount",
                Unit::Plain("%"), SignedPercent, POINT,
                "Discount off this model's list prices; below 0 is an uplift (priority tier, data residency).",
                entry / entry_mut, |m| m.discount_pct, default 0.0, since 1
            },
            Commitment => model! {
                "commitment_monthly", "Monthly commitment", "Commitment",
                Unit::Money("/month"), MonthlyAmount, MONEY,
                "What the provider bills for this model each month at least (committed spend, reserved capacity).",
                entry / entry_mut, |m| m.commitment_monthly, default 0.0, since 3
            },
            ApiInput => model! {
                "pricing.input_per_mtok", "Input price", "Input",
                Unit::Price("/1M tok"), TokenPrice, PRICE,
                "Price per million input tokens.",
                api / api_mut, |a| a.input_per_mtok, default 0.0, since 1
            },
            ApiCached => cached! {
                "pricing.cached_input_per_mtok", "Cached input price", "Cached input",
                "Price per million cached input tokens (absent: the input price).",
                api / api_mut
            },
            ApiCacheWrite => optional! {
                "pricing.cache_write_per_mtok", "Cache write price", "Cache write",
                Unit::Price("/1M tok"), Models, TokenPrice, PRICE,
                "Price per million input tokens written into the prompt cache (absent: the input price).",
                api / api_mut, |p| p.cache_write_per_mtok,
                fallback |_s| p.input_per_mtok, note "", since 3
            },
            ApiOutput => model! {
                "pricing.output_per_mtok", "Output price", "Output",
                Unit::Price("/1M tok"), TokenPrice, PRICE,
                "Price per million output (and reasoning) tokens.",
                api / api_mut, |a| a.output_per_mtok, default 0.0, since 1
            },
            ApiBatchDiscount => model! {
                "pricing.batch_discount_pct", "Batch discount", "Batch discount",
                Unit::Plain("%"), Percent, POINT,
                "Discount on calls sent through the batch API.",
                api / api_mut, |a| a.batch_discount_pct, default 0.0, since 1
            },
            LongAbove => model! {
                "pricing.long_context.above_tokens", "Long-context tier above", "Long ctx above",
                Unit::Plain("input tokens"), Tokens, VOLUME,
                "Requests with more input tokens than this pay the long-context prices.",
                long / long_mut, |t| t.above_tokens, default 0.0, since 1
            },
            LongInput => model! {
                "pricing.long_context.input_per_mtok", "Long-context input price", "Long ctx input",
                Unit::Price("/1M tok"), TokenPrice, PRICE,
                "Input price per million tokens above the long-context threshold.",
                long / long_mut, |t| t.input_per_mtok, default 0.0, since 1
            },
            LongCached => cached! {
                "pricing.long_context.cached_input_per_mtok", "Long-context cached price", "Long ctx cached",
                "Cached input price above the long-context threshold (absent: its input price).",
                long / long_mut
            },
            LongCacheWrite => optional! {
                "pricing.long_context.cache_write_per_mtok", "Long-context cache write", "Long ctx write",
                Unit::Price("/1M tok"), Models, TokenPrice, PRICE,
                "Cache-write price above the long-context threshold (absent: its input price).",
                long / long_mut, |p| p.cache_write_per_mtok,
                fallback |_s| p.input_per_mtok, note "", since 3
            },
            LongOutput => model! {
                "pricing.long_context.output_per_mtok", "Long-context output price", "Long ctx output",
                Unit::Price("/1M tok"), TokenPrice, PRICE,
                "Output price per million tokens above the long-context threshold.",
                long / long_mut, |t| t.output_per_mtok, default 0.0, since 1
            },
            GpuHourly => model! {
                "pricing.gpu_hourly", "GPU price", "GPU price",
                Unit::Price("/GPU-hour"), GpuHourly, PRICE,
                "What one GPU costs per hour, rented or owned.",
                hosted / hosted_mut, |h| h.gpu_hourly, default 0.0, since 1
            },
            GpuThroughput => model! {
                "pricing.tokens_per_second_per_gpu", "Throughput per GPU", "Throughput",
                Unit::Plain("tok/s"), Throughput, VOLUME,
                "Tokens one GPU serves per second at full load.",
                hosted / hosted_mut, |h| h.tokens_per_second_per_gpu, default 0.0, since 1
            },
            GpuInputThroughput => optional! {
                "pricing.input_tokens_per_second_per_gpu", "Prefill speed per GPU", "Prefill speed",
                Unit::Plain("tok/s"), Models, Throughput, VOLUME,
                "Input tokens one GPU reads per second (prefill); unset, the throughput serves input too.",
                hosted / hosted_mut, |h| h.input_tokens_per_second_per_gpu,
                fallback |_s| h.tokens_per_second_per_gpu, note "(= throughput)", since 3
            },
            GpuUtilization => model! {
                "pricing.utilization_pct", "GPU utilisation", "Utilisation",
                Unit::Plain("%"), PositivePercent, POINT,
                "How busy the GPUs are on average; idle time is paid too.",
                hosted / hosted_mut, |h| h.utilization_pct, default 0.0, since 1
            },
            MinGpus => model! {
                whole "pricing.min_gpus", "Minimum GPUs", "Min GPUs",
                Unit::Plain("GPUs"), Gpus, WHOLE,
                "GPUs kept running however low the traffic.",
                hosted / hosted_mut, |h| h.min_gpus, default 0.0, since 1
            },
            PeakToAverage => model! {
                "pricing.peak_to_average", "Peak to average traffic", "Peak/average",
                Unit::Plain("×"), PeakToAverage, Step::Absolute(0.1),
                "Busiest hour's traffic ÷ the month's average; GPUs are sized for the peak.",
                hosted / hosted_mut, |h| h.peak_to_average, default 1.0, since 2
            },
            GpusPerReplica => model! {
                whole "pricing.gpus_per_replica", "GPUs per replica", "GPUs/replica",
                Unit::Plain("GPUs"), GpusPerReplica, WHOLE,
                "GPUs that hold one copy of the model; capacity comes in whole replicas.",
                hosted / hosted_mut, |h| h.gpus_per_replica, default 1.0, since 2
            },
            SpareReplicas => model! {
                whole "pricing.spare_replicas", "Spare replicas", "Spares",
                Unit::Plain("replicas"), SpareReplicas, WHOLE,
                "Replicas kept running for failover (N+1).",
                hosted / hosted_mut, |h| h.spare_replicas, default 0.0, since 2
            },
            ErrorRate => FieldSpec {
                path: "error_rate_pct",
                label: "Wrong-answer rate",
                short_label: "Wrong answers",
                unit: Unit::Plain("%"),
                help: "This model's wrong-answer rate; unset, it is the plan's rate (Risk).",
                section: Section::Models,
                range: Range::Percent,
                step: POINT,
                get: |s, i| {
                    let m = s.models.get(i)?;
                    Some(m.error_rate_pct.unwrap_or(s.risk.error_rate_pct))
                },
                // The plan's own rate means "inherit": stepping back to it
                // leaves the model unset (and a version-1 plan version 1).
                set: |s, i, v| {
                    let plan = s.risk.error_rate_pct;
                    s.models
                        .get_mut(i)
                        .map(|m| m.error_rate_pct = (v != plan).then_some(v))
                        .is_some()
                },
                falls_back: |s, i| s.models.get(i).is_some_and(|m| m.error_rate_pct.is_none()),
                fallback_note: "(plan rate)",
                default: None,
                version: 2,
            },
            TokenFactor => model! {
                "token_factor", "Token factor", "Token factor",
                Unit::Plain("×"), TokenFactor, Step::Absolute(0.05),
                "This model's tokens for the same text relative to the plan's (tokenizers differ).",
                entry / entry_mut, |m| m.token_factor, default 1.0, since 2
            },
        }
    }
}
