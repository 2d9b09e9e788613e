using Connector.OAuth2.Configuration;
using Microsoft.Extensions.Caching.Memory;

namespace Connector.OAuth2.Profiles;

/// <summary>
/// Compiled profile maps by value: a connector's map is parsed once per version of it (a changed map is another
/// key) and kept while it is used. Bounded in count and expiring when idle, so maps of deleted or edited
/// connectors leave and a flood of distinct maps cannot grow it.
/// </summary>
internal sealed class ProfileMapCache : IDisposable
{
    private const int MaxMaps = 1024;
    private static readonly TimeSpan KeptWhileIdle = TimeSpan.FromHours(1);
    private static readonly ProfileMap Default = new();

    private readonly MemoryCache _cache = new(new MemoryCacheOptions { SizeLimit = MaxMaps });

    public CompiledProfileMap Get(ProfileMap? map) =>
        _cache.GetOrCreate(map ?? Default, entry =>
        {
            entry.Size = 1;
            entry.SlidingExpiration = KeptWhileIdle;
            return CompiledProfileMap.Compile((ProfileMap)entry.Key);
        })!;

    public void Dispose() => _cache.Dispose();
}
