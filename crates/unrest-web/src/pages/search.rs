//! Search and filters: full-text search in Chinese and English combined
//! with every filter, counts per value, paging; the URL holds the whole
//! state, so any result can be shared.

use super::layout::{Page, Section};
use super::parts::{active_filters, badges, count_line, date_range, event_href, filter_form, pager, place_line};
use crate::error::WebError;
use crate::params::{MAX_HTML_PAGE_SIZE, PAGE_SIZE, Params};
use crate::state::AppState;
use axum::extract::{Path, RawQuery, State};
use axum::response::Response;
use maud::html;
use std::sync::Arc;

/// `GET /{lang}/search`
pub async fn page(
    State(state): State<Arc<AppState>>,
    Path(lang): Path<String>,
    RawQuery(raw): RawQuery,
) -> Result<Response, WebError> {
    let lang = super::lang(&lang)?;
    let p = Params::parse(raw.as_deref())?;
    let size = p.page_size(PAGE_SIZE, MAX_HTML_PAGE_SIZE);
    let filter = p.filter(size);
    let (listing, facets) = tokio::try_join!(
        crate::load::listing(&state, filter.clone(), false),
        crate::load::facets(&state, filter)
    )?;
    let base = format!("/{}/search", lang.code());
    let l = |zh, en| lang.pick(zh, en);
    let mut order = p.first_page();
    order.oldest = !p.oldest;
    let filters_only = {
        let mut q = p.first_page();
        q.oldest = false;
        q.per_page = 0;
        q.query()
    };
    let body = html! {
        h1 { (l("搜索事件", "Search events")) }
        div.layout {
            aside { (filter_form(lang, &base, &p, &facets)) }
            section aria-labelledby="results-heading" {
                h2 #results-heading { (count_line(lang, listing.total)) }
                (active_filters(lang, &base, &p))
                p.meta {
                    (l("排序：", "Order: "))
                    @if p.oldest { (l("最早在前", "oldest first")) } @else { (l("最新在前", "newest first")) }
                    " · " a href={ (base) (order.query()) } { @if p.oldest { (l("改为最新在前", "newest first")) } @else { (l("改为最早在前", "oldest first")) } }
                    " · " a href={ "/" (lang.code()) "/map" (filters_only) } { (l("在地图上查看", "on the map")) }
                    " · " a href={ "/" (lang.code()) "/charts" (filters_only) } { (l("图表", "charts")) }
                    " · " a href={ "/" (lang.code()) "/feed.atom" (filters_only) } { (l("订阅", "feed")) }
                    " · " (l("下载：", "download: "))
                    a href={ "/download/events.csv" (filters_only) } { "CSV" } " "
                    a href={ "/download/events.jsonl" (filters_only) } { "JSONL" } " "
                    a href={ "/download/events.geojson" (filters_only) } { "GeoJSON" }
                }
                @if listing.events.is_empty() {
                    p { (l("没有符合条件的事件。", "No events match.")) }
                }
                ol.bulletin {
                    @for (event, _) in listing.events.iter() {
                        li {
                            p.meta {
                                time datetime=[event.record.start_date.map(|d| d.to_string())] { (date_range(lang, &event.record)) }
                                " · " (place_line(lang, &event.record)) " · " (event.id)
                            }
                            h3 { a href=(event_href(lang, event)) { (event.title(lang)) } }
                            (badges(lang, &event.record))
                        }
                    }
                }
                (pager(lang, &base, &p, listing.total, size))
            }
        }
    };
    let here = format!("/search{}", p.query());
    Ok(Page {
        lang,
        section: Section::Search,
        title: l("搜索事件", "Search events"),
        here: &here,
        feed: Some(format!("/{}/feed.atom{filters_only}", lang.code())),
        body,
    }
    .render())
}
