using Npgsql;

namespace Connector.Host.Connectors;

/// <summary>
/// A feature that keeps something per connector (the sign-in experience's list, the token vault's tokens) and follows
/// creations, updates and deletions in their transaction.
/// </summary>
internal interface IConnectorLifecycleListener
{
    Task CreatedAsync(string connectorId, NpgsqlConnection connection, NpgsqlTransaction transaction, CancellationToken ct);

    /// <summary>The connector as saved: its settings and its generation (a new one when the provider behind it changed).</summary>
    Task UpdatedAsync(string connectorId, ConnectorSettings settings, Guid generation, NpgsqlConnection connection, NpgsqlTransaction transaction, CancellationToken ct) =>
        Task.CompletedTask;

    Task DeletedAsync(string connectorId, NpgsqlConnection connection, NpgsqlTransaction transaction, CancellationToken ct);
}
