-- What the public site, the API and mirrors need: more filter columns, a
-- publication time, a full-text index, a record of events that left public
-- view, and a counter that changes with every write (for caches).

-- Repression counts, copied out of the record like the other filter columns
-- (filled for existing rows by the store after this migration).
ALTER TABLE events ADD COLUMN arrests_min INTEGER;
ALTER TABLE events ADD COLUMN injuries INTEGER;
ALTER TABLE events ADD COLUMN deaths INTEGER;

-- When the event was last made public; feeds list by it.
ALTER TABLE events ADD COLUMN published_at TEXT;
UPDATE events SET published_at = updated_at WHERE status = 'published';

-- Listing orders of the public pages, feeds and sync.
CREATE INDEX events_by_date ON events (status, date_from, id);
CREATE INDEX events_by_published ON events (status, published_at, id);
CREATE INDEX events_by_updated ON events (status, updated_at, id);
CREATE INDEX events_by_province ON events (status, province, prefecture);

-- Segmented words of each event (rowid = events.id): titles, places, codes
-- with their labels, and the text of its report. Chinese arrives already cut
-- into space-separated words; English is split and stemmed here.
CREATE VIRTUAL TABLE event_search USING fts5 (
    words,
    content = '',
    contentless_delete = 1,
    tokenize = 'porter unicode61 remove_diacritics 2'
);

-- Events that were public and no longer are (unpublished, retracted,
-- deleted), so mirrors syncing with `updated_since` can drop them. A row is
-- removed again when its event is republished.
CREATE TABLE event_removals (
    event_id   INTEGER PRIMARY KEY,
    public_id  TEXT NOT NULL,
    status     TEXT NOT NULL,
    removed_at TEXT NOT NULL
);

CREATE INDEX event_removals_by_time ON event_removals (removed_at, event_id);

-- Bumped by every write transaction; readers compare it to know whether a
-- cached answer is still current.
CREATE TABLE store_version (
    id      INTEGER PRIMARY KEY CHECK (id = 1),
    version INTEGER NOT NULL
);

INSERT INTO store_version (id, version) VALUES (1, 1);
