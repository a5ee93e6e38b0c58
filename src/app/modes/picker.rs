//! The model picker: the catalog filtered as you type (by id or provider;
//! Tab keeps only models whose context window holds the plan's input),
//! sorted by what the plan would cost with each model, retired models last;
//! Enter puts the model in the mix (replacing one, or added at 0 %) with its
//! price snapshotted — a retired model only after a second Enter.

use ratatui_textarea::TextArea;

use super::super::cursor::ListCursor;
use super::super::keymap::{Key, KeyChord, KeyList};
use super::super::rows::{Group, Row};
use super::super::{App, StatusKind, text};
use super::picker_rank::{self, Candidate};
use super::picker_rate;
use super::{LIST_KEYS, LIST_PAGE, ListAction, Mode, ModeState, Outcome};
use crate::model::currency::Snapshot;
use crate::model::fields::{Field, Section};
use crate::model::{Catalog, ModelEntry};

/// Which mix entry the picker assigns to.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PickTarget {
    Replace(usize),
    Add,
}

pub struct PickerState {
    pub target: PickTarget,
    pub filter: TextArea<'static>,
    /// Indices into `catalog.models` that match the filter, in the order
    /// shown (cheapest for the plan first, retired last).
    pub matches: Vec<usize>,
    pub cursor: ListCursor,
    /// Every catalog model judged for the plan, in catalog order.
    pub judged: Vec<Candidate>,
    /// Only models whose context window holds the plan's input (Tab).
    pub fits_only: bool,
    /// The retired model Enter was pressed on: a second Enter assigns it.
    pub confirm: Option<usize>,
}

/// Whether every word of the filter appears in `hay` (case-insensitive).
pub(crate) fn matches_filter(filter: &TextArea<'static>, hay: &str) -> bool {
    let hay = hay.to_lowercase();
    filter
        .lines()
        .join(" ")
        .to_lowercase()
        .split_whitespace()
        .all(|t| hay.contains(t))
}

impl PickerState {
    fn refilter(&mut self, catalog: &Catalog) {
        self.matches = catalog
            .models
            .iter()
            .enumerate()
            .filter(|(_, m)| matches_filter(&self.filter, &format!("{} {}", m.id, m.provider)))
            .filter(|(i, _)| !self.fits_only || self.judged.get(*i).is_none_or(|j| j.fits_input))
            .map(|(i, _)| i)
            .collect();
        if self.judged.len() == catalog.models.len() {
            picker_rank::sort(&mut self.matches, &self.judged, catalog);
        }
        self.cursor.clamp(self.matches.len());
        self.confirm = None;
    }

    /// Bracketed paste into the filter: the list starts at its top again,
    /// as after typing.
    pub fn paste(&mut self, pasted: &str, catalog: &Catalog) {
        let single = pasted.replace(['\r', '\n'], " ");
        if self.filter.insert_str(single.trim()) {
            self.cursor.selected = 0;
        }
        self.refilter(catalog);
    }
}

impl ModeState for PickerState {
    fn keys(&self, _: &App) -> &'static dyn KeyList {
        &LIST_KEYS
    }

    fn press(&mut self, chord: KeyChord, app: &mut App) -> Outcome {
        if chord == KeyChord::plain(Key::Tab) {
            self.fits_only = !self.fits_only;
            self.refilter(&app.catalog);
            return Outcome::Stay;
        }
        match LIST_KEYS.lookup(chord) {
            Some(ListAction::Cancel) => Outcome::Close,
            Some(ListAction::Move(m)) => {
                self.cursor.go(m, self.matches.len(), LIST_PAGE);
                self.confirm = None;
                Outcome::Stay
            }
            Some(ListAction::Choose) => match self.matches.get(self.cursor.selected) {
                Some(&k) => {
                    let retired = self.judged.get(k).is_some_and(|j| j.retired);
                    if retired && self.confirm != Some(k) {
                        self.confirm = Some(k);
                        return Outcome::Stay;
                    }
                    app.assign_model(self.target, k);
                    Outcome::Close
                }
                None => Outcome::Stay,
            },
            None => {
                if self.filter.input(text::to_input(chord)) {
                    self.cursor.selected = 0;
                }
                self.refilter(&app.catalog);
                Outcome::Stay
            }
        }
    }

    fn pasted(&mut self, text: &str, app: &mut App) {
        self.paste(text, &app.catalog);
    }

    fn list(&mut self) -> Option<(&mut ListCursor, usize)> {
        Some((&mut self.cursor, self.matches.len()))
    }
}

/// Records in the plan's notes at which rate (of which date) a snapshot was
/// converted from the catalog's currency.
fn note_conversion(s: &mut crate::model::Scenario, snap: &Snapshot) {
    if let Some(n) = &snap.note {
        s.notes = crate::model::currency::with_note(&s.notes, n);
    }
}

impl App {
    /// The entry's prices in the active plan's currency (converted at the
    /// catalog's `usd_to` rate when it has one), as the plan's months bill
    /// them: the price in force in its first month and the dated prices after.
    fn snapshot_of(&self, entry: &crate::model::pricing::CatalogModel) -> Snapshot {
        crate::model::dated::entry_snapshot(
            entry,
            &self.doc().plan.currency,
            &self.catalog,
            self.plan_start(),
        )
    }

    pub(crate) fn open_picker(&mut self, target: PickTarget) {
        let judged = picker_rank::judge(
            &self.doc().plan,
            &self.catalog,
            target,
            self.today.as_deref(),
            self.plan_start(),
        );
        let mut p = PickerState {
            target,
            filter: text::single_line(""),
            matches: Vec::new(),
            cursor: ListCursor::default(),
            judged,
            fits_only: false,
            confirm: None,
        };
        p.refilter(&self.catalog);
        if let PickTarget::Replace(i) = target
            && let Some(id) = self.doc().plan.models.get(i).map(|m| m.id.clone())
            && let Some(pos) = p
                .matches
                .iter()
                .position(|&k| self.catalog.models[k].id == id)
        {
            p.cursor.selected = pos;
        }
        self.switch_to(Mode::Picker(p));
    }

    fn assign_model(&mut self, target: PickTarget, k: usize) {
        let entry = self.catalog.models[k].clone();
        let clash = self
            .session
            .active()
            .plan
            .models
            .iter()
            .enumerate()
            .any(|(i, m)| m.id == entry.id && target != PickTarget::Replace(i));
        if clash {
            self.say(
                StatusKind::Warning,
                format!(
                    "{} is already in the mix; adjust its share instead",
                    entry.id
                ),
            );
            return;
        }
        match target {
            PickTarget::Replace(i) => {
                let old = self
                    .session
                    .active()
                    .plan
                    .models
                    .get(i)
                    .map(|m| m.id.clone())
                    .unwrap_or_default();
                let snap = self.snapshot_of(&entry);
                let start = self.start_for(&snap.schedule);
                // The same model again (a fresh price snapshot) keeps its rate.
                let other = entry.id != old;
                let mut rate = None;
                let changed = self.commit(format!("Model {old} → {}", entry.id), |s| {
                    if let Some(m) = s.models.get_mut(i) {
                        m.id = entry.id.clone();
                        m.pricing = Some(snap.pricing.clone());
                        m.schedule = snap.schedule.clone();
                    }
                    if other {
                        rate = Some(picker_rate::apply(s, i, Some(&old), &entry));
                    }
                    if s.start.is_none() {
                        s.start = start;
                    }
                    note_conversion(s, &snap);
                });
                if let (true, Some(rate)) = (changed, rate) {
                    if let Some(ch) = &mut self.last_change {
                        ch.what.push_str(&rate.delta());
                    }
                    let kind = match rate {
                        picker_rate::Rate::Known { .. } => StatusKind::Info,
                        _ => StatusKind::Warning,
                    };
                    self.say(kind, rate.notice(&entry.id));
                }
            }
            PickTarget::Add => {
                let n = self.session.active().plan.models.len();
                self.collapsed
                    .retain(|g| *g != Group::Model(Section::Models));
                let snap = self.snapshot_of(&entry);
                let start = self.start_for(&snap.schedule);
                let mut rate = None;
                self.commit(format!("Added {} to the mix at 0 %", entry.id), |s| {
                    s.models.push(ModelEntry {
                        share_pct: 0.0,
                        schedule: snap.schedule.clone(),
                        ..ModelEntry::sole(entry.id.clone(), Some(snap.pricing.clone()))
                    });
                    rate = Some(picker_rate::apply(s, n, None, &entry));
                    if s.start.is_none() {
                        s.start = start;
                    }
                    note_conversion(s, &snap);
                });
                self.select(Row::Field(Field::ModelShare(n)));
                let rate = rate.map_or(String::new(), |r| format!("; {}", r.notice(&entry.id)));
                self.say(
                    StatusKind::Info,
                    format!("new model at 0 % — give it a share, then b rebalances the rest{rate}"),
                );
            }
        }
    }
}
