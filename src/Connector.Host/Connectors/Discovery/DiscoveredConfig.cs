using System.Text.Json.Serialization;
using Connector.OAuth2.Configuration;

namespace Connector.Host.Connectors.Discovery;

/// <summary>A connector config prefilled from provider metadata; the admin adds <c>clientId</c> and <c>clientSecret</c>.</summary>
internal sealed record DiscoveredConfig
{
    public required string AuthorizationEndpoint { get; init; }
    public required string TokenEndpoint { get; init; }

    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? UserInfoEndpoint { get; init; }

    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? Scope { get; init; }

    public required string TokenEndpointAuthMethod { get; init; }

    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public bool? Pkce { get; init; }

    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public ProfileMap? ProfileMap { get; init; }

    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public IdTokenVerificationConfig? IdTokenVerificationConfig { get; init; }
}
