//! The bulletin: latest published events, newest first, each with its
//! date range, place, headline, badges and the report text in the reader's
//! language (with a link to the other language).

use super::layout::{Page, Section};
use super::parts::{badges, count_line, date_range, event_href, pager, place_line};
use crate::error::WebError;
use crate::params::{MAX_HTML_PAGE_SIZE, PAGE_SIZE, Params};
use crate::state::AppState;
use axum::extract::{Path, RawQuery, State};
use axum::response::Response;
use maud::html;
use std::sync::Arc;

/// How much of a report body the bulletin shows before "read more".
const EXCERPT_CHARS: usize = 400;

fn excerpt(text: &str) -> (String, bool) {
    let mut chars = text.trim().chars();
    let cut: String = chars.by_ref().take(EXCERPT_CHARS).collect();
    let more = chars.next().is_some();
    (if more { format!("{cut}…") } else { cut }, more)
}

/// `GET /{lang}/`
pub async fn page(
    State(state): State<Arc<AppState>>,
    Path(lang): Path<String>,
    RawQuery(raw): RawQuery,
) -> Result<Response, WebError> {
    let lang = super::lang(&lang)?;
    let p = Params::parse(raw.as_deref())?;
    let size = p.page_size(PAGE_SIZE, MAX_HTML_PAGE_SIZE);
    let listing = crate::load::listing(&state, p.filter(size), true).await?;
    let other = lang.other();
    let l = |zh, en| lang.pick(zh, en);
    let body = html! {
        h1 { (l("最新抗争事件", "Latest protest events")) }
        p.muted { (count_line(lang, listing.total)) " · " a href={ "/" (lang.code()) "/search" } { (l("搜索与筛选", "Search and filter")) } }
        @if listing.events.is_empty() {
            p { (l("还没有公开的事件。", "No events have been published yet.")) }
        }
        ol.bulletin {
            @for (event, report) in listing.events.iter() {
                li {
                    article {
                        p.meta {
                            time datetime=[event.record.start_date.map(|d| d.to_string())] { (date_range(lang, &event.record)) }
                            " · " (place_line(lang, &event.record))
                        }
                        h2 { a href=(event_href(lang, event)) { (event.title(lang)) } }
                        (badges(lang, &event.record))
                        @if let Some(report) = report {
                            @match report.body(lang) {
                                Some(body) => {
                                    @let (text, _) = excerpt(body);
                                    p.excerpt { (text) }
                                }
                                None => {
                                    p.muted { (l("这篇报告没有中文版本。", "This report has no English version.")) }
                                }
                            }
                            p.meta {
                                a href=(event_href(lang, event)) { (l("全文、编码与证据", "Full report, coding and evidence")) }
                                @if report.body(other).is_some() {
                                    " · "
                                    a href={ "/" (other.code()) "/events/" (event.id) } lang=(other.tag()) hreflang=(other.tag()) {
                                        (other.pick("阅读中文版", "Read in English"))
                                    }
                                }
                            }
                        }
                    }
                }
            }
        }
        (pager(lang, &format!("/{}/", lang.code()), &p, listing.total, size))
    };
    let here = format!("/{}", p.query());
    Ok(Page {
        lang,
        section: Section::Latest,
        title: l("最新事件", "Latest events"),
        here: &here,
        feed: Some(format!("/{}/feed.atom", lang.code())),
        body,
    }
    .render())
}

#[cfg(test)]
mod tests {
    #[test]
    fn excerpts_cut_on_characters() {
        let (text, more) = super::excerpt(&"字".repeat(500));
        assert!(more && text.chars().count() == super::EXCERPT_CHARS + 1);
        assert_eq!(super::excerpt(" short "), ("short".to_string(), false));
    }
}
