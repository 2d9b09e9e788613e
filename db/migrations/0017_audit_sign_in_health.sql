-- A connector's health (GET /api/connectors/{id}/health, docs/admin-api.md) reads its last 24 hours of sign-ins and
-- its last failure from audit_events; without these it would scan the whole trail per request. The provider calls'
-- timings need no column: each sign-in's row carries them in details.providerCalls.
CREATE INDEX audit_events_sign_ins ON audit_events (target, occurred_at) WHERE action = 'sign_in';
CREATE INDEX audit_events_failed_sign_ins ON audit_events (target, occurred_at DESC) WHERE action = 'sign_in' AND outcome <> 'success';
