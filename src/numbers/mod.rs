//! The number vocabulary: how numbers read to a person, one rule per kind,
//! used by every renderer for people (terminal tables, Markdown, HTML) and
//! by the workbench and the interview alike:
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

mod money;
mod plain;

pub use money::{
    currency_prefix, decimal, delta, money, money_places, money_short, money_tight, price, scaled,
    shared_unit_places, unit_money, unit_places, unit_price,
};
pub use plain::{count, fte, number, number_up, payback, pct, ratio, roi, signed_pct, throughput};

/// The minus sign of every negative number shown to a person.
pub const MINUS: char = '\u{2212}';

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

/// Inputs this large are shown in exponent form (as `validate::show` does).
const HUGE: f64 = 1e16;

/// An input's value with its unit, as the workbench and reports show it:
/// `2,500 req/day`, `$0.75 /1M tok`, `20 % of build/yr`.
pub fn field_value(field: crate::model::fields::Field, v: f64, currency: &str) -> String {
    let unit = field.unit();
    if v.is_finite() && v.abs() >= HUGE {
        // `1e308 req/day`, never 309 digits pushing the label off the row.
        let shown = crate::model::validate::show(v);
        return if unit.is_money() {
            format!("{}{shown} {}", currency_prefix(currency), unit.suffix())
        } else {
            format!("{shown} {unit}")
        };
    }
    if unit.is_money() {
        // Prices per unit of use always have cents; other amounts have them
        // when they are not whole.
        let amount = if unit.is_price() || (v.abs() < 100.0 && v.fract() != 0.0) {
            price(v, currency)
        } else {
            money(v, currency)
        };
        format!("{amount} {}", unit.suffix())
    } else {
        let n = number(v, 4);
        match unit.suffix() {
            // A month of the plan is an ordinal: "month 3", not "3 month".
            "month" => format!("month {n}"),
            plural if v == 1.0 => format!("{n} {}", singular(plural)),
            _ => format!("{n} {unit}"),
        }
    }
}

/// The unit of one: "1 call", "1 use", "1 GPU", never "1 calls".
fn singular(unit: &str) -> &str {
    match unit {
        "GPUs" => "GPU",
        "calls" => "call",
        "days" => "day",
        "input tokens" => "input token",
        "months" => "month",
        "replicas" => "replica",
        "tokens" => "token",
        "uses" => "use",
        other => other,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn one_of_a_unit_is_singular_and_a_plan_month_is_an_ordinal() {
        use crate::model::fields::{Field, PersonField, PlanField, ToolField};
        let calls = Field::Plan(PlanField::CallsPerRequest);
        assert_eq!(field_value(calls, 1.0, "USD"), "1 call");
        assert_eq!(field_value(calls, 4.0, "USD"), "4 calls");
        assert_eq!(field_value(calls, 1.5, "USD"), "1.5 calls");
        let uses = Field::Tool(0, ToolField::PerRequest);
        assert_eq!(field_value(uses, 1.0, "USD"), "1 use");
        let until = Field::Person(0, PersonField::UntilMonth);
        assert_eq!(field_value(until, 3.0, "USD"), "month 3");
    }

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
            .find(|f| f.unit() == crate::model::fields::Unit::Price("/1M tok"))
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
