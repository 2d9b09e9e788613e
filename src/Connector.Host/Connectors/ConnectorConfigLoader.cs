using Connector.Host.Persistence;
using Connector.Host.Security;

namespace Connector.Host.Connectors;

/// <summary>Loads a stored connector with its secret decrypted, for the sign-in flow.</summary>
internal sealed class ConnectorConfigLoader(ConnectorStore store, ClientSecretProtector protector)
{
    public async Task<LoadedConnector?> LoadAsync(string id, CancellationToken ct)
    {
        var row = await store.GetAsync(id, ct);
        if (row is null)
        {
            return null;
        }

        var secret = protector.Unprotect(row.Id, row.ClientSecretProtected);
        return new LoadedConnector(row.Id, row.Name, row.LogoUrl, row.Enabled, ConnectorDocuments.ToConfig(row.Config, secret));
    }
}
