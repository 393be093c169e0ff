//! The one filter every public reader shares: pages, the JSON API, feeds and
//! downloads all turn their query string into an [`EventFilter`], so a URL
//! selects the same events whichever format it asks for.

use crate::{Status, StoredEvent};
use serde::Serialize;
use unrest_codebook::{Group, Issue, PartialDate, Tactic, Target};

/// The largest page any caller can ask for; larger requests are clamped, so
/// no single query reads an unbounded number of rows into memory.
pub const MAX_PAGE_SIZE: usize = 1000;

/// The longest text query accepted, in characters; longer ones are cut.
pub const MAX_QUERY_CHARS: usize = 200;

/// Participant-count bands for filtering and facets. Bands go by the lower
/// bound of the coded size (the upper bound when only that is known), so an
/// event "at least 1,000" is in the thousands.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
pub enum SizeBand {
    /// 1 to 9 people.
    #[serde(rename = "1-9")]
    Few,
    /// 10 to 99.
    #[serde(rename = "10-99")]
    Tens,
    /// 100 to 999.
    #[serde(rename = "100-999")]
    Hundreds,
    /// 1,000 to 9,999.
    #[serde(rename = "1000-9999")]
    Thousands,
    /// 10,000 or more.
    #[serde(rename = "10000up")]
    Huge,
    /// The reports give no number.
    #[serde(rename = "unknown")]
    Unknown,
}

impl SizeBand {
    /// Every band, smallest first, unknown last.
    pub const ALL: [SizeBand; 6] = [
        SizeBand::Few,
        SizeBand::Tens,
        SizeBand::Hundreds,
        SizeBand::Thousands,
        SizeBand::Huge,
        SizeBand::Unknown,
    ];

    /// The code used in URLs and JSON.
    pub fn code(self) -> &'static str {
        match self {
            SizeBand::Few => "1-9",
            SizeBand::Tens => "10-99",
            SizeBand::Hundreds => "100-999",
            SizeBand::Thousands => "1000-9999",
            SizeBand::Huge => "10000up",
            SizeBand::Unknown => "unknown",
        }
    }

    /// Parses a code; `None` when it is not a band.
    pub fn from_code(code: &str) -> Option<Self> {
        SizeBand::ALL.into_iter().find(|b| b.code() == code)
    }

    /// The band a coded size falls in.
    pub fn of(size_min: Option<u32>, size_max: Option<u32>) -> Self {
        match size_min.or(size_max) {
            None | Some(0) => SizeBand::Unknown,
            Some(n) if n < 10 => SizeBand::Few,
            Some(n) if n < 100 => SizeBand::Tens,
            Some(n) if n < 1000 => SizeBand::Hundreds,
            Some(n) if n < 10_000 => SizeBand::Thousands,
            Some(_) => SizeBand::Huge,
        }
    }

    /// The half-open range `[low, high)` of the band's lower bound; `None`
    /// for unknown (no number).
    pub(crate) fn range(self) -> Option<(i64, Option<i64>)> {
        match self {
            SizeBand::Few => Some((1, Some(10))),
            SizeBand::Tens => Some((10, Some(100))),
            SizeBand::Hundreds => Some((100, Some(1000))),
            SizeBand::Thousands => Some((1000, Some(10_000))),
            SizeBand::Huge => Some((10_000, None)),
            SizeBand::Unknown => None,
        }
    }
}

/// A response by the authorities that the codebook records; a filter on one
/// keeps events where the reports say it happened.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Repression {
    /// Police or other forces were deployed.
    Police,
    /// People were detained.
    Arrests,
    /// Participants were beaten or hurt.
    Violence,
    /// Participants were injured.
    Injuries,
    /// Participants were killed.
    Deaths,
    /// Posts were deleted or blocked.
    Censorship,
    /// Threats, summons, surveillance.
    Intimidation,
}

impl Repression {
    /// Every flag, in codebook order.
    pub const ALL: [Repression; 7] = [
        Repression::Police,
        Repression::Arrests,
        Repression::Violence,
        Repression::Injuries,
        Repression::Deaths,
        Repression::Censorship,
        Repression::Intimidation,
    ];

    /// The code used in URLs and JSON.
    pub fn code(self) -> &'static str {
        match self {
            Repression::Police => "police",
            Repression::Arrests => "arrests",
            Repression::Violence => "violence",
            Repression::Injuries => "injuries",
            Repression::Deaths => "deaths",
            Repression::Censorship => "censorship",
            Repression::Intimidation => "intimidation",
        }
    }

    /// Parses a code.
    pub fn from_code(code: &str) -> Option<Self> {
        Repression::ALL.into_iter().find(|r| r.code() == code)
    }

    /// The SQL condition that holds when the flag is set (column names of
    /// the `events` table; the same in every backend).
    pub(crate) fn condition(self) -> &'static str {
        match self {
            Repression::Police => "police IS TRUE",
            Repression::Arrests => "arrests_min > 0",
            Repression::Violence => "violence IS TRUE",
            Repression::Injuries => "injuries > 0",
            Repression::Deaths => "deaths > 0",
            Repression::Censorship => "censorship IS TRUE",
            Repression::Intimidation => "intimidation IS TRUE",
        }
    }
}

/// The order of a listing.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Sort {
    /// Latest action first (by the event's first day), undated last.
    #[default]
    Newest,
    /// Earliest action first.
    Oldest,
    /// Most recently published first (feeds).
    Published,
    /// Least recently changed first, then by id (incremental sync).
    Updated,
}

/// Which events to read. `EventFilter::default()` selects every event
/// whatever its status: public callers start from [`EventFilter::public`].
///
/// Values within one vocabulary are alternatives (issue wages *or* land);
/// different fields must all hold.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct EventFilter {
    /// Only events in this review state.
    pub status: Option<Status>,
    /// Events whose action overlaps days on or after the first day of this
    /// date.
    pub from: Option<PartialDate>,
    /// Events whose action overlaps days on or before the last day of this
    /// date.
    pub to: Option<PartialDate>,
    /// Province by official full name ("湖南省").
    pub province: Option<String>,
    /// Prefecture by official full name ("长沙市").
    pub prefecture: Option<String>,
    /// Division code prefix (digits): "43" a province, "4301" a prefecture.
    pub adcode: Option<String>,
    /// Any of these issues.
    pub issues: Vec<Issue>,
    /// Any of these groups.
    pub groups: Vec<Group>,
    /// Any of these tactics.
    pub tactics: Vec<Tactic>,
    /// Any of these targets.
    pub targets: Vec<Target>,
    /// Any of these size bands.
    pub sizes: Vec<SizeBand>,
    /// All of these responses happened.
    pub repression: Vec<Repression>,
    /// Words that must all occur (Chinese is segmented into words; English
    /// words are stemmed).
    pub text: Option<String>,
    /// Only events changed at or after this RFC 3339 time.
    pub updated_since: Option<String>,
    /// Order of the listing.
    pub sort: Sort,
    /// Skip this many events.
    pub offset: usize,
    /// At most this many events (clamped to [`MAX_PAGE_SIZE`]).
    pub limit: usize,
}

impl EventFilter {
    /// A filter on published events only, first page of 20: the only
    /// starting point public readers use.
    pub fn public() -> Self {
        EventFilter {
            status: Some(Status::Published),
            limit: 20,
            ..EventFilter::default()
        }
    }

    /// The page size actually used.
    pub fn page_size(&self) -> usize {
        self.limit.clamp(1, MAX_PAGE_SIZE)
    }
}

/// One page of a listing and how many events the filter selects in all.
#[derive(Debug, Clone, PartialEq)]
pub struct EventPage {
    /// Events selected by the filter, all pages together.
    pub total: usize,
    /// This page.
    pub events: Vec<StoredEvent>,
}

/// How many of the selected events have each value, so a reader sees where
/// a filter would lead before choosing it.
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct Facets {
    /// Events selected.
    pub total: usize,
    /// Per issue, most frequent first.
    pub issues: Vec<(Issue, usize)>,
    /// Per group.
    pub groups: Vec<(Group, usize)>,
    /// Per tactic.
    pub tactics: Vec<(Tactic, usize)>,
    /// Per target.
    pub targets: Vec<(Target, usize)>,
    /// Per province name (events without one are left out).
    pub provinces: Vec<(String, usize)>,
    /// Per prefecture name, with its province.
    pub prefectures: Vec<(String, String, usize)>,
    /// Per size band, in band order.
    pub sizes: Vec<(SizeBand, usize)>,
    /// Events where each response happened.
    pub repression: Vec<(Repression, usize)>,
}

/// The time unit of a timeline.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Period {
    /// ISO weeks, labelled by their Monday.
    Week,
    /// Calendar months.
    #[default]
    Month,
}

/// A cluster of selected events near one point, for maps: many events at
/// one place become one marker with a count.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct MapPoint {
    /// Mean latitude of the events in the cluster.
    pub lat: f64,
    /// Mean longitude.
    pub lon: f64,
    /// Events in the cluster.
    pub count: usize,
    /// Public id of one of them (the latest), for a link.
    pub sample: String,
}

/// An event that left public view (unpublished, retracted or deleted), so
/// mirrors can drop it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Removal {
    /// Its public id.
    pub public_id: String,
    /// Its status now (`deleted` when the row is gone).
    pub status: String,
    /// When it left public view, RFC 3339 UTC.
    pub removed_at: String,
}
