//! `unrest geo`: show the place mentions the gazetteer finds in a text, for
//! users to check and for bug reports.

use super::read_file;
use crate::output::Output;
use anyhow::{Context, Result};
use std::path::Path;
use unrest_gazetteer::Gazetteer;

/// Prints each mention with its span and resolved unit, for simplified and
/// traditional text alike (a table, or one JSON
/// object per mention with `--json`).
pub fn run(text: Option<String>, file: Option<&Path>, out: Output) -> Result<()> {
    let text = match (text, file) {
        (Some(t), _) => t,
        (None, Some(path)) => {
            String::from_utf8(read_file(path)?).with_context(|| format!("{}: not valid UTF-8", path.display()))?
        }
        (None, None) => anyhow::bail!("give a text or --file FILE"),
    };
    let gazetteer = Gazetteer::try_embedded().map_err(|e| anyhow::anyhow!("the gazetteer cannot be loaded: {e}"))?;
    // Traditional text is matched through its simplified copy, which keeps
    // every character at its position, so spans still point into `text`.
    let simplified = unrest_script::to_simplified(&text);
    let mut mentions = gazetteer.geoparse(&simplified);
    for m in &mut mentions {
        let r = unrest_script::carry_range(&simplified, &text, m.start..m.end);
        m.text = text[r.clone()].to_string();
        (m.start, m.end) = (r.start, r.end);
    }
    if out.json {
        for m in &mentions {
            println!("{}", serde_json::to_string(m)?);
        }
    } else if !out.quiet {
        print!("{}", unrest_gazetteer::format_mentions(&text, &mentions));
    }
    Ok(())
}
