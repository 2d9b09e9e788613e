using System.Collections.Concurrent;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Primitives;
using Microsoft.IdentityModel.Tokens;
using OpenIddict.Server;

namespace Connector.Host.Oidc.Keys;

/// <summary>
/// The provider's keys as last read from <c>oidc_keys</c>. When the set changes (a rotation, a key whose
/// <c>not_before</c> passed, a retirement) it signals OpenIddict's options to rebuild, so every instance
/// signs with and publishes the same keys without a restart.
/// </summary>
internal sealed class OidcKeyRing(OidcKeyStore store, OidcKeyMaterial material, TimeProvider time)
    : IOptionsChangeTokenSource<OpenIddictServerOptions>, IDisposable
{
    private readonly ConcurrentDictionary<string, SigningCredentials> _signing = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, EncryptingCredentials> _encrypting = new(StringComparer.Ordinal);
    private readonly Lock _lock = new();
    private CancellationTokenSource _changed = new();
    private OidcKeySet? _current;

    public string? Name => Options.DefaultName;

    public OidcKeySet Current => _current
        ?? throw new InvalidOperationException("The OIDC keys are not loaded yet: they are read from PostgreSQL at start-up, after the migrations.");

    public void Dispose() => _changed.Dispose();

    public IChangeToken GetChangeToken()
    {
        lock (_lock)
        {
            return new CancellationChangeToken(_changed.Token);
        }
    }

    /// <summary>Reads the published keys; true when the set in force changed.</summary>
    public async Task<bool> RefreshAsync(CancellationToken ct)
    {
        var rows = await store.PublishedAsync(ct);
        var now = time.GetUtcNow().UtcDateTime;
        var current = new Dictionary<string, SigningCredentials>(StringComparer.Ordinal);
        var published = new List<SigningCredentials>();
        var encryption = new List<EncryptingCredentials>();

        // Rows come newest first: the first active key of an algorithm is its current one.
        foreach (var row in rows)
        {
            var active = row.NotBefore <= now;
            if (row.Algorithm == OidcKeyAlgorithms.A256Kw)
            {
                var credentials = _encrypting.GetOrAdd(row.Kid, _ => material.Encrypting(row));
                var first = active && !current.ContainsKey(row.Algorithm);
                encryption.Insert(first ? 0 : encryption.Count, credentials);
                if (first)
                {
                    current[row.Algorithm] = new SigningCredentials(credentials.Key, row.Algorithm);
                }

                continue;
            }

            var signing = _signing.GetOrAdd(row.Kid, _ => material.Signing(row));
            published.Add(signing);
            if (active)
            {
                current.TryAdd(row.Algorithm, signing);
            }
        }

        if (!current.ContainsKey(OidcKeyAlgorithms.Es384) || encryption.Count == 0)
        {
            throw new InvalidOperationException("oidc_keys holds no usable ES384 signing key or A256KW encryption key.");
        }

        var fingerprint = string.Join(',', rows.Select(row => row.Kid)) + "|" + string.Join(',', current.Select(pair => $"{pair.Key}={pair.Value.Key.KeyId}"));
        current.Remove(OidcKeyAlgorithms.A256Kw);
        if (_current?.Fingerprint == fingerprint)
        {
            return false;
        }

        CancellationTokenSource previous;
        lock (_lock)
        {
            _current = new OidcKeySet(current, published, encryption, fingerprint);
            previous = _changed;
            _changed = new CancellationTokenSource();
        }

        await previous.CancelAsync();
        previous.Dispose();
        return true;
    }
}
