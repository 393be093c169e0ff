-- The script a report is written in (simplified, traditional, mixed, latin),
-- detected at intake. Rows stored before this migration were all read as
-- simplified text.
ALTER TABLE reports ADD COLUMN script TEXT NOT NULL DEFAULT 'simplified'
    CHECK (script IN ('simplified', 'traditional', 'mixed', 'latin'));
