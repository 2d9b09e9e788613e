using Npgsql;

namespace Connector.Host.Connectors;

/// <summary>A feature that keeps a list of connectors (the sign-in experience) and follows creations and deletions in their transaction.</summary>
internal interface IConnectorLifecycleListener
{
    Task CreatedAsync(string connectorId, NpgsqlConnection connection, NpgsqlTransaction transaction, CancellationToken ct);

    Task DeletedAsync(string connectorId, NpgsqlConnection connection, NpgsqlTransaction transaction, CancellationToken ct);
}
