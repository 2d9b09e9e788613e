-- The sign-in experience (docs/sign-in-flow.md, "The sign-in page"): which connectors the page shows and in what
-- order, the branding, the languages, the terms and privacy links. One row; connectors created later are appended
-- to it by the service, and those that exist now are shown in the order they were created, as before.
CREATE TABLE sign_in_experience (
    id         integer     PRIMARY KEY CHECK (id = 1),
    settings   jsonb       NOT NULL CHECK (jsonb_typeof(settings) = 'object'),
    revision   integer     NOT NULL DEFAULT 1,
    updated_at timestamptz NOT NULL
);

INSERT INTO sign_in_experience (id, settings, updated_at)
SELECT 1, jsonb_build_object('connectors', coalesce(jsonb_agg(id ORDER BY created_at, id), '[]'::jsonb)), now()
FROM connectors;

-- A connector's dark-background logo and its name in other languages (locale → name).
ALTER TABLE connectors
    ADD COLUMN logo_dark_url text  NULL,
    ADD COLUMN display_names jsonb NOT NULL DEFAULT '{}' CHECK (jsonb_typeof(display_names) = 'object');
