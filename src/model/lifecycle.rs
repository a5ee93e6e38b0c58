//! Where a catalog model is in its life on a given day — in service, retiring
//! on a known date, or retired (with the model the provider names to use
//! instead) — and the calendar arithmetic on `YYYY-MM-DD` dates it needs.
//! "Today" is always passed in: the CLI and the runtime read the clock.

use super::catalog::{Catalog, CatalogModel};
use super::scenario::Scenario;

/// A model's state on a given day.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Lifecycle {
    /// No retirement date, or one that cannot be read.
    Active,
    /// Retires on this date (`YYYY-MM-DD`), after today.
    RetiresOn(String),
    /// Retired on `date`, on or before today; `successor` is the model the
    /// catalog names to use instead, when it knows one.
    Retired {
        date: String,
        successor: Option<String>,
    },
}

impl Lifecycle {
    pub fn is_retired(&self) -> bool {
        matches!(self, Lifecycle::Retired { .. })
    }

    /// "retired 2026-10-23, use gpt-5.4-nano" / "retires 2027-01-14" / "".
    pub fn label(&self) -> String {
        match self {
            Lifecycle::Active => String::new(),
            Lifecycle::RetiresOn(d) => format!("retires {d}"),
            Lifecycle::Retired {
                date,
                successor: Some(s),
            } => format!("retired {date}, use {s}"),
            Lifecycle::Retired {
                date,
                successor: None,
            } => format!("retired {date}"),
        }
    }
}

impl CatalogModel {
    /// The price in force on `today` (`YYYY-MM-DD`): the latest scheduled
    /// price whose date has come, else the listed one, so a promotion that
    /// has ended is never shown as the price. Unreadable dates are skipped.
    pub fn pricing_on(&self, today: &str) -> &crate::model::Pricing {
        let Some(t) = parse_date(today) else {
            return &self.pricing;
        };
        self.schedule
            .iter()
            .filter(|s| parse_date(&s.from).is_some_and(|d| d <= t))
            .max_by_key(|s| parse_date(&s.from))
            .map_or(&self.pricing, |s| &s.pricing)
    }

    /// The model's state on `today` (`YYYY-MM-DD`): retired when its
    /// deprecation date is on or before today. An unreadable date (in a
    /// hand-edited catalog) or an unreadable `today` counts as active.
    pub fn lifecycle(&self, today: &str) -> Lifecycle {
        let Some(date) = self.deprecation.as_deref() else {
            return Lifecycle::Active;
        };
        match (parse_date(date), parse_date(today)) {
            (Some(d), Some(t)) if d <= t => Lifecycle::Retired {
                date: date.to_string(),
                successor: self.successor.clone().filter(|s| !s.trim().is_empty()),
            },
            (Some(_), Some(_)) => Lifecycle::RetiresOn(date.to_string()),
            _ => Lifecycle::Active,
        }
    }
}

/// `(year, month, day)` of a `YYYY-MM-DD` date that exists in the calendar.
pub fn parse_date(s: &str) -> Option<(i32, u32, u32)> {
    let s = s.trim();
    let mut parts = s.splitn(3, '-');
    let y: i32 = parts.next()?.parse().ok()?;
    let m: u32 = parts.next()?.parse().ok()?;
    let d: u32 = parts.next()?.get(..2)?.parse().ok()?;
    (1..=days_in_month(y, m)?).contains(&d).then_some((y, m, d))
}

/// Days in month `m` of year `y` (proleptic Gregorian); `None` for no month.
fn days_in_month(y: i32, m: u32) -> Option<u32> {
    Some(match m {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        2 if (y % 4 == 0 && y % 100 != 0) || y % 400 == 0 => 29,
        2 => 28,
        _ => return None,
    })
}

/// A date written exactly `YYYY-MM-DD` that exists in the calendar (no
/// surrounding text, no line break): what a dated value in a catalog must be.
pub fn is_date(s: &str) -> bool {
    s.len() == 10
        && s.bytes().enumerate().all(|(i, b)| match i {
            4 | 7 => b == b'-',
            _ => b.is_ascii_digit(),
        })
        && parse_date(s).is_some()
}

/// The day before `date` (`YYYY-MM-DD`): the last day of a price that a
/// dated price replaces from `date` on.
pub fn day_before(date: &str) -> Option<String> {
    let (y, m, d) = parse_date(date)?;
    let (y, m, d) = if d > 1 {
        (y, m, d - 1)
    } else if m > 1 {
        (y, m - 1, days_in_month(y, m - 1)?)
    } else {
        (y.checked_sub(1)?, 12, 31)
    };
    Some(format!("{y:04}-{m:02}-{d:02}"))
}

/// Days since 1970-01-01 of a calendar date (proleptic Gregorian).
fn day_number((y, m, d): (i32, u32, u32)) -> i64 {
    let y = i64::from(y) - i64::from(m <= 2);
    let era = y.div_euclid(400);
    let yoe = y - era * 400;
    let m = i64::from(m);
    let doy = (153 * (if m > 2 { m - 3 } else { m + 9 }) + 2) / 5 + i64::from(d) - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    era * 146_097 + doe - 719_468
}

/// Days from `from` to `to` (negative when `to` is earlier); `None` when
/// either is not a `YYYY-MM-DD` date.
pub fn days_between(from: &str, to: &str) -> Option<i64> {
    Some(day_number(parse_date(to)?) - day_number(parse_date(from)?))
}

/// A model of the plan that is retired on the day runcost runs.
#[derive(Debug, Clone, PartialEq)]
pub struct RetiredModel {
    /// Index in the plan's mix.
    pub index: usize,
    pub id: String,
    pub date: String,
    pub successor: Option<String>,
}

impl RetiredModel {
    /// "gpt-4.1-nano was retired on 2026-10-23: switch to gpt-5.4-nano (its successor)".
    pub fn sentence(&self) -> String {
        match &self.successor {
            Some(s) => format!(
                "{} was retired on {}: plan the re-tune cost of switching to its successor {s}",
                self.id, self.date
            ),
            None => format!(
                "{} was retired on {}: choose a current model (no successor known)",
                self.id, self.date
            ),
        }
    }
}

/// The plan's models that the catalog says are retired on `today`.
pub fn retired_models(plan: &Scenario, catalog: &Catalog, today: &str) -> Vec<RetiredModel> {
    plan.models
        .iter()
        .enumerate()
        .filter_map(|(index, m)| match catalog.model(&m.id)?.lifecycle(today) {
            Lifecycle::Retired { date, successor } => Some(RetiredModel {
                index,
                id: m.id.clone(),
                date,
                successor,
            }),
            _ => None,
        })
        .collect()
}

/// A catalog older than this many days on the day runcost runs is flagged.
pub const MAX_CATALOG_AGE_DAYS: i64 = 60;

/// The catalog's age in days on `today`, when it is over
/// [`MAX_CATALOG_AGE_DAYS`].
pub fn stale_days(as_of: &str, today: &str) -> Option<i64> {
    days_between(as_of, today).filter(|d| *d > MAX_CATALOG_AGE_DAYS)
}

/// "the price catalog is 88 days old (as of 2026-09-01): …refresh…", when it is stale.
pub fn age_warning(as_of: &str, today: &str) -> Option<String> {
    stale_days(as_of, today).map(|d| {
        format!(
            "the price catalog is {d} days old (as of {as_of}): refresh it with \
             `runcost catalog import FILE` (a current LiteLLM price list)"
        )
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::pricing::{ApiPricing, Pricing};

    fn model(deprecation: Option<&str>, successor: Option<&str>) -> CatalogModel {
        CatalogModel {
            deprecation: deprecation.map(str::to_string),
            successor: successor.map(str::to_string),
            ..CatalogModel::new(
                "m",
                "p",
                Pricing::Api(ApiPricing {
                    input_per_mtok: 1.0,
                    ..ApiPricing::default()
                }),
            )
        }
    }

    #[test]
    fn retired_on_or_before_today_retiring_after_it() {
        let m = model(Some("2026-10-23"), Some("gpt-5.4-nano"));
        assert_eq!(
            m.lifecycle("2026-10-23"),
            Lifecycle::Retired {
                date: "2026-10-23".into(),
                successor: Some("gpt-5.4-nano".into())
            }
        );
        assert!(m.lifecycle("2026-11-28").is_retired());
        assert_eq!(
            m.lifecycle("2026-10-22"),
            Lifecycle::RetiresOn("2026-10-23".into())
        );
        assert_eq!(
            m.lifecycle("2026-11-28").label(),
            "retired 2026-10-23, use gpt-5.4-nano"
        );
        assert_eq!(model(None, None).lifecycle("2030-01-01"), Lifecycle::Active);
        // An unreadable date is not taken as retired.
        assert_eq!(
            model(Some("soon"), None).lifecycle("2030-01-01"),
            Lifecycle::Active
        );
        assert_eq!(
            model(Some("2026-02-30"), None).lifecycle("2030-01-01"),
            Lifecycle::Active
        );
    }

    #[test]
    fn days_are_counted_across_months_years_and_leap_days() {
        assert_eq!(days_between("2026-09-29", "2026-11-28"), Some(60));
        assert_eq!(days_between("2026-11-28", "2026-09-29"), Some(-60));
        assert_eq!(days_between("2027-12-31", "2028-03-01"), Some(61));
        assert_eq!(days_between("1970-01-01", "1970-01-02"), Some(1));
        assert_eq!(days_between("2026-13-01", "2026-11-28"), None);
    }

    #[test]
    fn the_day_before_crosses_months_years_and_leap_days() {
        assert_eq!(day_before("2026-11-22").as_deref(), Some("2026-11-21"));
        assert_eq!(day_before("2027-01-01").as_deref(), Some("2026-12-31"));
        assert_eq!(day_before("2028-03-01").as_deref(), Some("2028-02-29"));
        assert_eq!(day_before("2027-03-01").as_deref(), Some("2027-02-28"));
        assert_eq!(day_before("2026-05-01").as_deref(), Some("2026-04-30"));
        assert_eq!(day_before("2026-02-30"), None);
        assert!(is_date("2026-11-20"));
        for bad in [
            "2026-11-20\nfake",
            "2026-11-2",
            " 2026-11-20",
            "2026/11/20",
            "2026-13-01",
            "soon",
        ] {
            assert!(!is_date(bad), "{bad:?}");
        }
    }

    #[test]
    fn a_catalog_is_stale_after_sixty_days() {
        assert_eq!(stale_days("2026-09-29", "2026-11-28"), None);
        assert_eq!(stale_days("2026-09-28", "2026-11-28"), Some(61));
        let w = age_warning("2026-09-01", "2026-11-28").unwrap();
        assert!(w.contains("88 days old"), "{w}");
        assert!(w.contains("runcost catalog import"), "{w}");
        assert_eq!(age_warning("not a date", "2026-11-28"), None);
    }
}
