-- The build database, version 3 (SQLite).
-- dlrn_imports gains the state SKIPPED: an operator gave up sending the build to that DLRN API (publish --dlrn-skip,
-- publishRepo's dlrnSkip), e.g. one DLRN refuses for good, so that the builds after it are sent. SQLite cannot change
-- a CHECK constraint: the table is made again with its rows.
CREATE TABLE dlrn_imports_v3 (
    build_id    INTEGER NOT NULL REFERENCES builds (id),
    api_url     TEXT    NOT NULL,
    state       TEXT    NOT NULL CHECK (state IN ('IMPORTED', 'PUBLISHED_BEFORE_TRACKING', 'SKIPPED')),
    recorded_at BIGINT  NOT NULL,
    PRIMARY KEY (build_id, api_url)
);
INSERT INTO dlrn_imports_v3 (build_id, api_url, state, recorded_at)
    SELECT build_id, api_url, state, recorded_at FROM dlrn_imports;
DROP TABLE dlrn_imports;
ALTER TABLE dlrn_imports_v3 RENAME TO dlrn_imports;
