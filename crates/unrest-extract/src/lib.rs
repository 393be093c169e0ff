//! Automatic event coding for unrest: from a report's text to the coded
//! events of `codebook.md`, each field with the span of text it was read
//! from. Pure: no I/O, no global state beyond the embedded lexicon and
//! gazetteer.
//!
//! ```no_run
//! use unrest_extract::{Extractor, format_table};
//! # fn demo(report: &unrest_codebook::Report) {
//! let x = Extractor::with_embedded();
//! let events = x.extract(report);
//! print!("{}", format_table(&events));
//! # }
//! ```
//!
//! How it works (see docs/EXTRACTION.md): the report is split into the part
//! to code (the Chinese half of a bilingual bulletin), paragraphs and
//! sentences; one pass of the lexicon's automaton finds every term; dates,
//! counts of people and places are read per sentence; sentences that report
//! an action and fix a new date or place start a new event frame; each frame
//! is then coded field by field. The coding rules (terms and weights) are
//! data: [`Lexicon`], read from `lexicon.toml`.
//!
//! Matching runs over a `&str` that has the same characters at the same
//! positions as the report text ([`Extractor::extract_matching`]), so a
//! simplified copy of traditional text can be coded while evidence is cut
//! from the original.

mod dates;
mod demands;
mod evidence;
mod extractor;
mod lexicon;
mod numbers;
mod outcome;
mod place;
mod response;
mod segment;
mod size;
mod split;
mod table;
mod vocab;

pub use lexicon::{EMBEDDED_TOML, Lexicon, LexiconError};
pub use table::format_table;

use unrest_codebook::{Event, Report};
use unrest_gazetteer::Gazetteer;

/// Codes reports into events with one lexicon and the embedded gazetteer.
/// Cheap to share across threads (`&self` everywhere).
#[derive(Clone)]
pub struct Extractor {
    lexicon: Lexicon,
    gazetteer: &'static Gazetteer,
}

impl std::fmt::Debug for Extractor {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Extractor").field("lexicon", &self.lexicon).finish()
    }
}

impl Extractor {
    /// An extractor with these coding rules.
    pub fn new(lexicon: Lexicon) -> Self {
        Extractor {
            lexicon,
            gazetteer: Gazetteer::embedded(),
        }
    }

    /// An extractor with the lexicon compiled into the binary.
    pub fn with_embedded() -> Self {
        Self::new(Lexicon::embedded().clone())
    }

    /// The lexicon in use (its `version()` is worth recording with events).
    pub fn lexicon(&self) -> &Lexicon {
        &self.lexicon
    }

    /// The coded events of one report: primary events first in text order,
    /// with the mentioned (background) ones among them in text order.
    /// Evidence offsets are character offsets into `report.text`.
    ///
    /// Traditional and mixed-script text is matched through its simplified
    /// copy ([`unrest_script::to_simplified`], same characters at the same
    /// positions), so lexicon entries written once in simplified Chinese
    /// match both scripts while evidence is cut from the text as written.
    pub fn extract(&self, report: &Report) -> Vec<Event> {
        let matching = unrest_script::to_simplified(&report.text);
        self.extract_matching(report, &matching)
    }

    /// Like [`Extractor::extract`], matching over `matching`: a text with the
    /// same characters at the same positions as `report.text` (for example a
    /// simplified copy of traditional text). Evidence is still cut from
    /// `report.text`. A `matching` text of another length is ignored.
    pub fn extract_matching(&self, report: &Report, matching: &str) -> Vec<Event> {
        extractor::extract(report, matching, &self.lexicon, self.gazetteer)
    }

    /// A plain-text trace of how the report was read: each sentence with its
    /// action weight and cues, the dates and places found, and the frames
    /// (events) it was split into. For lexicon authors and bug reports.
    pub fn explain(&self, report: &Report) -> String {
        extractor::explain(report, &report.text, &self.lexicon, self.gazetteer)
    }
}
