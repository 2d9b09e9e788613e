-- The OpenID Connect nonce of a sign-in whose connector verifies ID tokens (docs/security.md, ID tokens). Only its
-- SHA-256 digest is kept: the callback hashes the ID token's nonce claim and compares, so a database reader learns no
-- value to plant in a forged authorization request. NULL for connectors without idTokenVerificationConfig.
ALTER TABLE sign_in_states ADD COLUMN nonce_hash bytea NULL;
