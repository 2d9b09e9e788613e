using Connector.OAuth2.Results;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.IdentityModel.Tokens;

namespace Connector.OAuth2.IdTokens;

/// <summary>
/// Providers' signing keys by JWKS URI. A set is reused for an hour; a token whose <c>kid</c> the cached set lacks
/// makes it fetch again at once, because that is how a key rotation shows (OpenID Connect Core 1.0 §10.1.1), but at
/// most once per <see cref="MinRefetchInterval"/> per URI, so tokens with made-up key ids cannot make us hammer the
/// provider. When a refetch fails, the keys already known keep working.
/// </summary>
internal sealed class JwksCache(JwksClient client, TimeProvider time) : IDisposable
{
    public static readonly TimeSpan FreshFor = TimeSpan.FromHours(1);
    public static readonly TimeSpan MinRefetchInterval = TimeSpan.FromSeconds(30);

    private const int MaxSets = 256;
    private static readonly TimeSpan KeptWhileIdle = TimeSpan.FromDays(1);

    private readonly MemoryCache _cache = new(new MemoryCacheOptions { SizeLimit = MaxSets });

    /// <summary>The keys that may verify a token naming <paramref name="kid"/> (possibly none), or why none could be had.</summary>
    public async Task<ConnectorResult<IReadOnlyList<JsonWebKey>>> GetKeysAsync(string jwksUri, string? kid, CancellationToken cancellationToken)
    {
        var slot = _cache.GetOrCreate(jwksUri, entry =>
        {
            entry.Size = 1;
            entry.SlidingExpiration = KeptWhileIdle;
            return new JwksSlot();
        })!;

        Task<ConnectorResult<IReadOnlyList<JsonWebKey>>> pending;
        lock (slot.Gate)
        {
            var now = time.GetUtcNow();
            var current = slot.Current;
            if (current is not null && current.Has(kid) && now - current.FetchedAt < FreshFor)
            {
                return ConnectorResult<IReadOnlyList<JsonWebKey>>.Success(current.For(kid));
            }

            if (current is not null && slot.LastAttempt is { } last && now - last < MinRefetchInterval)
            {
                return ConnectorResult<IReadOnlyList<JsonWebKey>>.Success(current.For(kid));
            }

            if (slot.Pending is not { IsCompleted: false })
            {
                slot.LastAttempt = now;
                // Not tied to one caller's cancellation: others may be waiting on it; the client's timeout bounds it.
                slot.Pending = RefreshAsync(slot, jwksUri);
            }

            pending = slot.Pending;
        }

        var fetched = await pending.WaitAsync(cancellationToken);
        lock (slot.Gate)
        {
            // After a failed refetch the previous set still serves the keys it has.
            return slot.Current is { } current && (!fetched.IsError || current.Has(kid))
                ? ConnectorResult<IReadOnlyList<JsonWebKey>>.Success(current.For(kid))
                : fetched;
        }
    }

    private async Task<ConnectorResult<IReadOnlyList<JsonWebKey>>> RefreshAsync(JwksSlot slot, string jwksUri)
    {
        var fetched = await client.FetchAsync(jwksUri, CancellationToken.None);
        if (!fetched.IsError)
        {
            lock (slot.Gate)
            {
                slot.Current = new JwksSnapshot(fetched.Value, time.GetUtcNow());
            }
        }

        return fetched;
    }

    public void Dispose() => _cache.Dispose();
}
