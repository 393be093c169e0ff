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

pub mod build;
mod context;
mod data;
mod error;
mod format;
mod index;
mod names;
mod resolve;
mod scan;
mod types;

pub use error::GazetteerError;
pub use format::format_mentions;
pub use index::Gazetteer;
pub use types::{Level, Mention, Resolved, Unit};

use std::sync::OnceLock;

/// The compressed gazetteer built by `scripts/gazetteer/build.sh`.
static EMBEDDED: &[u8] = include_bytes!(concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/../../data/gazetteer/gazetteer.bin.zst"
));

impl Gazetteer {
    /// The gazetteer compiled into the binary, decompressed and indexed on
    /// first use; later calls return the same instance.
    pub fn try_embedded() -> Result<&'static Gazetteer, &'static GazetteerError> {
        static G: OnceLock<Result<Gazetteer, GazetteerError>> = OnceLock::new();
        G.get_or_init(|| Gazetteer::from_bytes(EMBEDDED)).as_ref()
    }

    /// As [`Gazetteer::try_embedded`], for callers that cannot act on a
    /// broken build: a gazetteer that fails to load (which the test suite
    /// rules out) is replaced by an empty one that finds nothing.
    pub fn embedded() -> &'static Gazetteer {
        static EMPTY: OnceLock<Gazetteer> = OnceLock::new();
        match Gazetteer::try_embedded() {
            Ok(g) => g,
            Err(_) => EMPTY.get_or_init(Gazetteer::empty),
        }
    }

    /// Every place mention in `text`, in text order and non-overlapping, each
    /// with its candidates and, where the text supports one, its resolution.
    /// Matching looks only at `text`, so a caller may pass a same-length
    /// conversion of the original and reuse the byte offsets.
    pub fn geoparse(&self, text: &str) -> Vec<Mention> {
        resolve::geoparse(self, text)
    }

    /// The unit with this division code (2, 4, 6, 9 or 12 digits) or ISO
    /// 3166-1 alpha-2 country code.
    pub fn unit(&self, code: &str) -> Option<Unit> {
        self.find_code(code).map(|u| self.make_unit(u))
    }

    /// The chain of units from the province down to the unit with this code
    /// (each level that exists); empty when the code is unknown.
    pub fn path(&self, code: &str) -> Vec<Unit> {
        self.find_code(code)
            .map(|u| self.path_of(u).into_iter().map(|p| self.make_unit(p)).collect())
            .unwrap_or_default()
    }
}
