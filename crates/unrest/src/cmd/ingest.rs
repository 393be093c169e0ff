//! `unrest ingest`: read report files, code them, store reports and drafts.

use super::read_file;
use crate::output::Output;
use anyhow::Result;
use std::path::PathBuf;
use unrest_codebook::{Event, Report};
use unrest_extract::Extractor;
use unrest_store::Store;

/// Reads every file first (so one bad file means nothing is written), then
/// stores each file's reports in one transaction.
pub fn run(store: &mut dyn Store, coder: &Extractor, files: &[PathBuf], out: Output) -> Result<()> {
    let batches = read_all(coder, files, out)?;
    let bar = out.progress(batches.len() as u64, "storing");
    let mut summary = serde_json::Map::new();
    let (mut added, mut skipped, mut events) = (0, 0, 0);
    for (path, batch) in &batches {
        let s = store.add_reports(batch)?;
        bar.inc(1);
        out.say(format!(
            "{}: {} reports added, {} already stored, {} events coded",
            path.display(),
            s.added,
            s.skipped,
            s.events
        ));
        added += s.added;
        skipped += s.skipped;
        events += s.events;
    }
    bar.finish_and_clear();
    summary.insert("reports_added".into(), added.into());
    summary.insert("reports_skipped".into(), skipped.into());
    summary.insert("events".into(), events.into());
    out.json(&summary.into());
    Ok(())
}

/// A file's reports, each with the events coded from it.
pub type Batch = Vec<(Report, Vec<Event>)>;

/// Reads and codes every file; fails on the first unreadable one.
pub fn read_all(coder: &Extractor, files: &[PathBuf], out: Output) -> Result<Vec<(PathBuf, Batch)>> {
    let bar = out.progress(files.len() as u64, "reading");
    let mut batches = Vec::with_capacity(files.len());
    for path in files {
        let bytes = read_file(path)?;
        let reports = unrest_intake::read_reports(&path.display().to_string(), &bytes)?;
        batches.push((path.clone(), code_reports(coder, reports)));
        bar.inc(1);
    }
    bar.finish_and_clear();
    Ok(batches)
}

/// Codes each report into draft events.
pub fn code_reports(coder: &Extractor, reports: Vec<Report>) -> Batch {
    reports
        .into_iter()
        .map(|r| {
            let events = coder.extract(&r);
            (r, events)
        })
        .collect()
}
