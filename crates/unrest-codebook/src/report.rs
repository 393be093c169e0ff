//! A report: one source text (a bulletin entry, a news item, a post).

use crate::PartialDate;
use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};

/// The language(s) a report is written in.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Lang {
    /// Chinese only.
    Zh,
    /// English only.
    En,
    /// A Chinese half and an English half (bulletin pages).
    Bilingual,
}

impl Lang {
    /// The code stored and shown ("zh", "en", "bilingual").
    pub fn code(self) -> &'static str {
        match self {
            Lang::Zh => "zh",
            Lang::En => "en",
            Lang::Bilingual => "bilingual",
        }
    }

    /// Parses a stored code.
    pub fn from_code(s: &str) -> Option<Self> {
        match s {
            "zh" => Some(Lang::Zh),
            "en" => Some(Lang::En),
            "bilingual" => Some(Lang::Bilingual),
            _ => None,
        }
    }
}

/// The writing system of a report's Chinese text, detected at intake (see
/// the `unrest-script` crate) so that matching knows when to read through a
/// simplified copy and pages can say how the report was written.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, Default)]
#[serde(rename_all = "lowercase")]
pub enum Script {
    /// Simplified characters (or only characters both scripts share).
    #[default]
    Simplified,
    /// Traditional characters.
    Traditional,
    /// Both scripts in substantial amounts (a quoted post in the other script).
    Mixed,
    /// No Chinese characters at all (an English-only report).
    Latin,
}

impl Script {
    /// Every value, for pickers and validation.
    pub const ALL: [Script; 4] = [Script::Simplified, Script::Traditional, Script::Mixed, Script::Latin];

    /// The code stored and shown.
    pub fn code(self) -> &'static str {
        match self {
            Script::Simplified => "simplified",
            Script::Traditional => "traditional",
            Script::Mixed => "mixed",
            Script::Latin => "latin",
        }
    }

    /// Parses a stored code.
    pub fn from_code(code: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|s| s.code() == code)
    }

    /// Whether matching needs a simplified copy of the text.
    pub fn needs_conversion(self) -> bool {
        matches!(self, Script::Traditional | Script::Mixed)
    }
}

/// One report as intake found it, before any coding.
///
/// `text` is the report exactly as written in its source; evidence offsets
/// point into it. The per-language titles and bodies are slices of it kept
/// apart so pages can show one language and link the other.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Report {
    /// Headline in Chinese, without its date parentheses or quote marks.
    pub title_zh: Option<String>,
    /// Headline in English, without its date parentheses or quote marks.
    pub title_en: Option<String>,
    /// The Chinese half (headline line excluded).
    pub body_zh: Option<String>,
    /// The English half (headline line excluded).
    pub body_en: Option<String>,
    /// The whole report as written: what extraction reads.
    pub text: String,
    /// Which languages the report has.
    pub lang: Lang,
    /// Which Chinese script the text is written in.
    #[serde(default)]
    pub script: Script,
    /// First day of the date range given in the headline.
    pub start_date: Option<PartialDate>,
    /// Last day of the date range given in the headline.
    pub end_date: Option<PartialDate>,
    /// Publication date, against which relative dates are resolved.
    pub published: Option<PartialDate>,
    /// Where the report was found, if known.
    pub url: Option<String>,
    /// The file it was read from (for messages and provenance).
    pub source: Option<String>,
}

impl Report {
    /// The report's title: Chinese where it has one, else English (the
    /// codebook's `report` key).
    pub fn title(&self) -> &str {
        self.title_zh.as_deref().or(self.title_en.as_deref()).unwrap_or("")
    }

    /// The date relative expressions are resolved against: the publication
    /// date, else the last date of the headline range.
    pub fn reference_date(&self) -> Option<PartialDate> {
        self.published.or(self.end_date).or(self.start_date)
    }

    /// Content hash of the text; two reports with the same hash are the same
    /// report, which makes intake idempotent.
    pub fn content_hash(&self) -> String {
        content_hash(&self.text)
    }
}

/// SHA-256 of the text with surrounding whitespace trimmed and line endings
/// normalised, as lowercase hex.
pub fn content_hash(text: &str) -> String {
    let normalised = text.trim().replace("\r\n", "\n");
    hex::encode(Sha256::digest(normalised.as_bytes()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hash_ignores_outer_whitespace_and_crlf() {
        assert_eq!(content_hash("a\r\nb\n"), content_hash("  a\nb"));
        assert_ne!(content_hash("a b"), content_hash("a  b"));
    }
}
