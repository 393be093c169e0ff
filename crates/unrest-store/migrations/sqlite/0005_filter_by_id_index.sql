-- Counting a text search starts from the full-text index, which lists the
-- matching event ids, and must then check each match against the filters.
-- Looking each id up in `events` itself reads wide rows (the record JSON
-- spills onto overflow pages); this narrow index, keyed by id, holds every
-- column the shared filters test, so the check reads only the index.
CREATE INDEX events_filter_by_id ON events (
    id, status, date_from, date_to, province, prefecture, adcode, size_min, size_max, police, violence,
    censorship, intimidation, arrests_min, injuries, deaths, updated_at
);
