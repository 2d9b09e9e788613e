using Connector.OAuth2.Configuration;

namespace Connector.Host.Connectors.Discovery;

/// <summary>
/// The <c>idTokenVerificationConfig</c> an OpenID provider's metadata implies: its <c>jwks_uri</c> and <c>issuer</c>
/// (OpenID Connect Discovery 1.0 §3), and the algorithms it signs ID tokens with that we accept.
/// </summary>
internal static class IdTokenVerification
{
    public static IdTokenVerificationConfig? From(ProviderMetadata metadata, List<string> warnings)
    {
        if (string.IsNullOrEmpty(metadata.JwksUri) || string.IsNullOrEmpty(metadata.Issuer))
        {
            warnings.Add("The metadata has no jwks_uri or issuer, so ID tokens cannot be verified; the profile comes from userinfo.");
            return null;
        }

        IReadOnlyList<string>? algorithms = null;
        if (metadata.IdTokenSigningAlgValuesSupported is { } listed)
        {
            // Discovery §3 lists what the provider may use; keep what we accept (never none or HMAC).
            algorithms = [.. listed.Where(IdTokenAlgorithms.Supported.Contains)];
            if (algorithms.Count == 0)
            {
                warnings.Add($"The provider signs ID tokens only with {string.Join(", ", listed)}, none of which is accepted; the profile comes from userinfo.");
                return null;
            }
        }

        if (metadata.Issuer.Contains("{tenantid}", StringComparison.Ordinal))
        {
            warnings.Add("The issuer holds {tenantid}: each token's iss must name the tenant in its tid claim.");
        }

        return new IdTokenVerificationConfig { JwksUri = metadata.JwksUri, Issuer = metadata.Issuer, Algorithms = algorithms };
    }
}
