//! How numbers read to a person, one rule per kind, used by every renderer
//! for people (terminal tables, Markdown, HTML, the workbench):
//!
//! - money: the plan's currency, thousands separators, a true minus sign
//!   (U+2212): `$44,271`, `−$150,832`;
//! - unit prices (per 1M tokens, per 1k searches, per GPU-hour): at least two
//!   decimals, at most four: `$0.20 /1M tok`, `$2.50 /1k searches`;
//! - percentages: one decimal, a space before `%`: `39.5 %`, `−4.1 %`;
//! - throughput: tokens per second with separators: `2,500 tok/s`.
//!
//! - figures of a quadrillion or more (only a plan at the far end of its
//!   input bounds reaches them): four significant digits and a power of ten,
//!   `$1.386e20`, never twenty digits or more.
//!
//! Machine formats (CSV, JSON) never use these: they write plain numbers.
//! Rounding happens here and only here.

use thousands::Separable;

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

/// The minus sign of every negative number shown to a person.
pub const MINUS: char = '\u{2212}';

/// Whole currency units: `$44,271`, `−$1,200`.
pub fn money(v: f64, currency: &str) -> String {
    money_places(v, currency, 0)
}

/// From this size on a figure is written with a power of ten.
pub const POWER_FORM_FROM: f64 = 1e15;

/// `|v|` with four significant digits and a power of ten (`1.386e20`) when
/// it is [`POWER_FORM_FROM`] or more, else `None`.
pub fn power_form(v: f64) -> Option<String> {
    let a = v.abs();
    (a.is_finite() && a >= POWER_FORM_FROM).then(|| format!("{a:.3e}"))
}

/// The minus sign to put before `v`, if any.
fn minus(v: f64) -> &'static str {
    if v < 0.0 { "\u{2212}" } else { "" }
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

/// Throughput: `2,500 tok/s`.
pub fn throughput(v: f64) -> String {
    format!("{} tok/s", number(v, 1))
}

/// Compact money for tight spaces: `$1.2M`, `$45.3k`, `$820`.
pub fn money_short(v: f64, currency: &str) -> String {
    if !v.is_finite() {
        return "n/a".into();
    }
    let a = v.abs();
    let sign = if v < 0.0 && a >= 0.5 { "\u{2212}" } else { "" };
    let p = currency_prefix(currency);
    if a >= 999_500_000_000_000.0 {
        format!("{sign}{p}{a:.1e}")
    } else if a >= 999_500_000_000.0 {
        format!("{sign}{p}{:.1}T", a / 1e12)
    } else if a >= 999_500_000.0 {
        format!("{sign}{p}{:.1}B", a / 1e9)
    } else if a >= 999_500.0 {
        format!("{sign}{p}{:.1}M", a / 1e6)
    } else if a >= 10_000.0 {
        format!("{sign}{p}{:.0}k", a / 1e3)
    } else if a >= 1_000.0 {
        format!("{sign}{p}{:.1}k", a / 1e3)
    } else {
        format!("{sign}{p}{a:.0}")
    }
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

/// Inputs this large are shown in exponent form (as `validate::show` does).
const HUGE: f64 = 1e16;

/// An input's value with its unit, as the workbench and reports show it:
/// `2,500 req/day`, `$0.75 /1M tok`, `20 % of build/yr`.
pub fn field_value(field: crate::model::fields::Field, v: f64, currency: &str) -> String {
    let unit = field.unit();
    if v.is_finite() && v.abs() >= HUGE {
        // `1e308 req/day`, never 309 digits pushing the label off the row.
        let shown = crate::model::validate::show(v);
        return match unit.strip_prefix('$') {
            Some(rest) => format!("{}{shown} {}", currency_prefix(currency), rest.trim_start()),
            None => format!("{shown} {unit}"),
        };
    }
    if let Some(rest) = unit.strip_prefix('$') {
        // Prices per unit of use always have cents; other amounts have them
        // when they are not whole.
        let per_use = ["/1M", "/1k", "/GPU-hour", "/hour"]
            .iter()
            .any(|p| rest.starts_with(p));
        let amount = if per_use || (v.abs() < 100.0 && v.fract() != 0.0) {
            price(v, currency)
        } else {
            money(v, currency)
        };
        format!("{amount} {}", rest.trim_start())
    } else {
        format!("{} {unit}", number(v, 4))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn money_groups_thousands_and_places_the_sign_before_the_symbol() {
        assert_eq!(money(44271.47, "USD"), "$44,271");
        assert_eq!(money(-1200.0, "USD"), "\u{2212}$1,200");
        assert_eq!(money(-150_832.4, "USD"), "−$150,832");
        assert_eq!(money(-0.2, "USD"), "$0");
        assert_eq!(money(1234567.0, "CHF"), "CHF 1,234,567");
        assert_eq!(money(f64::NAN, "USD"), "n/a");
    }

    #[test]
    fn unit_money_keeps_enough_places() {
        assert_eq!(unit_money(0.6983, "USD"), "$0.6983");
        assert_eq!(unit_money(0.0022114, "USD"), "$0.002211");
        assert_eq!(unit_money(35.168, "USD"), "$35.17");
    }

    #[test]
    fn short_money_scales() {
        assert_eq!(money_short(1_234_567.0, "USD"), "$1.2M");
        assert_eq!(money_short(45_300.0, "USD"), "$45k");
        assert_eq!(money_short(4_530.0, "USD"), "$4.5k");
        assert_eq!(money_short(-820.0, "EUR"), "−€820");
    }

    #[test]
    fn delta_shows_sign_and_relative_change() {
        assert_eq!(delta(12300.0, 300000.0, "USD"), "+$12,300 (+4.1 %)");
        assert_eq!(delta(-500.0, 1000.0, "USD"), "−$500 (−50.0 %)");
        assert_eq!(delta(10.0, 0.0, "USD"), "+$10");
    }

    #[test]
    fn unit_prices_have_two_to_four_decimals() {
        assert_eq!(price(0.2, "USD"), "$0.20");
        assert_eq!(price(22.5, "USD"), "$22.50");
        assert_eq!(price(0.0375, "USD"), "$0.0375");
        assert_eq!(price(3.0, "USD"), "$3.00");
        assert_eq!(unit_price(2.5, "USD", "1k searches"), "$2.50 /1k searches");
        assert_eq!(decimal(1200.0), "1,200.00");
        assert_eq!(decimal(-0.0375), "−0.0375");
        use crate::model::fields::Field;
        use crate::model::fields::ModelField;
        let per_mtok = ModelField::ALL
            .iter()
            .map(|k| Field::Model(0, *k))
            .find(|f| f.unit() == "$/1M tok")
            .expect("a field priced per 1M tokens");
        assert_eq!(field_value(per_mtok, 0.2, "USD"), "$0.20 /1M tok");
        assert_eq!(field_value(per_mtok, 3.0, "USD"), "$3.00 /1M tok");
    }

    #[test]
    fn percentages_and_throughput_have_one_style() {
        assert_eq!(pct(39.54), "39.5 %");
        assert_eq!(pct(-4.06), "−4.1 %");
        assert_eq!(pct(-0.01), "0.0 %");
        assert_eq!(signed_pct(4.06), "+4.1 %");
        assert_eq!(signed_pct(-4.06), "−4.1 %");
        assert_eq!(signed_pct(0.0), "0.0 %");
        assert_eq!(signed_pct(0.2), "+0.2 %");
        assert_eq!(throughput(2500.0), "2,500 tok/s");
        assert_eq!(throughput(3957.5), "3,957.5 tok/s");
        assert_eq!(number(-1500.0, 0), "−1,500");
    }

    #[test]
    fn figures_of_a_quadrillion_or_more_take_a_power_of_ten() {
        assert_eq!(money(1.385543158062521e20, "USD"), "$1.386e20");
        assert_eq!(money(-2.5e300, "EUR"), "−€2.500e300");
        assert_eq!(money(999_999_999_999_999.0, "USD"), "$999,999,999,999,999");
        assert_eq!(money_short(1.23e13, "USD"), "$12.3T");
        assert_eq!(money_short(4.9e305, "USD"), "$4.9e305");
        assert_eq!(count(3e61), "3.000e61");
        assert_eq!(number(-1e20, 2), "−1.000e20");
        assert_eq!(pct(1.5e40), "1.500e40 %");
        assert_eq!(ratio(5.7), "5.7×");
        assert_eq!(ratio(1.2226756e77), "1.223e77×");
        assert_eq!(unit_money(2e16, "USD"), "$2.000e16");
        assert_eq!(price(2e16, "USD"), "$2.000e16");
        assert_eq!(price(1e20, "USD"), "$1.000e20");
        for v in [1e15, 1e100, 1.7e308] {
            for s in [
                money(v, "USD"),
                money_short(v, "USD"),
                count(v),
                number(v, 4),
                pct(v),
            ] {
                assert!(s.chars().count() <= 14, "{s}");
            }
        }
    }

    #[test]
    fn numbers_trim_trailing_zeros() {
        assert_eq!(number(1500.0, 2), "1,500");
        assert_eq!(number(0.25, 3), "0.25");
        assert_eq!(count(66000.4), "66,000");
    }
}
