-- The build database, version 1 (SQLite). DLRN's "projects" table is "packages" here and its "commits" table is
-- "builds": one row per (package, source commit, distgit commit) pair. Times are epoch milliseconds (UTC).
CREATE TABLE packages (
    id          INTEGER PRIMARY KEY AUTOINCREMENT,
    name        TEXT    NOT NULL UNIQUE,
    project     TEXT,
    component   TEXT,
    first_built BIGINT  NOT NULL,
    last_built  BIGINT  NOT NULL
);

CREATE TABLE builds (
    id             INTEGER PRIMARY KEY AUTOINCREMENT,
    package_id     INTEGER NOT NULL REFERENCES packages (id),
    source_commit  TEXT    NOT NULL,
    distgit_commit TEXT    NOT NULL,
    source_branch  TEXT,
    distgit_branch TEXT,
    component      TEXT,
    status         TEXT    NOT NULL CHECK (status IN ('SUCCESS', 'FAILED', 'RETRY')),
    commit_time    BIGINT,
    build_time     BIGINT,
    nvr            TEXT,
    artifacts      TEXT    NOT NULL DEFAULT '',
    repo_dir       TEXT,
    notes          TEXT,
    retries        INTEGER NOT NULL DEFAULT 0,
    purged         BOOLEAN NOT NULL DEFAULT FALSE,
    UNIQUE (package_id, source_commit, distgit_commit)
);

CREATE INDEX builds_by_package_and_commit_time ON builds (package_id, commit_time);
CREATE INDEX builds_by_build_time ON builds (build_time);
