//! `unrest reports`: list stored reports.

use crate::output::Output;
use anyhow::Result;
use unrest_store::Store;

/// Prints one line per report: id, date range, Chinese and English titles.
pub fn run(store: &dyn Store, out: Output) -> Result<()> {
    for stored in store.reports()? {
        let r = &stored.report;
        let range = match (r.start_date, r.end_date) {
            (Some(s), Some(e)) if s == e => s.to_string(),
            (Some(s), Some(e)) => format!("{s}..{e}"),
            (Some(d), None) | (None, Some(d)) => d.to_string(),
            (None, None) => "-".into(),
        };
        if out.json {
            println!(
                "{}",
                serde_json::json!({
                    "id": stored.id,
                    "start_date": r.start_date.map(|d| d.to_string()),
                    "end_date": r.end_date.map(|d| d.to_string()),
                    "title_zh": r.title_zh,
                    "title_en": r.title_en,
                    "lang": r.lang.code(),
                    "script": r.script.code(),
                })
            );
        } else if !out.quiet {
            println!(
                "{:>5}  {:<23}  {}  |  {}",
                stored.id,
                range,
                r.title_zh.as_deref().unwrap_or("-"),
                r.title_en.as_deref().unwrap_or("-")
            );
        }
    }
    Ok(())
}
