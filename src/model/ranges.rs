//! A plan's uncertainty ranges follow its values. An edit that moves a ranged
//! input outside its range widens the range to take the new value, and a
//! range whose input no longer exists (reviewers back to Auto, an API model
//! swapped for a self-hosted one) goes with it; so every plan an edit can
//! reach keeps low ≤ value ≤ high, as validation asks.
//!
//! A range widened only to follow its value remembers its original (the range
//! as opened, loaded or last set explicitly) and is always the smallest range
//! holding both that original and the value: moving the value back restores
//! the original exactly, so ranges never creep wider with to-and-fro edits.
//! The originals are session state (the caller keeps them; never saved).

use super::fields::Field;
use super::scenario::{Scenario, UncertainRange};

/// What [`follow_values`] did to one range.
#[derive(Debug, Clone, PartialEq)]
pub enum Followed {
    /// The range `before` (low, high) became `after` to take the value.
    Widened {
        field: Field,
        before: (f64, f64),
        after: (f64, f64),
    },
    /// The value moved back towards the range's original: `before` became
    /// `after`, which is the original itself when `back`.
    Narrowed {
        field: Field,
        before: (f64, f64),
        after: (f64, f64),
        back: bool,
    },
    /// The range named an input the plan no longer has (its path).
    Dropped { path: String },
}

/// Forgets the originals of ranges an edit set itself (`before` → the plan's
/// ranges now): a range typed with `r`, removed or replaced is its own new
/// original. Call between the edit and [`follow_values`].
pub fn forget_set(before: &[UncertainRange], s: &Scenario, origins: &mut Vec<UncertainRange>) {
    origins.retain(|o| {
        let find = |rs: &[UncertainRange]| {
            rs.iter()
                .find(|r| r.field == o.field)
                .map(|r| (r.low.to_bits(), r.high.to_bits()))
        };
        let was = find(before);
        was.is_some() && was == find(&s.uncertainty)
    });
}

/// Sets each range to the smallest range holding its original (from
/// `origins`, else the range itself) and its input's value, and drops the
/// ranges whose input is gone; returns what changed (nothing for a plan
/// already in step) and keeps in `origins` only the ranges now differing
/// from their original. A range that is not finite is left for validation.
pub fn follow_values(s: &mut Scenario, origins: &mut Vec<UncertainRange>) -> Vec<Followed> {
    let fields: std::collections::HashSet<Field> = Field::all(s).into_iter().collect();
    let values: Vec<Option<(Field, f64)>> = s
        .uncertainty
        .iter()
        .map(|r| {
            let f = r.field.field().filter(|f| fields.contains(f))?;
            Some((f, f.get(s)?))
        })
        .collect();
    let mut done = Vec::new();
    let mut kept = values.iter();
    s.uncertainty.retain(|r| {
        let keep = kept.next().is_some_and(Option::is_some);
        if !keep {
            done.push(Followed::Dropped {
                path: r.field.path().into_owned(),
            });
        }
        keep
    });
    let mut remembered = Vec::new();
    for (r, (f, v)) in s.uncertainty.iter_mut().zip(values.into_iter().flatten()) {
        if !(v.is_finite() && r.low.is_finite() && r.high.is_finite()) {
            continue;
        }
        let before = (r.low, r.high);
        let original = origins
            .iter()
            .find(|o| o.field == r.field)
            .map_or(before, |o| (o.low, o.high));
        let after = (original.0.min(v), original.1.max(v));
        (r.low, r.high) = after;
        if after != original {
            remembered.push(UncertainRange {
                field: r.field.clone(),
                low: original.0,
                high: original.1,
            });
        }
        if after == before {
            continue;
        }
        done.push(if after.0 <= before.0 && after.1 >= before.1 {
            Followed::Widened {
                field: f,
                before,
                after,
            }
        } else {
            Followed::Narrowed {
                field: f,
                before,
                after,
                back: after == original,
            }
        });
    }
    *origins = remembered;
    done
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::UncertainRange;
    use crate::model::fields::{PlanField, TextInput};
    use crate::model::scenario::Reviewers;

    fn plan() -> Scenario {
        let mut s = Scenario::minimal(
            "p",
            crate::model::ModelEntry::sole(
                "m",
                Some(crate::model::Pricing::Api(Default::default())),
            ),
        );
        s.risk.cost_per_uncaught_error = 18.0;
        s.uncertainty = vec![UncertainRange {
            field: PlanField::CostPerError.spec().path.into(),
            low: 10.0,
            high: 40.0,
        }];
        s
    }

    #[test]
    fn a_value_inside_its_range_changes_nothing() {
        let mut s = plan();
        let before = s.clone();
        assert!(follow_values(&mut s, &mut Vec::new()).is_empty());
        assert_eq!(s, before);
    }

    #[test]
    fn a_value_above_or_below_widens_the_near_end_only() {
        let f = Field::Plan(PlanField::CostPerError);
        let mut s = plan();
        s.risk.cost_per_uncaught_error = 100.0;
        assert_eq!(
            follow_values(&mut s, &mut Vec::new()),
            [Followed::Widened {
                field: f,
                before: (10.0, 40.0),
                after: (10.0, 100.0)
            }]
        );
        assert_eq!((s.uncertainty[0].low, s.uncertainty[0].high), (10.0, 100.0));
        s.risk.cost_per_uncaught_error = 2.0;
        follow_values(&mut s, &mut Vec::new());
        assert_eq!((s.uncertainty[0].low, s.uncertainty[0].high), (2.0, 100.0));
        assert!(
            crate::model::validate(&s).is_empty(),
            "{:?}",
            crate::model::validate(&s)
        );
    }

    #[test]
    fn a_range_whose_input_is_gone_is_dropped() {
        let mut s = plan();
        s.oversight.reviewers = Reviewers::Fixed(2.0);
        s.uncertainty.insert(
            0,
            UncertainRange {
                field: TextInput::Staffing.path().into(),
                low: 1.0,
                high: 3.0,
            },
        );
        assert!(
            follow_values(&mut s, &mut Vec::new()).is_empty(),
            "the reviewers are staffed"
        );
        s.oversight.reviewers = Reviewers::Auto;
        assert_eq!(
            follow_values(&mut s, &mut Vec::new()),
            [Followed::Dropped {
                path: TextInput::Staffing.path().into()
            }]
        );
        assert_eq!(s.uncertainty.len(), 1);
        assert_eq!(s.uncertainty[0].field, PlanField::CostPerError.spec().path);
    }
}
