namespace Connector.Host.Telemetry;

/// <summary>The <c>Connectors:Metrics</c> section.</summary>
internal sealed class MetricsOptions
{
    public const string Section = "Connectors:Metrics";

    /// <summary>
    /// <c>/metrics</c> answers without an admin key. Off by default: the series name every connector id and how often
    /// each one fails, which an outsider has no need to know; turn it on when only the scraper can reach the port.
    /// </summary>
    public bool Anonymous { get; set; }
}
