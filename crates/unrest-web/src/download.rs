//! Downloads of the current filter as CSV, JSON Lines (the codebook format)
//! and GeoJSON. Bodies are streamed page by page, so a large download holds
//! one page in memory and a store connection only while reading a page.

use crate::error::WebError;
use crate::fields::{DOWNLOAD_FIELDS, FIELDS};
use crate::params::Params;
use crate::public::PublicEvent;
use crate::state::AppState;
use axum::body::Body;
use axum::extract::{RawQuery, State};
use axum::http::{HeaderValue, header};
use axum::response::{IntoResponse, Response};
use bytes::Bytes;
use serde_json::Value;
use std::sync::Arc;

/// The most events one download holds.
pub const MAX_ROWS: usize = 200_000;
/// Events read per page while streaming.
const CHUNK: usize = 1000;

/// The three formats.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    /// Comma-separated values.
    Csv,
    /// Codebook JSON Lines.
    Jsonl,
    /// GeoJSON FeatureCollection.
    GeoJson,
}

impl Format {
    fn content_type(self) -> &'static str {
        match self {
            Format::Csv => "text/csv; charset=utf-8",
            Format::Jsonl => "application/x-ndjson; charset=utf-8",
            Format::GeoJson => "application/geo+json",
        }
    }

    fn file_name(self) -> &'static str {
        match self {
            Format::Csv => "unrest-events.csv",
            Format::Jsonl => "unrest-events.jsonl",
            Format::GeoJson => "unrest-events.geojson",
        }
    }

    fn head(self) -> String {
        match self {
            Format::Csv => {
                let keys: Vec<&str> = DOWNLOAD_FIELDS.iter().chain(FIELDS).map(|f| f.key).collect();
                csv_line(keys.iter().map(|k| k.to_string()))
            }
            Format::Jsonl => String::new(),
            Format::GeoJson => "{\"type\":\"FeatureCollection\",\"features\":[\n".into(),
        }
    }

    fn tail(self) -> &'static str {
        match self {
            Format::GeoJson => "\n]}\n",
            _ => "",
        }
    }

    fn row(self, e: &PublicEvent, first: bool) -> String {
        match self {
            Format::Jsonl => format!("{}\n", e.record.to_json()),
            Format::Csv => {
                let record = serde_json::to_value(&e.record).unwrap_or_default();
                let lead = [e.id.clone(), e.url.clone(), e.updated_at.clone()];
                csv_line(
                    lead.into_iter()
                        .chain(FIELDS.iter().map(|f| csv_cell(f.key, &record[f.key]))),
                )
            }
            Format::GeoJson => {
                let mut properties = serde_json::Map::new();
                properties.insert("id".into(), e.id.clone().into());
                properties.insert("url".into(), e.url.clone().into());
                properties.insert("updated_at".into(), e.updated_at.clone().into());
                if let Value::Object(record) = serde_json::to_value(&e.record).unwrap_or_default() {
                    properties.extend(record.into_iter().filter(|(k, _)| k != "evidence"));
                }
                let geometry = match (e.record.lon, e.record.lat) {
                    (Some(lon), Some(lat)) => serde_json::json!({ "type": "Point", "coordinates": [lon, lat] }),
                    _ => Value::Null,
                };
                let feature = serde_json::json!({
                    "type": "Feature", "id": e.id, "geometry": geometry, "properties": properties,
                });
                format!("{}{feature}", if first { "" } else { ",\n" })
            }
        }
    }
}

/// A CSV cell from a record value: lists of codes joined with `;`, demands
/// and evidence as JSON, null as empty.
fn csv_cell(key: &str, value: &Value) -> String {
    match value {
        Value::Null => String::new(),
        Value::String(s) => s.clone(),
        Value::Array(items) if matches!(key, "issues" | "groups" | "tactics" | "targets") => {
            items.iter().filter_map(Value::as_str).collect::<Vec<_>>().join(";")
        }
        other => other.to_string(),
    }
}

/// One CSV line, quoted where needed.
fn csv_line(cells: impl Iterator<Item = String>) -> String {
    let mut w = csv::WriterBuilder::new().from_writer(Vec::new());
    let cells: Vec<String> = cells.collect();
    if w.write_record(&cells).is_err() {
        return "\n".into();
    }
    String::from_utf8(w.into_inner().unwrap_or_default()).unwrap_or_default()
}

async fn download(state: Arc<AppState>, raw: Option<String>, format: Format) -> Result<Response, WebError> {
    let p = Params::parse(raw.as_deref())?;
    // Fail before the body starts if the store cannot be read at all.
    let first = crate::load::listing(&state, p.filter(CHUNK), false).await?;
    let (tx, rx) = tokio::sync::mpsc::channel::<Result<Bytes, std::io::Error>>(4);
    tokio::spawn(async move {
        let mut chunk = format.head();
        let mut listing = first;
        let mut sent = 0usize;
        let mut page = 1usize;
        loop {
            let n = listing.events.len();
            for (event, _) in listing.events.iter() {
                if sent >= MAX_ROWS {
                    break;
                }
                chunk.push_str(&format.row(event, sent == 0));
                sent += 1;
            }
            if tx.send(Ok(Bytes::from(std::mem::take(&mut chunk)))).await.is_err() {
                return;
            }
            if n < CHUNK || sent >= MAX_ROWS {
                break;
            }
            page += 1;
            let mut filter = p.filter(CHUNK);
            filter.offset = (page - 1) * CHUNK;
            match crate::load::listing(&state, filter, false).await {
                Ok(next) => listing = next,
                Err(e) => {
                    eprintln!("unrest-web: download stopped: {e}");
                    let _ = tx.send(Err(std::io::Error::other("download stopped"))).await;
                    return;
                }
            }
        }
        let _ = tx.send(Ok(Bytes::from_static(format.tail().as_bytes()))).await;
    });
    let stream = futures_util::stream::unfold(rx, |mut rx| async move { rx.recv().await.map(|item| (item, rx)) });
    let mut response = Body::from_stream(stream).into_response();
    let headers = response.headers_mut();
    headers.insert(header::CONTENT_TYPE, HeaderValue::from_static(format.content_type()));
    if let Ok(v) = HeaderValue::from_str(&format!("attachment; filename=\"{}\"", format.file_name())) {
        headers.insert(header::CONTENT_DISPOSITION, v);
    }
    headers.insert(header::ACCESS_CONTROL_ALLOW_ORIGIN, HeaderValue::from_static("*"));
    Ok(response)
}

/// `GET /download/events.csv`
pub async fn csv(State(state): State<Arc<AppState>>, RawQuery(raw): RawQuery) -> Result<Response, WebError> {
    download(state, raw, Format::Csv).await
}

/// `GET /download/events.jsonl`
pub async fn jsonl(State(state): State<Arc<AppState>>, RawQuery(raw): RawQuery) -> Result<Response, WebError> {
    download(state, raw, Format::Jsonl).await
}

/// `GET /download/events.geojson`
pub async fn geojson(State(state): State<Arc<AppState>>, RawQuery(raw): RawQuery) -> Result<Response, WebError> {
    download(state, raw, Format::GeoJson).await
}
