//! Files on disk: opening plans, atomic saves, the user's catalog, platform
//! paths, recovery copies, the plan folders. What the files say is read and
//! written by the pure codecs in `codec`.

pub mod actuals;
pub mod atomic;
pub mod catalog;
pub mod paths;
pub mod plans;
pub mod read;
pub mod recovery;
pub mod temps;
pub mod use_cases;

pub use atomic::{SaveError, save_atomic};
