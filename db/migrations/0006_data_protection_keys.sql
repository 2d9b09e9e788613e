-- The ASP.NET Core Data Protection key ring, shared by every host instance (IXmlRepository rows).
CREATE TABLE data_protection_keys (
    friendly_name text        PRIMARY KEY,
    xml           text        NOT NULL,
    created_at    timestamptz NOT NULL
);
