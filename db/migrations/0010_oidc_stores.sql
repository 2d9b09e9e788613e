-- OpenID Connect provider for apps (docs/oidc.md): OpenIddict's four entities, kept by
-- our own Dapper stores. Lists and dictionaries OpenIddict hands over whole are jsonb; every row carries
-- a concurrency token that an update must name (OpenIddict's optimistic concurrency contract).

-- Client applications. client_secret holds OpenIddict's salted PBKDF2 hash, never the secret itself.
CREATE TABLE oidc_applications (
    id                        uuid        PRIMARY KEY,
    client_id                 text        NOT NULL UNIQUE,
    client_secret             text        NULL,
    client_type               text        NULL,
    application_type          text        NULL,
    consent_type              text        NULL,
    display_name              text        NULL,
    display_names             jsonb       NOT NULL DEFAULT '{}',
    json_web_key_set          text        NULL,
    permissions               jsonb       NOT NULL DEFAULT '[]',
    redirect_uris             jsonb       NOT NULL DEFAULT '[]',
    post_logout_redirect_uris jsonb       NOT NULL DEFAULT '[]',
    requirements              jsonb       NOT NULL DEFAULT '[]',
    settings                  jsonb       NOT NULL DEFAULT '{}',
    properties                jsonb       NOT NULL DEFAULT '{}',
    concurrency_token         text        NOT NULL,
    created_at                timestamptz NOT NULL,
    updated_at                timestamptz NOT NULL
);

-- Grants of a user to an app (one ad-hoc authorization per sign-in): revoking one revokes its token chain.
CREATE TABLE oidc_authorizations (
    id                uuid        PRIMARY KEY,
    application_id    uuid        NULL REFERENCES oidc_applications (id) ON DELETE CASCADE,
    subject           text        NULL,
    status            text        NULL,
    type              text        NULL,
    scopes            jsonb       NOT NULL DEFAULT '[]',
    properties        jsonb       NOT NULL DEFAULT '{}',
    creation_date     timestamptz NULL,
    concurrency_token text        NOT NULL
);

CREATE INDEX oidc_authorizations_application_subject_idx ON oidc_authorizations (application_id, subject);
CREATE INDEX oidc_authorizations_subject_idx ON oidc_authorizations (subject);

-- Scopes beyond the standard ones registered in code (none today; the table makes the store complete).
CREATE TABLE oidc_scopes (
    id                uuid        PRIMARY KEY,
    name              text        NOT NULL UNIQUE,
    display_name      text        NULL,
    display_names     jsonb       NOT NULL DEFAULT '{}',
    description       text        NULL,
    descriptions      jsonb       NOT NULL DEFAULT '{}',
    resources         jsonb       NOT NULL DEFAULT '[]',
    properties        jsonb       NOT NULL DEFAULT '{}',
    concurrency_token text        NOT NULL
);

-- Authorization codes, refresh and access tokens. reference_id is OpenIddict's hashed reference (codes are
-- reference tokens: payload holds the encrypted token); status + redemption_date make codes single use and
-- let a replayed refresh token revoke its chain.
CREATE TABLE oidc_tokens (
    id                uuid        PRIMARY KEY,
    application_id    uuid        NULL REFERENCES oidc_applications (id) ON DELETE CASCADE,
    authorization_id  uuid        NULL REFERENCES oidc_authorizations (id) ON DELETE CASCADE,
    subject           text        NULL,
    type              text        NULL,
    status            text        NULL,
    payload           text        NULL,
    reference_id      text        NULL UNIQUE,
    creation_date     timestamptz NULL,
    expiration_date   timestamptz NULL,
    redemption_date   timestamptz NULL,
    properties        jsonb       NOT NULL DEFAULT '{}',
    concurrency_token text        NOT NULL
);

CREATE INDEX oidc_tokens_authorization_id_idx ON oidc_tokens (authorization_id);
CREATE INDEX oidc_tokens_application_subject_idx ON oidc_tokens (application_id, subject);
CREATE INDEX oidc_tokens_subject_idx ON oidc_tokens (subject);
CREATE INDEX oidc_tokens_expiration_date_idx ON oidc_tokens (expiration_date);

-- Keys that sign ID and access tokens (ES384, RS256) and encrypt codes and tokens (A256KW), shared by
-- every instance. The private key is protected with Data Protection, like connector client secrets.
-- A key is published (JWKS) until retired, and signs once not_before has passed (the newest such key wins).
CREATE TABLE oidc_keys (
    kid                   text        PRIMARY KEY,
    algorithm             text        NOT NULL CHECK (algorithm IN ('ES384', 'RS256', 'A256KW')),
    private_key_protected text        NOT NULL,
    created_at            timestamptz NOT NULL,
    not_before            timestamptz NOT NULL,
    retired_at            timestamptz NULL
);
