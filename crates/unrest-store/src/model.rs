//! The values the storage interface takes and returns, the same for every
//! backend.

use serde::{Deserialize, Serialize};
use std::fmt;
use std::str::FromStr;
use unrest_codebook::{Event, Report};

/// Where an event stands in review. Only `published` events are ever shown
/// publicly; the status is what lets coding, review and publication happen
/// in one store without private drafts leaking.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Status {
    /// Coded (by the extractor or by hand) but not yet checked by an editor.
    Draft,
    /// Checked and public.
    Published,
    /// Withdrawn after publication; kept so permalinks can say so.
    Retracted,
}

impl Status {
    /// Every status, in review order (for counts, pickers and validation).
    pub const ALL: [Status; 3] = [Status::Draft, Status::Published, Status::Retracted];

    /// The code stored in the database and used in flags and URLs.
    pub fn code(self) -> &'static str {
        match self {
            Status::Draft => "draft",
            Status::Published => "published",
            Status::Retracted => "retracted",
        }
    }

    /// Parses a stored code; `None` when it is not a status.
    pub fn from_code(code: &str) -> Option<Self> {
        Status::ALL.into_iter().find(|s| s.code() == code)
    }
}

impl fmt::Display for Status {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.code())
    }
}

impl FromStr for Status {
    type Err = String;

    /// Parses a code, with a message listing the valid ones (for CLI flags).
    fn from_str(s: &str) -> Result<Self, String> {
        Status::from_code(s).ok_or_else(|| format!("unknown status `{s}` (expected draft, published or retracted)"))
    }
}

/// A report as stored: the intake record plus what the store adds, so
/// callers can link to it and tell when it arrived.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct StoredReport {
    /// Row id; stable for the life of the database.
    pub id: i64,
    /// The report as intake produced it.
    pub report: Report,
    /// Its content hash (`unrest_codebook::content_hash`), the key that makes
    /// intake idempotent.
    pub hash: String,
    /// When it was stored, RFC 3339 UTC (`2025-11-05T08:30:00Z`).
    pub created_at: String,
}

/// An event as stored: the codebook record plus its identity and review
/// state.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct StoredEvent {
    /// Row id; stable, never reused.
    pub id: i64,
    /// Stable public identifier for permalinks and citations (`E000123`).
    pub public_id: String,
    /// The stored report it was coded from, when known.
    pub report_id: Option<i64>,
    /// Review state.
    pub status: Status,
    /// The record exactly as it was stored; `event.to_json()` gives back the
    /// same JSON line that went in.
    pub event: Event,
    /// When it was stored, RFC 3339 UTC.
    pub created_at: String,
    /// When it last changed, RFC 3339 UTC.
    pub updated_at: String,
    /// When it was last made public, RFC 3339 UTC; `None` if never.
    pub published_at: Option<String>,
}

/// Which events to list. `EventQuery::default()` means all events, ordered
/// by id; set only the fields you need (`EventQuery { status: Some(..),
/// ..Default::default() }`) so that filters added later do not break callers.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct EventQuery {
    /// Only events in this review state.
    pub status: Option<Status>,
    /// Only events coded from this stored report.
    pub report_id: Option<i64>,
    /// At most this many events (all when `None`).
    pub limit: Option<usize>,
    /// Skip this many events first (for paging).
    pub offset: usize,
}

/// How many records the store holds, for status lines and health checks.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize)]
pub struct Counts {
    /// Stored reports.
    pub reports: usize,
    /// Stored events, whatever their status.
    pub events: usize,
    /// Events awaiting review.
    pub draft: usize,
    /// Public events.
    pub published: usize,
    /// Withdrawn events.
    pub retracted: usize,
}

impl Counts {
    /// The number of events in one status.
    pub fn status(&self, status: Status) -> usize {
        match status {
            Status::Draft => self.draft,
            Status::Published => self.published,
            Status::Retracted => self.retracted,
        }
    }
}

/// What one `add_reports` call did, so the CLI can report it and map each
/// input report to its stored row.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct AddSummary {
    /// Reports newly stored.
    pub added: usize,
    /// Reports whose content hash was already stored (their events were
    /// skipped too).
    pub skipped: usize,
    /// Events stored with the added reports.
    pub events: usize,
    /// The stored id of each input report, in input order: the new row for
    /// an added report, the existing row for a skipped one.
    pub report_ids: Vec<i64>,
}
