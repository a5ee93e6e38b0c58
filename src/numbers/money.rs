//! Money: amounts in the plan's currency, unit prices, compact and tight
//! forms, and signed changes.

use thousands::Separable;

use super::{minus, power_form, signed_pct};

/// The symbol written before amounts, or the ISO code and a space.
pub fn currency_prefix(currency: &str) -> String {
    match currency.trim().to_ascii_uppercase().as_str() {
        "USD" => "$".into(),
        "EUR" => "€".into(),
        "GBP" => "£".into(),
        "JPY" => "¥".into(),
        "INR" => "₹".into(),
        other => format!("{other} "),
    }
}

/// Whole currency units: `$44,271`, `−$1,200`.
pub fn money(v: f64, currency: &str) -> String {
    money_places(v, currency, 0)
}

/// Currency with `places` decimals: `$0.70`.
pub fn money_places(v: f64, currency: &str, places: usize) -> String {
    if !v.is_finite() {
        return "n/a".into();
    }
    if let Some(p) = power_form(v) {
        return format!("{}{}{p}", minus(v), currency_prefix(currency));
    }
    let rounded = format!("{:.*}", places, v.abs());
    let sign = if v < 0.0 && rounded.chars().any(|c| c.is_ascii_digit() && c != '0') {
        "\u{2212}"
    } else {
        ""
    };
    format!(
        "{sign}{}{}",
        currency_prefix(currency),
        rounded.separate_with_commas()
    )
}

/// Money small enough to need cents or fractions of a cent (cost per request).
pub fn unit_money(v: f64, currency: &str) -> String {
    money_places(v, currency, unit_places(v))
}

/// The decimals [`unit_money`] writes `v` with: 0 from 100 on, 2 from 1,
/// 4 from a cent, else 6.
pub fn unit_places(v: f64) -> usize {
    let a = v.abs();
    if a >= 100.0 {
        0
    } else if a >= 1.0 {
        2
    } else if a >= 0.01 {
        4
    } else {
        6
    }
}

/// The decimals that write every one of `values` as [`unit_money`] would
/// write the smallest (non-zero) of them: figures shown side by side at one
/// precision, so $1.0039 stands beside $0.6026, never $1.00.
pub fn shared_unit_places(values: impl IntoIterator<Item = f64>) -> usize {
    values
        .into_iter()
        .filter(|v| v.is_finite() && *v != 0.0)
        .map(unit_places)
        .max()
        .unwrap_or(2)
}

/// Money with two to four decimals: `$0.20`, `$2.50`, `$0.0375`, `$150.00`.
pub fn price(v: f64, currency: &str) -> String {
    let s = money_places(v, currency, 4);
    if power_form(v).is_some() {
        return s;
    }
    match s.find('.') {
        Some(dot) => {
            let keep = s.trim_end_matches('0');
            let min = dot + 3;
            s[..keep.len().max(min)].to_string()
        }
        None => s,
    }
}

/// A unit price with its unit: `$0.20 /1M tok`, `$2.50 /1k searches`.
pub fn unit_price(v: f64, currency: &str, per: &str) -> String {
    format!("{} /{}", price(v, currency), per.trim_start_matches('/'))
}

/// A plain amount with two to four decimals, for tables whose header names
/// the currency and unit: `0.20`, `2.50`, `0.0375`, `1,200.00`.
pub fn decimal(v: f64) -> String {
    let s = price(v, "XXX");
    s.replacen("XXX ", "", 1)
}

/// Compact money for tight spaces: `$1.2M`, `$45.3k`, `$820`.
pub fn money_short(v: f64, currency: &str) -> String {
    if !v.is_finite() {
        return "n/a".into();
    }
    let a = v.abs();
    let sign = if v < 0.0 && a >= 0.5 { "\u{2212}" } else { "" };
    let before = format!("{sign}{}", currency_prefix(currency));
    scaled(a, &before).unwrap_or_else(|| {
        if a >= 1_000.0 {
            format!("{before}{:.1}k", a / 1e3)
        } else {
            format!("{before}{a:.0}")
        }
    })
}

/// The size `a` (not negative) from ten thousand up, scaled for a tight
/// space with `before` (a sign, a currency) ahead of its digits: `4.5T`,
/// `12.0B`, `3.4M`, `45k`, and past 999.5T the power form `1.2e15`; `None`
/// below ten thousand.
pub fn scaled(a: f64, before: &str) -> Option<String> {
    Some(if a >= 999_500_000_000_000.0 {
        format!("{before}{a:.1e}")
    } else if a >= 999_500_000_000.0 {
        format!("{before}{:.1}T", a / 1e12)
    } else if a >= 999_500_000.0 {
        format!("{before}{:.1}B", a / 1e9)
    } else if a >= 999_500.0 {
        format!("{before}{:.1}M", a / 1e6)
    } else if a >= 10_000.0 {
        format!("{before}{:.0}k", a / 1e3)
    } else {
        return None;
    })
}

/// Money in the fewest characters, for a figure with no room: `$70M`,
/// `$261M`, `$1.2M`, `$45k` — `money_short` without its decimal once two
/// digits stand before it.
pub fn money_tight(v: f64, currency: &str) -> String {
    let a = v.abs();
    let sign = if v < 0.0 && a >= 0.5 { "\u{2212}" } else { "" };
    let p = currency_prefix(currency);
    for (unit, div) in [("T", 1e12), ("B", 1e9), ("M", 1e6)] {
        let x = a / div;
        if (9.95..999.5).contains(&x) {
            return format!("{sign}{p}{x:.0}{unit}");
        }
    }
    money_short(v, currency)
}

/// A signed change in money with its relative size: `+$12,300 (+4.1 %)`.
pub fn delta(change: f64, base: f64, currency: &str) -> String {
    let sign = if change > 0.0 { "+" } else { "" };
    let rel = if base != 0.0 {
        format!(" ({})", signed_pct(change / base.abs() * 100.0))
    } else {
        String::new()
    };
    format!("{sign}{}{rel}", money(change, currency))
}
