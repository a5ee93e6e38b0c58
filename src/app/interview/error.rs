//! Why an answer was not heard, or not taken: the sentence said back under
//! the answer line (`heard 45 %: this question asks …`).

crate::app::sentence::sentence! {
    /// The interview's refusal of an answer, as the sentence it shows.
    NotHeard
}

/// A figure the workbench's number parser refused, said back as is.
impl From<crate::app::entry::BadEntry> for NotHeard {
    fn from(refusal: crate::app::entry::BadEntry) -> Self {
        NotHeard(refusal.0)
    }
}
