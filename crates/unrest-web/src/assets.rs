//! Static files compiled into the binary, so the site needs no CDN and
//! makes no outside request: the stylesheet, the small optional script and
//! the province outlines of the map.

use axum::http::{HeaderValue, header};
use axum::response::{IntoResponse, Response};

/// Where pages link the stylesheet.
pub const CSS_PATH: &str = "/static/style.css";
/// Where pages link the script.
pub const JS_PATH: &str = "/static/app.js";

/// The stylesheet.
pub const CSS: &str = include_str!("../assets/style.css");
/// The optional script (filters submit on change, copy citation).
pub const JS: &str = include_str!("../assets/app.js");
/// Simplified province outlines (GeoJSON; source and licence in NOTICE).
pub const PROVINCES_GEOJSON: &str = include_str!("../../../data/map/provinces.geojson");

/// A static file response, cacheable for a day.
pub fn file(content_type: &'static str, body: &'static str) -> Response {
    let mut response = body.into_response();
    let headers = response.headers_mut();
    headers.insert(header::CONTENT_TYPE, HeaderValue::from_static(content_type));
    headers.insert(header::CACHE_CONTROL, HeaderValue::from_static("public, max-age=86400"));
    response
}
