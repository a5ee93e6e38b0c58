//! The JSON report of spec §3 with the version-2 keys of §5 (per month
//! `adoption_pct`, `error_rate_pct`, `errors_avoided`, `gpus`; totals `npv`,
//! `payback_month_from_start`, `upkeep_pct_of_build_per_year`, `errors_avoided`):
//! the version-3 keys of §6 (`error_tiers`, `cases` and the new month and
//! totals keys) and, beside the spec's keys, `statements` (what the other
//! formats say in words): one object, plain unrounded numbers, `null` for
//! absent figures.

use serde::Serialize;

use crate::model::cases::{CaseTotals, project_cases};
use crate::model::quality::{TierCount, tier_counts};
use crate::model::{Month, Projection, Scenario, Totals};

#[derive(Serialize)]
struct Report<'a> {
    name: &'a str,
    currency: &'a str,
    horizon_months: usize,
    months: &'a [Month],
    totals: &'a Totals,
    error_tiers: Vec<TierCount>,
    cases: Vec<CaseTotals>,
    /// What the reports say in words (spec §6): the system wrong more often
    /// than today, the FTE of the value and its full-realization flag, each
    /// rare, lumpy tier. Not a key of the spec: one added beside them.
    statements: Vec<String>,
}

pub fn render(s: &Scenario, p: &Projection) -> super::Rendered {
    let report = Report {
        name: &s.name,
        currency: &s.currency,
        horizon_months: p.months.len(),
        months: &p.months,
        totals: &p.totals,
        error_tiers: tier_counts(s, &p.totals),
        cases: project_cases(s),
        statements: super::cfo::statements(s, p),
    };
    pretty(&report)
}

/// Pretty JSON with a final newline, escaped for any terminal it reaches; a
/// value serde cannot write is an error, never `{}` in its place.
pub fn pretty<T: Serialize + ?Sized>(value: &T) -> super::Rendered {
    let mut out =
        serde_json::to_string_pretty(value).map_err(|e| super::RenderError::Json(e.to_string()))?;
    out.push('\n');
    Ok(super::escape::json(&out).into_owned())
}

#[cfg(test)]
mod tests {
    /// A value whose serialization fails, as a map with non-string keys does.
    struct Broken;
    impl serde::Serialize for Broken {
        fn serialize<S: serde::Serializer>(&self, _: S) -> Result<S::Ok, S::Error> {
            Err(serde::ser::Error::custom("no"))
        }
    }

    #[test]
    fn a_failed_serialization_is_an_error_not_an_empty_object() {
        let err = super::pretty(&Broken).unwrap_err().to_string();
        assert!(err.contains("cannot write the JSON"), "{err}");
        assert_eq!(super::pretty(&[1, 2]).unwrap(), "[\n  1,\n  2\n]\n");
    }
}
