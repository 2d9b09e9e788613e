namespace Connector.Host.Connectors;

/// <summary>A row of <c>connectors</c>. <see cref="Config"/> is the JSON document without the client secret.</summary>
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
    public required string ClientSecretProtected { get; init; }

    /// <summary>The <see cref="ConnectorSettings"/> as JSON.</summary>
    public string Settings { get; init; } = "{}";

    /// <summary>Changes when the provider behind the connector does; identities match only their own generation.</summary>
    public Guid Generation { get; init; }
    public int Revision { get; init; }
    public DateTime CreatedAt { get; init; }
    public DateTime UpdatedAt { get; init; }
}
