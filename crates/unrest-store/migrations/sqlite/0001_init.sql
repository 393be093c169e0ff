-- Reports and coded events.
--
-- Dates are codebook strings (YYYY-MM-DD, YYYY-MM or YYYY); time stamps are
-- RFC 3339 UTC text. Ids use AUTOINCREMENT so a deleted row's id is never
-- handed out again: event ids back permalinks.

-- One source text each; the content hash makes intake idempotent.
CREATE TABLE reports (
    id         INTEGER PRIMARY KEY AUTOINCREMENT,
    hash       TEXT NOT NULL UNIQUE,
    title_zh   TEXT,
    title_en   TEXT,
    body_zh    TEXT,
    body_en    TEXT,
    text       TEXT NOT NULL,
    lang       TEXT NOT NULL CHECK (lang IN ('zh', 'en', 'bilingual')),
    start_date TEXT,
    end_date   TEXT,
    published  TEXT,
    url        TEXT,
    source     TEXT,
    created_at TEXT NOT NULL
);

-- Hand-coded events name their report by title.
CREATE INDEX reports_title_zh ON reports (title_zh);
CREATE INDEX reports_title_en ON reports (title_en);

-- One coded event each. `record` is the canonical codebook JSON and the
-- source of truth; the other columns copy fields out of it for filtering.
CREATE TABLE events (
    id            INTEGER PRIMARY KEY AUTOINCREMENT,
    public_id     TEXT UNIQUE,
    report_id     INTEGER REFERENCES reports (id),
    status        TEXT NOT NULL CHECK (status IN ('draft', 'published', 'retracted')),
    record        TEXT NOT NULL,
    role          TEXT NOT NULL CHECK (role IN ('primary', 'mentioned')),
    start_date    TEXT,
    end_date      TEXT,
    -- first and last day the dates can mean (YYYY-MM-DD), for range filters
    date_from     TEXT,
    date_to       TEXT,
    country       TEXT,
    province      TEXT,
    prefecture    TEXT,
    county        TEXT,
    adcode        TEXT,
    geo_precision TEXT,
    lat           REAL,
    lon           REAL,
    size_min      INTEGER,
    size_max      INTEGER,
    police        INTEGER CHECK (police IN (0, 1)),
    violence      INTEGER CHECK (violence IN (0, 1)),
    censorship    INTEGER CHECK (censorship IN (0, 1)),
    intimidation  INTEGER CHECK (intimidation IN (0, 1)),
    outcome       TEXT NOT NULL,
    created_at    TEXT NOT NULL,
    updated_at    TEXT NOT NULL
);

CREATE INDEX events_report ON events (report_id);
CREATE INDEX events_status ON events (status, id);
CREATE INDEX events_dates ON events (date_from, date_to);
CREATE INDEX events_adcode ON events (adcode);

-- The vocabulary codes of each event (issues, groups, tactics, targets), one
-- row per code, so filters and facets can select by code.
CREATE TABLE event_codes (
    event_id INTEGER NOT NULL REFERENCES events (id) ON DELETE CASCADE,
    vocab    TEXT NOT NULL CHECK (vocab IN ('issues', 'groups', 'tactics', 'targets')),
    code     TEXT NOT NULL,
    PRIMARY KEY (event_id, vocab, code)
) WITHOUT ROWID;

CREATE INDEX event_codes_by_code ON event_codes (vocab, code, event_id);
