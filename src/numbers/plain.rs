//! Plain numbers: counts, decimals, ratios, percentages, throughput, ROI and
//! the payback month.

use thousands::Separable;

use super::{MINUS, minus, power_form};

/// Throughput: `2,500 tok/s`.
pub fn throughput(v: f64) -> String {
    format!("{} tok/s", number(v, 1))
}

/// People in full-time equivalents: `12.5 FTE`, `0.25 FTE`, `140 FTE`.
pub fn fte(v: f64) -> String {
    let places = if v.abs() >= 100.0 {
        0
    } else if v.abs() >= 1.0 {
        1
    } else {
        2
    };
    format!("{} FTE", number(v, places))
}

/// A count with separators: `66,000`.
pub fn count(v: f64) -> String {
    if !v.is_finite() {
        return "n/a".into();
    }
    if let Some(p) = power_form(v) {
        return format!("{}{p}", minus(v));
    }
    format!("{:.0}", v).separate_with_commas()
}

/// A number with up to `places` decimals and separators: `1,500`, `0.25`.
pub fn number(v: f64, places: usize) -> String {
    if !v.is_finite() {
        return "n/a".into();
    }
    if let Some(p) = power_form(v) {
        return format!("{}{p}", minus(v));
    }
    // -0 (from a file, or rounding a tiny negative) reads as 0.
    let s = format!("{:.*}", places, v);
    let s = if s.starts_with('-') && !s.bytes().any(|b| (b'1'..=b'9').contains(&b)) {
        s[1..].to_string()
    } else {
        s
    };
    let s = if s.contains('.') {
        s.trim_end_matches('0').trim_end_matches('.').to_string()
    } else {
        s
    };
    s.separate_with_commas().replace('-', "\u{2212}")
}

/// `v` rounded UP at `places` decimals, then written as [`number`]: for an
/// "at least" threshold, true at the figure printed (4.2913 → `4.3`,
/// 4.3001 → `4.31`, never `4.3`).
pub fn number_up(v: f64, places: usize) -> String {
    if !v.is_finite() || power_form(v).is_some() {
        return number(v, places);
    }
    let scale = 10f64.powi(places as i32);
    number((v * scale).ceil() / scale, places)
}

/// A ratio: `5.7×`, `1.223e77×`.
pub fn ratio(v: f64) -> String {
    if !v.is_finite() {
        return "n/a".into();
    }
    match power_form(v) {
        Some(p) => format!("{}{p}×", minus(v)),
        None => format!("{v:.1}×"),
    }
}

/// A percentage: `4.1 %`, `−4.1 %`.
pub fn pct(v: f64) -> String {
    if !v.is_finite() {
        return "n/a".into();
    }
    if let Some(p) = power_form(v) {
        return format!("{}{p} %", minus(v));
    }
    let s = format!("{v:.1}");
    // −0.0 (a tiny negative rounded) reads as 0.0.
    let s = if s == "-0.0" { "0.0".to_string() } else { s };
    format!("{} %", s.replace('-', "\u{2212}"))
}

/// A percentage with its sign: `+4.1 %`, `−4.1 %`, `0.0 %`.
pub fn signed_pct(v: f64) -> String {
    let s = pct(v);
    if v.is_finite() && s != "0.0 %" && !s.starts_with(MINUS) {
        format!("+{s}")
    } else {
        s
    }
}

/// ROI, which is absent when there is no cost at all.
pub fn roi(v: Option<f64>) -> String {
    v.map_or_else(|| "n/a".into(), pct)
}

/// Payback month, or "not within N months".
pub fn payback(v: Option<u32>, horizon: usize) -> String {
    match v {
        Some(m) => format!("month {m}"),
        None => format!("not within {horizon} months"),
    }
}
