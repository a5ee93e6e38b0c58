//! Refusals and failures the workbench shows as one sentence (in the status
//! line, under a text box, under the answer line): each its own type, so a
//! signature says which kind of "no" it returns, while the words stay those
//! the user reads.

/// Declares a one-sentence error type: `Display` is the sentence; it is
/// made from and turns back into the `String` it shows, and reads as `str`.
macro_rules! sentence {
    ($(#[$doc:meta])* $name:ident) => {
        $(#[$doc])*
        #[derive(Debug, Clone, Default, PartialEq, Eq, thiserror::Error)]
        #[error("{0}")]
        pub struct $name(pub String);

        impl From<String> for $name {
            fn from(sentence: String) -> Self {
                $name(sentence)
            }
        }

        impl From<&str> for $name {
            fn from(sentence: &str) -> Self {
                $name(sentence.to_string())
            }
        }

        impl From<$name> for String {
            fn from(refusal: $name) -> Self {
                refusal.0
            }
        }

        /// The sentence, to search or show as text.
        impl std::ops::Deref for $name {
            type Target = str;
            fn deref(&self) -> &str {
                &self.0
            }
        }
    };
}
pub(crate) use sentence;
