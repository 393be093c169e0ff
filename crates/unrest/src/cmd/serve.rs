//! `unrest serve` (the public site over a database), `unrest bench-data`
//! (synthetic events for load tests), and the serving half of `unrest demo`.

use crate::output::Output;
use anyhow::{Context, Result};
use std::path::{Path, PathBuf};
use std::sync::Arc;
use unrest_store::{SqliteStore, Status, Store};

/// Serves the database at `path` on `addr` until interrupted, printing the
/// address once it is listening.
pub fn serve(path: &Path, addr: &str, base_url: Option<&str>, out: Output) -> Result<()> {
    // Open once here so a bad path or schema fails before binding.
    SqliteStore::open(path).with_context(|| format!("cannot open database {}", path.display()))?;
    let db = path.to_path_buf();
    let opener: unrest_web::Opener =
        Arc::new(move || SqliteStore::open(&db).map(|s| Box::new(s) as Box<dyn Store + Send>));
    unrest_web::run(opener, addr, base_url, |local, base| {
        out.say(format!("serving {} at {base}/ (press Ctrl-C to stop)", path.display()));
        out.json(&serde_json::json!({ "db": path, "addr": local.to_string(), "url": format!("{base}/") }));
    })
    .with_context(|| format!("cannot serve on {addr}"))
}

/// The database `serve` reads: `--db`, else the default.
pub fn db_path(db: Option<PathBuf>) -> PathBuf {
    db.unwrap_or_else(unrest_store::default_db_path)
}

/// Publishes every draft event of the given reports (the demo's), so the
/// site has content. Returns how many were published.
pub fn publish_reports(store: &mut dyn Store, report_ids: &[i64]) -> Result<usize> {
    let mut ids = Vec::new();
    for &report_id in report_ids {
        let query = unrest_store::EventQuery {
            status: Some(Status::Draft),
            report_id: Some(report_id),
            ..Default::default()
        };
        ids.extend(store.events(&query)?.into_iter().map(|e| e.id));
    }
    Ok(store.set_status(&ids, Status::Published)?)
}

/// `unrest bench-data`: adds `events` synthetic reports (with their events)
/// and publishes them.
pub fn bench_data(store: &mut dyn Store, reports: usize, seed: u64, out: Output) -> Result<()> {
    let batch = 2000;
    let bar = out.progress(reports as u64, "generating");
    let (mut added, mut published) = (0, 0);
    let all = unrest_web::synth::generate(reports, seed);
    for chunk in all.chunks(batch) {
        let summary = store.add_reports(chunk)?;
        added += summary.events;
        published += publish_reports(store, &summary.report_ids)?;
        bar.inc(chunk.len() as u64);
    }
    bar.finish_and_clear();
    out.say(format!(
        "added {reports} synthetic reports with {added} events; published {published}"
    ));
    out.json(&serde_json::json!({ "reports": reports, "events": added, "published": published }));
    Ok(())
}
