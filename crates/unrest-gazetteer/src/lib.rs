//! The gazetteer of unrest: every administrative division of China down to
//! the village, plus the countries of the world, and a geoparser that finds
//! place mentions in report text and resolves each to the most precise unit
//! the text supports.
//!
//! Researchers need each event placed with an official code and coordinates;
//! reports name places the way people speak ("盖州市北海村", "红河州政府",
//! "Huaiji County"), so the geoparser knows short forms, English forms and
//! the hierarchy that tells namesakes apart. The data is derived from public
//! packages by `scripts/gazetteer/build.sh` and embedded in the binary.
//!
//! Matching works purely on the `&str` it is given and reports byte offsets
//! into it, so a caller can feed a same-length simplified copy of traditional
//! text and map the spans back.

mod error;
mod types;

pub use error::GazetteerError;
pub use types::{Level, Mention, Resolved, Unit};

use std::sync::OnceLock;

/// The loaded gazetteer: units, names and the indexes the geoparser uses.
/// Build it once (see [`Gazetteer::embedded`]) and share it; all lookups take
/// `&self`.
pub struct Gazetteer {
    _private: (),
}

impl Gazetteer {
    /// The gazetteer compiled into the binary, decompressed and indexed on
    /// first use; later calls return the same instance.
    pub fn embedded() -> &'static Gazetteer {
        static G: OnceLock<Gazetteer> = OnceLock::new();
        G.get_or_init(|| Gazetteer { _private: () })
    }

    /// Every place mention in `text`, in text order and non-overlapping, each
    /// with its candidates and, where the text supports one, its resolution.
    pub fn geoparse(&self, _text: &str) -> Vec<Mention> {
        Vec::new()
    }

    /// The unit with this division code (2, 4, 6, 9 or 12 digits) or ISO
    /// 3166-1 alpha-2 country code.
    pub fn unit(&self, _code: &str) -> Option<Unit> {
        None
    }

    /// The chain of units from the province down to the unit with this code
    /// (each level that exists); empty when the code is unknown.
    pub fn path(&self, _code: &str) -> Vec<Unit> {
        Vec::new()
    }
}

/// A human-readable table of mentions (span, text, level, code, path), for
/// `unrest geo` and for bug reports.
pub fn format_mentions(_text: &str, _mentions: &[Mention]) -> String {
    String::new()
}
