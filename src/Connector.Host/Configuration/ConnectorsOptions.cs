
namespace Connector.Host.Configuration;

/// <summary>The <c>Connectors</c> configuration section (<c>docs/configuration.md</c>).</summary>
internal sealed class ConnectorsOptions
{
    public const string Section = "Connectors";

    /// <summary>External base URL; redirect URIs are <c>{PublicOrigin}/callback/{connectorId}</c>.</summary>
    public string? PublicOrigin { get; set; }

    public IList<string> AdminApiKeys { get; } = [];

    /// <summary>The admin keys actually set: an empty value (an unset variable in a compose file) counts as none.</summary>
    public IReadOnlyList<string> ConfiguredAdminKeys() => [.. AdminApiKeys.Where(key => !string.IsNullOrEmpty(key))];

    /// <summary>Allows <c>http://</c> provider endpoints on loopback; an explicit opt-in for development, tests and demos.</summary>
    public bool AllowInsecureEndpoints { get; set; }

    public IList<string> AllowedReturnUrls { get; } = [];

    public OutboundOptions Outbound { get; set; } = new();

    /// <summary>Requests per client address on the abuse-prone surfaces (<c>Connectors:RateLimits</c>).</summary>
    public RateLimitOptions RateLimits { get; set; } = new();

    /// <summary>End-user session lifetimes (<c>Connectors:Sessions</c>).</summary>
    public SessionOptions Sessions { get; set; } = new();

    /// <summary>The proxies whose forwarded headers are believed (<c>Connectors:ForwardedHeaders</c>).</summary>
    public ForwardedHeadersSettings ForwardedHeaders { get; set; } = new();

    /// <summary>Bounds on unfinished sign-ins (<c>Connectors:SignIn</c>).</summary>
    public SignInLimitOptions SignIn { get; set; } = new();

    /// <summary>The audit trail's retention (<c>Connectors:Audit</c>).</summary>
    public AuditOptions Audit { get; set; } = new();

    /// <summary>The key ring's encryption at rest (<c>Connectors:DataProtection</c>).</summary>
    public KeyRingOptions DataProtection { get; set; } = new();
}
