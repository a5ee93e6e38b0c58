//! The analyses a mode asks for when it opens: the sensitivity of the plan at
//! ±`TORNADO_PCT` (the tornado, presentation mode's top drivers) and the
//! break-even findings (`B`). Like the band, they are not computed on the key
//! path: the app asks the runtime (`Effect::Study`), the worker thread answers
//! (`Msg::Studied`), and an answer about an older revision is dropped. The
//! findings are kept with the revision they are of, so opening the same view
//! again on an unchanged plan shows them at once. Without a runtime (tests,
//! tools) `Analysis::Inline` computes them on the spot.

use super::{Analysis, DocId, Session};
use crate::model::analysis::breakeven as be;
use crate::model::analysis::metric::Metric;
use crate::model::analysis::sensitivity::{Swing, TORNADO_PCT, sensitivity_on};
use crate::model::{Catalog, Scenario};

/// An analysis a mode waits for.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Study {
    /// Each input moved ±`TORNADO_PCT`, largest swing first, read on the
    /// metric (only the inputs that move it).
    Sensitivity(Metric),
    /// Where self-hosting breaks even and how soon the plan pays back, as text.
    Breakeven,
}

/// What a study found.
#[derive(Debug, Clone, PartialEq)]
pub enum Findings {
    Sensitivity(Metric, Vec<Swing>),
    Breakeven(String),
}

impl Findings {
    pub fn study(&self) -> Study {
        match self {
            Findings::Sensitivity(m, _) => Study::Sensitivity(*m),
            Findings::Breakeven(_) => Study::Breakeven,
        }
    }
}

/// Runs `study` on `plan` (what the worker thread does; inline in tests).
pub fn study(plan: &Scenario, catalog: &Catalog, study: Study) -> Findings {
    match study {
        Study::Sensitivity(metric) => Findings::Sensitivity(
            metric,
            sensitivity_on(plan, TORNADO_PCT, metric)
                .into_iter()
                .filter(|w| w.swing > 0.0)
                .collect(),
        ),
        Study::Breakeven => Findings::Breakeven(crate::report::breakeven::breakeven_text(
            plan,
            &be::hosting(plan, catalog),
            be::minutes_to_pay_back(plan),
            None,
        )),
    }
}

/// One plan's studies: the latest findings of each, with their revision.
#[derive(Debug, Default)]
pub struct Studies {
    found: Vec<(u64, Findings)>,
    /// (study, revision) asked of the runtime and not yet answered.
    requested: Vec<(Study, u64)>,
    inline: u64,
}

impl Studies {
    /// How many studies were computed here, on the key path (inline).
    pub fn inline(&self) -> u64 {
        self.inline
    }

    /// The findings of `study` for `revision`, if they are known.
    pub fn of(&self, study: Study, revision: u64) -> Option<&Findings> {
        self.found
            .iter()
            .find(|(r, f)| *r == revision && f.study() == study)
            .map(|(_, f)| f)
    }

    fn keep(&mut self, revision: u64, findings: Findings) {
        let study = findings.study();
        self.found.retain(|(_, f)| f.study() != study);
        self.requested.retain(|(s, _)| *s != study);
        self.found.push((revision, findings));
    }
}

impl Session {
    /// Makes sure `study` of the active plan, as it is now, is known or on
    /// its way: inline, it is computed here; in the background, the request
    /// for the runtime is returned (once per revision).
    pub fn want_study(
        &mut self,
        study: Study,
        catalog: &Catalog,
    ) -> Option<(DocId, u64, Box<Scenario>)> {
        let o = &mut self.open[self.active];
        let rev = o.doc.revision;
        let s = &mut o.derived.studies;
        if s.of(study, rev).is_some() {
            return None;
        }
        match self.analysis {
            Analysis::Inline => {
                let found = self::study(&o.doc.plan, catalog, study);
                s.keep(rev, found);
                s.inline += 1;
                None
            }
            Analysis::Background => {
                if s.requested.contains(&(study, rev)) {
                    return None;
                }
                s.requested.retain(|(q, _)| *q != study);
                s.requested.push((study, rev));
                Some((o.id, rev, Box::new(o.doc.plan.clone())))
            }
        }
    }

    /// The findings of `study` for the active plan as it is now, if known.
    pub fn findings(&self, study: Study) -> Option<&Findings> {
        let o = &self.open[self.active];
        o.derived.studies.of(study, o.doc.revision)
    }

    /// A study arrived: kept when it is of the plan as it is now, dropped
    /// when the plan changed since (or was closed).
    pub fn studied(&mut self, id: DocId, generation: u64, findings: Findings) -> bool {
        let Some(o) = self.open.iter_mut().find(|o| o.id == id) else {
            return false;
        };
        if o.doc.revision != generation {
            return false;
        }
        o.derived.studies.keep(generation, findings);
        true
    }
}
