//! Exporting the client report, and feeding the analysis views — tornado,
//! break-even, presentation (modes: `modes/tornado.rs`, `modes/panel.rs`) —
//! the study each waits for.

use std::path::PathBuf;

use super::session::{Findings, Study};
use super::{App, Effect, Mode, StatusKind, slug};

impl App {
    /// `e`: write the client report (Markdown and HTML) next to the plan.
    pub(super) fn export(&mut self) -> Vec<Effect> {
        let doc = &self.session.active();
        let base = match &doc.path {
            Some(p) => p.with_file_name(format!(
                "{}-report",
                p.file_stem()
                    .map_or("plan".into(), |s| s.to_string_lossy().into_owned())
            )),
            None => {
                let file = format!("{}-report", slug(&doc.plan.name));
                self.plans_dir
                    .clone()
                    .map_or(PathBuf::from(&file), |d| d.join(file))
            }
        };
        let plan = Box::new(doc.plan.clone());
        self.say(StatusKind::Info, "writing the client report…");
        vec![Effect::Export { plan, base }]
    }
}

impl App {
    /// The study the open mode is waiting for.
    fn awaited(&self) -> Option<Study> {
        match self.mode() {
            Mode::Tornado(t) if t.computing => Some(Study::Sensitivity(self.metric)),
            Mode::Present(p) if p.computing => Some(Study::Sensitivity(self.metric)),
            Mode::Breakeven(b) if b.computing => Some(Study::Breakeven),
            _ => None,
        }
    }

    /// After each message: asks the runtime for the study the open mode
    /// waits for (inline analysis computes it here), and fills the mode in
    /// once the findings of the plan as it is now are there.
    pub(super) fn serve_studies(&mut self, effects: &mut Vec<Effect>) {
        let Some(study) = self.awaited() else {
            return;
        };
        if let Some((doc, generation, plan)) = self.session.want_study(study, &self.catalog) {
            effects.push(Effect::Study {
                doc,
                generation,
                plan,
                study,
            });
        }
        let Some(found) = self.session.findings(study) else {
            return;
        };
        match found {
            Findings::Sensitivity(_, swings) => {
                if let Some(t) = self.mode.tornado() {
                    t.swings = swings.clone();
                    t.computing = false;
                } else if let Some(p) = self.mode.present() {
                    p.top = swings.iter().take(5).cloned().collect();
                    p.computing = false;
                }
            }
            Findings::Breakeven(text) => {
                if let Some(b) = self.mode.breakeven() {
                    b.text = text.clone();
                    b.computing = false;
                }
            }
        }
    }
}
