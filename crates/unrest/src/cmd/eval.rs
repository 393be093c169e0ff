//! `unrest eval`: agreement with hand-coded gold events, computed exactly as
//! `shared/eval/score.py` computes it.

use super::read_file;
use crate::output::Output;
use anyhow::{Context, Result};
use serde_json::Value;
use std::path::{Path, PathBuf};

fn load(path: &Path) -> Result<Vec<Value>> {
    let bytes = read_file(path)?;
    let text = std::str::from_utf8(&bytes).with_context(|| format!("{}: not valid UTF-8", path.display()))?;
    Ok(unrest_eval::load_jsonl(&path.display().to_string(), text)?)
}

fn read_text(path: &Path) -> Result<String> {
    let bytes = read_file(path)?;
    String::from_utf8(bytes).with_context(|| format!("{}: not valid UTF-8", path.display()))
}

/// Scores `pred` (or the events coded from `extract`) against `gold`.
/// With `--extract` and no `--source`, evidence is checked against the
/// extracted files themselves.
pub fn run(
    gold: &Path,
    pred: Option<&Path>,
    extract: &[PathBuf],
    source: &[PathBuf],
    lexicon: Option<&Path>,
    out: Output,
) -> Result<()> {
    let gold = load(gold)?;
    let pred: Vec<Value> = match pred {
        Some(p) => load(p)?,
        None => {
            let coder = super::extract::coder(lexicon)?;
            super::extract::code_files(&coder, extract)?
                .iter()
                .map(|e| serde_json::to_value(e).context("cannot serialise an event"))
                .collect::<Result<_>>()?
        }
    };
    let sources = if source.is_empty() { extract } else { source };
    let text = if sources.is_empty() {
        None
    } else {
        Some(
            sources
                .iter()
                .map(|p| read_text(p))
                .collect::<Result<Vec<_>>>()?
                .concat(),
        )
    };
    let scores = unrest_eval::score(&gold, &pred, text.as_deref());
    if out.json {
        println!("{}", serde_json::to_string_pretty(&scores.to_json())?);
    } else if !out.quiet {
        print!("{}", scores.to_text());
    }
    Ok(())
}
