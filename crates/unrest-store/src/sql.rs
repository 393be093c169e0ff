//! The SQL and the record mapping every backend shares.
//!
//! Statements are written in the subset SQLite and PostgreSQL both accept:
//! `INSERT … ON CONFLICT … DO NOTHING`, `RETURNING`, `LIMIT/OFFSET`, and
//! numbered placeholders `?1`, `?2`… (SQLite's spelling; a PostgreSQL
//! backend rewrites them to `$1`, `$2`… before preparing). Parameters are
//! built here as backend-neutral [`Arg`] lists and rows are read back into
//! plain row structs, so a backend only maps `Arg` to its driver's types and
//! driver rows to these structs. Schema differences live in each backend's
//! migrations, not here.

use crate::{Counts, EventQuery, Status, StoreError, StoredEvent, StoredReport};
use unrest_codebook::{Event, Lang, Outcome, PartialDate, Report, Role, Script, Vocabulary};

/// One statement parameter, independent of any driver.
#[derive(Debug, Clone, PartialEq)]
pub(crate) enum Arg {
    /// SQL NULL (an absent optional field).
    Null,
    /// Integer column.
    Int(i64),
    /// Floating-point column.
    Real(f64),
    /// Text column.
    Text(String),
    /// Boolean column (SQLite stores 0/1, PostgreSQL `boolean`).
    Bool(bool),
}

impl Arg {
    fn opt<T>(value: Option<T>, f: impl FnOnce(T) -> Arg) -> Arg {
        value.map_or(Arg::Null, f)
    }

    fn text(value: Option<&str>) -> Arg {
        Arg::opt(value, |s| Arg::Text(s.to_owned()))
    }

    fn date(value: Option<PartialDate>) -> Arg {
        Arg::opt(value, |d| Arg::Text(d.to_string()))
    }

    fn uint(value: Option<u32>) -> Arg {
        Arg::opt(value, |n| Arg::Int(i64::from(n)))
    }

    fn bool(value: Option<bool>) -> Arg {
        Arg::opt(value, Arg::Bool)
    }
}

/// A schema change, compiled in from `migrations/<backend>/NNNN_name.sql`.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Migration {
    /// The `NNNN` of the file name; migrations apply in this order.
    pub version: i64,
    /// The file stem, `NNNN_name`, recorded with the version.
    pub name: &'static str,
    /// The statements.
    pub sql: &'static str,
}

/// Which migrations a database has had. Created by the migration runner
/// (not by a migration) so it exists before the first one runs.
pub(crate) const CREATE_MIGRATIONS_TABLE: &str = "CREATE TABLE IF NOT EXISTS schema_migrations (
    version    INTEGER PRIMARY KEY,
    name       TEXT NOT NULL,
    applied_at TEXT NOT NULL
)";

/// The highest migration applied (NULL on a new database).
pub(crate) const SELECT_SCHEMA_VERSION: &str = "SELECT MAX(version) FROM schema_migrations";

/// Records one applied migration.
pub(crate) const INSERT_MIGRATION: &str =
    "INSERT INTO schema_migrations (version, name, applied_at) VALUES (?1, ?2, ?3)";

/// Stores a report unless its hash is known; returns the new id, or no row
/// when it was skipped.
pub(crate) const INSERT_REPORT: &str = "INSERT INTO reports
    (hash, title_zh, title_en, body_zh, body_en, text, lang, start_date, end_date, published, url, source, created_at,
     script)
    VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14)
    ON CONFLICT (hash) DO NOTHING
    RETURNING id";

/// Finds the stored report with a content hash.
pub(crate) const SELECT_REPORT_ID_BY_HASH: &str = "SELECT id FROM reports WHERE hash = ?1";

/// Finds the first stored report with a given title in either language (the
/// codebook's `report` key of a hand-coded event).
pub(crate) const SELECT_REPORT_ID_BY_TITLE: &str =
    "SELECT id FROM reports WHERE title_zh = ?1 OR title_en = ?1 ORDER BY id LIMIT 1";

const REPORT_COLUMNS: &str = "id, hash, title_zh, title_en, body_zh, body_en, text, lang, start_date, end_date, \
                              published, url, source, created_at, script";

/// Every report, oldest first; columns in [`ReportRow`] order.
pub(crate) fn select_reports() -> String {
    format!("SELECT {REPORT_COLUMNS} FROM reports ORDER BY id")
}

/// One report by id; columns in [`ReportRow`] order.
pub(crate) fn select_report() -> String {
    format!("SELECT {REPORT_COLUMNS} FROM reports WHERE id = ?1")
}

/// Stores an event's record and its filter columns; returns the new id.
pub(crate) const INSERT_EVENT: &str = "INSERT INTO events
    (report_id, status, record, role, start_date, end_date, date_from, date_to, country, province, prefecture,
     county, adcode, geo_precision, lat, lon, size_min, size_max, police, violence, censorship, intimidation,
     outcome, created_at, updated_at, arrests_min, injuries, deaths, published_at)
    VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17, ?18, ?19, ?20, ?21, ?22,
            ?23, ?24, ?24, ?25, ?26, ?27, ?28)
    RETURNING id";

/// Gives a new event its public id (which derives from the row id, known
/// only after the insert).
pub(crate) const SET_EVENT_PUBLIC_ID: &str = "UPDATE events SET public_id = ?2 WHERE id = ?1";

/// Records one vocabulary code of an event (repeats in the record collapse).
pub(crate) const INSERT_EVENT_CODE: &str =
    "INSERT INTO event_codes (event_id, vocab, code) VALUES (?1, ?2, ?3) ON CONFLICT DO NOTHING";

pub(crate) const EVENT_COLUMNS: &str = "id, public_id, report_id, status, record, created_at, updated_at, published_at";

/// The events a query asks for, ordered by id; columns in [`EventRow`]
/// order.
pub(crate) fn select_events(query: &EventQuery) -> (String, Vec<Arg>) {
    let mut sql = format!("SELECT {EVENT_COLUMNS} FROM events");
    let mut args = Vec::new();
    let mut conditions = Vec::new();
    if let Some(status) = query.status {
        args.push(Arg::Text(status.code().into()));
        conditions.push(format!("status = ?{}", args.len()));
    }
    if let Some(report_id) = query.report_id {
        args.push(Arg::Int(report_id));
        conditions.push(format!("report_id = ?{}", args.len()));
    }
    if !conditions.is_empty() {
        sql.push_str(" WHERE ");
        sql.push_str(&conditions.join(" AND "));
    }
    sql.push_str(" ORDER BY id");
    if query.limit.is_some() || query.offset > 0 {
        // Both dialects need a LIMIT before an OFFSET; i64::MAX means "all".
        let limit = query.limit.map_or(i64::MAX, to_i64);
        args.push(Arg::Int(limit));
        sql.push_str(&format!(" LIMIT ?{}", args.len()));
        args.push(Arg::Int(to_i64(query.offset)));
        sql.push_str(&format!(" OFFSET ?{}", args.len()));
    }
    (sql, args)
}

/// Number of reports.
pub(crate) const COUNT_REPORTS: &str = "SELECT COUNT(*) FROM reports";

/// Number of events per status: rows of (status, count).
pub(crate) const COUNT_EVENTS_BY_STATUS: &str = "SELECT status, COUNT(*) FROM events GROUP BY status";

/// One event by public id; columns in [`EventRow`] order.
pub(crate) fn select_event_by_public_id() -> String {
    format!("SELECT {EVENT_COLUMNS} FROM events WHERE public_id = ?1")
}

/// The counter every write bumps, for caches.
pub(crate) const SELECT_VERSION: &str = "SELECT version FROM store_version WHERE id = 1";

/// Bumps the write counter; run inside each write transaction.
pub(crate) const BUMP_VERSION: &str = "UPDATE store_version SET version = version + 1 WHERE id = 1";

/// An event's status and public id, before a status change.
pub(crate) const SELECT_STATUS: &str = "SELECT status, public_id FROM events WHERE id = ?1";

/// Changes an event's status; `published_at` is set to now when it becomes
/// public (?3 = 1) and kept otherwise.
pub(crate) const UPDATE_STATUS: &str = "UPDATE events SET status = ?2, updated_at = ?4,
    published_at = CASE WHEN ?3 = 1 THEN ?4 ELSE published_at END WHERE id = ?1";

/// Records that a public event left public view (or updates the record).
pub(crate) const UPSERT_REMOVAL: &str = "INSERT INTO event_removals (event_id, public_id, status, removed_at)
    VALUES (?1, ?2, ?3, ?4)
    ON CONFLICT (event_id) DO UPDATE SET status = excluded.status, removed_at = excluded.removed_at";

/// Forgets a removal when the event is public again.
pub(crate) const DELETE_REMOVAL: &str = "DELETE FROM event_removals WHERE event_id = ?1";

/// Removals at or after a time, oldest first.
pub(crate) const SELECT_REMOVALS: &str = "SELECT public_id, status, removed_at FROM event_removals
    WHERE removed_at >= ?1 ORDER BY removed_at, event_id LIMIT ?2";

/// Fills the repression columns added by migration 0002 for one event.
pub(crate) const UPDATE_REPRESSION_COLUMNS: &str =
    "UPDATE events SET arrests_min = ?2, injuries = ?3, deaths = ?4 WHERE id = ?1";

/// Every event with its report text, for rebuilding the search index:
/// (id, record, report id).
pub(crate) const SELECT_EVENTS_FOR_INDEX: &str = "SELECT id, record, report_id FROM events ORDER BY id";

fn to_i64(n: usize) -> i64 {
    i64::try_from(n).unwrap_or(i64::MAX)
}

/// The time stamps the store writes: RFC 3339, UTC, whole seconds. Text
/// of this fixed shape sorts in time order in any backend.
pub(crate) fn now() -> String {
    jiff::Timestamp::now().strftime("%Y-%m-%dT%H:%M:%SZ").to_string()
}

/// The public id of an event row: `E` and the id, zero-padded to six
/// digits (more when the id needs them). Derived from the never-reused row
/// id, so it never changes and never points at another event.
pub(crate) fn public_id(id: i64) -> String {
    format!("E{id:06}")
}

/// Parameters of [`INSERT_REPORT`].
pub(crate) fn report_args(report: &Report, hash: &str, now: &str) -> Vec<Arg> {
    vec![
        Arg::Text(hash.into()),
        Arg::text(report.title_zh.as_deref()),
        Arg::text(report.title_en.as_deref()),
        Arg::text(report.body_zh.as_deref()),
        Arg::text(report.body_en.as_deref()),
        Arg::Text(report.text.clone()),
        Arg::Text(report.lang.code().into()),
        Arg::date(report.start_date),
        Arg::date(report.end_date),
        Arg::date(report.published),
        Arg::text(report.url.as_deref()),
        Arg::text(report.source.as_deref()),
        Arg::Text(now.into()),
        Arg::Text(report.script.code().into()),
    ]
}

/// Parameters of [`INSERT_EVENT`]: the canonical JSON record, and the
/// fields later filters need, copied into columns.
pub(crate) fn event_args(report_id: Option<i64>, status: Status, event: &Event, now: &str) -> Vec<Arg> {
    let first = event.start_date.or(event.end_date);
    let last = event.end_date.or(event.start_date);
    vec![
        Arg::opt(report_id, Arg::Int),
        Arg::Text(status.code().into()),
        Arg::Text(event.to_json()),
        Arg::Text(role_code(event.role).into()),
        Arg::date(event.start_date),
        Arg::date(event.end_date),
        Arg::opt(first, |d| Arg::Text(iso_day(d.first_day()))),
        Arg::opt(last, |d| Arg::Text(iso_day(d.last_day()))),
        Arg::text(event.country.as_deref()),
        Arg::text(event.province.as_deref()),
        Arg::text(event.prefecture.as_deref()),
        Arg::text(event.county.as_deref()),
        Arg::text(event.adcode.as_deref()),
        Arg::opt(event.geo_precision, |g| Arg::Text(g.code().into())),
        Arg::opt(event.lat, Arg::Real),
        Arg::opt(event.lon, Arg::Real),
        Arg::uint(event.size_min),
        Arg::uint(event.size_max),
        Arg::bool(event.police),
        Arg::bool(event.violence),
        Arg::bool(event.censorship),
        Arg::bool(event.intimidation),
        Arg::Text(outcome_code(event.outcome).into()),
        Arg::Text(now.into()),
        Arg::uint(event.arrests_min),
        Arg::uint(event.injuries),
        Arg::uint(event.deaths),
        if status == Status::Published {
            Arg::Text(now.into())
        } else {
            Arg::Null
        },
    ]
}

/// The (vocabulary, code) pairs of an event, for [`INSERT_EVENT_CODE`].
pub(crate) fn event_codes(event: &Event) -> Vec<(&'static str, &'static str)> {
    fn of<V: Vocabulary>(values: &[V]) -> impl Iterator<Item = (&'static str, &'static str)> + '_ {
        values.iter().map(|v| (V::NAME, v.code()))
    }
    of(&event.issues)
        .chain(of(&event.groups))
        .chain(of(&event.tactics))
        .chain(of(&event.targets))
        .collect()
}

fn role_code(role: Role) -> &'static str {
    match role {
        Role::Primary => "primary",
        Role::Mentioned => "mentioned",
    }
}

fn outcome_code(outcome: Outcome) -> &'static str {
    match outcome {
        Outcome::Achieved => "achieved",
        Outcome::Partial => "partial",
        Outcome::None => "none",
        Outcome::Unknown => "unknown",
    }
}

fn iso_day((y, m, d): (i16, u8, u8)) -> String {
    format!("{y:04}-{m:02}-{d:02}")
}

/// How a batch item is named in errors: `report 2 ("title")`, counting from
/// one.
pub(crate) fn report_label(index: usize, report: &Report) -> String {
    format!("report {} ({:?})", index + 1, report.title())
}

/// How a batch item is named in errors: `event 3 ("title")`, counting from
/// one; the title is the event's own, else its report's.
pub(crate) fn event_label(index: usize, event: &Event) -> String {
    let title = event
        .title_zh
        .as_deref()
        .or(event.title_en.as_deref())
        .unwrap_or(&event.report);
    format!("event {} ({:?})", index + 1, title)
}

/// A `reports` row as the shared SELECT returns it.
pub(crate) struct ReportRow {
    pub id: i64,
    pub hash: String,
    pub title_zh: Option<String>,
    pub title_en: Option<String>,
    pub body_zh: Option<String>,
    pub body_en: Option<String>,
    pub text: String,
    pub lang: String,
    pub start_date: Option<String>,
    pub end_date: Option<String>,
    pub published: Option<String>,
    pub url: Option<String>,
    pub source: Option<String>,
    pub created_at: String,
    pub script: String,
}

impl ReportRow {
    /// Back to the codebook type; a value the codebook rejects means the row
    /// was not written by this store.
    pub fn into_stored(self) -> Result<StoredReport, StoreError> {
        let id = self.id;
        let corrupt = |cause: String| StoreError::Corrupt {
            kind: "report",
            id,
            cause: cause.into(),
        };
        let date = |field: &str, value: Option<String>| -> Result<Option<PartialDate>, StoreError> {
            value
                .map(|s| s.parse().map_err(|e| corrupt(format!("{field}: {e}"))))
                .transpose()
        };
        let lang = Lang::from_code(&self.lang).ok_or_else(|| corrupt(format!("lang: unknown code `{}`", self.lang)))?;
        let script = Script::from_code(&self.script)
            .ok_or_else(|| corrupt(format!("script: unknown code `{}`", self.script)))?;
        let report = Report {
            title_zh: self.title_zh,
            title_en: self.title_en,
            body_zh: self.body_zh,
            body_en: self.body_en,
            text: self.text,
            lang,
            script,
            start_date: date("start_date", self.start_date)?,
            end_date: date("end_date", self.end_date)?,
            published: date("published", self.published)?,
            url: self.url,
            source: self.source,
        };
        Ok(StoredReport {
            id,
            report,
            hash: self.hash,
            created_at: self.created_at,
        })
    }
}

/// An `events` row as the shared SELECT returns it.
pub(crate) struct EventRow {
    pub id: i64,
    pub public_id: Option<String>,
    pub report_id: Option<i64>,
    pub status: String,
    pub record: String,
    pub created_at: String,
    pub updated_at: String,
    pub published_at: Option<String>,
}

impl EventRow {
    /// Back to the codebook type, re-checking the record as on input.
    pub fn into_stored(self) -> Result<StoredEvent, StoreError> {
        let id = self.id;
        let corrupt = |cause: String| StoreError::Corrupt {
            kind: "event",
            id,
            cause: cause.into(),
        };
        let status = Status::from_code(&self.status)
            .ok_or_else(|| corrupt(format!("status: unknown code `{}`", self.status)))?;
        let event = Event::from_json(&self.record).map_err(|e| corrupt(format!("record: {e}")))?;
        let public_id = self.public_id.ok_or_else(|| corrupt("public_id is missing".into()))?;
        Ok(StoredEvent {
            id,
            public_id,
            report_id: self.report_id,
            status,
            event,
            created_at: self.created_at,
            updated_at: self.updated_at,
            published_at: self.published_at,
        })
    }
}

/// Folds (status, count) rows and the report count into [`Counts`].
pub(crate) fn counts(reports: i64, by_status: Vec<(String, i64)>) -> Counts {
    let n = |v: i64| usize::try_from(v).unwrap_or(0);
    let mut counts = Counts {
        reports: n(reports),
        ..Counts::default()
    };
    for (status, count) in by_status {
        let count = n(count);
        counts.events += count;
        match Status::from_code(&status) {
            Some(Status::Draft) => counts.draft += count,
            Some(Status::Published) => counts.published += count,
            Some(Status::Retracted) => counts.retracted += count,
            None => {}
        }
    }
    counts
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Highest `?N` in a statement, i.e. how many parameters it takes.
    fn placeholders(sql: &str) -> usize {
        sql.split('?')
            .skip(1)
            .filter_map(|rest| {
                let digits: String = rest.chars().take_while(char::is_ascii_digit).collect();
                digits.parse().ok()
            })
            .max()
            .unwrap_or(0)
    }

    #[test]
    fn argument_lists_match_statements() {
        let report = Report {
            title_zh: None,
            title_en: None,
            body_zh: None,
            body_en: None,
            text: "t".into(),
            lang: Lang::Zh,
            script: Default::default(),
            start_date: None,
            end_date: None,
            published: None,
            url: None,
            source: None,
        };
        assert_eq!(placeholders(INSERT_REPORT), report_args(&report, "h", "n").len());
        let event = Event::new("r", Role::Primary);
        assert_eq!(
            placeholders(INSERT_EVENT),
            event_args(None, Status::Draft, &event, "n").len()
        );
    }

    #[test]
    fn event_query_numbers_its_placeholders() {
        let (sql, args) = select_events(&EventQuery::default());
        assert!(!sql.contains('?') && args.is_empty(), "{sql}");
        let query = EventQuery {
            status: Some(Status::Published),
            report_id: Some(7),
            limit: None,
            offset: 20,
        };
        let (sql, args) = select_events(&query);
        assert!(
            sql.ends_with("WHERE status = ?1 AND report_id = ?2 ORDER BY id LIMIT ?3 OFFSET ?4"),
            "{sql}"
        );
        assert_eq!(args[2], Arg::Int(i64::MAX));
        assert_eq!(args[3], Arg::Int(20));
    }

    #[test]
    fn date_bounds_cover_partial_dates() {
        let mut event = Event::new("r", Role::Primary);
        event.set_dates("2024".parse().ok(), "2024-02".parse().ok());
        let args = event_args(None, Status::Draft, &event, "n");
        assert_eq!(args[6], Arg::Text("2024-01-01".into()));
        assert_eq!(args[7], Arg::Text("2024-02-29".into()));
    }

    #[test]
    fn public_ids_are_padded_not_truncated() {
        assert_eq!(public_id(42), "E000042");
        assert_eq!(public_id(1_234_567), "E1234567");
    }

    #[test]
    fn timestamps_are_rfc3339_seconds() {
        let t = now();
        assert_eq!(t.len(), 20, "{t}");
        assert!(t.ends_with('Z') && t.as_bytes()[10] == b'T', "{t}");
    }
}
