-- The per-browser bound on pending sign-ins (SignInStateStore: at most 20 unconsumed states per browser binding)
-- looks up a browser's pending states on every start; without this index that is a scan of the whole table.
CREATE INDEX sign_in_states_pending_binding_idx ON sign_in_states (browser_binding_hash, created_at)
    WHERE consumed_at IS NULL AND purpose = 'sign_in';
