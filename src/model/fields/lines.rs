//! The tables of the inputs of a line of the plan: an infrastructure line, a
//! severity tier, a tool, a role of the team and a one-off price change.

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

keys! {
    /// An input of one tool the system calls (version 3).
    ToolField { PerRequest, PricePerThousand }
}

impl ToolField {
    pub fn spec(self) -> FieldSpec {
        match self {
            ToolField::PerRequest => spec! {
                "per_request", "Uses per request", "Uses/request",
                Unit::Plain("uses"), Infrastructure, UsesPerRequest, COUNT,
                "Times one request calls this tool (a web search, a sandbox run).",
                tool / tool_mut, |t| t.per_request, default 0.0, since 3
            },
            ToolField::PricePerThousand => spec! {
                "price_per_thousand", "Price per 1,000 uses", "Per 1k uses",
                Unit::Price("/1k uses"), Infrastructure, PerThousandUses, MONEY,
                "What the tool's provider charges for 1,000 uses.",
                tool / tool_mut, |t| t.price_per_thousand, default 0.0, since 3
            },
        }
    }
}

keys! {
    /// An input of one role of the rest of the team (version 3).
    PersonField { Fte, AnnualCost, FromMonth, UntilMonth }
}

impl PersonField {
    pub fn spec(self) -> FieldSpec {
        match self {
            PersonField::Fte => spec! {
                "fte", "Time", "Time",
                Unit::Plain("FTE"), Oversight, Fte, COUNT,
                "Full-time equivalents of this role the system needs.",
                person / person_mut, |p| p.fte, default 0.0, since 3
            },
            PersonField::AnnualCost => spec! {
                "annual_cost", "Cost (loaded)", "Cost",
                Unit::Money("/FTE-year"), Oversight, AnnualCost, MONEY,
                "This role's yearly cost per FTE with overheads.",
                person / person_mut, |p| p.annual_cost, default 0.0, since 3
            },
            PersonField::FromMonth => spec! {
                whole "from_month", "From month", "From",
                Unit::Plain("month"), Oversight, PlanMonth, WHOLE,
                "The first live month this role is paid (1 = from go-live).",
                person / person_mut, |p| p.from_month, default 1.0, since 3
            },
            PersonField::UntilMonth => FieldSpec {
                path: "until_month",
                label: "Until month",
                short_label: "Until",
                unit: Unit::Plain("month"),
                help: "The last month this role is paid (unset: to the end of the horizon).",
                section: Section::Oversight,
                range: Range::PlanMonth,
                step: WHOLE,
                get: |s, i| {
                    let p = person(s, i)?;
                    Some(f64::from(p.until_month.unwrap_or(s.horizon_months)))
                },
                set: |s, i, v| {
                    person_mut(s, i)
                        .map(|p| p.until_month = Some(whole(v)))
                        .is_some()
                },
                falls_back: |s, i| person(s, i).is_some_and(|p| p.until_month.is_none()),
                fallback_note: "(to the end)",
                default: None,
                version: 3,
            },
        }
    }
}

keys! {
    /// An input of one one-off change of token prices (version 3).
    StepField { Month, Pct }
}

impl StepField {
    pub fn spec(self) -> FieldSpec {
        match self {
            StepField::Month => spec! {
                whole "month", "From month", "From",
                Unit::Plain("month"), Change, PlanMonth, WHOLE,
                "The first month billed at the changed price.",
                price_step / price_step_mut, |p| p.month, default 0.0, since 3
            },
            StepField::Pct => spec! {
                "pct", "Price change", "Change",
                Unit::Plain("%"), Change, Growth, POINT,
                "How much token prices change from that month on (+20: the vendor raises them 20 %).",
                price_step / price_step_mut, |p| p.pct, default 0.0, since 3
            },
        }
    }
}
