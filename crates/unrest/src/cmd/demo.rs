//! `unrest demo`: a ready database from the bundled fictional corpus.

use crate::output::Output;
use anyhow::{Context, Result};
use std::path::PathBuf;

/// The demo corpus, compiled into the binary: (file name, text).
pub const DEMO_FILES: &[(&str, &str)] = &[
    (
        "bulletin-2026-09.txt",
        include_str!("../../../../data/demo/bulletin-2026-09.txt"),
    ),
    (
        "bulletin-2026-10.txt",
        include_str!("../../../../data/demo/bulletin-2026-10.txt"),
    ),
];

/// Where the demo database lives unless `--db` says otherwise.
pub fn default_demo_db() -> PathBuf {
    unrest_store::default_db_path().with_file_name("demo.sqlite")
}

/// Loads the demo corpus into the demo database (idempotently), publishes
/// its events, prints what it loaded, and serves the site on `serve_addr`
/// when given.
pub fn run(db: Option<PathBuf>, out: Output, serve_addr: Option<&str>) -> Result<()> {
    let path = db.unwrap_or_else(default_demo_db);
    let mut store = super::open_store(Some(&path))?;
    let coder = unrest_extract::Extractor::with_embedded();
    let (mut added, mut events, mut published) = (0, 0, 0);
    for (name, text) in DEMO_FILES {
        let reports =
            unrest_intake::read_reports(name, text.as_bytes()).with_context(|| format!("bundled demo file {name}"))?;
        let s = store.add_reports(&super::ingest::code_reports(&coder, reports))?;
        added += s.added;
        events += s.events;
        published += super::serve::publish_reports(&mut *store, &s.report_ids)?;
    }
    let counts = store.counts()?;
    out.say(format!("demo database: {}", path.display()));
    out.say(format!(
        "loaded {added} new reports and {events} events; the database holds {} reports and {} events",
        counts.reports, counts.events
    ));
    out.say(format!("published {published} demo events"));
    out.json(
        &serde_json::json!({ "db": path, "reports_added": added, "events_added": events,
        "reports": counts.reports, "events": counts.events, "published": published }),
    );
    drop(store);
    match serve_addr {
        Some(addr) => super::serve::serve(&path, addr, None, out),
        None => Ok(()),
    }
}
