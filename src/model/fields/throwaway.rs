//! A throwaway input, declared beside the table by a test alone, followed
//! to every place the table reaches: the version a plan needs, uncertainty
//! ranges and the tornado drivers (here), validation and the paths a
//! `sources` entry may name (`model/validate/cross.rs`, which may import the
//! table, not the other way round) and the report's assumptions rows
//! (`report/assumptions.rs`). Each of those places walks the inputs it is
//! given; production gives it [`Field::all`], the tests give it that and
//! [`Field::Extra`].

use super::*;
use crate::model::pricing::Pricing;

/// The inputs only tests have: `Field::Extra(k)` is `EXTRA[k]`. Its value
/// is kept in a slot the plan has (the requests a day), whose own range is
/// far wider, so what the throwaway's range refuses is its own doing.
pub(super) const EXTRA: [FieldSpec; 1] = [FieldSpec {
    path: "value.throwaway_pct",
    label: "Throwaway share",
    short_label: "Throwaway",
    unit: Unit::Plain("%"),
    help: "An input only a test declares.",
    section: Section::Value,
    range: Range::Percent,
    step: POINT,
    get: |s, _| Some(s.workload.requests_per_day),
    set: |s, _, v| {
        s.workload.requests_per_day = v;
        true
    },
    falls_back: never,
    fallback_note: "",
    default: Some(0.0),
    version: 2,
}];

/// A valid version-1 plan of one priced model, its requests (the
/// throwaway's value) at `v`.
pub(crate) fn plan(v: f64) -> Scenario {
    let model = ModelEntry::sole(
        "m",
        Some(Pricing::Api(ApiPricing {
            input_per_mtok: 1.0,
            output_per_mtok: 2.0,
            ..Default::default()
        })),
    );
    let mut s = Scenario::minimal("throwaway", model);
    s.workload.requests_per_day = v;
    s.workload.input_tokens = 1000.0;
    s
}

/// The plan's inputs and the throwaway one: the table a test walks.
pub(crate) fn table(s: &Scenario) -> Vec<Field> {
    Field::all(s).into_iter().chain([Field::Extra(0)]).collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::analysis::sensitivity::{drivers, drivers_of};
    use crate::model::analysis::uncertainty::ranges_in;
    use crate::model::scenario::UncertainRange;

    const PATH: &str = "value.throwaway_pct";

    #[test]
    fn set_it_makes_the_plan_need_its_version() {
        let s = plan(50.0);
        let table = table(&s);
        assert!(
            s.inputs_of_version(2, &table)
                .contains(&(PATH.to_string(), true))
        );
        assert!(
            !s.inputs_of_version(1, &table)
                .iter()
                .any(|(p, _)| p == PATH)
        );
        let zero = plan(0.0);
        let at_default = zero.inputs_of_version(2, &table);
        assert!(at_default.contains(&(PATH.to_string(), false)));
        // The plan's own table knows nothing of it.
        assert!(!s.v2_inputs().iter().any(|(p, _)| p == PATH));
    }

    #[test]
    fn a_range_may_name_it_and_the_tornado_moves_it() {
        let extra = Field::Extra(0);
        let mut s = plan(50.0);
        let table = table(&s);
        s.uncertainty = vec![UncertainRange {
            field: extra.into(),
            low: 40.0,
            high: 60.0,
        }];
        assert_eq!(ranges_in(&s, &table), [(extra, 40.0, 50.0, 60.0)]);
        assert!(drivers_of(&s, &table).contains(&extra));
        assert!(!drivers(&s).contains(&extra));
        assert_eq!(extra.label_in(&s), "Throwaway share");
    }
}
