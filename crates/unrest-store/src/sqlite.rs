//! The embedded backend: one SQLite file the user can copy, mirror and back
//! up like any other file.
//!
//! Every connection gets the same settings ([`configure`]): write-ahead
//! logging so readers never block the writer, a busy timeout so a second
//! process waits instead of failing, and foreign keys on (SQLite leaves them
//! off by default, per connection). Migrations from `migrations/sqlite/`
//! are compiled in and applied on open.

use crate::sql::{self, Arg, EventRow, Migration, ReportRow};
use crate::{
    AddSummary, Cause, Counts, EventFilter, EventQuery, Facets, MapPoint, Period, Removal, Status, Store, StoreError,
    StoredEvent, StoredReport,
};
use rusqlite::types::{ToSql, ToSqlOutput, Value};
use rusqlite::{Connection, OptionalExtension, Row, Transaction, TransactionBehavior, params, params_from_iter};
use std::path::{Path, PathBuf};
use std::time::Duration;
use unrest_codebook::{Event, Report};

/// The schema history of this backend, oldest first. A new migration is a
/// new file `migrations/sqlite/NNNN_name.sql` plus one entry here (a test
/// checks that the two agree). Each file runs inside a transaction, where
/// SQLite ignores `PRAGMA foreign_keys`: a migration that rebuilds a table
/// must keep every reference valid as it goes.
const MIGRATIONS: &[Migration] = &[
    Migration {
        version: 1,
        name: "0001_init",
        sql: include_str!("../migrations/sqlite/0001_init.sql"),
    },
    Migration {
        version: 2,
        name: "0002_public",
        sql: include_str!("../migrations/sqlite/0002_public.sql"),
    },
    Migration {
        version: 3,
        name: "0003_report_script",
        sql: include_str!("../migrations/sqlite/0003_report_script.sql"),
    },
    Migration {
        version: 4,
        name: "0004_listing_index",
        sql: include_str!("../migrations/sqlite/0004_listing_index.sql"),
    },
    Migration {
        version: 5,
        name: "0005_filter_by_id_index",
        sql: include_str!("../migrations/sqlite/0005_filter_by_id_index.sql"),
    },
];

/// How long a connection waits for another process's write lock before
/// giving up with "database is locked".
const BUSY_TIMEOUT: Duration = Duration::from_secs(5);

/// The storage interface over one SQLite database file.
///
/// Holds a single connection: the CLI is one process doing one thing at a
/// time. A server that wants a pool opens one connection per worker, each
/// with the settings of `configure` in this module.
#[derive(Debug)]
pub struct SqliteStore {
    pub(crate) conn: Connection,
    pub(crate) path: PathBuf,
}

impl SqliteStore {
    /// Opens (creating if needed) the database at `path`, creating its parent
    /// directory, configuring the connection and applying any pending
    /// migrations.
    pub fn open(path: &Path) -> Result<Self, StoreError> {
        let open_error = |cause: Cause| StoreError::Open {
            path: path.to_path_buf(),
            cause,
        };
        if let Some(parent) = path.parent().filter(|p| !p.as_os_str().is_empty()) {
            std::fs::create_dir_all(parent).map_err(|e| open_error(e.into()))?;
        }
        let conn = Connection::open(path).map_err(|e| open_error(e.into()))?;
        Self::init(conn, path.to_path_buf())
    }

    /// A private database in memory, gone when dropped: for tests and for
    /// one-off runs that need the store's behaviour without a file.
    pub fn open_in_memory() -> Result<Self, StoreError> {
        let path = PathBuf::from(":memory:");
        let conn = Connection::open_in_memory().map_err(|e| StoreError::Open {
            path: path.clone(),
            cause: e.into(),
        })?;
        Self::init(conn, path)
    }

    /// The database file this store reads and writes, for messages.
    pub fn path(&self) -> &Path {
        &self.path
    }

    fn init(conn: Connection, path: PathBuf) -> Result<Self, StoreError> {
        configure(&conn).map_err(|e| StoreError::Open {
            path: path.clone(),
            cause: e.into(),
        })?;
        let mut store = SqliteStore { conn, path };
        store.migrate()?;
        Ok(store)
    }

    /// Applies the migrations the database has not had yet, each in its own
    /// transaction together with its row in `schema_migrations`. The version
    /// is re-read under the write lock, so two processes opening a new file
    /// at once do not both apply the same migration.
    fn migrate(&mut self) -> Result<(), StoreError> {
        let path = self.path.clone();
        let open_error = |e: rusqlite::Error| StoreError::Open {
            path: path.clone(),
            cause: e.into(),
        };
        self.conn
            .execute_batch(sql::CREATE_MIGRATIONS_TABLE)
            .map_err(open_error)?;
        let known = MIGRATIONS.last().map_or(0, |m| m.version);
        let found = schema_version(&self.conn).map_err(open_error)?;
        if found > known {
            return Err(StoreError::SchemaTooNew { path, found, known });
        }
        for migration in MIGRATIONS.iter().filter(|m| m.version > found) {
            let migration_error = |e: rusqlite::Error| StoreError::Migration {
                path: path.clone(),
                name: migration.name.into(),
                cause: e.into(),
            };
            let tx = self
                .conn
                .transaction_with_behavior(TransactionBehavior::Immediate)
                .map_err(migration_error)?;
            if schema_version(&tx).map_err(migration_error)? >= migration.version {
                continue;
            }
            tx.execute_batch(migration.sql).map_err(migration_error)?;
            if migration.version == 2 {
                // Columns and index rows that SQL alone cannot fill.
                crate::sqlite_read::backfill_v2(&tx).map_err(|cause| StoreError::Migration {
                    path: path.clone(),
                    name: migration.name.into(),
                    cause,
                })?;
            }
            tx.execute(
                sql::INSERT_MIGRATION,
                params![migration.version, migration.name, sql::now()],
            )
            .map_err(migration_error)?;
            tx.commit().map_err(migration_error)?;
        }
        Ok(())
    }

    /// A write transaction. IMMEDIATE takes the write lock up front, so a
    /// busy database makes the call wait (busy timeout) rather than fail
    /// half-way when a read would have to be upgraded to a write.
    pub(crate) fn write(&mut self, what: &str) -> Result<Transaction<'_>, StoreError> {
        let action = format!("cannot start {what} in {}", self.path.display());
        self.conn
            .transaction_with_behavior(TransactionBehavior::Immediate)
            .map_err(|e| StoreError::Database {
                action,
                cause: e.into(),
            })
    }

    /// Builds the error for a failed read or write of the whole database.
    pub(crate) fn failed(&self, action: &str) -> impl Fn(rusqlite::Error) -> StoreError + use<> {
        let action = format!("{action} {}", self.path.display());
        move |e| StoreError::Database {
            action: action.clone(),
            cause: e.into(),
        }
    }
}

/// The per-connection settings every connection to an unrest database must
/// have. Run on each new connection: SQLite keeps `foreign_keys` and
/// `busy_timeout` per connection, not in the file.
pub(crate) fn configure(conn: &Connection) -> rusqlite::Result<()> {
    // First, so that switching the journal mode waits for other writers too.
    conn.busy_timeout(BUSY_TIMEOUT)?;
    conn.pragma_update(None, "foreign_keys", true)?;
    // An in-memory database answers "memory"; a file on a file system that
    // cannot share memory keeps its old mode. Both still work, so the
    // answer is not checked.
    let _mode: String = conn.pragma_update_and_check(None, "journal_mode", "WAL", |row| row.get(0))?;
    // Durable at every checkpoint, and the setting SQLite recommends with WAL.
    conn.pragma_update(None, "synchronous", "NORMAL")?;
    Ok(())
}

fn schema_version(conn: &Connection) -> rusqlite::Result<i64> {
    conn.query_row(sql::SELECT_SCHEMA_VERSION, [], |row| row.get::<_, Option<i64>>(0))
        .map(|v| v.unwrap_or(0))
}

impl ToSql for Arg {
    fn to_sql(&self) -> rusqlite::Result<ToSqlOutput<'_>> {
        Ok(match self {
            Arg::Null => ToSqlOutput::Owned(Value::Null),
            Arg::Int(n) => ToSqlOutput::from(*n),
            Arg::Real(x) => ToSqlOutput::from(*x),
            Arg::Text(s) => ToSqlOutput::from(s.as_str()),
            Arg::Bool(b) => ToSqlOutput::from(*b),
        })
    }
}

/// Whether `insert_report` stored a new row or found the report stored.
enum Inserted {
    /// A new row with this id.
    Added(i64),
    /// The content hash was already stored under this id; nothing written.
    Known(i64),
}

/// Stores a report unless its content hash is already stored.
fn insert_report(tx: &Transaction<'_>, report: &Report, now: &str) -> Result<Inserted, Cause> {
    let hash = report.content_hash();
    let new = tx
        .prepare_cached(sql::INSERT_REPORT)?
        .query_row(params_from_iter(sql::report_args(report, &hash, now)), |row| row.get(0))
        .optional()?;
    Ok(match new {
        Some(id) => Inserted::Added(id),
        None => Inserted::Known(
            tx.prepare_cached(sql::SELECT_REPORT_ID_BY_HASH)?
                .query_row([&hash], |row| row.get(0))?,
        ),
    })
}

/// The first stored report with this title in either language.
fn report_by_title(tx: &Transaction<'_>, title: &str) -> Result<Option<i64>, Cause> {
    if title.is_empty() {
        return Ok(None);
    }
    Ok(tx
        .prepare_cached(sql::SELECT_REPORT_ID_BY_TITLE)?
        .query_row([title], |row| row.get(0))
        .optional()?)
}

/// A stored report, inside a transaction (to index an imported event
/// with its report's text).
fn load_report(tx: &Transaction<'_>, id: i64) -> Result<Report, Cause> {
    let row = tx.prepare_cached(&sql::select_report())?.query_row([id], report_row)?;
    Ok(row.into_stored()?.report)
}

/// Names the batch item an error belongs to.
fn record_error(item: String) -> impl FnOnce(Cause) -> StoreError {
    move |cause| StoreError::Record { item, cause }
}

/// Stores one event with its codes and public id, inside the caller's
/// transaction. Checks the record against the codebook first, so nothing
/// the codebook rejects can reach the table.
fn insert_event(
    tx: &Transaction<'_>,
    report_id: Option<i64>,
    report: Option<&Report>,
    status: Status,
    event: &Event,
    now: &str,
) -> Result<i64, Cause> {
    event.validate()?;
    let id: i64 = tx.prepare_cached(sql::INSERT_EVENT)?.query_row(
        params_from_iter(sql::event_args(report_id, status, event, now)),
        |row| row.get(0),
    )?;
    tx.prepare_cached(sql::SET_EVENT_PUBLIC_ID)?
        .execute(params![id, sql::public_id(id)])?;
    let mut insert_code = tx.prepare_cached(sql::INSERT_EVENT_CODE)?;
    for (vocab, code) in sql::event_codes(event) {
        insert_code.execute(params![id, vocab, code])?;
    }
    crate::sqlite_read::index_event(tx, id, event, report)?;
    Ok(id)
}

pub(crate) fn report_row(row: &Row<'_>) -> rusqlite::Result<ReportRow> {
    Ok(ReportRow {
        id: row.get(0)?,
        hash: row.get(1)?,
        title_zh: row.get(2)?,
        title_en: row.get(3)?,
        body_zh: row.get(4)?,
        body_en: row.get(5)?,
        text: row.get(6)?,
        lang: row.get(7)?,
        start_date: row.get(8)?,
        end_date: row.get(9)?,
        published: row.get(10)?,
        url: row.get(11)?,
        source: row.get(12)?,
        created_at: row.get(13)?,
        script: row.get(14)?,
    })
}

pub(crate) fn event_row(row: &Row<'_>) -> rusqlite::Result<EventRow> {
    Ok(EventRow {
        id: row.get(0)?,
        public_id: row.get(1)?,
        report_id: row.get(2)?,
        status: row.get(3)?,
        record: row.get(4)?,
        created_at: row.get(5)?,
        updated_at: row.get(6)?,
        published_at: row.get(7)?,
    })
}

impl Store for SqliteStore {
    fn add_reports(&mut self, batch: &[(Report, Vec<Event>)]) -> Result<AddSummary, StoreError> {
        let now = sql::now();
        let commit_failed = self.failed("cannot commit reports to");
        let tx = self.write("adding reports")?;
        let mut summary = AddSummary::default();
        for (i, (report, events)) in batch.iter().enumerate() {
            let id = match insert_report(&tx, report, &now).map_err(record_error(sql::report_label(i, report)))? {
                Inserted::Added(id) => {
                    for (j, event) in events.iter().enumerate() {
                        let item = format!("{}, {}", sql::report_label(i, report), sql::event_label(j, event));
                        insert_event(&tx, Some(id), Some(report), Status::Draft, event, &now)
                            .map_err(record_error(item))?;
                    }
                    summary.added += 1;
                    summary.events += events.len();
                    id
                }
                Inserted::Known(id) => {
                    summary.skipped += 1;
                    id
                }
            };
            summary.report_ids.push(id);
        }
        tx.execute(sql::BUMP_VERSION, []).map_err(&commit_failed)?;
        tx.commit().map_err(commit_failed)?;
        Ok(summary)
    }

    fn import_events(&mut self, events: &[Event], status: Status) -> Result<usize, StoreError> {
        let now = sql::now();
        let commit_failed = self.failed("cannot commit events to");
        let tx = self.write("importing events")?;
        for (i, event) in events.iter().enumerate() {
            report_by_title(&tx, &event.report)
                .and_then(|report_id| {
                    let report = report_id.map(|id| load_report(&tx, id)).transpose()?;
                    insert_event(&tx, report_id, report.as_ref(), status, event, &now)
                })
                .map_err(record_error(sql::event_label(i, event)))?;
        }
        tx.execute(sql::BUMP_VERSION, []).map_err(&commit_failed)?;
        tx.commit().map_err(commit_failed)?;
        Ok(events.len())
    }

    fn reports(&self) -> Result<Vec<StoredReport>, StoreError> {
        let failed = self.failed("cannot read reports from");
        let rows = self
            .conn
            .prepare_cached(&sql::select_reports())
            .and_then(|mut stmt| stmt.query_map([], report_row)?.collect::<Result<Vec<_>, _>>())
            .map_err(failed)?;
        rows.into_iter().map(ReportRow::into_stored).collect()
    }

    fn report(&self, id: i64) -> Result<Option<StoredReport>, StoreError> {
        let failed = self.failed(&format!("cannot read report {id} from"));
        let row = self
            .conn
            .prepare_cached(&sql::select_report())
            .and_then(|mut stmt| stmt.query_row([id], report_row).optional())
            .map_err(failed)?;
        row.map(ReportRow::into_stored).transpose()
    }

    fn events(&self, query: &EventQuery) -> Result<Vec<StoredEvent>, StoreError> {
        let failed = self.failed("cannot read events from");
        let (sql, args) = sql::select_events(query);
        let rows = self
            .conn
            .prepare_cached(&sql)
            .and_then(|mut stmt| {
                stmt.query_map(params_from_iter(args.iter()), event_row)?
                    .collect::<Result<Vec<_>, _>>()
            })
            .map_err(failed)?;
        rows.into_iter().map(EventRow::into_stored).collect()
    }

    fn counts(&self) -> Result<Counts, StoreError> {
        let failed = self.failed("cannot count records in");
        let reports: i64 = self
            .conn
            .query_row(sql::COUNT_REPORTS, [], |row| row.get(0))
            .map_err(&failed)?;
        let by_status = self
            .conn
            .prepare_cached(sql::COUNT_EVENTS_BY_STATUS)
            .and_then(|mut stmt| {
                stmt.query_map([], |row| Ok((row.get(0)?, row.get(1)?)))?
                    .collect::<Result<Vec<_>, _>>()
            })
            .map_err(&failed)?;
        Ok(sql::counts(reports, by_status))
    }

    fn list(&self, filter: &EventFilter) -> Result<Vec<StoredEvent>, StoreError> {
        self.list_events(filter)
    }

    fn count(&self, filter: &EventFilter) -> Result<usize, StoreError> {
        self.count_events(filter)
    }

    fn facets(&self, filter: &EventFilter) -> Result<Facets, StoreError> {
        self.facet_counts(filter)
    }

    fn timeline(&self, filter: &EventFilter, period: Period) -> Result<Vec<(String, usize)>, StoreError> {
        self.day_counts(filter, period)
    }

    fn map_points(&self, filter: &EventFilter, limit: usize) -> Result<Vec<MapPoint>, StoreError> {
        self.points(filter, limit)
    }

    fn event_by_public_id(&self, public_id: &str) -> Result<Option<StoredEvent>, StoreError> {
        self.by_public_id(public_id)
    }

    fn set_status(&mut self, ids: &[i64], status: Status) -> Result<usize, StoreError> {
        self.change_status(ids, status)
    }

    fn removals_since(&self, since: &str, limit: usize) -> Result<Vec<Removal>, StoreError> {
        self.removals(since, limit)
    }

    fn data_version(&self) -> Result<i64, StoreError> {
        self.version()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::conformance;
    use tempfile::TempDir;

    fn file_store() -> (TempDir, SqliteStore) {
        let dir = tempfile::tempdir().unwrap();
        let store = SqliteStore::open(&dir.path().join("unrest.sqlite")).unwrap();
        (dir, store)
    }

    /// Runs a shared behaviour test on a file database and on an in-memory
    /// one.
    macro_rules! conformance_tests {
        ($($name:ident),* $(,)?) => {$(
            #[test]
            fn $name() {
                let (_dir, mut store) = file_store();
                conformance::$name(&mut store);
                conformance::$name(&mut SqliteStore::open_in_memory().unwrap());
            }
        )*};
    }

    /// The same for the public reads.
    macro_rules! public_conformance_tests {
        ($($name:ident),* $(,)?) => {$(
            #[test]
            fn $name() {
                let (_dir, mut store) = file_store();
                crate::conformance_public::$name(&mut store);
                crate::conformance_public::$name(&mut SqliteStore::open_in_memory().unwrap());
            }
        )*};
    }

    public_conformance_tests!(
        filters_select_published_events,
        text_search_finds_words,
        facets_count_values,
        timeline_and_points,
        status_changes_are_synced,
    );

    #[test]
    fn migration_2_backfills_columns_and_index() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("old.sqlite");
        {
            let conn = Connection::open(&path).unwrap();
            conn.execute_batch(sql::CREATE_MIGRATIONS_TABLE).unwrap();
            conn.execute_batch(MIGRATIONS[0].sql).unwrap();
            conn.execute(sql::INSERT_MIGRATION, params![1, "0001_init", "2031-01-01T00:00:00Z"])
                .unwrap();
            let mut event = Event::new("r", unrest_codebook::Role::Primary);
            event.title_en = Some("Bakery workers strike".into());
            event.arrests_min = Some(3);
            conn.execute(
                "INSERT INTO events (public_id, status, record, role, outcome, created_at, updated_at)
                 VALUES ('E000001', 'published', ?1, 'primary', 'unknown', 'x', '2031-01-01T00:00:00Z')",
                [event.to_json()],
            )
            .unwrap();
        }
        let store = SqliteStore::open(&path).unwrap();
        let filter = |text: &str| EventFilter {
            text: Some(text.into()),
            repression: vec![crate::Repression::Arrests],
            ..EventFilter::public()
        };
        assert_eq!(store.count(&filter("bakery")).unwrap(), 1);
        assert_eq!(store.count(&filter("bank")).unwrap(), 0);
        let stored = store.list(&filter("bakery")).unwrap();
        assert_eq!(stored[0].public_id, "E000001");
    }

    conformance_tests!(
        add_reports_is_idempotent,
        records_round_trip,
        failed_batch_rolls_back,
        events_filter_by_status,
        events_link_to_reports,
    );

    fn applied(store: &SqliteStore) -> Vec<(i64, String)> {
        let mut stmt = store
            .conn
            .prepare("SELECT version, name FROM schema_migrations ORDER BY version")
            .unwrap();
        stmt.query_map([], |row| Ok((row.get(0)?, row.get(1)?)))
            .unwrap()
            .collect::<Result<_, _>>()
            .unwrap()
    }

    #[test]
    fn open_creates_file_and_migrates_once() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("nested").join("data").join("unrest.sqlite");
        let mut store = SqliteStore::open(&path).unwrap();
        assert!(path.is_file());
        assert_eq!(store.path(), path);
        let all: Vec<_> = MIGRATIONS.iter().map(|m| (m.version, m.name.to_string())).collect();
        assert_eq!(applied(&store), all);
        let report = conformance::carton_factory();
        store.add_reports(&[(report, vec![])]).unwrap();
        drop(store);

        let store = SqliteStore::open(&path).unwrap();
        assert_eq!(applied(&store), all, "reopening applied migrations again");
        assert_eq!(store.counts().unwrap().reports, 1);
    }

    #[test]
    fn connections_use_wal_foreign_keys_and_busy_timeout() {
        let (_dir, store) = file_store();
        let pragma = |name: &str| -> String {
            store
                .conn
                .query_row(&format!("PRAGMA {name}"), [], |row| {
                    row.get::<_, rusqlite::types::Value>(0)
                })
                .map(|v| match v {
                    Value::Text(s) => s,
                    Value::Integer(n) => n.to_string(),
                    other => format!("{other:?}"),
                })
                .unwrap()
        };
        assert_eq!(pragma("journal_mode"), "wal");
        assert_eq!(pragma("foreign_keys"), "1");
        assert_eq!(pragma("busy_timeout"), "5000");
        assert_eq!(pragma("synchronous"), "1");
    }

    #[test]
    fn database_error_mid_batch_rolls_back() {
        let (_dir, mut store) = file_store();
        let a = conformance::carton_factory();
        store.add_reports(&[(a, vec![])]).unwrap();
        let before = store.counts().unwrap();
        // A failure only the database sees, after earlier rows of the batch
        // were written.
        store
            .conn
            .execute_batch(
                "CREATE TRIGGER refuse BEFORE INSERT ON events
                 WHEN NEW.record LIKE '%refuse me%'
                 BEGIN SELECT RAISE(ABORT, 'refused by test trigger'); END;",
            )
            .unwrap();
        let b = conformance::willow_bank();
        let c = conformance::northport_drivers();
        let mut bad = Event::new(c.title(), unrest_codebook::Role::Primary);
        bad.title_en = Some("refuse me".into());
        let ok = Event::new(b.title(), unrest_codebook::Role::Primary);
        let err = store
            .add_reports(&[(b, vec![ok.clone()]), (c, vec![ok.clone(), bad.clone()])])
            .unwrap_err()
            .to_string();
        assert!(err.contains("refused by test trigger"), "{err}");
        assert!(err.starts_with("report 2 ("), "{err}");
        assert_eq!(store.counts().unwrap(), before);

        let err = store.import_events(&[ok.clone(), ok, bad], Status::Draft).unwrap_err();
        assert!(err.to_string().starts_with(r#"event 3 ("refuse me"): "#), "{err}");
        assert_eq!(store.counts().unwrap(), before);
        let codes: i64 = store
            .conn
            .query_row("SELECT COUNT(*) FROM event_codes", [], |row| row.get(0))
            .unwrap();
        assert_eq!(codes, 0);
    }

    #[test]
    fn codes_and_filter_columns_are_filled() {
        let mut store = SqliteStore::open_in_memory().unwrap();
        let events: Vec<Event> = conformance::HAND_CODED
            .iter()
            .map(|l| Event::from_json(l).unwrap())
            .collect();
        store.import_events(&events, Status::Published).unwrap();
        let workers: Vec<i64> = store
            .conn
            .prepare("SELECT event_id FROM event_codes WHERE vocab = 'tactics' AND code = 'strike'")
            .unwrap()
            .query_map([], |row| row.get(0))
            .unwrap()
            .collect::<Result<_, _>>()
            .unwrap();
        assert_eq!(workers, [1]);
        let (from, to, police, lat, public_id): (String, String, Option<bool>, f64, String) = store
            .conn
            .query_row(
                "SELECT date_from, date_to, police, lat, public_id FROM events WHERE id = 1",
                [],
                |row| Ok((row.get(0)?, row.get(1)?, row.get(2)?, row.get(3)?, row.get(4)?)),
            )
            .unwrap();
        assert_eq!(
            (from.as_str(), to.as_str(), police),
            ("2031-03-04", "2031-03-06", Some(false))
        );
        assert_eq!(lat, 30.123456789012345);
        assert_eq!(public_id, "E000001");
        let (from, to): (String, String) = store
            .conn
            .query_row("SELECT date_from, date_to FROM events WHERE id = 3", [], |row| {
                Ok((row.get(0)?, row.get(1)?))
            })
            .unwrap();
        assert_eq!((from.as_str(), to.as_str()), ("2030-01-01", "2030-12-31"));
    }

    #[test]
    fn migration_list_matches_files() {
        let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("migrations/sqlite");
        let mut files: Vec<String> = std::fs::read_dir(&dir)
            .unwrap()
            .map(|e| e.unwrap().path())
            .filter(|p| p.extension().is_some_and(|x| x == "sql"))
            .map(|p| p.file_stem().unwrap().to_string_lossy().into_owned())
            .collect();
        files.sort();
        let names: Vec<&str> = MIGRATIONS.iter().map(|m| m.name).collect();
        assert_eq!(
            files,
            names,
            "every file in {} must be listed in MIGRATIONS",
            dir.display()
        );
        for (i, m) in MIGRATIONS.iter().enumerate() {
            assert_eq!(m.version, i as i64 + 1, "{}", m.name);
            assert_eq!(m.name[..4].parse::<i64>().unwrap(), m.version, "{}", m.name);
        }
    }

    #[test]
    fn newer_schema_is_refused() {
        let (dir, store) = file_store();
        store
            .conn
            .execute("INSERT INTO schema_migrations VALUES (999, '0999_future', 'x')", [])
            .unwrap();
        drop(store);
        let err = SqliteStore::open(&dir.path().join("unrest.sqlite")).unwrap_err();
        assert!(matches!(err, StoreError::SchemaTooNew { found: 999, .. }), "{err}");
        assert!(
            err.to_string().contains("unrest.sqlite has schema version 999"),
            "{err}"
        );
    }

    #[test]
    fn open_errors_name_the_file() {
        let dir = tempfile::tempdir().unwrap();
        let blocker = dir.path().join("not-a-dir");
        std::fs::write(&blocker, "").unwrap();
        let path = blocker.join("unrest.sqlite");
        let err = SqliteStore::open(&path).unwrap_err().to_string();
        assert!(
            err.starts_with(&format!("cannot open database {}: ", path.display())),
            "{err}"
        );
        assert!(!err.contains('\n'), "{err}");

        let junk = dir.path().join("junk.sqlite");
        std::fs::write(&junk, "this is not a database, just text that is long enough").unwrap();
        let err = SqliteStore::open(&junk).unwrap_err().to_string();
        assert!(err.contains("junk.sqlite"), "{err}");
    }

    #[test]
    fn unreadable_rows_are_reported_by_id() {
        let mut store = SqliteStore::open_in_memory().unwrap();
        let r = conformance::northport_drivers();
        store
            .import_events(&[Event::new(r.title(), unrest_codebook::Role::Primary)], Status::Draft)
            .unwrap();
        store
            .conn
            .execute("UPDATE events SET record = '{' WHERE id = 1", [])
            .unwrap();
        let err = store.events(&EventQuery::default()).unwrap_err().to_string();
        assert!(err.starts_with("stored event 1 is unreadable: record: "), "{err}");
    }

    #[test]
    fn default_path_is_under_the_data_dir() {
        let path = crate::default_db_path();
        assert!(path.ends_with("unrest/unrest.sqlite"), "{}", path.display());
    }
}
