//! Reading what pages, API, feeds and downloads show, through the pool and
//! the caches. Everything returned is already a public view: events are
//! published ones turned into [`PublicEvent`]s.

use crate::error::WebError;
use crate::public::{PublicEvent, PublicReport};
use crate::state::AppState;
use std::sync::Arc;
use unrest_store::{EventFilter, Facets, MapPoint, Period, Store};

/// One page of published events, each with its report when asked for.
pub struct Listing {
    /// Events the filter selects, all pages together.
    pub total: usize,
    /// This page.
    pub events: Arc<Vec<(PublicEvent, Option<PublicReport>)>>,
}

/// The largest page kept in the page cache.
const MAX_CACHED_PAGE: usize = 100;

/// The cache key of a filter: everything but paging.
fn key(filter: &EventFilter) -> String {
    let unpaged = EventFilter {
        offset: 0,
        limit: 0,
        ..filter.clone()
    };
    format!("{unpaged:?}")
}

fn report(store: &dyn Store, id: Option<i64>) -> Result<Option<PublicReport>, WebError> {
    Ok(match id {
        Some(id) => store.report(id)?.map(PublicReport::from),
        None => None,
    })
}

/// A page of events with the total. Both are cached per data version: the
/// total per filter, the page per filter and position, so popular pages
/// (the first pages of common filters) are answered without a query.
pub async fn listing(state: &Arc<AppState>, filter: EventFilter, with_reports: bool) -> Result<Listing, WebError> {
    let st = Arc::clone(state);
    state
        .pool
        .run(move |store| {
            let version = store.data_version()?;
            let total = *st.counts.get_or(&key(&filter), version, || Ok(store.count(&filter)?))?;
            let read = || -> Result<Vec<(PublicEvent, Option<PublicReport>)>, WebError> {
                let mut events = Vec::new();
                for stored in store.list(&filter)? {
                    let Some(event) = PublicEvent::from_stored(stored, &st.base_url) else {
                        continue;
                    };
                    let report = if with_reports {
                        report(store, event.report_id)?
                    } else {
                        None
                    };
                    events.push((event, report));
                }
                Ok(events)
            };
            // Large pages (API, downloads) are read fresh: caching them would
            // hold megabytes per entry.
            let events = if filter.offset >= total {
                // Nothing to show: skip the walk a listing query would make.
                Arc::new(Vec::new())
            } else if filter.page_size() <= MAX_CACHED_PAGE {
                st.pages.get_or(&format!("{with_reports}{filter:?}"), version, read)?
            } else {
                Arc::new(read()?)
            };
            Ok(Listing { total, events })
        })
        .await
}

/// Counts per value for a filter (cached).
pub async fn facets(state: &Arc<AppState>, filter: EventFilter) -> Result<Arc<Facets>, WebError> {
    let st = Arc::clone(state);
    state
        .pool
        .run(move |store| {
            let version = store.data_version()?;
            st.facets.get_or(&key(&filter), version, || Ok(store.facets(&filter)?))
        })
        .await
}

/// Events per period for a filter (cached).
pub async fn timeline(
    state: &Arc<AppState>,
    filter: EventFilter,
    period: Period,
) -> Result<Arc<Vec<(String, usize)>>, WebError> {
    let st = Arc::clone(state);
    state
        .pool
        .run(move |store| {
            let version = store.data_version()?;
            let k = format!("{period:?}{}", key(&filter));
            st.timelines
                .get_or(&k, version, || Ok(store.timeline(&filter, period)?))
        })
        .await
}

/// The most clusters a map draws.
pub const MAX_POINTS: usize = 3000;

/// Map clusters for a filter (cached).
pub async fn points(state: &Arc<AppState>, filter: EventFilter) -> Result<Arc<Vec<MapPoint>>, WebError> {
    let st = Arc::clone(state);
    state
        .pool
        .run(move |store| {
            let version = store.data_version()?;
            st.points
                .get_or(&key(&filter), version, || Ok(store.map_points(&filter, MAX_POINTS)?))
        })
        .await
}

/// One published event with its report; `NotFound` for unknown ids and for
/// events that are not public.
pub async fn event(state: &Arc<AppState>, public_id: String) -> Result<(PublicEvent, Option<PublicReport>), WebError> {
    if public_id.len() > 16 || !public_id.starts_with('E') || !public_id[1..].bytes().all(|b| b.is_ascii_digit()) {
        return Err(WebError::NotFound);
    }
    let st = Arc::clone(state);
    state
        .pool
        .run(move |store| {
            let stored = store.event_by_public_id(&public_id)?.ok_or(WebError::NotFound)?;
            let event = PublicEvent::from_stored(stored, &st.base_url).ok_or(WebError::NotFound)?;
            let report = report(store, event.report_id)?;
            Ok((event, report))
        })
        .await
}
