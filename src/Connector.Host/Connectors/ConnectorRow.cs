namespace Connector.Host.Connectors;

/// <summary>
/// A row of <c>connectors</c>. <see cref="Config"/> is the JSON document without the client secret and private keys,
/// which are in the <c>…Protected</c> columns (<see cref="ConnectorSecretProtection"/>).
/// </summary>
internal sealed record ConnectorRow
{
    public required string Id { get; init; }
    public required string Name { get; init; }
    public string? LogoUrl { get; init; }

    /// <summary>The logo for dark backgrounds.</summary>
    public string? LogoDarkUrl { get; init; }

    /// <summary>The name in other languages (language tag → name), as JSON.</summary>
    public string DisplayNames { get; init; } = "{}";
    public bool Enabled { get; init; }
    public required string Config { get; init; }
    /// <summary>Empty when the connector has no client secret (it authenticates with a key).</summary>
    public required string ClientSecretProtected { get; init; }

    /// <summary>The encrypted PEM of <c>signedClientSecret.privateKey</c>; null without a signed client secret.</summary>
    public string? SignedClientSecretKeyProtected { get; init; }

    /// <summary>The encrypted PEM of <c>clientAssertionKey.privateKey</c>; null without an assertion key.</summary>
    public string? ClientAssertionKeyProtected { get; init; }

    /// <summary>The assertion key's public JWK as JSON (no secret): what the answer shows to register at the provider.</summary>
    public string? ClientAssertionPublicJwk { get; init; }

    /// <summary>The <see cref="ConnectorSettings"/> as JSON.</summary>
    public string Settings { get; init; } = "{}";

    /// <summary>Changes when the provider behind the connector does; identities match only their own generation.</summary>
    public Guid Generation { get; init; }
    public int Revision { get; init; }
    public DateTime CreatedAt { get; init; }
    public DateTime UpdatedAt { get; init; }
}
