-- The private keys of `signedClientSecret` and `clientAssertionKey` (docs/security.md, Connector credentials). Like the
-- client secret they are write-only, so they live outside `config`, each encrypted with Data Protection under its own
-- purpose (a ciphertext moved to the other column, or to another connector, does not decrypt). NULL when not configured.
-- The public JWK of the assertion key is no secret: kept beside it so that answers show it without decrypting anything.
ALTER TABLE connectors
    ADD COLUMN signed_client_secret_key_protected text  NULL,
    ADD COLUMN client_assertion_key_protected     text  NULL,
    ADD COLUMN client_assertion_public_jwk        jsonb NULL;

-- The same guard as for clientSecret in 0002: a bug that writes a key into the document fails loudly.
ALTER TABLE connectors ADD CONSTRAINT connectors_config_holds_no_private_key CHECK (
    NOT coalesce(config -> 'signedClientSecret' ? 'privateKey', false)
    AND NOT coalesce(config -> 'clientAssertionKey' ? 'privateKey', false));
