using Connector.Host.Connectors;
using Npgsql;

namespace Connector.Host.TokenVault;

/// <summary>
/// Tokens are kept only while their connector asks for it, and only for the provider they came from: turning
/// <c>enableTokenStorage</c> off, confirming a provider change (a new generation) or deleting the connector deletes
/// them, in that change's transaction. Deleted rather than ignored, so that switching storage off is a way to erase.
/// </summary>
internal sealed class VaultConnectorListener : IConnectorLifecycleListener
{
    public Task CreatedAsync(string connectorId, NpgsqlConnection connection, NpgsqlTransaction transaction, CancellationToken ct) => Task.CompletedTask;

    public Task UpdatedAsync(
        string connectorId, ConnectorSettings settings, Guid generation, NpgsqlConnection connection, NpgsqlTransaction transaction, CancellationToken ct) =>
        IdentityTokenStore.DeleteStaleAsync(connection, transaction, connectorId, settings.EnableTokenStorage, generation, ct);

    public Task DeletedAsync(string connectorId, NpgsqlConnection connection, NpgsqlTransaction transaction, CancellationToken ct) =>
        IdentityTokenStore.DeleteForConnectorAsync(connection, transaction, connectorId, ct);
}
