//! Where reports and coded events live: one storage interface, [`Store`],
//! and its backends. Callers (the CLI, later the web server) hold a
//! `Store` and never see SQL, so the backend can change under them.
//!
//! The embedded SQLite backend, [`SqliteStore`], keeps everything in one
//! file the user can copy and mirror. PostgreSQL, for teams, is planned as
//! the second backend behind the same trait and the same tests.
//!
//! # Layout
//!
//! - `model`: the values the interface takes and returns ([`Status`],
//!   [`StoredReport`], [`StoredEvent`], [`EventQuery`], [`Counts`],
//!   [`AddSummary`]).
//! - `sql`: the SQL every backend shares, written in the subset SQLite and
//!   PostgreSQL both accept, with parameters built as backend-neutral
//!   arguments and rows read into plain structs.
//! - `sqlite`: connection settings, the compiled-in migrations of
//!   `migrations/sqlite/`, and the [`Store`] implementation.
//!
//! Each write call runs in one transaction: it stores all of its batch or,
//! on any error, nothing.
//!
//! # Adding a backend
//!
//! Taking PostgreSQL as the example:
//!
//! 1. Write its schema as `migrations/postgres/NNNN_name.sql`, one file for
//!    each file of `migrations/sqlite/`, same number and name, same tables
//!    and columns, in its own dialect (`GENERATED ALWAYS AS IDENTITY` for
//!    `AUTOINCREMENT`, `boolean` for the 0/1 columns, `double precision`
//!    for `REAL`).
//! 2. Add `src/postgres.rs` with a `PostgresStore` that opens connections,
//!    applies its settings, and lists its migrations with `include_str!`
//!    the way `sqlite.rs` does; the `schema_migrations` statements in `sql`
//!    work unchanged.
//! 3. Implement [`Store`] for it by running the statements of `sql` through
//!    its driver. Override only the dialect: rewrite the `?N` placeholders to
//!    `$N`, map `sql::Arg` to the driver's parameter type, and read driver
//!    rows into `sql::ReportRow` / `sql::EventRow`.
//! 4. Run the shared behaviour tests (`conformance` in the test build)
//!    against it, gated on a database URL in the environment so that
//!    `cargo test` still needs no service.

mod error;
mod filter;
mod model;
mod query;
mod search;
mod sql;
mod sqlite;
mod sqlite_read;

#[cfg(test)]
mod conformance;
#[cfg(test)]
mod conformance_public;

pub use error::{Cause, StoreError};
pub use filter::{
    EventFilter, EventPage, Facets, MAX_PAGE_SIZE, MAX_QUERY_CHARS, MapPoint, Period, Removal, Repression, SizeBand,
    Sort,
};
pub use model::{AddSummary, Counts, EventQuery, Status, StoredEvent, StoredReport};
pub use query::MAX_PERIODS;
pub use sqlite::SqliteStore;

use std::path::PathBuf;
use unrest_codebook::{Event, Report};

/// What every backend offers: store reports with the events coded from
/// them, import hand-coded events, and read both back.
///
/// Writes take a batch and run it in one transaction, so an import either
/// lands whole or leaves the database as it was.
pub trait Store {
    /// Inserts reports (each with the events coded from it, possibly none)
    /// in one transaction, the events as [`Status::Draft`]. A report whose
    /// content hash is already stored is skipped together with its events,
    /// which makes re-running intake harmless. Any error rolls back the
    /// whole batch.
    fn add_reports(&mut self, batch: &[(Report, Vec<Event>)]) -> Result<AddSummary, StoreError>;

    /// Imports hand-coded events in one transaction with the given status,
    /// and returns how many were stored. Each is linked to the first stored
    /// report whose Chinese or English title equals its `report` key, if
    /// there is one. Records the codebook rejects fail the whole batch.
    fn import_events(&mut self, events: &[Event], status: Status) -> Result<usize, StoreError>;

    /// Every stored report, oldest first.
    fn reports(&self) -> Result<Vec<StoredReport>, StoreError>;

    /// One stored report, `None` when there is no report with that id.
    fn report(&self, id: i64) -> Result<Option<StoredReport>, StoreError>;

    /// The events a query selects, ordered by id.
    fn events(&self, query: &EventQuery) -> Result<Vec<StoredEvent>, StoreError>;

    /// How many reports and events are stored, and events per status.
    fn counts(&self) -> Result<Counts, StoreError>;

    /// One page of the events a filter selects, in its order.
    fn list(&self, filter: &EventFilter) -> Result<Vec<StoredEvent>, StoreError>;

    /// How many events a filter selects (paging aside).
    fn count(&self, filter: &EventFilter) -> Result<usize, StoreError>;

    /// A page and the total together, for listings that show both.
    fn page(&self, filter: &EventFilter) -> Result<EventPage, StoreError> {
        Ok(EventPage {
            total: self.count(filter)?,
            events: self.list(filter)?,
        })
    }

    /// How many selected events have each vocabulary code, province,
    /// prefecture, size band and repression flag.
    fn facets(&self, filter: &EventFilter) -> Result<Facets, StoreError>;

    /// Selected events per week or month (by their first day), empty
    /// periods included, oldest first; undated events are left out.
    fn timeline(&self, filter: &EventFilter, period: Period) -> Result<Vec<(String, usize)>, StoreError>;

    /// Selected events with coordinates, clustered per quarter degree,
    /// largest clusters first, at most `limit` clusters.
    fn map_points(&self, filter: &EventFilter, limit: usize) -> Result<Vec<MapPoint>, StoreError>;

    /// One event by its public id (`E000123`), whatever its status.
    fn event_by_public_id(&self, public_id: &str) -> Result<Option<StoredEvent>, StoreError>;

    /// Moves events to a status in one transaction (publish, unpublish to
    /// draft, retract), stamping `updated_at` (and the publication time when
    /// published). Events that leave public view are recorded as removals
    /// for mirrors. Returns how many changed; an unknown id fails the batch.
    fn set_status(&mut self, ids: &[i64], status: Status) -> Result<usize, StoreError>;

    /// Events that left public view at or after `since` (RFC 3339), oldest
    /// first, at most `limit` (clamped to [`MAX_PAGE_SIZE`]).
    fn removals_since(&self, since: &str, limit: usize) -> Result<Vec<Removal>, StoreError>;

    /// A number that changes whenever anything is written, so readers can
    /// keep answers until it moves.
    fn data_version(&self) -> Result<i64, StoreError>;
}

/// Where the database lives when the user names none: the per-user data
/// directory (`~/.local/share/unrest/unrest.sqlite` on Linux, the
/// platform's equivalent elsewhere; `./unrest/unrest.sqlite` when the
/// platform has none). [`SqliteStore::open`] creates the directory.
pub fn default_db_path() -> PathBuf {
    dirs::data_dir()
        .unwrap_or_else(|| PathBuf::from("."))
        .join("unrest")
        .join("unrest.sqlite")
}
