//! The clock, read at the edge only. "Today" and "this month" are computed
//! here once and passed in: the CLI gives them to the reports and the price
//! checks, the runtime gives them to the workbench (`App::set_today`), and
//! `model` and `app` never read the time themselves.

use std::time::SystemTime;

use crate::model::prices::YearMonth;

/// A calendar day, UTC.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Today {
    /// `YYYY-MM-DD`, as reports and imports print it.
    pub date: String,
    /// The month of that day.
    pub month: YearMonth,
}

/// Today (UTC) from the system clock — or the `YYYY-MM-DD` date in
/// `RUNCOST_TODAY`, so tests and demonstrations can run on a given day (an
/// unreadable value is ignored).
pub fn today() -> Today {
    if let Ok(s) = std::env::var("RUNCOST_TODAY")
        && let Some(t) = date(&s)
    {
        return t;
    }
    day_of(SystemTime::now())
}

/// A `YYYY-MM-DD` date as a [`Today`].
pub fn date(s: &str) -> Option<Today> {
    let s = s.trim();
    crate::model::lifecycle::parse_date(s)?;
    Some(Today {
        date: s.get(..10)?.to_string(),
        month: YearMonth::parse(s)?,
    })
}

/// The UTC day of a moment.
pub fn day_of(t: SystemTime) -> Today {
    let stamp = minute_of(t);
    let date = stamp.get(..10).unwrap_or(&stamp).to_string();
    // A clock before the year 0 or after 9999 is not a calendar runcost
    // prices in; it is shown as it is and counted as January 1970.
    let month = YearMonth::parse(&date).unwrap_or(YearMonth {
        year: 1970,
        month: 1,
    });
    Today { date, month }
}

/// A moment as `YYYY-MM-DD HH:MM` (UTC), for "written …" and "modified …".
pub fn minute_of(t: SystemTime) -> String {
    let s = humantime::format_rfc3339_seconds(t).to_string();
    s.get(..16).unwrap_or(&s).replace('T', " ")
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::time::{Duration, UNIX_EPOCH};

    #[test]
    fn a_moment_gives_its_utc_day_and_month() {
        // 2026-11-28 07:50:12 UTC
        let t = UNIX_EPOCH + Duration::from_secs(1_795_852_212);
        let d = day_of(t);
        assert_eq!(d.date, "2026-11-28");
        assert_eq!(
            d.month,
            YearMonth {
                year: 2026,
                month: 11
            }
        );
        assert_eq!(minute_of(t), "2026-11-28 07:50");
        let end_of_year = UNIX_EPOCH + Duration::from_secs(1_798_761_599); // 2026-12-31 23:59:59
        assert_eq!(day_of(end_of_year).date, "2026-12-31");
        assert_eq!(day_of(end_of_year).month.to_string(), "2026-12");
    }

    #[test]
    fn today_is_a_real_date() {
        let d = today();
        assert_eq!(d.date.len(), 10, "{}", d.date);
        assert_eq!(YearMonth::parse(&d.date), Some(d.month));
    }
}
