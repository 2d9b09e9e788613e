-- Admin changes and sign-in outcomes; never secrets, tokens or raw profiles.
CREATE TABLE audit_events (
    id          bigserial   PRIMARY KEY,
    occurred_at timestamptz NOT NULL,
    actor       text        NOT NULL,
    action      text        NOT NULL,
    target      text        NULL,
    outcome     text        NOT NULL,
    details     jsonb       NULL
);
