using Connector.Host.Pages;
using Microsoft.Extensions.Caching.Memory;

namespace Connector.Host.Experience;

/// <summary>
/// The sign-in experience as pages read it: kept a few seconds (every sign-in page reads it), forgotten at once when
/// this instance saves a new one; another instance sees a change within <see cref="Freshness"/>.
/// </summary>
internal sealed class ExperienceReader(ExperienceStore store) : IPageLookSource, IDisposable
{
    public static readonly TimeSpan Freshness = TimeSpan.FromSeconds(5);
    private static readonly object Key = new();

    private readonly MemoryCache _cache = new(new MemoryCacheOptions { SizeLimit = 1 });

    public async Task<SignInExperience> GetAsync(CancellationToken ct) =>
        (await _cache.GetOrCreateAsync(Key, async entry =>
        {
            entry.Size = 1;
            entry.AbsoluteExpirationRelativeToNow = Freshness;
            return await store.GetAsync(ct);
        }))!;

    public void Forget() => _cache.Remove(Key);

    async Task<PageLook> IPageLookSource.GetAsync(CancellationToken ct) => ExperienceLook.Of(await GetAsync(ct));

    public void Dispose() => _cache.Dispose();
}
