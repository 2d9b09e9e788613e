using Connector.Host.Security;
using Microsoft.Extensions.Caching.Memory;

namespace Connector.Host.Connectors;

/// <summary>
/// Loads a stored connector with its secret and keys decrypted, for the sign-in flow. A connector is read on every
/// sign-in's two steps, so it is kept for a few seconds: that spares the flow a query, a JSON parse and a
/// decryption each time. Writes through this instance forget it at once; another instance sees a change
/// within <see cref="Freshness"/>. Bounded in count, so a flood of unknown ids cannot grow it.
/// </summary>
internal sealed class ConnectorConfigLoader(ConnectorStore store, ClientSecretProtector protector, TimeProvider time) : IDisposable
{
    public static readonly TimeSpan Freshness = TimeSpan.FromSeconds(5);
    private const int MaxCached = 1024;

    private readonly MemoryCache _cache = new(new MemoryCacheOptions { SizeLimit = MaxCached, Clock = new CacheClock(time) });

    public async Task<LoadedConnector?> LoadAsync(string id, CancellationToken ct)
    {
        if (_cache.TryGetValue(id, out LoadedConnector? cached))
        {
            return cached;
        }

        var row = await store.GetAsync(id, ct);
        if (row is null)
        {
            return null;
        }

        var connector = new LoadedConnector(row.Id, row.Name, row.LogoUrl, row.Enabled,
            ConnectorDocuments.ToConfig(row.Config, protector.Unprotect(row)),
            ConnectorDocuments.ToSettings(row.Settings), row.Generation);
        _cache.Set(id, connector, new MemoryCacheEntryOptions { Size = 1, AbsoluteExpirationRelativeToNow = Freshness });
        return connector;
    }

    /// <summary>Drops a connector this instance just changed, so its next sign-in reads the new version.</summary>
    public void Forget(string id) => _cache.Remove(id);

    public void Dispose() => _cache.Dispose();

    // MemoryCache's clock seam: the cache expires on the injected TimeProvider, as everything else does.
    private sealed class CacheClock(TimeProvider time) : Microsoft.Extensions.Internal.ISystemClock
    {
        public DateTimeOffset UtcNow => time.GetUtcNow();
    }
}
