//! `unrest export`: write stored events as codebook JSON Lines or CSV.

use crate::cli::ExportFormat;
use anyhow::{Context, Result};
use std::io::Write;
use std::path::Path;
use unrest_codebook::{Event, Vocabulary};
use unrest_store::{EventQuery, Status, Store};

/// Writes the events to `out` (atomically: a temporary file renamed into
/// place) or to standard output.
pub fn run(store: &dyn Store, format: ExportFormat, out: Option<&Path>, status: Option<Status>) -> Result<()> {
    let events: Vec<Event> = store
        .events(&EventQuery {
            status,
            ..EventQuery::default()
        })?
        .into_iter()
        .map(|s| s.event)
        .collect();
    let mut buf = Vec::new();
    match format {
        ExportFormat::Jsonl => write_jsonl(&mut buf, &events)?,
        ExportFormat::Csv => write_csv(&mut buf, &events)?,
    }
    match out {
        Some(path) => {
            let tmp = path.with_extension("partial");
            std::fs::write(&tmp, &buf).with_context(|| format!("{}: cannot write", tmp.display()))?;
            std::fs::rename(&tmp, path).with_context(|| format!("{}: cannot write", path.display()))?;
        }
        None => std::io::stdout()
            .lock()
            .write_all(&buf)
            .context("cannot write to standard output")?,
    }
    Ok(())
}

/// One codebook record per line.
pub fn write_jsonl(w: &mut impl Write, events: &[Event]) -> Result<()> {
    for e in events {
        writeln!(w, "{}", e.to_json())?;
    }
    Ok(())
}

/// The CSV columns: the codebook keys in order. Vocabulary lists are joined
/// with `;`; demands and evidence are JSON arrays (they may contain any text).
pub const CSV_COLUMNS: &[&str] = &[
    "report",
    "role",
    "title_zh",
    "title_en",
    "start_date",
    "end_date",
    "date_precision",
    "country",
    "province",
    "prefecture",
    "county",
    "township",
    "village",
    "adcode",
    "place",
    "geo_precision",
    "lat",
    "lon",
    "issues",
    "groups",
    "tactics",
    "targets",
    "size_min",
    "size_max",
    "size_text",
    "police",
    "arrests_min",
    "arrests_max",
    "violence",
    "injuries",
    "deaths",
    "censorship",
    "intimidation",
    "outcome",
    "demands",
    "evidence",
];

/// Writes a header row and one row per event.
pub fn write_csv(w: &mut impl Write, events: &[Event]) -> Result<()> {
    let mut csv = csv::Writer::from_writer(w);
    csv.write_record(CSV_COLUMNS)?;
    for e in events {
        csv.write_record(csv_row(e))?;
    }
    csv.flush()?;
    Ok(())
}

fn csv_row(e: &Event) -> Vec<String> {
    fn opt<T: ToString>(v: &Option<T>) -> String {
        v.as_ref().map(ToString::to_string).unwrap_or_default()
    }
    fn codes<V: Vocabulary>(v: &[V]) -> String {
        v.iter().map(|c| c.code()).collect::<Vec<_>>().join(";")
    }
    let json = serde_json::to_value(e).unwrap_or_default();
    let code_of = |key: &str| json.get(key).and_then(|v| v.as_str()).unwrap_or_default().to_string();
    vec![
        e.report.clone(),
        code_of("role"),
        opt(&e.title_zh),
        opt(&e.title_en),
        opt(&e.start_date),
        opt(&e.end_date),
        code_of("date_precision"),
        opt(&e.country),
        opt(&e.province),
        opt(&e.prefecture),
        opt(&e.county),
        opt(&e.township),
        opt(&e.village),
        opt(&e.adcode),
        opt(&e.place),
        code_of("geo_precision"),
        opt(&e.lat),
        opt(&e.lon),
        codes(&e.issues),
        codes(&e.groups),
        codes(&e.tactics),
        codes(&e.targets),
        opt(&e.size_min),
        opt(&e.size_max),
        opt(&e.size_text),
        opt(&e.police),
        opt(&e.arrests_min),
        opt(&e.arrests_max),
        opt(&e.violence),
        opt(&e.injuries),
        opt(&e.deaths),
        opt(&e.censorship),
        opt(&e.intimidation),
        code_of("outcome"),
        serde_json::to_string(&e.demands).unwrap_or_default(),
        serde_json::to_string(&e.evidence).unwrap_or_default(),
    ]
}
