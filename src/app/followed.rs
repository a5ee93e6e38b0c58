//! What following the values did to the plan's ranges, in the words of the
//! Δ line ("range widened to 10–100", "range back to 10–40").

use super::App;
use crate::model::ranges::Followed;

impl App {
    /// One range's change, with the input's name when the change named
    /// another one.
    pub(crate) fn followed_text(&self, f: &Followed, what: &str) -> String {
        let short = |v: f64| crate::numbers::number(v, 6);
        let (field, before, after, back) = match f {
            Followed::Widened {
                field,
                before,
                after,
            } => (field, before, after, false),
            Followed::Narrowed {
                field,
                before,
                after,
                back,
            } => (field, before, after, *back),
            Followed::Dropped { path } => {
                return format!("range on {path} removed: the input no longer applies");
            }
        };
        let label = self.field_label(*field);
        let whose = if what.starts_with(&label) {
            String::new()
        } else {
            format!("{label} ")
        };
        let wider = after.0 < before.0 || after.1 > before.1;
        let narrower = after.0 > before.0 || after.1 < before.1;
        let how = match (back, wider, narrower) {
            (true, ..) => "back to",
            (false, true, false) => "widened to",
            (false, true, true) => "now",
            _ => "narrowed to",
        };
        format!("{whose}range {how} {}–{}", short(after.0), short(after.1))
    }
}
