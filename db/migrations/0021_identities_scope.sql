-- Apps may ask for the scope identities (/oidc/me then lists the user's connector ids and subjects), as every app
-- made from now on may: the operator registered them, and the list names no profile and no token.
UPDATE oidc_applications SET permissions = permissions || '["scp:identities"]'::jsonb
WHERE NOT permissions ? 'scp:identities';
