using Microsoft.IdentityModel.Tokens;

namespace Connector.Host.Oidc.Keys;

/// <summary>
/// The keys in force at one moment: per algorithm the current signer (the newest key whose
/// <c>not_before</c> has passed), every published key for JWKS, and the encryption keys (current first).
/// </summary>
internal sealed record OidcKeySet(
    IReadOnlyDictionary<string, SigningCredentials> Current,
    IReadOnlyList<SigningCredentials> Published,
    IReadOnlyList<EncryptingCredentials> Encryption,
    string Fingerprint)
{
    /// <summary>Signing credentials in OpenIddict's order: current ES384 first (ID tokens use the first asymmetric one), current RS256, then the rest.</summary>
    public IEnumerable<SigningCredentials> Ordered()
    {
        var current = OidcKeyAlgorithms.Signing.Where(Current.ContainsKey).Select(algorithm => Current[algorithm]).ToList();
        return current.Concat(Published.Where(credentials => !current.Contains(credentials)));
    }

    public SigningCredentials For(string algorithm) =>
        Current.TryGetValue(algorithm, out var credentials) ? credentials : Current[OidcKeyAlgorithms.Es384];
}
