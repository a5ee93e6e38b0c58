//! The version-2 inputs of a plan and the format version it is written as.

use super::{Build, Change, Oversight, Retrieval, Risk, Value, Workload};
use super::{ModelEntry, Scenario, default_currency, default_horizon};
use crate::model::pricing::Pricing;

impl Scenario {
    /// A minimal valid plan: one priced model, everything else at its default.
    /// Used for new plans and as a base in tests. It uses no version-2 field,
    /// so it is a version-1 plan.
    pub fn minimal(name: &str, model: ModelEntry) -> Self {
        Scenario {
            version: 1,
            name: name.to_string(),
            client: String::new(),
            notes: String::new(),
            currency: default_currency(),
            horizon_months: default_horizon(),
            start: None,
            workload: Workload::default(),
            models: vec![model],
            retrieval: Retrieval::default(),
            infrastructure: Vec::new(),
            build: Build::default(),
            oversight: Oversight::default(),
            risk: Risk::default(),
            change: Change::default(),
            value: Value::default(),
            sources: Vec::new(),
            uncertainty: Vec::new(),
        }
    }

    /// Every version-2 input of this plan (spec §5) with whether it is set to a
    /// non-default value, in file order. The one list behind the version a
    /// plan is written as, the error for a version-2 field in a version-1 file,
    /// and the version-2 paths a `sources` entry may name.
    pub fn v2_inputs(&self) -> Vec<(String, bool)> {
        let w = &self.workload;
        let mut v = vec![
            (
                "workload.calls_per_request".to_string(),
                w.calls_per_request != 1.0,
            ),
            ("workload.ramp_months".to_string(), w.ramp_months != 0),
            (
                "workload.ramp_start_pct".to_string(),
                w.ramp_start_pct != 0.0,
            ),
        ];
        for (i, m) in self.models.iter().enumerate() {
            v.push((
                format!("models[{i}].error_rate_pct"),
                m.error_rate_pct.is_some(),
            ));
            v.push((format!("models[{i}].token_factor"), m.token_factor != 1.0));
            if let Some(Pricing::SelfHosted(h)) = &m.pricing {
                let q = format!("models[{i}].pricing");
                v.push((format!("{q}.peak_to_average"), h.peak_to_average != 1.0));
                v.push((format!("{q}.gpus_per_replica"), h.gpus_per_replica != 1));
                v.push((format!("{q}.spare_replicas"), h.spare_replicas != 0));
            }
        }
        v.push(("build.months".to_string(), self.build.months != 0));
        let r = &self.risk;
        v.push((
            "risk.drift_pct_per_month".to_string(),
            r.drift_pct_per_month != 0.0,
        ));
        v.push(("risk.error_costs".to_string(), !r.error_costs.is_empty()));
        for j in 0..r.error_costs.len() {
            v.push((format!("risk.error_costs[{j}].share_pct"), true));
            v.push((format!("risk.error_costs[{j}].cost"), true));
        }
        let val = &self.value;
        v.push((
            "value.baseline_error_rate_pct".to_string(),
            val.baseline_error_rate_pct != 0.0,
        ));
        v.push((
            "value.realization_pct".to_string(),
            val.realization_pct != 100.0,
        ));
        v.push((
            "value.discount_rate_pct_per_year".to_string(),
            val.discount_rate_pct_per_year != 0.0,
        ));
        v.push(("sources".to_string(), !self.sources.is_empty()));
        v
    }

    /// The version-2 inputs set to a non-default value (their paths); the
    /// error tiers count once, as `risk.error_costs`.
    pub fn v2_fields_set(&self) -> Vec<String> {
        self.v2_inputs()
            .into_iter()
            .filter(|(p, set)| *set && !p.starts_with("risk.error_costs["))
            .map(|(p, _)| p)
            .collect()
    }

    /// The format version this plan is written as: 1 unless it sets a
    /// version-2 field, so older runcosts keep reading version-1 plans.
    pub fn format_version(&self) -> u32 {
        if self.v2_fields_set().is_empty() {
            1
        } else {
            2
        }
    }
}
