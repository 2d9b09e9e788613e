using System.Text.Json;
using Connector.Host.Oidc.Keys;
using OpenIddict.Abstractions;

namespace Connector.Host.Oidc;

/// <summary>Our settings kept in an OpenIddict application's properties.</summary>
internal static class OidcAppProperties
{
    /// <summary>OIDC Dynamic Client Registration's name for the ID-token signing algorithm (ES384 or RS256).</summary>
    public const string IdTokenSignedResponseAlg = "id_token_signed_response_alg";

    /// <summary>Browser origins of a <c>spa</c> app, answered with CORS headers on the endpoints it calls.</summary>
    public const string CorsOrigins = "cors_origins";

    /// <summary>The connectors an app offers, in order (empty: the sign-in experience's).</summary>
    public const string Connectors = "connectors";

    public static async ValueTask<string> IdTokenAlgorithmAsync(IOpenIddictApplicationManager applications, string? clientId, CancellationToken ct)
    {
        if (string.IsNullOrEmpty(clientId) || await applications.FindByClientIdAsync(clientId, ct) is not { } application)
        {
            return OidcKeyAlgorithms.Es384;
        }

        var properties = await applications.GetPropertiesAsync(application, ct);
        return properties.TryGetValue(IdTokenSignedResponseAlg, out var value) && value.ValueKind == JsonValueKind.String
            && value.GetString() == OidcKeyAlgorithms.Rs256
            ? OidcKeyAlgorithms.Rs256
            : OidcKeyAlgorithms.Es384;
    }
}
