//! What an input is measured in, shown after its value.

use std::fmt;

/// The unit of an input. Money is an amount in the plan's currency, with what
/// it is per; a price is money per unit of use and always shows its cents;
/// every other unit is a plain word or symbol after the number.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Unit {
    /// An amount of money and what it is per: `once`, `/month`, `/FTE-year`.
    Money(&'static str),
    /// A price per unit of use: `/1M tok`, `/1k searches`, `/GPU-hour`.
    Price(&'static str),
    /// Not money: `%`, `req/day`, `tokens`, `×`.
    Plain(&'static str),
}

impl Unit {
    /// Whether the value is an amount of money (shown with the currency).
    pub fn is_money(self) -> bool {
        !matches!(self, Unit::Plain(_))
    }

    /// Whether the value is a price per unit of use, shown with its cents.
    pub fn is_price(self) -> bool {
        matches!(self, Unit::Price(_))
    }

    /// What is written after the number (after the amount, for money):
    /// `once`, `/1M tok`, `%`.
    pub fn suffix(self) -> &'static str {
        match self {
            Unit::Money(s) | Unit::Price(s) | Unit::Plain(s) => s,
        }
    }
}

/// The unit on its own, as a label shows it: `$/1M tok`, `$ once`, `%`.
impl fmt::Display for Unit {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let suffix = self.suffix();
        match self {
            Unit::Plain(_) => f.write_str(suffix),
            _ if suffix.starts_with('/') => write!(f, "${suffix}"),
            _ => write!(f, "$ {suffix}"),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_unit_reads_as_it_is_labelled() {
        assert_eq!(Unit::Price("/1M tok").to_string(), "$/1M tok");
        assert_eq!(Unit::Money("once").to_string(), "$ once");
        assert_eq!(Unit::Money("/month").to_string(), "$/month");
        assert_eq!(Unit::Plain("%").to_string(), "%");
        assert!(Unit::Money("once").is_money() && !Unit::Money("once").is_price());
        assert!(Unit::Price("/hour").is_money() && Unit::Price("/hour").is_price());
        assert!(!Unit::Plain("%").is_money());
    }
}
