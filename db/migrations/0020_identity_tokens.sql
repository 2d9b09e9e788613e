-- The token vault (docs/token-vault.md): the provider's tokens of an identity whose connector has enableTokenStorage.
-- Each token is encrypted with the host's Data Protection under a purpose that names the identity and the kind of
-- token, so a value copied onto another row, or into another column, does not decrypt there. The row goes with its
-- identity (unlink, user delete: ON DELETE CASCADE). connector_id and generation say which connector, as it was, the
-- tokens came from: turning enableTokenStorage off, changing the provider behind the connector or deleting it deletes them.
CREATE TABLE identity_tokens (
    identity_id             bigint      PRIMARY KEY REFERENCES user_identities (id) ON DELETE CASCADE,
    connector_id            text        NOT NULL,
    generation              uuid        NOT NULL,
    access_token_protected  text        NOT NULL,
    refresh_token_protected text        NULL,
    id_token_protected      text        NULL,
    token_type              text        NOT NULL,
    scope                   text        NULL,
    -- NULL: the provider gave no expires_in (RFC 6749 §5.1 makes it optional); the token is then taken as valid.
    expires_at              timestamptz NULL,
    updated_at              timestamptz NOT NULL
);

CREATE INDEX identity_tokens_connector_id_idx ON identity_tokens (connector_id);

-- Apps may ask for the scope identity_tokens (GET /oidc/me/identities/{connectorId}/access-token), as every app made
-- from now on may: the operator registered them, and a connector's enableTokenStorage decides whether there is a token.
UPDATE oidc_applications SET permissions = permissions || '["scp:identity_tokens"]'::jsonb
WHERE NOT permissions ? 'scp:identity_tokens';
