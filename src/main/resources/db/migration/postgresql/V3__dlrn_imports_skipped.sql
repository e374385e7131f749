-- The build database, version 3 (PostgreSQL).
-- dlrn_imports gains the state SKIPPED: an operator gave up sending the build to that DLRN API (publish --dlrn-skip,
-- publishRepo's dlrnSkip), e.g. one DLRN refuses for good, so that the builds after it are sent.
ALTER TABLE dlrn_imports DROP CONSTRAINT dlrn_imports_state_check;
ALTER TABLE dlrn_imports ADD CONSTRAINT dlrn_imports_state_check
    CHECK (state IN ('IMPORTED', 'PUBLISHED_BEFORE_TRACKING', 'SKIPPED'));
