-- Identity lifecycle (docs/sign-in-flow.md, "After the first sign-in").

-- A connector's lifecycle switches (syncProfile, trustEmail, accountLinking, allowSignUp, allowedEmailDomains),
-- and its generation: a new one when the provider behind it changes (a confirmed change of endpoints, client id or
-- profileMap.id) or when it is deleted and created again, so that no old identity matches a new provider's subject.
ALTER TABLE connectors
    ADD COLUMN settings   jsonb NOT NULL DEFAULT '{}' CHECK (jsonb_typeof(settings) = 'object'),
    ADD COLUMN generation uuid  NOT NULL DEFAULT gen_random_uuid();

-- Identities remember the generation they came from; they match only subjects of that same generation. Identities
-- of connectors deleted before this migration keep a generation no connector will ever have.
ALTER TABLE user_identities ADD COLUMN generation uuid NULL;
UPDATE user_identities i SET generation = c.generation FROM connectors c WHERE c.id = i.connector_id;
UPDATE user_identities SET generation = gen_random_uuid() WHERE generation IS NULL;
ALTER TABLE user_identities ALTER COLUMN generation SET NOT NULL;
ALTER TABLE user_identities DROP CONSTRAINT user_identities_connector_subject_key;
ALTER TABLE user_identities ADD CONSTRAINT user_identities_connector_generation_subject_key UNIQUE (connector_id, generation, subject);
-- Search by subject, exactly (GET /api/users?search=).
CREATE INDEX user_identities_subject_idx ON user_identities (subject);

-- Users an operator disabled, their roles (operator: the console), and a revocation epoch: raising it ends every
-- session and every token issued before, on every instance, without a row per session.
ALTER TABLE users
    ADD COLUMN disabled      boolean NOT NULL DEFAULT false,
    ADD COLUMN roles         text[]  NOT NULL DEFAULT '{}',
    ADD COLUMN session_epoch integer NOT NULL DEFAULT 0;
-- Case-insensitive prefix search on name and email, and the verified-email lookup of account linking.
CREATE INDEX users_email_lower_idx ON users (lower(email) text_pattern_ops);
CREATE INDEX users_name_lower_idx ON users (lower(name) text_pattern_ops);

-- Sessions ended on the server (sign-out, end session): a row only then, kept until the cookie would have expired.
CREATE TABLE revoked_sessions (
    session_id text        PRIMARY KEY,
    expires_at timestamptz NOT NULL
);
CREATE INDEX revoked_sessions_expires_at_idx ON revoked_sessions (expires_at);
