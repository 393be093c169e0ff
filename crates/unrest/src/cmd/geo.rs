//! `unrest geo`: show the place mentions the gazetteer finds in a text, for
//! users to check and for bug reports.

use super::read_file;
use crate::output::Output;
use anyhow::{Context, Result};
use std::path::Path;
use unrest_gazetteer::Gazetteer;

/// Prints each mention with its span and resolved unit (a table, or one JSON
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
    let mentions = gazetteer.geoparse(&text);
    if out.json {
        for m in &mentions {
            println!("{}", serde_json::to_string(m)?);
        }
    } else if !out.quiet {
        print!("{}", unrest_gazetteer::format_mentions(&text, &mentions));
    }
    Ok(())
}
