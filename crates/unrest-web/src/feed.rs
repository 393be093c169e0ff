//! Atom feeds of newly published events, for all events or any filter, in
//! either language. Feed readers need no account and no token.

use crate::error::WebError;
use crate::lang::Lang;
use crate::pages::parts::{date_range, label, place_line};
use crate::params::Params;
use crate::state::AppState;
use axum::extract::{Path, RawQuery, State};
use axum::http::{HeaderValue, header};
use axum::response::{IntoResponse, Response};
use std::fmt::Write;
use std::sync::Arc;
use unrest_store::Sort;

/// Entries per feed.
pub const ENTRIES: usize = 50;

/// Escapes text for XML content and attribute values.
pub fn xml_escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&apos;"),
            // Characters XML 1.0 forbids are dropped.
            c if (c as u32) < 0x20 && !matches!(c, '\t' | '\n' | '\r') => {}
            c => out.push(c),
        }
    }
    out
}

/// `GET /{lang}/feed.atom`
pub async fn atom(
    State(state): State<Arc<AppState>>,
    Path(lang): Path<String>,
    RawQuery(raw): RawQuery,
) -> Result<Response, WebError> {
    let lang = crate::pages::lang(&lang)?;
    let p = Params::parse(raw.as_deref())?.first_page();
    let mut filter = p.filter(ENTRIES);
    filter.sort = Sort::Published;
    let listing = crate::load::listing(&state, filter, true).await?;
    let base = &state.base_url;
    let query = p.query();
    let updated = listing
        .events
        .iter()
        .map(|(e, _)| e.updated_at.as_str())
        .max()
        .unwrap_or("1970-01-01T00:00:00Z");
    let title = match (lang, p.has_filters()) {
        (Lang::Zh, false) => "unrest：最新公开的抗争事件".to_owned(),
        (Lang::En, false) => "unrest: newly published protest events".to_owned(),
        (Lang::Zh, true) => "unrest：符合筛选条件的新事件".to_owned(),
        (Lang::En, true) => "unrest: new events matching a filter".to_owned(),
    };
    let mut xml = String::new();
    let _ = write!(
        xml,
        "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<feed xmlns=\"http://www.w3.org/2005/Atom\" xml:lang=\"{}\">\n\
         <title>{}</title>\n<id>{}</id>\n<updated>{}</updated>\n\
         <link rel=\"self\" href=\"{}\"/>\n<link rel=\"alternate\" type=\"text/html\" href=\"{}\"/>\n\
         <author><name>unrest</name></author>\n",
        lang.tag(),
        xml_escape(&title),
        xml_escape(&format!("{base}/{}/feed.atom{query}", lang.code())),
        xml_escape(updated),
        xml_escape(&format!("{base}/{}/feed.atom{query}", lang.code())),
        xml_escape(&format!("{base}/{}/search{query}", lang.code())),
    );
    for (event, report) in listing.events.iter() {
        let e = &event.record;
        let mut summary = format!("{} · {}", date_range(lang, e), place_line(lang, e));
        let codes: Vec<&str> = e
            .issues
            .iter()
            .map(|v| label(lang, *v))
            .chain(e.tactics.iter().map(|v| label(lang, *v)))
            .collect();
        if !codes.is_empty() {
            summary.push_str(" · ");
            summary.push_str(&codes.join(", "));
        }
        if let Some(body) = report.as_ref().and_then(|r| r.body(lang)) {
            summary.push_str("\n\n");
            summary.extend(body.chars().take(600));
        }
        let _ = write!(
            xml,
            "<entry>\n<id>{}</id>\n<title>{}</title>\n<updated>{}</updated>\n<published>{}</published>\n\
             <link rel=\"alternate\" type=\"text/html\" href=\"{}\"/>\n<summary type=\"text\">{}</summary>\n</entry>\n",
            xml_escape(&event.url),
            xml_escape(event.title(lang)),
            xml_escape(&event.updated_at),
            xml_escape(event.published_at.as_deref().unwrap_or(&event.updated_at)),
            xml_escape(&format!("{base}/{}/events/{}", lang.code(), event.id)),
            xml_escape(&summary),
        );
    }
    xml.push_str("</feed>\n");
    let mut response = xml.into_response();
    response.headers_mut().insert(
        header::CONTENT_TYPE,
        HeaderValue::from_static("application/atom+xml; charset=utf-8"),
    );
    Ok(response)
}

#[cfg(test)]
mod tests {
    #[test]
    fn escapes_markup_and_drops_control_characters() {
        assert_eq!(
            super::xml_escape("<a href=\"x\">&'\u{1}</a>"),
            "&lt;a href=&quot;x&quot;&gt;&amp;&apos;&lt;/a&gt;"
        );
    }
}
