-- The issuer's scopes are registered in code and none was ever stored: the scope table goes with its store.
DROP TABLE IF EXISTS oidc_scopes;
