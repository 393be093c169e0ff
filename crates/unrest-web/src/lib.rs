//! The public monitor of unrest: what readers and researchers see, served
//! by axum from the same store the command line writes.
//!
//! - Pages (`pages`): the bulletin of latest events, search with filters
//!   and counts, event pages with evidence and citations, a map, charts,
//!   statistics, the codebook and the data dictionary, in Chinese and
//!   English (`/zh/…`, `/en/…`), server-rendered so they work without
//!   script.
//! - Machine access: Atom feeds (`feed`), the JSON API with its OpenAPI
//!   document (`api`, `openapi`) and downloads (`download`).
//! - Every output goes through the public views of `public` (an explicit
//!   allow-list, published events only) and every query string through
//!   `params` (bounded, strict); one middleware (`headers`) sets the
//!   security headers on every response.

pub mod api;
pub mod assets;
pub mod definitions;
pub mod download;
pub mod error;
pub mod feed;
pub mod fields;
pub mod geo;
pub mod headers;
pub mod lang;
pub mod load;
pub mod openapi;
pub mod pages;
pub mod params;
pub mod public;
pub mod state;
pub mod svg;
pub mod synth;

pub use error::WebError;
pub use state::{AppState, Opener};

use axum::Router;
use axum::http::{HeaderMap, HeaderValue, StatusCode, header};
use axum::response::{IntoResponse, Redirect, Response};
use axum::routing::get;
use std::net::SocketAddr;
use std::sync::Arc;
use std::time::Duration;

/// How long a request may take before the server gives up on it.
pub const REQUEST_TIMEOUT: Duration = Duration::from_secs(30);

/// Every route of the site.
pub fn router(state: Arc<AppState>) -> Router {
    Router::new()
        .route("/", get(root))
        .route("/e/{id}", get(pages::event::permalink))
        .route("/{lang}", get(lang_root))
        .route("/{lang}/", get(pages::latest::page))
        .route("/{lang}/search", get(pages::search::page))
        .route("/{lang}/events/{id}", get(pages::event::page))
        .route("/{lang}/map", get(pages::map::page))
        .route("/{lang}/charts", get(pages::charts::page))
        .route("/{lang}/stats", get(pages::stats::page))
        .route("/{lang}/codebook", get(pages::codebook::page))
        .route("/{lang}/data", get(pages::data::page))
        .route("/{lang}/feed.atom", get(feed::atom))
        .route("/download/events.csv", get(download::csv))
        .route("/download/events.jsonl", get(download::jsonl))
        .route("/download/events.geojson", get(download::geojson))
        .route("/api/v1/events", get(api::events))
        .route("/api/v1/events/{id}", get(api::event))
        .route("/api/v1/stats", get(api::stats))
        .route("/api/v1/sync", get(api::sync))
        .route("/api/v1/codebook", get(api::codebook))
        .route("/api/v1/openapi.json", get(api::openapi))
        .route(
            assets::CSS_PATH,
            get(|| async { assets::file("text/css; charset=utf-8", assets::CSS) }),
        )
        .route(
            assets::JS_PATH,
            get(|| async { assets::file("text/javascript; charset=utf-8", assets::JS) }),
        )
        .route(
            "/robots.txt",
            get(|| async { "User-agent: *\nDisallow: /download/\nDisallow: /api/\n" }),
        )
        .route("/favicon.ico", get(|| async { StatusCode::NO_CONTENT }))
        .fallback(not_found)
        .with_state(state)
        .layer(tower_http::timeout::TimeoutLayer::with_status_code(
            StatusCode::SERVICE_UNAVAILABLE,
            REQUEST_TIMEOUT,
        ))
        .layer(tower_http::catch_panic::CatchPanicLayer::custom(
            |_: Box<dyn std::any::Any + Send>| WebError::Internal("a handler panicked".into()).into_response(),
        ))
        .layer(axum::middleware::from_fn(headers::security_headers))
}

/// `GET /`: to the reader's language (remembered, else from
/// `Accept-Language`).
async fn root(headers: HeaderMap) -> Response {
    let lang = lang::Lang::negotiate(&headers);
    let mut response = Redirect::to(&format!("/{}/", lang.code())).into_response();
    response
        .headers_mut()
        .insert(header::VARY, HeaderValue::from_static("Accept-Language, Cookie"));
    response
}

/// `GET /zh` and `/en`: to the same with a slash.
async fn lang_root(axum::extract::Path(segment): axum::extract::Path<String>) -> Result<Response, WebError> {
    let lang = pages::lang(&segment)?;
    Ok(Redirect::permanent(&format!("/{}/", lang.code())).into_response())
}

async fn not_found(uri: axum::http::Uri) -> Response {
    if uri.path().starts_with("/api/") {
        WebError::NotFound.into_json()
    } else {
        WebError::NotFound.into_response()
    }
}

/// Serves the site on a bound listener until the process is interrupted.
pub async fn serve(listener: tokio::net::TcpListener, state: Arc<AppState>) -> std::io::Result<()> {
    axum::serve(listener, router(state))
        .with_graceful_shutdown(async {
            let _ = tokio::signal::ctrl_c().await;
        })
        .await
}

/// Binds `addr`, tells `ready` the bound address (port 0 picks a free
/// one), and serves until interrupted: the blocking entry point for the
/// command line. `base_url` defaults to `http://` and the bound address.
pub fn run(
    opener: Opener,
    addr: &str,
    base_url: Option<&str>,
    ready: impl FnOnce(SocketAddr, &str),
) -> std::io::Result<()> {
    let runtime = tokio::runtime::Builder::new_multi_thread().enable_all().build()?;
    runtime.block_on(async {
        let listener = tokio::net::TcpListener::bind(addr).await?;
        let local = listener.local_addr()?;
        let base = base_url.map_or_else(|| format!("http://{local}"), str::to_owned);
        let connections = std::thread::available_parallelism().map_or(2, |n| n.get()) * 2;
        let state = AppState::new(opener, connections, &base);
        ready(local, &state.base_url);
        serve(listener, state).await
    })
}
