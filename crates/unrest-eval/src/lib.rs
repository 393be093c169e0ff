//! Scores coded events against hand-coded gold events.
//!
//! Researchers need one number for "how far does automatic coding agree with
//! ours", computed the same way everywhere. This crate is a faithful port of
//! `shared/eval/score.py` (pairing by report title, then by date and place;
//! per-field agreement; a headline mean), so `unrest eval` and the Python
//! scorer print the same figures on the same files. It works on raw JSON
//! values, as the scorer does, so predictions from any tool can be scored.

mod pairing;
mod pyjson;
mod score;

pub use score::{Scores, score};

use thiserror::Error;

/// Why a file could not be scored.
#[derive(Debug, Error)]
pub enum EvalError {
    /// A line is not JSON.
    #[error("{file}:{line}: not JSON: {message}")]
    NotJson { file: String, line: usize, message: String },
}

/// Reads JSON Lines (blank lines skipped), naming the file and line of the
/// first bad one.
pub fn load_jsonl(file: &str, text: &str) -> Result<Vec<serde_json::Value>, EvalError> {
    let mut out = Vec::new();
    for (i, line) in text.lines().enumerate() {
        let line = line.trim();
        if line.is_empty() {
            continue;
        }
        let value = serde_json::from_str(line).map_err(|e| EvalError::NotJson {
            file: file.to_string(),
            line: i + 1,
            message: e.to_string(),
        })?;
        out.push(value);
    }
    Ok(out)
}
