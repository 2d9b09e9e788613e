namespace Connector.OAuth2.Http;

/// <summary>Limits on every call to a provider (<c>docs/configuration.md</c>, outbound calls).</summary>
public sealed class ConnectorOutboundOptions
{
    /// <summary>Connect plus whole-answer time for one call; past it the call fails with <c>provider_timeout</c>.</summary>
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>Largest answer body read from a provider; a bigger one is refused, never buffered whole.</summary>
    public int MaxResponseBytes { get; set; } = 1024 * 1024;

    /// <summary>Sent on every call: some providers refuse requests without one (GitHub answers 403).</summary>
    public string UserAgent { get; set; } = "Connectors/1.0 (+generic OAuth2 connector)";

    /// <summary>
    /// Lets calls reach loopback, private, link-local and other non-public addresses (<see cref="OutboundAddressPolicy"/>);
    /// for development and tests against local fakes. Cloud metadata addresses stay refused either way.
    /// </summary>
    public bool AllowPrivateNetworks { get; set; }

    /// <summary>Refuses plain http calls; off only beside <see cref="AllowPrivateNetworks"/>, for local fakes.</summary>
    public bool RequireHttps { get; set; } = true;
}
