//! The public pages, server-rendered HTML in both languages. Each handler
//! parses the shared query string, reads through `load`, and renders with
//! maud (which escapes every value it interpolates).

pub mod charts;
pub mod codebook;
pub mod data;
pub mod event;
pub mod latest;
pub mod layout;
pub mod map;
pub mod parts;
pub mod search;
pub mod stats;

use crate::error::WebError;
use crate::lang::Lang;

/// The language of a `/{lang}/…` path segment; other segments are 404s.
pub fn lang(segment: &str) -> Result<Lang, WebError> {
    Lang::from_code(segment).ok_or(WebError::NotFound)
}
