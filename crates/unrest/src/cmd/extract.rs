//! `unrest extract`: code report files and print the events, no database.

use super::read_file;
use crate::cli::ExtractFormat;
use crate::output::Output;
use anyhow::{Context, Result};
use std::path::{Path, PathBuf};
use unrest_codebook::Event;
use unrest_extract::{Extractor, Lexicon};

/// The extractor with the built-in lexicon, or with an edited copy read
/// from `lexicon` (so coding rules change without recompiling).
pub fn coder(lexicon: Option<&Path>) -> Result<Extractor> {
    let Some(path) = lexicon else {
        return Ok(Extractor::with_embedded());
    };
    let bytes = read_file(path)?;
    let text = std::str::from_utf8(&bytes).with_context(|| format!("{}: not valid UTF-8", path.display()))?;
    let lexicon = Lexicon::from_toml(text).with_context(|| format!("{}", path.display()))?;
    Ok(Extractor::new(lexicon))
}

/// Codes every report of every file (all files are read first).
pub fn code_files(coder: &Extractor, files: &[PathBuf]) -> Result<Vec<Event>> {
    let mut events = Vec::new();
    for path in files {
        let bytes = read_file(path)?;
        let reports = unrest_intake::read_reports(&path.display().to_string(), &bytes)?;
        for report in &reports {
            events.extend(coder.extract(report));
        }
    }
    Ok(events)
}

/// Prints the coded events as JSON Lines or a table.
pub fn run(files: &[PathBuf], format: ExtractFormat, lexicon: Option<&Path>, out: Output) -> Result<()> {
    let coder = coder(lexicon)?;
    let events = code_files(&coder, files)?;
    if out.quiet {
        return Ok(());
    }
    match format {
        ExtractFormat::Jsonl => {
            let mut buf = Vec::new();
            super::export::write_jsonl(&mut buf, &events)?;
            print!("{}", String::from_utf8_lossy(&buf));
        }
        ExtractFormat::Table => print!("{}", unrest_extract::format_table(&events)),
    }
    Ok(())
}
