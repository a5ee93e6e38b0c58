//! The guided interview's logic, apart from its keys and screen: the
//! questions of each use-case template, reading the client's answers, and
//! what an answer writes into the plan. Pure: the mode that asks is
//! `app::modes::interview`, the screen `ui::interview`.

pub mod answer;
pub mod questions;
pub mod record;

pub use answer::{Basis, Reading, read};
pub use questions::{Question, Target, asked_paths, for_use_case};
pub use record::Given;
