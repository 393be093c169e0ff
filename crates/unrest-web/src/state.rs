//! What every handler shares: a small pool of store connections (the store
//! is synchronous, so calls run on tokio's blocking threads, one connection
//! each; SQLite's WAL lets them read concurrently), a cache of aggregate
//! answers keyed by the store's data version, and the site's public URL.

use crate::error::WebError;
use std::collections::HashMap;
use std::sync::{Arc, Mutex};
use tokio::sync::Semaphore;
use unrest_store::{Store, StoreError};

/// Opens one more connection to the store (called lazily, once per pool
/// slot, and again if a slot's connection was lost to a panic).
pub type Opener = Arc<dyn Fn() -> Result<Box<dyn Store + Send>, StoreError> + Send + Sync>;

/// A fixed number of store connections handed to blocking tasks.
pub struct Pool {
    idle: Mutex<Vec<Box<dyn Store + Send>>>,
    slots: Semaphore,
    opener: Opener,
}

impl Pool {
    /// A pool of at most `size` connections, opened on first use.
    pub fn new(size: usize, opener: Opener) -> Pool {
        Pool {
            idle: Mutex::new(Vec::new()),
            slots: Semaphore::new(size.max(1)),
            opener,
        }
    }

    /// Runs `f` with a connection on a blocking thread and returns its
    /// answer; waits while every connection is busy.
    pub async fn run<R, F>(self: &Arc<Self>, f: F) -> Result<R, WebError>
    where
        R: Send + 'static,
        F: FnOnce(&dyn Store) -> Result<R, WebError> + Send + 'static,
    {
        let _permit = self
            .slots
            .acquire()
            .await
            .map_err(|_| WebError::Internal("store pool closed".into()))?;
        let idle = self.idle.lock().ok().and_then(|mut v| v.pop());
        let pool = Arc::clone(self);
        let (conn, result) = tokio::task::spawn_blocking(move || {
            let conn = match idle {
                Some(c) => c,
                None => match (pool.opener)() {
                    Ok(c) => c,
                    Err(e) => return (None, Err(WebError::from(e))),
                },
            };
            let result = f(&*conn);
            (Some(conn), result)
        })
        .await
        .map_err(|e| WebError::Internal(format!("store task failed: {e}")))?;
        if let (Some(conn), Ok(mut idle)) = (conn, self.idle.lock()) {
            idle.push(conn);
        }
        result
    }
}

/// Answers kept until the store's data version moves: facet counts,
/// timelines, map clusters for a filter. Bounded: it forgets everything
/// when full, which a busy site refills with what is asked most.
pub struct Cached<T> {
    entries: Mutex<HashMap<String, (i64, Arc<T>)>>,
    capacity: usize,
}

impl<T> Cached<T> {
    /// An empty cache of at most `capacity` answers.
    pub fn new(capacity: usize) -> Self {
        Cached {
            entries: Mutex::new(HashMap::new()),
            capacity,
        }
    }

    /// The cached answer for `key` at `version`, computing and keeping it
    /// when missing or stale.
    pub fn get_or(
        &self,
        key: &str,
        version: i64,
        compute: impl FnOnce() -> Result<T, WebError>,
    ) -> Result<Arc<T>, WebError> {
        if let Ok(entries) = self.entries.lock()
            && let Some((v, value)) = entries.get(key)
            && *v == version
        {
            return Ok(Arc::clone(value));
        }
        let value = Arc::new(compute()?);
        if let Ok(mut entries) = self.entries.lock() {
            if entries.len() >= self.capacity {
                entries.clear();
            }
            entries.insert(key.to_owned(), (version, Arc::clone(&value)));
        }
        Ok(value)
    }
}

/// The shared state of the server.
pub struct AppState {
    /// Store connections.
    pub pool: Arc<Pool>,
    /// Facet counts (with totals) per filter.
    pub facets: Cached<unrest_store::Facets>,
    /// Timelines per filter and period.
    pub timelines: Cached<Vec<(String, usize)>>,
    /// Map clusters per filter.
    pub points: Cached<Vec<unrest_store::MapPoint>>,
    /// Counts of listings per filter.
    pub counts: Cached<usize>,
    /// Pages of listings per filter and position (a few hundred entries of
    /// one page each, so memory stays small).
    pub pages: Cached<Vec<(crate::public::PublicEvent, Option<crate::public::PublicReport>)>>,
    /// The site's public URL without a trailing slash (for permalinks,
    /// feeds and citations), e.g. `http://127.0.0.1:8080`.
    pub base_url: String,
}

impl AppState {
    /// State over a store opener, with `connections` pooled connections.
    pub fn new(opener: Opener, connections: usize, base_url: &str) -> Arc<AppState> {
        Arc::new(AppState {
            pool: Arc::new(Pool::new(connections, opener)),
            facets: Cached::new(4096),
            timelines: Cached::new(1024),
            points: Cached::new(1024),
            counts: Cached::new(8192),
            pages: Cached::new(1024),
            base_url: base_url.trim_end_matches('/').to_owned(),
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cache_recomputes_when_version_moves() {
        let cache: Cached<u32> = Cached::new(2);
        let mut calls = 0;
        let mut get = |key: &str, version| {
            *cache
                .get_or(key, version, || {
                    calls += 1;
                    Ok(calls)
                })
                .unwrap()
        };
        assert_eq!(get("a", 1), 1);
        assert_eq!(get("a", 1), 1);
        assert_eq!(get("a", 2), 2);
        assert_eq!(get("b", 2), 3);
        assert_eq!(get("c", 2), 4, "full: forgets and refills");
        assert_eq!(get("a", 2), 5);
    }
}
