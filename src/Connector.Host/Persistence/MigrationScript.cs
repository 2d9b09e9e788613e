namespace Connector.Host.Persistence;

/// <summary>One file of <c>db/migrations</c>: <c>0002_connectors.sql</c> is version 2.</summary>
internal sealed record MigrationScript(int Version, string Name, string Sql, string Checksum);
