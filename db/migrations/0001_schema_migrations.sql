-- Which migration files have been applied. The runner reads it under an advisory lock, so hosts
-- starting together apply each file once; the checksum catches a file edited after it ran.
CREATE TABLE schema_migrations (
    version    integer     PRIMARY KEY,
    name       text        NOT NULL,
    checksum   text        NOT NULL,
    applied_at timestamptz NOT NULL
);
