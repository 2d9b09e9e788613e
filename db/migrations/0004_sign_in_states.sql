-- Server-side sign-in state (docs/sign-in-flow.md, GET /sign-in/{connectorId}). Only digests of the state and of
-- the browser-binding cookie are stored, so a database reader cannot replay a flow in progress.
CREATE TABLE sign_in_states (
    state_hash              bytea       PRIMARY KEY,
    connector_id            text        NOT NULL,
    browser_binding_hash    bytea       NOT NULL,
    -- RFC 7636 code verifier, protected with Data Protection; NULL when the connector has PKCE off.
    code_verifier_protected text        NULL,
    return_url              text        NULL,
    purpose                 text        NOT NULL CHECK (purpose IN ('sign_in', 'test')),
    created_at              timestamptz NOT NULL,
    expires_at              timestamptz NOT NULL,
    consumed_at             timestamptz NULL
);

CREATE INDEX sign_in_states_expires_at_idx ON sign_in_states (expires_at);
