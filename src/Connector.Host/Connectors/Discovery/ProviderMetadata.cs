using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;

namespace Connector.Host.Connectors.Discovery;

/// <summary>The fields of an OpenID Provider's metadata that prefill a connector (OpenID Connect Discovery 1.0 §3).</summary>
internal sealed record ProviderMetadata
{
    public static JsonSerializerOptions JsonOptions { get; } = new(JsonSerializerDefaults.General)
    {
        TypeInfoResolver = new DefaultJsonTypeInfoResolver(),
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        NumberHandling = JsonNumberHandling.Strict,
    };

    public string? Issuer { get; init; }
    public string? AuthorizationEndpoint { get; init; }
    public string? TokenEndpoint { get; init; }
    public string? UserinfoEndpoint { get; init; }
    public IReadOnlyList<string>? ScopesSupported { get; init; }
    public IReadOnlyList<string>? ResponseTypesSupported { get; init; }
    public IReadOnlyList<string>? TokenEndpointAuthMethodsSupported { get; init; }
    public IReadOnlyList<string>? CodeChallengeMethodsSupported { get; init; }
    public string? JwksUri { get; init; }
    public IReadOnlyList<string>? IdTokenSigningAlgValuesSupported { get; init; }
}
