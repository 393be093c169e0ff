//! The SQLite side of public reads and status changes: the FTS5 search
//! index (rows kept in step with events), filtered listings, facets,
//! timelines, map clusters, publication and the removals mirrors sync.

use crate::filter::{EventFilter, Facets, MapPoint, Period, Removal, Repression, SizeBand};
use crate::query::{self, TextMatch};
use crate::sql::{self, Arg, EventRow};
use crate::sqlite::{event_row, report_row};
use crate::{Cause, SqliteStore, Status, StoreError, StoredEvent};
use rusqlite::{Connection, OptionalExtension, params, params_from_iter};
use std::collections::HashMap;
use unrest_codebook::{Event, Group, Issue, Report, Tactic, Target, Vocabulary};

/// Matching against the FTS5 table `event_search` (rowid = event id).
pub(crate) struct Fts5;

impl TextMatch for Fts5 {
    fn condition(&self, param: usize) -> String {
        format!("events.id IN (SELECT rowid FROM event_search WHERE event_search MATCH ?{param})")
    }

    /// FTS5 lists its matches by rowid; each is checked against the
    /// filters in the narrow index `events_filter_by_id` (migration 0005)
    /// rather than in the wide table row. SQLite's planner would otherwise
    /// pick the rowid lookup, hence `INDEXED BY`.
    fn driving_join(&self, param: usize) -> Option<(String, String)> {
        Some((
            "event_search JOIN events INDEXED BY events_filter_by_id ON events.id = event_search.rowid".into(),
            format!("event_search MATCH ?{param}"),
        ))
    }

    /// Each word as an FTS5 string (so no word is read as an operator), all
    /// required. A single Chinese character also matches the words it
    /// begins (煤 finds 煤矿).
    fn argument(&self, terms: &[String]) -> String {
        terms
            .iter()
            .map(|t| {
                let quoted = format!("\"{}\"", t.replace('"', "\"\""));
                let mut chars = t.chars();
                match (chars.next(), chars.next()) {
                    (Some(c), None) if !c.is_ascii() => format!("{quoted}*"),
                    _ => quoted,
                }
            })
            .collect::<Vec<_>>()
            .join(" ")
    }
}

/// Replaces the index row of an event.
pub(crate) fn index_event(conn: &Connection, id: i64, event: &Event, report: Option<&Report>) -> Result<(), Cause> {
    conn.prepare_cached("DELETE FROM event_search WHERE rowid = ?1")?
        .execute([id])?;
    conn.prepare_cached("INSERT INTO event_search (rowid, words) VALUES (?1, ?2)")?
        .execute(params![id, crate::search::index_text(event, report)])?;
    Ok(())
}

/// After migration 0002: fills the new repression columns and the search
/// index for events stored before it.
pub(crate) fn backfill_v2(conn: &Connection) -> Result<(), Cause> {
    let rows: Vec<(i64, String, Option<i64>)> = conn
        .prepare(sql::SELECT_EVENTS_FOR_INDEX)?
        .query_map([], |row| Ok((row.get(0)?, row.get(1)?, row.get(2)?)))?
        .collect::<Result<_, _>>()?;
    let mut reports: HashMap<i64, Report> = HashMap::new();
    for (id, record, report_id) in rows {
        let event = Event::from_json(&record).map_err(|e| format!("stored event {id} is unreadable: {e}"))?;
        conn.prepare_cached(sql::UPDATE_REPRESSION_COLUMNS)?.execute(params![
            id,
            event.arrests_min,
            event.injuries,
            event.deaths
        ])?;
        if let Some(rid) = report_id
            && !reports.contains_key(&rid)
        {
            let row = conn
                .prepare_cached(&sql::select_report())?
                .query_row([rid], report_row)?;
            reports.insert(rid, row.into_stored()?.report);
        }
        index_event(conn, id, &event, report_id.and_then(|r| reports.get(&r)))?;
    }
    Ok(())
}

/// Runs a statement and maps every row.
fn rows<T>(
    conn: &Connection,
    (sql, args): (String, Vec<Arg>),
    f: impl FnMut(&rusqlite::Row<'_>) -> rusqlite::Result<T>,
) -> rusqlite::Result<Vec<T>> {
    let mut stmt = conn.prepare_cached(&sql)?;
    stmt.query_map(params_from_iter(args.iter()), f)?.collect()
}

fn count(n: i64) -> usize {
    usize::try_from(n).unwrap_or(0)
}

impl SqliteStore {
    pub(crate) fn list_events(&self, filter: &EventFilter) -> Result<Vec<StoredEvent>, StoreError> {
        let found = rows(&self.conn, query::select_page(filter, &Fts5), event_row)
            .map_err(self.failed("cannot list events in"))?;
        found.into_iter().map(EventRow::into_stored).collect()
    }

    pub(crate) fn count_events(&self, filter: &EventFilter) -> Result<usize, StoreError> {
        let n = rows(&self.conn, query::select_count(filter, &Fts5), |r| r.get::<_, i64>(0))
            .map_err(self.failed("cannot count events in"))?;
        Ok(n.first().copied().map_or(0, count))
    }

    pub(crate) fn facet_counts(&self, filter: &EventFilter) -> Result<Facets, StoreError> {
        let failed = self.failed("cannot count facets in");
        let codes: Vec<(String, String, i64)> = rows(&self.conn, query::select_code_facets(filter, &Fts5), |r| {
            Ok((r.get(0)?, r.get(1)?, r.get(2)?))
        })
        .map_err(&failed)?;
        let places: Vec<(String, Option<String>, i64)> =
            rows(&self.conn, query::select_place_facets(filter, &Fts5), |r| {
                Ok((r.get(0)?, r.get(1)?, r.get(2)?))
            })
            .map_err(&failed)?;
        let bands: Vec<Vec<i64>> = rows(&self.conn, query::select_band_facets(filter, &Fts5), |r| {
            (0..SizeBand::ALL.len() + Repression::ALL.len())
                .map(|i| r.get::<_, i64>(i))
                .collect()
        })
        .map_err(&failed)?;
        let bands = bands.into_iter().next().unwrap_or_default();
        let mut facets = Facets {
            issues: codes_of::<Issue>(&codes),
            groups: codes_of::<Group>(&codes),
            tactics: codes_of::<Tactic>(&codes),
            targets: codes_of::<Target>(&codes),
            ..Facets::default()
        };
        let mut provinces: HashMap<String, usize> = HashMap::new();
        for (province, prefecture, n) in places {
            *provinces.entry(province.clone()).or_default() += count(n);
            if let Some(prefecture) = prefecture {
                facets.prefectures.push((prefecture, province, count(n)));
            }
        }
        facets.provinces = provinces.into_iter().collect();
        facets
            .provinces
            .sort_by(|a, b| b.1.cmp(&a.1).then_with(|| a.0.cmp(&b.0)));
        facets
            .prefectures
            .sort_by(|a, b| b.2.cmp(&a.2).then_with(|| a.0.cmp(&b.0)));
        for (i, band) in SizeBand::ALL.into_iter().enumerate() {
            let n = bands.get(i).copied().map_or(0, count);
            facets.total += n;
            facets.sizes.push((band, n));
        }
        for (i, flag) in Repression::ALL.into_iter().enumerate() {
            let n = bands.get(SizeBand::ALL.len() + i).copied().map_or(0, count);
            facets.repression.push((flag, n));
        }
        Ok(facets)
    }

    pub(crate) fn day_counts(&self, filter: &EventFilter, period: Period) -> Result<Vec<(String, usize)>, StoreError> {
        let days = rows(&self.conn, query::select_days(filter, &Fts5), |r| {
            Ok((r.get(0)?, r.get(1)?))
        })
        .map_err(self.failed("cannot count events per day in"))?;
        Ok(query::fold_days(days, period))
    }

    pub(crate) fn points(&self, filter: &EventFilter, limit: usize) -> Result<Vec<MapPoint>, StoreError> {
        rows(&self.conn, query::select_points(filter, &Fts5, limit), |r| {
            Ok(MapPoint {
                lat: r.get(0)?,
                lon: r.get(1)?,
                count: count(r.get(2)?),
                sample: r.get(3)?,
            })
        })
        .map_err(self.failed("cannot read event locations in"))
    }

    pub(crate) fn by_public_id(&self, public_id: &str) -> Result<Option<StoredEvent>, StoreError> {
        let row = self
            .conn
            .prepare_cached(&sql::select_event_by_public_id())
            .and_then(|mut stmt| stmt.query_row([public_id], event_row).optional())
            .map_err(self.failed("cannot read an event from"))?;
        row.map(EventRow::into_stored).transpose()
    }

    pub(crate) fn change_status(&mut self, ids: &[i64], status: Status) -> Result<usize, StoreError> {
        let now = sql::now();
        let commit_failed = self.failed("cannot commit status changes to");
        let tx = self.write("changing event status")?;
        let mut changed = 0;
        for (i, &id) in ids.iter().enumerate() {
            let item = format!("event {} (id {id})", i + 1);
            let result: Result<bool, Cause> = (|| {
                let Some((old, public_id)): Option<(String, String)> = tx
                    .prepare_cached(sql::SELECT_STATUS)?
                    .query_row([id], |r| Ok((r.get(0)?, r.get(1)?)))
                    .optional()?
                else {
                    return Err("no such event".into());
                };
                if old == status.code() {
                    return Ok(false);
                }
                let publish = status == Status::Published;
                tx.prepare_cached(sql::UPDATE_STATUS)?
                    .execute(params![id, status.code(), i64::from(publish), now])?;
                if publish {
                    tx.prepare_cached(sql::DELETE_REMOVAL)?.execute([id])?;
                } else if old == Status::Published.code() {
                    tx.prepare_cached(sql::UPSERT_REMOVAL)?
                        .execute(params![id, public_id, status.code(), now])?;
                }
                Ok(true)
            })();
            changed += usize::from(result.map_err(|cause| StoreError::Record { item, cause })?);
        }
        tx.execute(sql::BUMP_VERSION, []).map_err(&commit_failed)?;
        tx.commit().map_err(commit_failed)?;
        Ok(changed)
    }

    pub(crate) fn removals(&self, since: &str, limit: usize) -> Result<Vec<Removal>, StoreError> {
        let limit = i64::try_from(limit.min(crate::MAX_PAGE_SIZE)).unwrap_or(0);
        self.conn
            .prepare_cached(sql::SELECT_REMOVALS)
            .and_then(|mut stmt| {
                stmt.query_map(params![since, limit], |r| {
                    Ok(Removal {
                        public_id: r.get(0)?,
                        status: r.get(1)?,
                        removed_at: r.get(2)?,
                    })
                })?
                .collect()
            })
            .map_err(self.failed("cannot read removals from"))
    }

    pub(crate) fn version(&self) -> Result<i64, StoreError> {
        self.conn
            .query_row(sql::SELECT_VERSION, [], |r| r.get(0))
            .map_err(self.failed("cannot read the version of"))
    }
}

/// The counts of one vocabulary out of (vocab, code, count) rows, most
/// frequent first; codes this build does not know are skipped.
fn codes_of<V: Vocabulary>(rows: &[(String, String, i64)]) -> Vec<(V, usize)> {
    let mut out: Vec<(V, usize)> = rows
        .iter()
        .filter(|(vocab, _, _)| vocab == V::NAME)
        .filter_map(|(_, code, n)| V::from_code(code).map(|v| (v, count(*n))))
        .collect();
    out.sort_by(|a, b| b.1.cmp(&a.1).then_with(|| a.0.code().cmp(b.0.code())));
    out
}
