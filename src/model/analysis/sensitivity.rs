//! Sensitivity (a tornado): each numeric driver moved down and up by a share
//! of its value, a horizon figure measured each time (TCO, cash TCO or NPV:
//! [`Metric`]), drivers ranked by swing.

use std::cell::Cell;

pub use super::metric::Metric;
use super::set_keeping_mix;
use crate::model::fields::{Field, ModelField, Section};
use crate::model::pricing::Pricing;
use crate::model::projection::{Projection, project_into};
use crate::model::scenario::{InfraItem, ModelEntry, Scenario};

/// One driver's effect on the metric the tornado is read on (TCO for
/// [`sensitivity`]; `tco_low` and `tco_high` keep their names, which the
/// `sensitivity` command's JSON prints, for every metric).
#[derive(Debug, Clone, PartialEq, serde::Serialize)]
pub struct Swing {
    #[serde(skip)]
    pub field: Field,
    pub path: String,
    pub label: String,
    pub value: f64,
    pub low_value: f64,
    pub high_value: f64,
    /// The metric with the driver moved down / up.
    pub tco_low: f64,
    pub tco_high: f64,
    /// |tco_high − tco_low|.
    pub swing: f64,
}

/// Every numeric input of the plan except the horizon (which changes what TCO
/// measures rather than what it costs).
pub fn drivers(s: &Scenario) -> Vec<Field> {
    drivers_of(s, &Field::all(s))
}

/// [`drivers`] among the inputs `fields` of the plan (its [`Field::all`]).
pub fn drivers_of(s: &Scenario, fields: &[Field]) -> Vec<Field> {
    fields
        .iter()
        .copied()
        .filter(|f| *f != Field::Horizon)
        .filter(|f| f.get(s).is_some())
        // An input left out of the plan is not moved: a model without its
        // own error rate has the plan's (its driver is `risk.error_rate_pct`),
        // and an absent ceiling, team, recall or prefill speed is not a
        // number to take 20 % of. Only a price left at the input price is
        // one (a cached or cache-write price: what the provider bills).
        .filter(|f| {
            !f.falls_back(s)
                || matches!(
                    f,
                    Field::Model(
                        _,
                        ModelField::ApiCached
                            | ModelField::LongCached
                            | ModelField::ApiCacheWrite
                            | ModelField::LongCacheWrite
                    )
                )
        })
        .collect()
}

/// How far the workbench's tornado, presentation mode and the client report
/// move each input, in percent of its value (`runcost sensitivity --pct`
/// defaults to it too).
pub const TORNADO_PCT: f64 = 20.0;

/// Moves each driver by ±`pct` percent of its value (clamped to what the
/// field allows) and ranks the drivers by the TCO swing, largest first.
///
/// Linear in the size of the plan: a driver of one model (or one
/// infrastructure line) re-projects that line alone and sums it with the rest
/// of the base projection, instead of projecting the whole mix per driver.
pub fn sensitivity(s: &Scenario, pct: f64) -> Vec<Swing> {
    sensitivity_on(s, pct, Metric::Tco)
}

/// [`sensitivity`] read on `metric`: cash TCO, or NPV (where the value
/// inputs, minutes saved and realization, move it too). NPV discounts each
/// month, so its drivers re-project the whole plan rather than one line.
pub fn sensitivity_on(s: &Scenario, pct: f64, metric: Metric) -> Vec<Swing> {
    let mut ctx = Context::new(s, metric);
    let mut out: Vec<Swing> = drivers(s)
        .into_iter()
        .filter_map(|f| {
            let v = f.get(s)?;
            // Stay inside the allowed range (percentages ≤ 100, counts whole,
            // every input within its bounds, so every TCO stays finite).
            let clamp = |x: f64| f.range().clamp(x);
            let low = clamp(v * (1.0 - pct / 100.0));
            let high = clamp(v * (1.0 + pct / 100.0));
            // An input that cannot move the TCO (replaced by others, a sole
            // model's share) is flat, not a float's worth of swing.
            let (tco_low, tco_high) = if crate::model::inert::cannot_move(s, f) {
                (ctx.tco, ctx.tco)
            } else {
                (ctx.tco_with(f, low), ctx.tco_with(f, high))
            };
            Some(Swing {
                field: f,
                path: f.path(),
                label: label(s, f),
                value: v,
                low_value: low,
                high_value: high,
                tco_low,
                tco_high,
                swing: (tco_high - tco_low).abs(),
            })
        })
        .collect();
    out.sort_by(|a, b| {
        b.swing
            .total_cmp(&a.swing)
            .then_with(|| a.path.cmp(&b.path))
    });
    out
}

thread_local! {
    static LINES_PROJECTED: Cell<u64> = const { Cell::new(0) };
}

/// Model and infrastructure lines projected by [`sensitivity`] on this thread
/// so far (each for the whole horizon): the measure of its work, which a test
/// checks grows linearly with the plan.
pub fn lines_projected() -> u64 {
    LINES_PROJECTED.with(Cell::get)
}

/// The plan's base projection split into lines, and scratch plans to
/// re-project one line or one global driver in.
struct Context<'a> {
    s: &'a Scenario,
    metric: Metric,
    /// The plan without its notes; a driver is set here and put back after.
    work: Scenario,
    /// The plan with no models and no infrastructure: one line is put in it.
    probe: Scenario,
    out: Projection,
    tco: f64,
    /// Inference and infrastructure over the horizon, in total and per line.
    inference: f64,
    infrastructure: f64,
    model_inference: Vec<f64>,
    infra_cost: Vec<f64>,
    /// Σ inference of the models whose cost is proportional to their share
    /// (API and unpriced), and the ones that are not (whole GPUs).
    proportional: f64,
    hosted: Vec<usize>,
    share_sum: f64,
}

impl<'a> Context<'a> {
    fn new(s: &'a Scenario, metric: Metric) -> Self {
        let work = super::lean(s);
        let mut probe = work.clone();
        probe.models = Vec::new();
        probe.infrastructure = Vec::new();
        let mut ctx = Context {
            s,
            metric,
            work,
            probe,
            out: Projection::default(),
            tco: 0.0,
            inference: 0.0,
            infrastructure: 0.0,
            model_inference: Vec::with_capacity(s.models.len()),
            infra_cost: Vec::with_capacity(s.infrastructure.len()),
            proportional: 0.0,
            hosted: Vec::new(),
            share_sum: s.models.iter().map(|m| m.share_pct).sum(),
        };
        ctx.project_work();
        ctx.tco = metric.of(&ctx.out.totals);
        ctx.inference = ctx.out.totals.inference;
        ctx.infrastructure = ctx.out.totals.infrastructure;
        for (i, m) in s.models.iter().enumerate() {
            let cost = ctx.model_line(m);
            ctx.model_inference.push(cost);
            if matches!(m.pricing, Some(Pricing::SelfHosted(_))) {
                ctx.hosted.push(i);
            } else {
                ctx.proportional += cost;
            }
        }
        for item in &s.infrastructure {
            let cost = ctx.infra_line(item);
            ctx.infra_cost.push(cost);
        }
        ctx
    }

    fn project_work(&mut self) {
        let lines = (self.work.models.len() + self.work.infrastructure.len()) as u64;
        LINES_PROJECTED.with(|c| c.set(c.get() + lines.max(1)));
        project_into(&self.work, &mut self.out);
    }

    /// One model's inference over the horizon, as the full projection has it.
    fn model_line(&mut self, m: &ModelEntry) -> f64 {
        LINES_PROJECTED.with(|c| c.set(c.get() + 1));
        self.probe.models.clear();
        self.probe.models.push(m.clone());
        project_into(&self.probe, &mut self.out);
        self.out.totals.inference
    }

    /// One infrastructure line's cost over the horizon.
    fn infra_line(&mut self, item: &InfraItem) -> f64 {
        LINES_PROJECTED.with(|c| c.set(c.get() + 1));
        self.probe.models.clear();
        self.probe.infrastructure.clear();
        self.probe.infrastructure.push(item.clone());
        project_into(&self.probe, &mut self.out);
        self.probe.infrastructure.clear();
        self.out.totals.infrastructure
    }

    /// The metric with `f` set to `x` (a share moving the others). A
    /// model's or a line's cost is cash and adds up over the months, so TCO
    /// and cash TCO swap that line alone; NPV re-projects the plan.
    fn tco_with(&mut self, f: Field, x: f64) -> f64 {
        let s = self.s;
        let by_line = self.metric != Metric::Npv;
        match (f.section(), f.index()) {
            // A model's own error rate moves the risk cost, not its
            // inference line, and so does a share once models have rates of
            // their own (the plan's rate is their share-weighted mean): those
            // take the whole projection below.
            (Section::Models, Some(i))
                if by_line
                    && i < s.models.len()
                    && !matches!(f, Field::Model(_, ModelField::ErrorRate))
                    && !(matches!(f, Field::Model(_, ModelField::Share))
                        && s.models.iter().any(|m| m.error_rate_pct.is_some())) =>
            {
                if let Field::Model(_, ModelField::Share) = f {
                    return self.tco_with_share(i, x);
                }
                f.set(&mut self.work, x);
                let m = std::mem::replace(&mut self.work.models[i], s.models[i].clone());
                let new = self.model_line(&m);
                self.tco - self.model_inference[i] + new
            }
            // An infrastructure line (a tool's fee shares the section, not
            // the line: it takes the whole projection below).
            (Section::Infrastructure, Some(i))
                if by_line && matches!(f, Field::Infra(..)) && i < s.infrastructure.len() =>
            {
                f.set(&mut self.work, x);
                let item = self.work.infrastructure[i].clone();
                self.work.infrastructure[i].clone_from(&s.infrastructure[i]);
                let new = self.infra_line(&item);
                self.tco - self.infra_cost[i] + new
            }
            (section, _) => {
                set_keeping_mix(&mut self.work, f, x);
                self.project_work();
                let tco = self.metric.of(&self.out.totals);
                // Put the section back as it was.
                let w = &mut self.work;
                match section {
                    Section::Volume | Section::Tokens => w.workload.clone_from(&s.workload),
                    Section::Retrieval => w.retrieval.clone_from(&s.retrieval),
                    Section::Build => w.build.clone_from(&s.build),
                    Section::Oversight => {
                        w.oversight.clone_from(&s.oversight);
                        w.people.clone_from(&s.people);
                    }
                    Section::Risk => w.risk.clone_from(&s.risk),
                    Section::Change => w.change.clone_from(&s.change),
                    Section::Value => w.value.clone_from(&s.value),
                    Section::Horizon => w.horizon_months = s.horizon_months,
                    Section::Models | Section::Infrastructure => {
                        w.models.clone_from(&s.models);
                        w.infrastructure.clone_from(&s.infrastructure);
                        w.workload.tools.clone_from(&s.workload.tools);
                    }
                }
                tco
            }
        }
    }

    /// Model `i`'s share set to `x`, the others scaled to keep the mix at 100
    /// (as [`set_keeping_mix`] does): API costs scale with the share, so their
    /// sum scales as a whole; self-hosted lines are re-projected.
    fn tco_with_share(&mut self, i: usize, x: f64) -> f64 {
        let s = self.s;
        let v = x.clamp(0.0, 100.0);
        let others = self.share_sum - s.models[i].share_pct;
        let scale = if others > 0.0 {
            (100.0 - v) / others
        } else {
            1.0
        };
        let mut m = s.models[i].clone();
        m.share_pct = v;
        let mine = self.model_line(&m);
        let proportional_others = if self.hosted.binary_search(&i).is_ok() {
            self.proportional
        } else {
            self.proportional - self.model_inference[i]
        };
        let mut inference = mine + proportional_others * scale;
        if !self.hosted.is_empty() {
            // All self-hosted lines in one projection, `i` at share 0 (its
            // line is `mine`). Whole GPUs do not scale with the share, so this
            // is the one part that grows with models × self-hosted models.
            let lines = self.hosted.len() as u64;
            LINES_PROJECTED.with(|c| c.set(c.get() + lines));
            self.probe.models.clear();
            for &j in &self.hosted {
                let mut h = s.models[j].clone();
                h.share_pct = if j == i { 0.0 } else { h.share_pct * scale };
                self.probe.models.push(h);
            }
            project_into(&self.probe, &mut self.out);
            inference += self.out.totals.inference;
        }
        self.tco - self.inference + inference
    }
}

/// How the tornado and the reports name input `f` of plan `s`
/// ("gpt-5.4-mini: share of traffic", "Requests per day", "Severity tier
/// legal: cost per error"): see [`Field::label_in`].
pub fn label_of(s: &Scenario, f: Field) -> String {
    f.label_in(s)
}

fn label(s: &Scenario, f: Field) -> String {
    f.label_in(s)
}
