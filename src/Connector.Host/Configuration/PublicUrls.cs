namespace Connector.Host.Configuration;

/// <summary>
/// The service's URLs that leave it: registered at providers and shown to operators, so fixed by the contract
/// (<c>docs/configuration.md</c>, <c>Connectors:PublicOrigin</c>).
/// </summary>
internal static class PublicUrls
{
    public const string CallbackPrefix = "/callback";

    /// <summary>The <c>redirect_uri</c> to register at a connector's provider: <c>{PublicOrigin}/callback/{id}</c>.</summary>
    public static string Callback(string publicOrigin, string connectorId) =>
        publicOrigin.TrimEnd('/') + CallbackPrefix + "/" + Uri.EscapeDataString(connectorId);
}
