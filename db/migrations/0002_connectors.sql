-- One row per registered connector. `config` is the Logto-style document WITHOUT the client secret;
-- the secret is kept apart, encrypted with ASP.NET Core Data Protection (keys in data_protection_keys).
CREATE TABLE connectors (
    id                      text        PRIMARY KEY CHECK (id ~ '^[a-z0-9-]{1,64}$'),
    name                    text        NOT NULL,
    logo_url                text        NULL,
    enabled                 boolean     NOT NULL DEFAULT true,
    config                  jsonb       NOT NULL CHECK (jsonb_typeof(config) = 'object' AND NOT config ? 'clientSecret'),
    client_secret_protected text        NOT NULL,
    -- Optimistic concurrency: an update names the revision it read.
    revision                integer     NOT NULL DEFAULT 1,
    created_at              timestamptz NOT NULL,
    updated_at              timestamptz NOT NULL
);
