-- Users and the provider identities that sign them in.
CREATE TABLE users (
    id             uuid        PRIMARY KEY,
    name           text        NULL,
    avatar         text        NULL,
    email          text        NULL,
    email_verified boolean     NULL,
    phone          text        NULL,
    created_at     timestamptz NOT NULL,
    updated_at     timestamptz NOT NULL
);

-- connector_id is deliberately not a foreign key: deleting a connector keeps the identities and users
-- it created (docs/admin-api.md, DELETE /api/connectors/{id}); a connector created again under the same id
-- does not reconnect them (0013 gives identities the generation they came from).
CREATE TABLE user_identities (
    id           bigint      GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    user_id      uuid        NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    connector_id text        NOT NULL,
    subject      text        NOT NULL,
    profile      jsonb       NOT NULL,
    raw_profile  jsonb       NOT NULL,
    created_at   timestamptz NOT NULL,
    updated_at   timestamptz NOT NULL,
    CONSTRAINT user_identities_connector_subject_key UNIQUE (connector_id, subject)
);

CREATE INDEX user_identities_user_id_idx ON user_identities (user_id);
