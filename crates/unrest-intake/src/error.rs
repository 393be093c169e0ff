//! Why a file could not be read as reports.

use thiserror::Error;

/// Why a file could not be turned into reports.
///
/// Every message is one line that starts with the file name (and the line
/// for JSON Lines) and says what to fix, e.g.
/// `reports.jsonl:3: field "published": malformed date "2025-13-01"`, so the
/// command line can print it as is and a volunteer can act on it.
#[derive(Debug, Error, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub enum IntakeError {
    /// The bytes are not UTF-8 (often a GB18030/GBK or UTF-16 export).
    #[error("{file}: not valid UTF-8: {problem} at line {line}, byte {offset} (convert the file to UTF-8)")]
    NotUtf8 {
        /// The file name as given.
        file: String,
        /// 1-based line of the first bad byte.
        line: usize,
        /// 0-based byte offset of the first bad byte.
        offset: usize,
        /// What is wrong there.
        problem: String,
    },
    /// Nothing but whitespace.
    #[error("{file}: empty file")]
    Empty {
        /// The file name as given.
        file: String,
    },
    /// NUL bytes: a binary file, not text.
    #[error("{file}: binary data, not text (NUL byte at line {line})")]
    Binary {
        /// The file name as given.
        file: String,
        /// 1-based line of the first NUL byte.
        line: usize,
    },
    /// Text, but no report could be found in it.
    #[error("{file}: no recognisable report: {reason}")]
    NoReport {
        /// The file name as given.
        file: String,
        /// What was missing.
        reason: String,
    },
    /// A JSON Lines line that is not JSON (malformed or truncated).
    #[error("{file}:{line}: malformed JSON: {message}")]
    Json {
        /// The file name as given.
        file: String,
        /// 1-based line number.
        line: usize,
        /// The parser's message, with the column.
        message: String,
    },
    /// A JSON Lines line that is valid JSON but not an object.
    #[error("{file}:{line}: expected a JSON object, found {found}")]
    NotObject {
        /// The file name as given.
        file: String,
        /// 1-based line number.
        line: usize,
        /// The JSON type found instead.
        found: &'static str,
    },
    /// A required key is absent.
    #[error("{file}:{line}: missing required field \"{field}\"")]
    MissingField {
        /// The file name as given.
        file: String,
        /// 1-based line number.
        line: usize,
        /// The key that is missing.
        field: &'static str,
    },
    /// A key the format does not define (a typo, or data that would be lost).
    #[error("{file}:{line}: unknown field {field} (allowed: title, text, published, url, lang)")]
    UnknownField {
        /// The file name as given.
        file: String,
        /// 1-based line number.
        line: usize,
        /// The key, quoted and escaped.
        field: String,
    },
    /// A key whose value has the wrong type or form.
    #[error("{file}:{line}: field \"{field}\": {problem}")]
    Field {
        /// The file name as given.
        file: String,
        /// 1-based line number.
        line: usize,
        /// The key.
        field: &'static str,
        /// What is wrong with the value.
        problem: String,
    },
}

impl IntakeError {
    /// The file the error is about.
    pub fn file(&self) -> &str {
        match self {
            IntakeError::NotUtf8 { file, .. }
            | IntakeError::Empty { file }
            | IntakeError::Binary { file, .. }
            | IntakeError::NoReport { file, .. }
            | IntakeError::Json { file, .. }
            | IntakeError::NotObject { file, .. }
            | IntakeError::MissingField { file, .. }
            | IntakeError::UnknownField { file, .. }
            | IntakeError::Field { file, .. } => file,
        }
    }

    /// The 1-based line the error is about, when it is about one line.
    pub fn line(&self) -> Option<usize> {
        match self {
            IntakeError::NotUtf8 { line, .. }
            | IntakeError::Binary { line, .. }
            | IntakeError::Json { line, .. }
            | IntakeError::NotObject { line, .. }
            | IntakeError::MissingField { line, .. }
            | IntakeError::UnknownField { line, .. }
            | IntakeError::Field { line, .. } => Some(*line),
            IntakeError::Empty { .. } | IntakeError::NoReport { .. } => None,
        }
    }
}

/// A value quoted for a one-line message: control characters and quotes
/// escaped, long values cut.
pub(crate) fn quote(s: &str) -> String {
    let cut: String = s.chars().take(80).collect();
    let mut out = format!("{cut:?}");
    if cut.len() < s.len() {
        out.insert(out.len() - 1, '…');
    }
    out
}

/// A file name safe to print on one line.
pub(crate) fn display_name(file: &str) -> String {
    let mut out = String::with_capacity(file.len());
    for c in file.chars() {
        if c.is_control() {
            out.extend(c.escape_default());
        } else {
            out.push(c);
        }
    }
    out
}
