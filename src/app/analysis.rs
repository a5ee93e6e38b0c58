//! Exporting the client report. (The analysis views — tornado, break-even,
//! presentation — are modes: `modes/tornado.rs`, `modes/panel.rs`.)

use std::path::PathBuf;

use super::{App, Effect, StatusKind, slug};

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
