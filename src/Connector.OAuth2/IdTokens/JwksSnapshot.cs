using Microsoft.IdentityModel.Tokens;

namespace Connector.OAuth2.IdTokens;

/// <summary>One JWK Set as fetched, and when.</summary>
internal sealed record JwksSnapshot(IReadOnlyList<JsonWebKey> Keys, DateTimeOffset FetchedAt)
{
    public bool Has(string? kid) => kid is null || Keys.Any(key => key.Kid == kid);

    /// <summary>The keys a token with <paramref name="kid"/> may be verified with: that key, or every key when the token names none.</summary>
    public IReadOnlyList<JsonWebKey> For(string? kid) => kid is null ? Keys : [.. Keys.Where(key => key.Kid == kid)];
}
