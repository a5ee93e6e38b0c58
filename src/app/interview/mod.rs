//! The guided interview's logic, apart from its keys and screen: the
//! questions of each use-case template, reading the client's answers, and
//! what an answer writes into the plan. Pure: the mode that asks is
//! `app::modes::interview`, the screen `ui::interview`.
//!
//! An answer is read in steps, each a module: [`tokens`] cuts it into
//! numbers and words, [`figures`] gives each number the words next to it,
//! [`answer`] reads what is left (and the answers without a figure),
//! `joins` makes one reading of the figures, `around` reads their sign and
//! the units said away from them, [`convert`] puts them in the question's
//! unit; [`words`] and [`phrases`] hold every word and phrase they know.

pub mod answer;
mod around;
pub mod convert;
mod error;
pub mod figures;
mod joins;
pub mod nouns;
pub mod phrases;
pub mod questions;
pub mod record;
pub mod tokens;
pub mod words;

pub use answer::{Ask, Basis, Heard, Reading, read};
pub use error::NotHeard;
pub use questions::{Question, Target, asked_paths, for_use_case};
pub use record::{Given, Reply};
