-- Webhooks (docs/webhooks.md): an operator's subscriptions, the events waiting to go out, and what each attempt
-- came to. Events are written to the outbox in the transaction of the change that raised them, so an event exists
-- exactly when its change committed; any instance delivers them, at least once.

-- Where events go. The signing key is kept encrypted with Data Protection (purpose plus the webhook id), never in
-- clear: it is shown once, in the answer that created the webhook.
CREATE TABLE webhooks (
    id                    uuid        PRIMARY KEY,
    url                   text        NOT NULL,
    events                text[]      NOT NULL CHECK (cardinality(events) > 0),
    enabled               boolean     NOT NULL DEFAULT true,
    signing_key_protected text        NOT NULL,
    revision              integer     NOT NULL DEFAULT 1,
    created_at            timestamptz NOT NULL,
    updated_at            timestamptz NOT NULL
);

-- One row per event and webhook still to be delivered; gone once delivered or dead (the delivery log remembers).
-- `id` is the delivery id receivers see, the same on every attempt, so they can drop a repeat. `payload` is the exact
-- body that is signed and sent, as text: jsonb would reorder and respace it, and every attempt must send the same
-- bytes. `next_attempt_at` is when an instance may take the row next: a claim moves it to the end of the claim's lease,
-- so the row comes back by itself when the instance that took it stops or dies. No foreign key on `webhook_id`: the
-- check would lock the webhook's row in every sign-in; a row whose webhook is gone or disabled is dropped when due.
CREATE TABLE webhook_outbox (
    id              uuid        PRIMARY KEY,
    webhook_id      uuid        NOT NULL,
    event           text        NOT NULL,
    payload         text        NOT NULL,
    created_at      timestamptz NOT NULL,
    attempts        integer     NOT NULL DEFAULT 0,
    next_attempt_at timestamptz NOT NULL
);
CREATE INDEX webhook_outbox_next_attempt_at_idx ON webhook_outbox (next_attempt_at);

-- Every attempt, newest first per webhook (GET /api/webhooks/{id}/deliveries), kept for Connectors:Webhooks:DeliveryLogDays.
-- No payload and no answer body beyond a short excerpt of a refusal: the log tells what happened, not what was sent.
CREATE TABLE webhook_deliveries (
    id              bigserial   PRIMARY KEY,
    webhook_id      uuid        NOT NULL REFERENCES webhooks (id) ON DELETE CASCADE,
    delivery_id     uuid        NOT NULL,
    event           text        NOT NULL,
    attempt         integer     NOT NULL,
    attempted_at    timestamptz NOT NULL,
    outcome         text        NOT NULL CHECK (outcome IN ('delivered', 'failed', 'dead')),
    status_code     integer     NULL,
    duration_ms     integer     NOT NULL,
    error           text        NULL,
    next_attempt_at timestamptz NULL
);
CREATE INDEX webhook_deliveries_webhook_id_idx ON webhook_deliveries (webhook_id, id);
CREATE INDEX webhook_deliveries_attempted_at_idx ON webhook_deliveries (attempted_at);
