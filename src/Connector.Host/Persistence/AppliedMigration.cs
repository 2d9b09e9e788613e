namespace Connector.Host.Persistence;

/// <summary>A row of <c>schema_migrations</c>.</summary>
internal sealed record AppliedMigration
{
    public int Version { get; init; }
    public string Checksum { get; init; } = "";
}
