//! Saving, opening and replacing plans, and the unsaved-changes question that
//! guards every way of losing work.

use std::path::PathBuf;

use super::{App, BrowserState, DocId, Document, Effect, Failure, Mode, Pending, StatusKind};
use crate::codec::write_plan;
use crate::model::{Scenario, validate};
use crate::store::plans::TEMPLATES;

impl App {
    /// The plans a pending action would lose changes in.
    pub(crate) fn at_risk(&self, then: &Pending) -> Vec<usize> {
        match then {
            Pending::Close(id) => self
                .session
                .index_of(*id)
                .into_iter()
                .filter(|i| self.session.get(*i).is_dirty())
                .collect(),
            _ => (0..self.session.len())
                .filter(|i| self.session.get(*i).is_dirty())
                .collect(),
        }
    }

    /// Runs `then` now, or asks first when it would lose unsaved changes.
    pub(super) fn guard(&mut self, then: Pending) -> Vec<Effect> {
        if self.at_risk(&then).is_empty() {
            self.proceed(then)
        } else {
            self.switch_to(Mode::Confirm(then));
            Vec::new()
        }
    }

    /// The names of the plans the confirm dialog is about.
    pub fn confirm_names(&self, then: &Pending) -> Vec<String> {
        self.at_risk(then)
            .into_iter()
            .map(|i| {
                let d = self.session.get(i);
                d.path
                    .as_ref()
                    .map_or_else(|| d.plan.name.clone(), |p| p.display().to_string())
            })
            .collect()
    }

    pub(super) fn proceed(&mut self, then: Pending) -> Vec<Effect> {
        match then {
            Pending::Quit => vec![Effect::Quit],
            Pending::Open(path) if path.as_os_str().is_empty() => {
                self.switch_to(Mode::Browser(BrowserState::loading()));
                vec![self.scan_plans()]
            }
            Pending::Open(path) => vec![Effect::Open(path)],
            Pending::OpenMany(paths) => vec![Effect::OpenMany(paths)],
            Pending::NewFrom(i) => {
                self.new_from_template(i);
                Vec::new()
            }
            Pending::Interview => {
                self.start_interview(None);
                Vec::new()
            }
            Pending::Close(id) => {
                if let Some(i) = self.session.index_of(id) {
                    self.close_plan(i);
                }
                Vec::new()
            }
        }
    }

    /// Ctrl-S: save the plan being edited where it lives, or ask where.
    pub(super) fn save(&mut self) -> Vec<Effect> {
        if self.session.active().path.is_none() {
            self.open_save_as();
            return Vec::new();
        }
        self.pending_saves = 1;
        self.save_effect(self.session.active_index(), None)
            .into_iter()
            .collect()
    }

    /// The effect that saves plan `i` to `to` (or its own path), or `None`
    /// with a message when it cannot be saved.
    pub(super) fn save_effect(&mut self, i: usize, to: Option<PathBuf>) -> Option<Effect> {
        let doc = self.session.get(i);
        if let Some(problem) = validate(&doc.plan).first() {
            let hint = if problem.path.contains("share_pct") {
                " — press b to rebalance"
            } else {
                ""
            };
            let which = if self.session.len() > 1 {
                format!(" ({})", doc.plan.name)
            } else {
                String::new()
            };
            self.say(
                StatusKind::Error,
                format!("not saved{which}: {problem}{hint}"),
            );
            self.after_save = None;
            self.pending_saves = 0;
            return None;
        }
        let path = to.clone().or_else(|| doc.path.clone())?;
        // A file this plan was not read from or saved to is never overwritten
        // silently: a new plan, a variant, or Save As to another name.
        let create_new =
            doc.never_saved() || to.as_ref().is_some_and(|p| Some(p) != doc.path.as_ref());
        // Check for changes by someone else only when saving over the file
        // this plan came from.
        let expected = if to.as_ref().is_none_or(|p| Some(p) == doc.path.as_ref()) {
            doc.disk_hash
        } else {
            None
        };
        let text = write_plan(&doc.plan);
        let generation = self.session.saving(i);
        Some(Effect::Save {
            doc: self.session.id(i),
            generation,
            path,
            text,
            create_new,
            expected,
        })
    }

    /// Lists the plans on disk, with the folder of the plan being edited.
    pub(super) fn scan_plans(&self) -> Effect {
        let also = self
            .doc()
            .path
            .as_ref()
            .and_then(|p| p.parent())
            .map(|d| {
                if d.as_os_str().is_empty() {
                    PathBuf::from(".")
                } else {
                    d.to_path_buf()
                }
            })
            .into_iter()
            .collect();
        Effect::ScanPlans { also }
    }

    pub(super) fn on_saved(
        &mut self,
        doc: DocId,
        generation: u64,
        path: PathBuf,
        result: Result<(), Failure>,
    ) -> Vec<Effect> {
        match result {
            Ok(()) => {
                if let Some((i, plan)) = self.session.saved(doc, generation) {
                    self.session.get_mut(i).mark_saved(path.clone(), plan);
                }
                self.say(StatusKind::Info, format!("saved {}", path.display()));
                let mut effects = vec![Effect::Remember(path)];
                self.pending_saves = self.pending_saves.saturating_sub(1);
                if self.pending_saves == 0
                    && let Some(then) = self.after_save.take()
                {
                    effects.extend(self.proceed(then));
                }
                effects
            }
            Err(why) => {
                self.session.not_saved(doc, generation);
                self.after_save = None;
                self.pending_saves = 0;
                self.say(
                    StatusKind::Error,
                    format!("not saved: {why} — S saves elsewhere; nothing is lost"),
                );
                Vec::new()
            }
        }
    }

    /// Replaces every open plan with `docs` (at least one).
    pub(super) fn replace_workspace(&mut self, docs: Vec<Document>) {
        if docs.is_empty() {
            return;
        }
        self.session.replace_all(docs);
        self.after_open();
    }

    pub(super) fn on_opened(
        &mut self,
        path: PathBuf,
        result: Result<Box<Scenario>, Failure>,
    ) -> Vec<Effect> {
        match result {
            Ok(plan) => {
                self.replace_workspace(vec![Document::opened(*plan, Some(path.clone()))]);
                self.say(StatusKind::Info, format!("opened {}", path.display()));
                vec![Effect::Remember(path)]
            }
            Err(why) => {
                self.say(StatusKind::Error, why);
                Vec::new()
            }
        }
    }

    pub(super) fn on_opened_many(
        &mut self,
        results: Vec<(PathBuf, Result<Box<Scenario>, Failure>)>,
    ) -> Vec<Effect> {
        if let Some((_, Err(why))) = results.iter().find(|(_, r)| r.is_err()) {
            self.say(StatusKind::Error, format!("nothing opened: {why}"));
            return Vec::new();
        }
        let first = results.first().map(|(p, _)| p.clone());
        let docs = results
            .into_iter()
            .filter_map(|(p, r)| r.ok().map(|plan| Document::opened(*plan, Some(p))))
            .collect();
        self.replace_workspace(docs);
        self.open_compare();
        first.map(Effect::Remember).into_iter().collect()
    }

    pub(super) fn after_open(&mut self) {
        self.switch_to(Mode::Normal);
        self.last_change = None;
        self.table_offset = 0;
        self.refresh();
        self.first_lever();
        self.announce_prices();
    }

    pub(crate) fn new_from_template(&mut self, i: usize) {
        let Some(t) = TEMPLATES.get(i) else {
            return;
        };
        match crate::store::plans::load_template_on(t, &self.catalog, self.start_default) {
            Ok(plan) => {
                self.replace_workspace(vec![Document::unsaved(plan, None)]);
                self.say(
                    StatusKind::Info,
                    format!("new plan from the example {:?}; Ctrl-S saves it", t.name),
                );
            }
            Err(e) => self.say(StatusKind::Error, e.render(t.name)),
        }
    }
}
