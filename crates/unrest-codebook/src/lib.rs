//! The contract of unrest: the event record of `codebook.md` as Rust types.
//!
//! Every other crate speaks in these types. JSON in and out uses exactly the
//! documented keys and vocabulary codes; anything else is rejected with an
//! error that names the field and the value. This crate does no I/O.

mod date;
mod error;
mod event;
mod report;
mod vocab;

pub use date::{DatePrecision, PartialDate};
pub use error::CodebookError;
pub use event::{Event, Evidence, GeoPrecision, Outcome, Role};
pub use report::{Lang, Report, Script, content_hash};
pub use vocab::{Group, Issue, Tactic, Target, Vocabulary};

/// The codebook version these types implement; stored with exports so a
/// reader knows which definitions the codes follow.
pub const CODEBOOK_VERSION: &str = "1";
