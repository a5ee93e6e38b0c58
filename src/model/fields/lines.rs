//! The tables of the inputs of an infrastructure line and of a severity tier.

use super::*;

keys! {
    /// An input of one infrastructure line.
    InfraField { Monthly, PerThousand }
}

impl InfraField {
    pub fn spec(self) -> FieldSpec {
        match self {
            InfraField::Monthly => FieldSpec {
                path: "monthly",
                label: "Monthly fixed",
                short_label: "Monthly",
                unit: Unit::Money("/month"),
                help: "What this line costs every month, whatever the traffic.",
                section: Section::Infrastructure,
                range: Range::MonthlyAmount,
                step: MONEY,
                get: |s, i| Some(line(s, i)?.monthly),
                set: |s, i, v| line_mut(s, i).map(|x| x.monthly = v).is_some(),
                falls_back: never,
                fallback_note: "",
                default: Some(0.0),
                version: 1,
            },
            InfraField::PerThousand => FieldSpec {
                path: "per_thousand_requests",
                label: "Per 1k requests",
                short_label: "Per 1k requests",
                unit: Unit::Price("/1k req"),
                help: "What this line costs per thousand requests.",
                section: Section::Infrastructure,
                range: Range::PerThousandRequests,
                step: MONEY,
                get: |s, i| Some(line(s, i)?.per_thousand_requests),
                set: |s, i, v| {
                    line_mut(s, i)
                        .map(|x| x.per_thousand_requests = v)
                        .is_some()
                },
                falls_back: never,
                fallback_note: "",
                default: Some(0.0),
                version: 1,
            },
        }
    }
}

keys! {
    /// An input of one severity tier of the cost of an uncaught error.
    TierField { Share, Cost }
}

impl TierField {
    pub fn spec(self) -> FieldSpec {
        match self {
            TierField::Share => FieldSpec {
                path: "share_pct",
                label: "Share of errors",
                short_label: "Share",
                unit: Unit::Plain("%"),
                help: "Share of the uncaught errors in this severity tier; the tiers sum to 100 %.",
                section: Section::Risk,
                range: Range::Percent,
                step: POINT,
                get: |s, j| Some(tier(s, j)?.share_pct),
                set: |s, j, v| tier_mut(s, j).map(|t| t.share_pct = v).is_some(),
                falls_back: never,
                fallback_note: "",
                default: Some(0.0),
                version: 2,
            },
            TierField::Cost => FieldSpec {
                path: "cost",
                label: "Cost per error",
                short_label: "Cost",
                unit: Unit::Money("/error"),
                help: "What one uncaught error of this severity costs.",
                section: Section::Risk,
                range: Range::ErrorCost,
                step: MONEY,
                get: |s, j| Some(tier(s, j)?.cost),
                set: |s, j, v| tier_mut(s, j).map(|t| t.cost = v).is_some(),
                falls_back: never,
                fallback_note: "",
                default: Some(0.0),
                version: 2,
            },
        }
    }
}
