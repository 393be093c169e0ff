//! Report intake: turns a file's name and bytes into `Report`s.
//!
//! Three kinds of file come in:
//!
//! - **Bulletin pages** (a heading, then reports, each a dated Chinese
//!   headline, the Chinese body, then the English headline and body). Each
//!   report keeps its two halves paired, its title in each language and the
//!   date range from its headline. See [`split_bulletin`].
//! - **Plain text or Markdown** holding one report; the title is the first
//!   line or `#` heading.
//! - **JSON Lines** of `{"title", "text", "published", "url", "lang"}`, one
//!   report per line.
//!
//! The crate is pure: no database, no file system. Every file is checked
//! whole before anything is returned, and every problem is an
//! [`IntakeError`] whose message is one line naming the file (and line or
//! field). No input makes it panic.

#![warn(missing_docs)]

mod bulletin;
mod date;
mod error;
mod headline;
mod jsonl;
mod plain;
mod script;

pub use bulletin::{BulletinEntry, BulletinHalf, split_bulletin};
pub use date::parse_date_range;
pub use error::IntakeError;

use error::display_name;
use unrest_codebook::Report;

/// The kind of file being read, which decides how it is cut into reports.
///
/// Exists so the caller can see (and override, through
/// [`read_reports_as`]) the choice [`detect_format`] makes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Format {
    /// A page of dated bilingual reports.
    Bulletin,
    /// One report in plain text or Markdown.
    Plain,
    /// One JSON object per line.
    JsonLines,
}

/// Chooses how to read a file: `.jsonl`/`.ndjson` are JSON Lines; otherwise
/// a text with at least one dated headline is a bulletin, anything else one
/// plain report.
///
/// One guard: when prose comes before the only dated headline (an article
/// whose signature line ends in a date), the text is read as one plain
/// report, because reading it as a bulletin would drop that prose.
///
/// Exists so a single `ingest FILE` command can take any of the three kinds
/// without a flag.
pub fn detect_format(file_name: &str, text: &str) -> Format {
    let lower = file_name.to_ascii_lowercase();
    if lower.ends_with(".jsonl") || lower.ends_with(".ndjson") {
        Format::JsonLines
    } else if bulletin::looks_like_bulletin(text) {
        Format::Bulletin
    } else {
        Format::Plain
    }
}

/// Reads the reports in one file, choosing the format with
/// [`detect_format`].
///
/// The entry point of intake: `file_name` is only used to choose the format
/// and to name the file in reports (`source`) and errors; `bytes` must be
/// UTF-8 (a byte-order mark is allowed). Fails without returning any report
/// when any part of the file is bad.
pub fn read_reports(file_name: &str, bytes: &[u8]) -> Result<Vec<Report>, IntakeError> {
    let file = display_name(file_name);
    let text = decode(&file, bytes)?;
    read_text(&file, text, detect_format(file_name, text))
}

/// Reads the reports in one file in the given format, for callers that know
/// better than the file name (a `--format` flag, a `.txt` holding JSON Lines).
pub fn read_reports_as(file_name: &str, bytes: &[u8], format: Format) -> Result<Vec<Report>, IntakeError> {
    let file = display_name(file_name);
    let text = decode(&file, bytes)?;
    read_text(&file, text, format)
}

fn read_text(file: &str, text: &str, format: Format) -> Result<Vec<Report>, IntakeError> {
    let mut reports = split_reports(file, text, format)?;
    for report in &mut reports {
        report.script = unrest_script::detect(&report.text);
    }
    Ok(reports)
}

fn split_reports(file: &str, text: &str, format: Format) -> Result<Vec<Report>, IntakeError> {
    match format {
        Format::JsonLines => jsonl::jsonl_reports(file, text),
        Format::Plain => Ok(vec![plain::plain_report(file, text)?]),
        Format::Bulletin => {
            let reports = bulletin::bulletin_reports(file, text);
            if reports.is_empty() {
                return Err(IntakeError::NoReport {
                    file: file.to_string(),
                    reason: "no dated headline such as 标题(2025.11.05)".to_string(),
                });
            }
            Ok(reports)
        }
    }
}

/// UTF-8 text without its byte-order mark; rejects other encodings, binary
/// data and blank files.
fn decode<'a>(file: &str, bytes: &'a [u8]) -> Result<&'a str, IntakeError> {
    let line_at = |offset: usize| bytes[..offset].iter().filter(|&&b| b == b'\n').count() + 1;
    if bytes.starts_with(&[0xFF, 0xFE]) || bytes.starts_with(&[0xFE, 0xFF]) {
        return Err(IntakeError::NotUtf8 {
            file: file.to_string(),
            line: 1,
            offset: 0,
            problem: "UTF-16 byte-order mark".to_string(),
        });
    }
    let text = std::str::from_utf8(bytes).map_err(|e| {
        let offset = e.valid_up_to();
        let byte = bytes.get(offset).copied().unwrap_or(0);
        let problem = match e.error_len() {
            Some(_) => format!("invalid byte 0x{byte:02X}"),
            None => "truncated character at end of file".to_string(),
        };
        IntakeError::NotUtf8 {
            file: file.to_string(),
            line: line_at(offset),
            offset,
            problem,
        }
    })?;
    let text = text.strip_prefix('\u{FEFF}').unwrap_or(text);
    if let Some(nul) = text.find('\0') {
        return Err(IntakeError::Binary {
            file: file.to_string(),
            line: line_at(nul + (bytes.len() - text.len())),
        });
    }
    if text.trim().is_empty() {
        return Err(IntakeError::Empty { file: file.to_string() });
    }
    Ok(text)
}
