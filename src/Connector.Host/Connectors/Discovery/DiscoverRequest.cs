namespace Connector.Host.Connectors.Discovery;

/// <summary>Body of <c>POST /api/connectors/discover</c>: an OIDC issuer, or the metadata URL itself.</summary>
internal sealed record DiscoverRequest
{
    /// <summary>Read from <c>{issuer}/.well-known/openid-configuration</c> (OpenID Connect Discovery 1.0 §4).</summary>
    public string? Issuer { get; init; }

    /// <summary>A metadata document URL, for providers that publish it elsewhere (RFC 8414 paths, tenants).</summary>
    public string? Url { get; init; }
}
