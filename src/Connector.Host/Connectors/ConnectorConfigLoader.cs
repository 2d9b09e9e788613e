using System.Collections.Concurrent;
using Connector.Host.Persistence;
using Connector.Host.Security;

namespace Connector.Host.Connectors;

/// <summary>
/// Loads a stored connector with its secret decrypted, for the sign-in flow. A connector is read on every
/// sign-in's two steps, so it is kept for a few seconds: that spares the flow a query, a JSON parse and a
/// decryption each time. Writes through this instance forget it at once; another instance sees a change
/// within <see cref="Freshness"/>.
/// </summary>
internal sealed class ConnectorConfigLoader(ConnectorStore store, ClientSecretProtector protector, TimeProvider time)
{
    public static readonly TimeSpan Freshness = TimeSpan.FromSeconds(5);
    private const int MaxCached = 1024;

    private readonly ConcurrentDictionary<string, (LoadedConnector? Connector, DateTimeOffset Until)> _cache = new(StringComparer.Ordinal);

    public async Task<LoadedConnector?> LoadAsync(string id, CancellationToken ct)
    {
        var now = time.GetUtcNow();
        if (_cache.TryGetValue(id, out var entry) && entry.Until > now)
        {
            return entry.Connector;
        }

        var row = await store.GetAsync(id, ct);
        var connector = row is null
            ? null
            : new LoadedConnector(row.Id, row.Name, row.LogoUrl, row.Enabled,
                ConnectorDocuments.ToConfig(row.Config, protector.Unprotect(row.Id, row.ClientSecretProtected)));
        if (connector is not null && _cache.Count < MaxCached)
        {
            _cache[id] = (connector, now + Freshness);
        }

        return connector;
    }

    /// <summary>Drops a connector this instance just changed, so its next sign-in reads the new version.</summary>
    public void Forget(string id) => _cache.TryRemove(id, out _);
}
