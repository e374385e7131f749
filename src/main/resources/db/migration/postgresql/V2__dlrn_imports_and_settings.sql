-- The build database, version 2 (PostgreSQL).
-- dlrn_imports: per build and DLRN API URL, that the build needs no more sending there: IMPORTED (DLRN answered the
-- remote import with success) or PUBLISHED_BEFORE_TRACKING (its snapshot was completed before this table existed,
-- when a build was imported only by the publish that made its snapshot). A published build without a row for an API
-- URL is sent there by the next publish that imports into it.
CREATE TABLE dlrn_imports (
    build_id    BIGINT  NOT NULL REFERENCES builds (id),
    api_url     TEXT    NOT NULL,
    state       TEXT    NOT NULL CHECK (state IN ('IMPORTED', 'PUBLISHED_BEFORE_TRACKING')),
    recorded_at BIGINT  NOT NULL,
    PRIMARY KEY (build_id, api_url)
);

-- settings: values that belong to the data directory's repositories as a whole, by name.
CREATE TABLE settings (
    name  TEXT NOT NULL PRIMARY KEY,
    value TEXT NOT NULL
);

-- When DLRN imports began to be tracked (epoch ms): snapshots completed before were imported the earlier way.
INSERT INTO settings (name, value)
    VALUES ('dlrn_imports_tracked_since', CAST(CAST(EXTRACT(EPOCH FROM CURRENT_TIMESTAMP) * 1000 AS BIGINT) AS TEXT));
