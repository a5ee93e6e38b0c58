//! The tables of the inputs of an infrastructure line and of a severity tier.

use super::*;

keys! {
    /// An input of one infrastructure line.
    InfraField { Monthly, PerThousand }
}

impl InfraField {
    pub fn spec(self) -> FieldSpec {
        match self {
            InfraField::Monthly => spec! {
                "monthly", "Monthly fixed", "Monthly",
                Unit::Money("/month"), Infrastructure, MonthlyAmount, MONEY,
                "What this line costs every month, whatever the traffic.",
                line / line_mut, |x| x.monthly, default 0.0, since 1
            },
            InfraField::PerThousand => spec! {
                "per_thousand_requests", "Per 1k requests", "Per 1k requests",
                Unit::Price("/1k req"), Infrastructure, PerThousandRequests, MONEY,
                "What this line costs per thousand requests.",
                line / line_mut, |x| x.per_thousand_requests, default 0.0, since 1
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
            TierField::Share => spec! {
                "share_pct", "Share of errors", "Share",
                Unit::Plain("%"), Risk, Percent, POINT,
                "Share of the uncaught errors in this severity tier; the tiers sum to 100 %.",
                tier / tier_mut, |t| t.share_pct, default 0.0, since 2
            },
            TierField::Cost => spec! {
                "cost", "Cost per error", "Cost",
                Unit::Money("/error"), Risk, ErrorCost, MONEY,
                "What one uncaught error of this severity costs.",
                tier / tier_mut, |t| t.cost, default 0.0, since 2
            },
        }
    }
}
