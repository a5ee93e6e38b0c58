//! The questions of each use-case template, in the order a consultant asks
//! them: volume first, then people, errors, value, build and change. Each is
//! one line of question and one line of why it matters (the reasons behind
//! runcost: run costs, people, errors, drift, vendor changes), and names
//! the plan inputs its answer sets.

use super::answer::{Ask, Basis};
use super::nouns::measure;
use super::tokens::{Tok, normalized, tokens};
use super::words::{PER, TIME_MODIFIERS, Time, period_word, person_word, time_word};
use crate::model::Scenario;
use crate::model::fields::{Field, InfraField, PlanField, TierField};

/// One plan input an answer sets: the answer × `factor` (`per` says the
/// factor in words, e.g. "60 requests a day each"; empty when it is 1).
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Target {
    pub field: Field,
    pub factor: f64,
    pub per: &'static str,
}

/// One question of an interview.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Question {
    pub ask: &'static str,
    pub why: &'static str,
    pub basis: Basis,
    pub targets: &'static [Target],
}

impl Question {
    /// The inputs it sets, as paths in the plan file.
    pub fn paths(&self) -> impl Iterator<Item = String> + '_ {
        self.targets.iter().map(|t| t.field.path())
    }

    /// What an answer to it is read against in `plan`: the basis, the
    /// plan's active days and currency, whether its inputs may be negative,
    /// whether it counts people, and the period it names ("per month").
    pub fn ask_in<'a>(&self, plan: &'a Scenario) -> Ask<'a> {
        let toks = tokens(&normalized(self.ask)).unwrap_or_default();
        let words: Vec<&str> = toks.iter().filter_map(Tok::word).collect();
        Ask {
            basis: self.basis,
            days_per_month: plan.workload.days_per_month,
            signed: self.targets.iter().all(|t| t.field.check(-1.0).is_ok()),
            people: matches!(self.basis, Basis::Number | Basis::Fte)
                && words.iter().any(|w| person_word(w)),
            period: period_of(&words),
            currency: &plan.currency,
            counts: matches!(self.basis, Basis::Number | Basis::PerDay)
                .then(|| words.iter().find_map(|w| measure(w)))
                .flatten(),
            tokens_each: self
                .targets
                .iter()
                .find(|t| t.field == Field::Plan(PlanField::InputTokens))
                .map(|t| t.factor),
            caught: words
                .iter()
                .any(|w| matches!(*w, "caught" | "catch" | "catches")),
        }
    }
}

/// The period a question names: "a day", "per month", "a working day".
fn period_of(words: &[&str]) -> Option<Time> {
    words.iter().enumerate().find_map(|(i, w)| {
        if let Some(p) = period_word(w) {
            return Some(p);
        }
        if !PER.contains(w) {
            return None;
        }
        words[i + 1..]
            .iter()
            .find(|x| !TIME_MODIFIERS.contains(x))
            .and_then(|x| time_word(x))
    })
}

const fn plan(f: PlanField) -> Target {
    Target {
        field: Field::Plan(f),
        factor: 1.0,
        per: "",
    }
}

const fn q(
    ask: &'static str,
    why: &'static str,
    basis: Basis,
    targets: &'static [Target],
) -> Question {
    Question {
        ask,
        why,
        basis,
        targets,
    }
}

use Basis as B;
use PlanField as P;

// Why it matters: the same few reasons, said the same way everywhere.
const WHY_VOLUME: &str = "Volume multiplies every run cost: tokens, searches, reviews, errors.";
const WHY_GROWTH: &str = "Growth compounds: month 12 costs far more than month 1.";
const WHY_RAMP: &str = "A slow rollout delays both the run cost and the savings.";
const WHY_REVIEW: &str = "People are the run cost that grows with volume, not the model.";
const WHY_MINUTES: &str = "Review time × volume is how many reviewers you will staff.";
const WHY_REVIEWER: &str = "Reviewer salaries are usually the largest line after a year.";
const WHY_ERRORS: &str = "Wrong answers are a run cost: every one that slips through costs.";
const WHY_CATCH: &str = "What review misses reaches the customer and is paid for.";
const WHY_ERROR_COST: &str = "Error cost × error rate can outweigh the whole model bill.";
const WHY_SAVED: &str = "The saving per request is the value side of the business case.";
const WHY_HOURLY: &str = "Saved minutes are only worth what the hour costs.";
const WHY_BUILD: &str = "Build is paid before any value; upkeep is a share of it each year.";
const WHY_UPDATES: &str = "Vendor changes: every model update means re-testing and re-tuning.";
const WHY_OWNER: &str = "Someone has to own it in production: monitoring, drift, incidents.";
const WHY_DAYS: &str = "Working days or every day: 21 vs 30 days changes volume by 40 %.";
const WHY_BASELINE: &str = "Today's error rate is what the system must beat to be worth it.";

// What every kind of system is asked the same way: build, upkeep, ownership.
#[rustfmt::skip]
const BUILD_BUDGET: Question = q("What is the budget to build it?", WHY_BUILD, B::Money, &[plan(P::BuildCost)]);
#[rustfmt::skip]
const UPDATES_A_YEAR: Question = q("Model updates or switches a year?", WHY_UPDATES, B::Number, &[plan(P::UpdatesPerYear)]);
#[rustfmt::skip]
const OWNER_FTE: Question = q("How much of an engineer owns it (FTE)?", WHY_OWNER, B::Fte, &[plan(P::OwnerFte)]);

#[rustfmt::skip]
const SUPPORT: &[Question] = &[
    q("How many conversations a day, today?", WHY_VOLUME, B::PerDay, &[plan(P::RequestsPerDay)]),
    q("How fast is that growing, per month?", WHY_GROWTH, B::Percent, &[plan(P::MonthlyGrowth)]),
    q("Months until every channel is on it?", WHY_RAMP, B::Months, &[plan(P::RampMonths)]),
    q("What share of answers will QA check?", WHY_REVIEW, B::Percent, &[plan(P::ReviewPct)]),
    q("How long does one QA check take?", WHY_MINUTES, B::Minutes, &[plan(P::MinutesPerReview)]),
    q("What does a QA reviewer cost a year, loaded?", WHY_REVIEWER, B::MoneyPerYear, &[plan(P::ReviewerAnnualCost)]),
    q("How often does the pilot answer wrong?", WHY_ERRORS, B::Percent, &[plan(P::ErrorRate)]),
    q("Of wrong answers checked, how many are caught?", WHY_CATCH, B::Percent, &[plan(P::CatchRate)]),
    q("What does one wrong answer cost you?", WHY_ERROR_COST, B::Money, &[plan(P::CostPerError)]),
    q("Minutes an agent saves per conversation?", WHY_SAVED, B::Minutes, &[plan(P::MinutesSaved)]),
    q("What does an agent hour cost, loaded?", WHY_HOURLY, B::MoneyPerHour, &[plan(P::LabourHourly)]),
    BUILD_BUDGET,
    UPDATES_A_YEAR,
    OWNER_FTE,
];

/// Tokens of one page of a document, for "how many pages".
const TOKENS_PER_PAGE: f64 = 600.0;

#[rustfmt::skip]
const DOCUMENTS: &[Question] = &[
    q("How many documents a working day?", WHY_VOLUME, B::PerDay, &[plan(P::RequestsPerDay)]),
    q("Working days a month the pipeline runs?", WHY_DAYS, B::DaysPerMonth, &[plan(P::DaysPerMonth)]),
    q("How many pages in a typical document?", "Pages set the tokens read, the largest part of the model bill.", B::Number,
        &[Target { field: Field::Plan(P::InputTokens), factor: TOKENS_PER_PAGE, per: "600 tokens a page" }]),
    q("What share can wait for an overnight batch?", "Batch APIs cost half: what can wait is cheaper to run.", B::Percent, &[plan(P::BatchShare)]),
    q("What share do the rules send to a person?", WHY_REVIEW, B::Percent, &[plan(P::ReviewPct)]),
    q("How long does a person take per document?", WHY_MINUTES, B::Minutes, &[plan(P::MinutesPerReview)]),
    q("What does a clerk cost a year, loaded?", WHY_REVIEWER, B::MoneyPerYear, &[plan(P::ReviewerAnnualCost)]),
    q("How often is an extracted field wrong?", WHY_ERRORS, B::Percent, &[plan(P::ErrorRate)]),
    q("What does a wrong field cost downstream?", WHY_ERROR_COST, B::Money, &[plan(P::CostPerError)]),
    q("Minutes saved per document?", WHY_SAVED, B::Minutes, &[plan(P::MinutesSaved)]),
    q("What does a clerk hour cost?", WHY_HOURLY, B::MoneyPerHour, &[plan(P::LabourHourly)]),
    BUILD_BUDGET,
    UPDATES_A_YEAR,
];

/// Questions an employee asks a working day, and tokens per document.
const QUESTIONS_PER_EMPLOYEE: f64 = 4.0;
const TOKENS_PER_DOCUMENT: f64 = 3000.0;

#[rustfmt::skip]
const KNOWLEDGE: &[Question] = &[
    q("How many employees will use it?", WHY_VOLUME, B::Number,
        &[Target { field: Field::Plan(P::RequestsPerDay), factor: QUESTIONS_PER_EMPLOYEE, per: "4 questions a day each" }]),
    q("Months to roll it out to everyone?", WHY_RAMP, B::Months, &[plan(P::RampMonths)]),
    q("How many documents will it search?", "The corpus is embedded, then kept fresh every month.", B::Number,
        &[Target { field: Field::Plan(P::CorpusTokens), factor: TOKENS_PER_DOCUMENT, per: "3,000 tokens a document" }]),
    q("What share of documents change a month?", "Changed documents are re-embedded every month.", B::Percent, &[plan(P::RefreshPct)]),
    q("How often is an answer wrong?", WHY_ERRORS, B::Percent, &[plan(P::ErrorRate)]),
    q("What does acting on a wrong answer cost?", WHY_ERROR_COST, B::Money, &[plan(P::CostPerError)]),
    q("Minutes saved per question answered?", WHY_SAVED, B::Minutes, &[plan(P::MinutesSaved)]),
    q("What does an employee hour cost, loaded?", WHY_HOURLY, B::MoneyPerHour, &[plan(P::LabourHourly)]),
    q("How much of saved time becomes money?", "Salaried minutes saved are not cash until work or rotas change.", B::Percent, &[plan(P::Realization)]),
    BUILD_BUDGET,
    OWNER_FTE,
    UPDATES_A_YEAR,
];

/// Assistant requests a developer makes a working day, and a seat's price.
const REQUESTS_PER_DEVELOPER: f64 = 60.0;
const SEAT_PER_MONTH: f64 = 39.0;

#[rustfmt::skip]
const CODING: &[Question] = &[
    q("How many developers will use it?", WHY_VOLUME, B::Number, &[
        Target { field: Field::Plan(P::RequestsPerDay), factor: REQUESTS_PER_DEVELOPER, per: "60 requests a day each" },
        Target { field: Field::Infra(0, InfraField::Monthly), factor: SEAT_PER_MONTH, per: "a $39 seat each" },
    ]),
    q("Model calls per request (agent steps)?", "Agents call the model several times per task: cost × steps.", B::Number, &[plan(P::CallsPerRequest)]),
    q("How often does a suggestion cost rework?", WHY_ERRORS, B::Percent, &[plan(P::ErrorRate)]),
    q("What does fixing one bad suggestion cost?", WHY_ERROR_COST, B::Money, &[plan(P::CostPerError)]),
    q("Minutes saved per request?", WHY_SAVED, B::Minutes, &[plan(P::MinutesSaved)]),
    q("What does a developer hour cost, loaded?", WHY_HOURLY, B::MoneyPerHour, &[plan(P::LabourHourly)]),
    q("How much of saved time becomes money?", "Faster developers ship more; that is value only if it is used.", B::Percent, &[plan(P::Realization)]),
    q("Months until the whole team uses it?", WHY_RAMP, B::Months, &[plan(P::RampMonths)]),
    q("What does setting it up cost?", WHY_BUILD, B::Money, &[plan(P::BuildCost)]),
    UPDATES_A_YEAR,
    OWNER_FTE,
];

#[rustfmt::skip]
const AGENTIC: &[Question] = &[
    q("How many cases a working day?", WHY_VOLUME, B::PerDay, &[plan(P::RequestsPerDay)]),
    q("Model calls or tool steps per case?", "Each step is a model call: the bill is per step, not per case.", B::Number, &[plan(P::CallsPerRequest)]),
    q("Months to roll it out?", WHY_RAMP, B::Months, &[plan(P::RampMonths)]),
    q("What share of cases does a person review?", WHY_REVIEW, B::Percent, &[plan(P::ReviewPct)]),
    q("How long does one review take?", WHY_MINUTES, B::Minutes, &[plan(P::MinutesPerReview)]),
    q("How often is an outcome wrong?", WHY_ERRORS, B::Percent, &[plan(P::ErrorRate)]),
    q("How fast does the error rate drift, a month?", "Drift: inputs change, quality decays until the next re-tune.", B::Percent, &[plan(P::DriftPerMonth)]),
    q("What does a routine mistake cost?", WHY_ERROR_COST, B::Money,
        &[Target { field: Field::Tier(0, TierField::Cost), factor: 1.0, per: "" }]),
    q("And the worst case, a severe error?", "Rare severe errors can dominate the average error cost.", B::Money,
        &[Target { field: Field::Tier(2, TierField::Cost), factor: 1.0, per: "" }]),
    q("Minutes a person saves per case?", WHY_SAVED, B::Minutes, &[plan(P::MinutesSaved)]),
    q("What does that person's hour cost?", WHY_HOURLY, B::MoneyPerHour, &[plan(P::LabourHourly)]),
    BUILD_BUDGET,
    UPDATES_A_YEAR,
];

#[rustfmt::skip]
const HIGH_STAKES: &[Question] = &[
    q("How many cases a working day?", WHY_VOLUME, B::PerDay, &[plan(P::RequestsPerDay)]),
    q("What share must a qualified person sign?", WHY_REVIEW, B::Percent, &[plan(P::ReviewPct)]),
    q("How long does one sign-off take?", WHY_MINUTES, B::Minutes, &[plan(P::MinutesPerReview)]),
    q("What does a reviewer cost a year, loaded?", WHY_REVIEWER, B::MoneyPerYear, &[plan(P::ReviewerAnnualCost)]),
    q("How often is a draft wrong?", WHY_ERRORS, B::Percent, &[plan(P::ErrorRate)]),
    q("Of wrong drafts, how many do reviewers catch?", WHY_CATCH, B::Percent, &[plan(P::CatchRate)]),
    q("What does an error that gets out cost?", WHY_ERROR_COST, B::Money, &[plan(P::CostPerError)]),
    q("How often does today's process get it wrong?", WHY_BASELINE, B::Percent, &[plan(P::BaselineErrorRate)]),
    q("Minutes saved per case?", WHY_SAVED, B::Minutes, &[plan(P::MinutesSaved)]),
    q("What does a professional hour cost?", WHY_HOURLY, B::MoneyPerHour, &[plan(P::LabourHourly)]),
    BUILD_BUDGET,
    q("What does re-validating a model change cost?", WHY_UPDATES, B::Money, &[plan(P::RetuneCost)]),
    OWNER_FTE,
];

/// Audio prices per minute (per thousand calls × 1,000): speech-to-text on
/// the whole call, text-to-speech on the half the agent speaks, telephony.
const STT_PER_MINUTE: f64 = 6.0 / 1000.0;
const TTS_PER_MINUTE: f64 = 15.0 / 1000.0;
const PHONE_PER_MINUTE: f64 = 8.5 / 1000.0;

#[rustfmt::skip]
const VOICE: &[Question] = &[
    q("How many calls a day?", WHY_VOLUME, B::PerDay, &[plan(P::RequestsPerDay)]),
    q("How long is a typical call, in minutes?", "Speech is billed per minute: call length drives three lines.", B::Minutes, &[
        Target { field: Field::Infra(0, InfraField::PerThousand), factor: STT_PER_MINUTE * 1000.0, per: "$6 STT per 1,000 call-minutes" },
        Target { field: Field::Infra(1, InfraField::PerThousand), factor: TTS_PER_MINUTE * 500.0, per: "$7.50 TTS (agent speaks half)" },
        Target { field: Field::Infra(2, InfraField::PerThousand), factor: PHONE_PER_MINUTE * 1000.0, per: "$8.50 telephony" },
    ]),
    q("How many turns in a call?", "Each turn is a model call: cost × turns.", B::Number, &[plan(P::CallsPerRequest)]),
    q("How fast are calls growing, per month?", WHY_GROWTH, B::Percent, &[plan(P::MonthlyGrowth)]),
    q("What share of calls does QA listen to?", WHY_REVIEW, B::Percent, &[plan(P::ReviewPct)]),
    q("How long does QA take per call?", WHY_MINUTES, B::Minutes, &[plan(P::MinutesPerReview)]),
    q("How often does a call go wrong?", WHY_ERRORS, B::Percent, &[plan(P::ErrorRate)]),
    q("What does a call gone wrong cost?", WHY_ERROR_COST, B::Money, &[plan(P::CostPerError)]),
    q("Minutes of an agent saved per call?", WHY_SAVED, B::Minutes, &[plan(P::MinutesSaved)]),
    q("What does an agent hour cost, loaded?", WHY_HOURLY, B::MoneyPerHour, &[plan(P::LabourHourly)]),
    BUILD_BUDGET,
];

/// The questions of the template called `name` (empty for none).
pub fn for_use_case(name: &str) -> &'static [Question] {
    match name {
        "support" => SUPPORT,
        "documents" => DOCUMENTS,
        "knowledge-search" => KNOWLEDGE,
        "coding-assistant" => CODING,
        "agentic-workflow" => AGENTIC,
        "high-stakes-review" => HIGH_STAKES,
        "voice-agent" => VOICE,
        _ => &[],
    }
}

/// Every input path the questions of `name` set.
pub fn asked_paths(name: &str) -> Vec<String> {
    for_use_case(name).iter().flat_map(|q| q.paths()).collect()
}
