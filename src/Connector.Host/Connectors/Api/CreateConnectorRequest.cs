using Connector.OAuth2.Configuration;

namespace Connector.Host.Connectors.Api;

/// <summary>Body of <c>POST /api/connectors</c>; also the shape a <c>PATCH</c> must leave the connector in.</summary>
internal sealed record CreateConnectorRequest
{
    /// <summary>Slug <c>[a-z0-9-]{1,64}</c>; generated from the name when absent.</summary>
    public string? Id { get; init; }

    public string? Name { get; init; }

    public string? LogoUrl { get; init; }

    /// <summary>The logo for dark backgrounds; the light one is used when absent.</summary>
    public string? LogoDarkUrl { get; init; }

    /// <summary>The name in other languages (language tag → name), as Logto's <c>metadata.name</c>.</summary>
    public IReadOnlyDictionary<string, string>? DisplayNames { get; init; }

    /// <summary>Defaults to true.</summary>
    public bool? Enabled { get; init; }

    /// <summary>The Logto-compatible connector config, pasted unchanged.</summary>
    public OAuth2ConnectorConfig? Config { get; init; }

    /// <summary>Logto's name: refresh the user's profile from the provider at every sign-in (default false).</summary>
    public bool? SyncProfile { get; init; }

    public bool? TrustEmail { get; init; }

    /// <summary><c>none</c> (default) or <c>verifiedEmail</c>.</summary>
    public string? AccountLinking { get; init; }

    public bool? AllowSignUp { get; init; }

    public IReadOnlyList<string>? AllowedEmailDomains { get; init; }

    /// <summary>Logto's name: keep the provider's tokens for the token vault.</summary>
    public bool? EnableTokenStorage { get; init; }
}
