//! `unrest import`: load hand-coded events in the codebook format.

use super::read_file;
use crate::output::Output;
use anyhow::{Result, bail};
use std::path::Path;
use unrest_codebook::Event;
use unrest_store::{Status, Store};

/// Parses every line first; any bad line aborts before anything is written,
/// and the events are stored in one transaction.
pub fn run(store: &mut dyn Store, path: &Path, status: Status, out: Output) -> Result<()> {
    let events = parse_events(path, &read_file(path)?)?;
    let bar = out.progress(1, "importing");
    let n = store.import_events(&events, status)?;
    bar.finish_and_clear();
    out.say(format!("{}: {n} events imported as {}", path.display(), status.code()));
    out.json(&serde_json::json!({ "events_imported": n, "status": status.code() }));
    Ok(())
}

/// Reads codebook JSON Lines; errors name the file, the line and the field.
pub fn parse_events(path: &Path, bytes: &[u8]) -> Result<Vec<Event>> {
    let name = path.display();
    let Ok(text) = std::str::from_utf8(bytes) else {
        bail!("{name}: not valid UTF-8 text");
    };
    let mut events = Vec::new();
    for (i, line) in text.lines().enumerate() {
        let line = line.trim();
        if line.is_empty() {
            continue;
        }
        match Event::from_json(line) {
            Ok(e) => events.push(e),
            Err(err) => bail!("{name}:{}: {err}", i + 1),
        }
    }
    if events.is_empty() {
        bail!("{name}: no events found (empty file)");
    }
    Ok(events)
}
