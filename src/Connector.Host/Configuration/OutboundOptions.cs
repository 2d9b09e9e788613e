namespace Connector.Host.Configuration;

/// <summary>Limits on calls to providers (<c>Connectors:Outbound</c>).</summary>
internal sealed class OutboundOptions
{
    public int TimeoutSeconds { get; set; } = 10;

    public int MaxResponseBytes { get; set; } = 1024 * 1024;
}
