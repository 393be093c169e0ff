//! The JSON API under `/api/v1`: list and search with the same filters as
//! the pages, one event, statistics, the codebook, and incremental sync for
//! mirrors. Errors are JSON objects with a stable code.

use crate::error::WebError;
use crate::params::{MAX_API_PAGE_SIZE, Params};
use crate::public::{PublicEvent, PublicReport};
use crate::state::AppState;
use axum::Json;
use axum::extract::{Path, RawQuery, State};
use axum::http::{HeaderValue, header};
use axum::response::{IntoResponse, Response};
use serde::Serialize;
use serde_json::{Value, json};
use std::sync::Arc;
use unrest_codebook::{Event, Group, Issue, Tactic, Target, Vocabulary};
use unrest_store::Sort;

/// Default page size of the API.
pub const API_PAGE_SIZE: usize = 50;

/// An API failure, answered as JSON.
pub struct ApiError(WebError);

impl From<WebError> for ApiError {
    fn from(e: WebError) -> Self {
        ApiError(e)
    }
}

impl IntoResponse for ApiError {
    fn into_response(self) -> Response {
        self.0.into_json()
    }
}

/// An event as the API writes it: identity and times, then the codebook
/// record's keys.
#[derive(Serialize)]
pub struct ApiEvent<'a> {
    id: &'a str,
    url: &'a str,
    published_at: Option<&'a str>,
    updated_at: &'a str,
    #[serde(flatten)]
    record: &'a Event,
}

impl<'a> From<&'a PublicEvent> for ApiEvent<'a> {
    fn from(e: &'a PublicEvent) -> Self {
        ApiEvent {
            id: &e.id,
            url: &e.url,
            published_at: e.published_at.as_deref(),
            updated_at: &e.updated_at,
            record: &e.record,
        }
    }
}

fn json_response(value: Value) -> Response {
    let mut response = Json(value).into_response();
    response
        .headers_mut()
        .insert(header::ACCESS_CONTROL_ALLOW_ORIGIN, HeaderValue::from_static("*"));
    response
}

/// The link to the next page, if there is one.
fn next_link(state: &AppState, path: &str, p: &Params, total: usize, size: usize) -> Value {
    if p.page * size < total && p.page < crate::params::MAX_PAGE {
        json!(format!("{}{path}{}", state.base_url, p.with_page(p.page + 1).query()))
    } else {
        Value::Null
    }
}

/// `GET /api/v1/events`
pub async fn events(State(state): State<Arc<AppState>>, RawQuery(raw): RawQuery) -> Result<Response, ApiError> {
    let p = Params::parse(raw.as_deref())?;
    let size = p.page_size(API_PAGE_SIZE, MAX_API_PAGE_SIZE);
    let listing = crate::load::listing(&state, p.filter(size), false).await?;
    let events: Vec<ApiEvent> = listing.events.iter().map(|(e, _)| e.into()).collect();
    Ok(json_response(json!({
        "total": listing.total,
        "page": p.page,
        "per_page": size,
        "next": next_link(&state, "/api/v1/events", &p, listing.total, size),
        "events": events,
    })))
}

/// `GET /api/v1/events/{id}`
pub async fn event(State(state): State<Arc<AppState>>, Path(id): Path<String>) -> Result<Response, ApiError> {
    let (event, report): (PublicEvent, Option<PublicReport>) = crate::load::event(&state, id).await?;
    Ok(json_response(
        json!({ "event": ApiEvent::from(&event), "report": report }),
    ))
}

fn counts<V: Vocabulary>(rows: &[(V, usize)]) -> Value {
    Value::Object(rows.iter().map(|(v, n)| (v.code().to_owned(), json!(n))).collect())
}

/// `GET /api/v1/stats`
pub async fn stats(State(state): State<Arc<AppState>>, RawQuery(raw): RawQuery) -> Result<Response, ApiError> {
    let p = Params::parse(raw.as_deref())?;
    let filter = p.filter(1);
    let (facets, timeline) = tokio::try_join!(
        crate::load::facets(&state, filter.clone()),
        crate::load::timeline(&state, filter, p.period)
    )?;
    let timeline: Vec<Value> = timeline
        .iter()
        .map(|(k, n)| json!({ "period": k, "count": n }))
        .collect();
    Ok(json_response(json!({
        "total": facets.total,
        "period": p.period,
        "timeline": timeline,
        "issues": counts(&facets.issues),
        "groups": counts(&facets.groups),
        "tactics": counts(&facets.tactics),
        "targets": counts(&facets.targets),
        "provinces": Value::Object(facets.provinces.iter().map(|(k, n)| (k.clone(), json!(n))).collect()),
        "prefectures": facets.prefectures.iter().map(|(name, province, n)| json!({ "prefecture": name, "province": province, "count": n })).collect::<Vec<_>>(),
        "sizes": Value::Object(facets.sizes.iter().map(|(b, n)| (b.code().to_owned(), json!(n))).collect()),
        "repression": Value::Object(facets.repression.iter().map(|(f, n)| (f.code().to_owned(), json!(n))).collect()),
    })))
}

/// `GET /api/v1/sync?since=…`: published events changed at or after
/// `since` (oldest change first, paged), and the events that left public
/// view since then. A mirror stores `as_of` and passes it as the next
/// `since`.
pub async fn sync(State(state): State<Arc<AppState>>, RawQuery(raw): RawQuery) -> Result<Response, ApiError> {
    let mut p = Params::parse(raw.as_deref())?;
    let as_of = jiff::Timestamp::now().strftime("%Y-%m-%dT%H:%M:%SZ").to_string();
    let since = p.updated_since.clone().unwrap_or_else(|| "1970-01-01T00:00:00Z".into());
    p.updated_since = Some(since.clone());
    let size = p.page_size(API_PAGE_SIZE, MAX_API_PAGE_SIZE);
    let mut filter = p.filter(size);
    filter.sort = Sort::Updated;
    let listing = crate::load::listing(&state, filter, false).await?;
    let since_removed = since.clone();
    let removed = state
        .pool
        .run(move |store| Ok(store.removals_since(&since_removed, unrest_store::MAX_PAGE_SIZE)?))
        .await?;
    let events: Vec<ApiEvent> = listing.events.iter().map(|(e, _)| e.into()).collect();
    Ok(json_response(json!({
        "as_of": as_of,
        "since": since,
        "total": listing.total,
        "page": p.page,
        "per_page": size,
        "next": next_link(&state, "/api/v1/sync", &p, listing.total, size),
        "updated": events,
        "removed": removed,
    })))
}

fn vocabulary<V: Vocabulary>() -> Value {
    V::ALL
        .iter()
        .map(|v| {
            let (zh, en) = crate::definitions::definition(V::NAME, v.code());
            json!({ "code": v.code(), "label_zh": v.label_zh(), "label_en": v.label_en(), "definition_zh": zh, "definition_en": en })
        })
        .collect()
}

/// `GET /api/v1/codebook`
pub async fn codebook() -> Response {
    let fields: Vec<Value> = crate::fields::FIELDS
        .iter()
        .map(|f| json!({ "key": f.key, "type": f.kind, "label_zh": f.zh, "label_en": f.en, "about_zh": f.about_zh, "about_en": f.about_en }))
        .collect();
    json_response(json!({
        "version": unrest_codebook::CODEBOOK_VERSION,
        "issues": vocabulary::<Issue>(),
        "groups": vocabulary::<Group>(),
        "tactics": vocabulary::<Tactic>(),
        "targets": vocabulary::<Target>(),
        "size_bands": unrest_store::SizeBand::ALL.iter().map(|b| b.code()).collect::<Vec<_>>(),
        "repression": unrest_store::Repression::ALL.iter().map(|r| r.code()).collect::<Vec<_>>(),
        "fields": fields,
    }))
}

/// `GET /api/v1/openapi.json`
pub async fn openapi() -> Response {
    json_response(crate::openapi::document())
}
