//! Why an answer was not heard, or not taken: the sentence said back under
//! the answer line (`heard 45 %: this question asks …`).

/// The interview's refusal of an answer, as the sentence it shows.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{0}")]
pub struct NotHeard(pub String);

impl From<String> for NotHeard {
    fn from(sentence: String) -> Self {
        NotHeard(sentence)
    }
}

impl From<&str> for NotHeard {
    fn from(sentence: &str) -> Self {
        NotHeard(sentence.to_string())
    }
}

impl From<NotHeard> for String {
    fn from(refusal: NotHeard) -> Self {
        refusal.0
    }
}

/// The sentence, to search or show as text.
impl std::ops::Deref for NotHeard {
    type Target = str;
    fn deref(&self) -> &str {
        &self.0
    }
}
