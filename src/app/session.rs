//! The open plans and what is derived from each: a `Session` holds, per plan,
//! the `Document` (the plan, its file, its undo history) and its `Derived`
//! data (projection, problems, price changes, retirements, the uncertainty
//! band), with a record of which plan revision each was computed for.
//!
//! Nothing is recomputed unless the plan changed: `refresh` brings the cheap
//! figures of every open plan up to date (a no-op when none changed), so
//! folding, scrolling, focus and mode changes cost nothing. The expensive
//! analysis (the Monte Carlo band) is not computed here on the key path: the
//! app asks the runtime for it (`Effect::Analyse`), which runs it on a worker
//! thread and answers with `Msg::Analysed`; until then the band is shown as
//! updating, without figures (the previous band belongs to another plan).
//! Without a runtime (tests) it can be run inline.
//!
//! The sensitivity and break-even studies a mode asks for go the same way
//! (`studies.rs`).
//!
//! Plans are named by a stable [`DocId`], never by their position, so an
//! answer about a plan (a save, an analysis) still finds it after others
//! were opened or closed.

mod on_disk;
mod studies;

pub use on_disk::OnDisk;
pub use studies::{Findings, Studies, Study, study};

use super::document::Document;
use crate::model::analysis::uncertainty::{Simulation, simulate};
use crate::model::prices::{PriceChange, Retirement, YearMonth};
use crate::model::{Catalog, Invalid, Projection, Scenario, project_into, validate};

/// Draws of the band shown in the workbench: the reports' (one constant).
pub const BAND_DRAWS: usize = crate::model::analysis::uncertainty::DRAWS;
/// The seed of the band, so the same plan always shows the same band.
pub const BAND_SEED: u64 = crate::model::analysis::uncertainty::SEED;

/// A plan's identity for as long as it is open; never reused in a process.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct DocId(pub u64);

/// The month `plan` starts: its own `start`, else `today`
/// (`model::prices::plan_start`); without a clock (tests) only its own.
pub fn start_of(plan: &Scenario, today: Option<YearMonth>) -> Option<YearMonth> {
    match today {
        Some(today) => Some(crate::model::prices::plan_start(plan, today)),
        None => crate::model::prices::own_start(plan),
    }
}

/// The band of `plan` (what the worker thread runs; `None` without ranges).
pub fn analyse(plan: &Scenario) -> Option<Simulation> {
    (!plan.uncertainty.is_empty()).then(|| simulate(plan, BAND_DRAWS, BAND_SEED))
}

/// What is derived from one plan, and for which revision of it.
#[derive(Debug, Default)]
pub struct Derived {
    pub projection: Projection,
    pub problems: Vec<Invalid>,
    /// Pricing snapshots that differ from the catalog.
    pub price_changes: Vec<PriceChange>,
    /// Models retired within the horizon.
    pub retirements: Vec<Retirement>,
    /// Models billed at a catalog price that has ended by then.
    pub ended_prices: Vec<crate::model::dated::EndedPrice>,
    /// P10/P50/P90 of the TCO when the plan gives ranges; while `updating`,
    /// the band of an earlier revision, which [`Derived::band`] never gives.
    simulation: Option<Simulation>,
    /// The revision `projection` and `problems` are of.
    figures_of: Option<u64>,
    /// The revision and start month the price findings are of.
    prices_of: Option<(u64, Option<YearMonth>)>,
    /// The revision `simulation` is of.
    simulated: Option<u64>,
    /// The revision whose band was asked of the runtime.
    requested: Option<u64>,
    computations: u64,
    analyses: u64,
    /// The tornado's sensitivity and the break-even findings (`studies.rs`).
    studies: Studies,
}

impl Derived {
    /// How many times the figures (projection and validation) were computed.
    pub fn computations(&self) -> u64 {
        self.computations
    }

    /// How many bands were computed here, on the key path (inline analysis).
    pub fn inline_analyses(&self) -> u64 {
        self.analyses
    }

    /// How many studies (sensitivity, break-even) were computed here, on
    /// the key path (inline analysis).
    pub fn inline_studies(&self) -> u64 {
        self.studies.inline()
    }

    /// The band of an older revision (or none) is all there is, and the
    /// band of `doc` as it is now is on its way.
    pub fn updating(&self, doc: &Document) -> bool {
        !doc.plan.uncertainty.is_empty() && self.simulated != Some(doc.revision)
    }

    /// The band of `doc` as it is now; `None` without ranges and while it
    /// is being computed (an earlier revision's band is never handed out).
    pub fn band(&self, doc: &Document) -> Option<&Simulation> {
        if self.simulated == Some(doc.revision) {
            self.simulation.as_ref()
        } else {
            None
        }
    }
}

/// One open plan.
pub struct Open {
    pub id: DocId,
    pub doc: Document,
    pub derived: Derived,
    /// Saves under way: the revision written and the plan as written (kept
    /// here, not sent to the runtime and back).
    saving: Vec<(u64, Scenario)>,
    /// A newer version of its file, not yet reloaded or declined (`on_disk.rs`).
    on_disk: Option<OnDisk>,
}

/// How the band is computed.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Analysis {
    /// On the spot, during `refresh` (no runtime: tests, tools).
    Inline,
    /// By the runtime's worker thread, asked for with `Effect::Analyse`.
    Background,
}

/// The open plans (at least one) and which one is being edited.
pub struct Session {
    open: Vec<Open>,
    active: usize,
    next_id: u64,
    pub analysis: Analysis,
}

impl Session {
    pub fn new(doc: Document) -> Self {
        let mut s = Session {
            open: Vec::new(),
            active: 0,
            next_id: 1,
            analysis: Analysis::Inline,
        };
        s.push(doc);
        s
    }

    pub fn len(&self) -> usize {
        self.open.len()
    }

    /// Never true: the last plan stays open.
    pub fn is_empty(&self) -> bool {
        self.open.is_empty()
    }

    /// The position of the plan being edited.
    pub fn active_index(&self) -> usize {
        self.active
    }

    /// Makes plan `i` the one being edited (ignored when out of range).
    pub fn set_active(&mut self, i: usize) {
        if i < self.open.len() {
            self.active = i;
        }
    }

    pub fn active(&self) -> &Document {
        &self.open[self.active].doc
    }

    pub fn active_mut(&mut self) -> &mut Document {
        &mut self.open[self.active].doc
    }

    pub fn active_id(&self) -> DocId {
        self.open[self.active].id
    }

    pub fn active_derived(&self) -> &Derived {
        &self.open[self.active].derived
    }

    pub fn get(&self, i: usize) -> &Document {
        &self.open[i].doc
    }

    pub fn get_mut(&mut self, i: usize) -> &mut Document {
        &mut self.open[i].doc
    }

    pub fn derived(&self, i: usize) -> &Derived {
        &self.open[i].derived
    }

    pub fn projection(&self, i: usize) -> &Projection {
        &self.open[i].derived.projection
    }

    pub fn id(&self, i: usize) -> DocId {
        self.open[i].id
    }

    /// Where plan `id` is now, if it is still open.
    pub fn index_of(&self, id: DocId) -> Option<usize> {
        self.open.iter().position(|o| o.id == id)
    }

    /// Plan `id`, if it is still open.
    pub fn by_id(&self, id: DocId) -> Option<&Document> {
        self.open.iter().find(|o| o.id == id).map(|o| &o.doc)
    }

    pub fn docs(&self) -> impl Iterator<Item = &Document> {
        self.open.iter().map(|o| &o.doc)
    }

    pub fn projections(&self) -> impl Iterator<Item = &Projection> {
        self.open.iter().map(|o| &o.derived.projection)
    }

    /// Opens `doc` after the others and returns its position (its derived
    /// data is computed at the next `refresh`).
    pub fn push(&mut self, doc: Document) -> usize {
        let id = DocId(self.next_id);
        self.next_id += 1;
        self.open.push(Open {
            id,
            doc,
            derived: Derived::default(),
            saving: Vec::new(),
            on_disk: None,
        });
        self.open.len() - 1
    }

    /// Closes plan `i` (never the last one) and returns it; the active plan
    /// stays the same one when it is not the one closed.
    pub fn remove(&mut self, i: usize) -> Option<Document> {
        if self.open.len() <= 1 || i >= self.open.len() {
            return None;
        }
        let gone = self.open.remove(i);
        if self.active >= self.open.len() || self.active > i {
            self.active = self.active.saturating_sub(1);
        }
        Some(gone.doc)
    }

    /// Replaces every open plan with `docs` (at least one), the first active.
    pub fn replace_all(&mut self, docs: Vec<Document>) {
        if docs.is_empty() {
            return;
        }
        self.open.clear();
        self.active = 0;
        for d in docs {
            self.push(d);
        }
    }

    /// Brings what is derived from every open plan up to date; only what is
    /// stale is computed. With inline analysis, the active plan's band too.
    pub fn refresh(&mut self, catalog: &Catalog, start_default: Option<YearMonth>) {
        let inline = self.analysis == Analysis::Inline;
        for (i, o) in self.open.iter_mut().enumerate() {
            let (doc, d) = (&o.doc, &mut o.derived);
            if d.figures_of != Some(doc.revision) {
                project_into(&doc.plan, &mut d.projection);
                d.problems = validate(&doc.plan);
                d.figures_of = Some(doc.revision);
                d.computations += 1;
            }
            let start = start_of(&doc.plan, start_default);
            if d.prices_of != Some((doc.revision, start)) {
                d.price_changes = crate::model::prices::snapshot_changes(&doc.plan, catalog, start);
                (d.retirements, d.ended_prices) = match start {
                    Some(start) => (
                        crate::model::prices::retirements(&doc.plan, catalog, start),
                        crate::model::dated::ended_prices(&doc.plan, catalog, start),
                    ),
                    None => (Vec::new(), Vec::new()),
                };
                d.prices_of = Some((doc.revision, start));
            }
            if doc.plan.uncertainty.is_empty() {
                d.simulation = None;
                d.simulated = Some(doc.revision);
            } else if inline && i == self.active && d.simulated != Some(doc.revision) {
                d.simulation = analyse(&doc.plan);
                d.simulated = Some(doc.revision);
                d.analyses += 1;
            }
        }
    }

    /// The band the runtime should compute now: the active plan's, when it
    /// is stale and not yet asked for (background analysis only). Marks it
    /// asked for.
    pub fn wanted_analysis(&mut self) -> Option<(DocId, u64, Box<Scenario>)> {
        if self.analysis != Analysis::Background {
            return None;
        }
        let o = &mut self.open[self.active];
        let rev = o.doc.revision;
        if o.doc.plan.uncertainty.is_empty()
            || o.derived.simulated == Some(rev)
            || o.derived.requested == Some(rev)
        {
            return None;
        }
        o.derived.requested = Some(rev);
        Some((o.id, rev, Box::new(o.doc.plan.clone())))
    }

    /// A band arrived: kept when it is of the plan as it is now, dropped
    /// when the plan changed since (a newer one is on its way) or closed.
    pub fn analysed(&mut self, id: DocId, generation: u64, simulation: Option<Simulation>) -> bool {
        let Some(o) = self.open.iter_mut().find(|o| o.id == id) else {
            return false;
        };
        if o.doc.revision != generation {
            return false;
        }
        o.derived.simulation = simulation;
        o.derived.simulated = Some(generation);
        true
    }

    /// Notes that plan `i` is being written as it is now.
    pub(super) fn saving(&mut self, i: usize) -> u64 {
        let o = &mut self.open[i];
        let rev = o.doc.revision;
        if !o.saving.iter().any(|(r, _)| *r == rev) {
            o.saving.push((rev, o.doc.plan.clone()));
        }
        rev
    }

    /// A save of plan `id` at revision `generation` finished: the plan as
    /// written (`None` when the plan is no longer open or not being saved).
    pub(super) fn saved(&mut self, id: DocId, generation: u64) -> Option<(usize, Scenario)> {
        let i = self.index_of(id)?;
        let o = &mut self.open[i];
        match o.saving.iter().position(|(r, _)| *r == generation) {
            Some(at) => Some((i, o.saving.swap_remove(at).1)),
            // Not noted (a save the app did not ask for): only the plan as
            // it is now is known.
            None => (o.doc.revision == generation).then(|| (i, o.doc.plan.clone())),
        }
    }

    /// A save of plan `id` did not happen: forget what it would have written.
    pub(super) fn not_saved(&mut self, id: DocId, generation: u64) {
        if let Some(i) = self.index_of(id) {
            self.open[i].saving.retain(|(r, _)| *r != generation);
        }
    }

    /// A save of plan `id` was refused (a conflict): none of its saves under
    /// way will report success.
    pub(super) fn saves_refused(&mut self, id: DocId) {
        if let Some(i) = self.index_of(id) {
            self.open[i].saving.clear();
        }
    }
}
