-- The audit trail as operators read it (GET /api/audit, the console's Audit and dashboard): newest first by
-- (occurred_at, id), narrowed by one exact filter or more and a time range, a page at a time by keyset. Without
-- these, every filtered page, the dashboard's 14 days and the connector list's figures read the whole table
-- (about 100-400 ms at 1,000,000 events, 1-2 s for the filter choices; docs/admin-api.md#audit has the numbers).
--
-- Each index is one filter's column, then (occurred_at, id): an equality on the first column, the time range and
-- the keyset condition (occurred_at, id) < (…) then read one contiguous stretch of the index, newest first, and stop
-- after a page. Filters combined use the most selective of them and check the rest on the way.

-- No filter, or only a time range: the list itself, and the retention's delete of the oldest events.
CREATE INDEX audit_events_occurred_at_idx ON audit_events (occurred_at, id);

-- action=…; also the dashboard's sign-ins per day and the connector list's last 24 h, which need only target and
-- outcome besides, so those are included and the counts come from the index alone (an index-only scan).
CREATE INDEX audit_events_action_idx ON audit_events (action, occurred_at, id) INCLUDE (target, outcome);

-- target=… (a connector, a user, an app); also each connector's last successful sign-in.
CREATE INDEX audit_events_target_idx ON audit_events (target, occurred_at, id);

-- actor=… (an admin key's fingerprint, user:{id}); also a user's last sign-in per connector on the user's page.
CREATE INDEX audit_events_actor_idx ON audit_events (actor, occurred_at, id);

-- outcome=… (success, or one error code: the rare ones are the ones looked for).
CREATE INDEX audit_events_outcome_idx ON audit_events (outcome, occurred_at, id);
