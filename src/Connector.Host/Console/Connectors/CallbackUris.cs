using Connector.Host.Configuration;
using Connector.Host.Connectors.Api;
using Microsoft.Extensions.Options;

namespace Connector.Host.Console.Connectors;

/// <summary>The redirect URI a connector registers at its provider, <c>{PublicOrigin}/callback/{id}</c> (<see cref="PublicUrls"/>).</summary>
internal sealed class CallbackUris(IOptions<ConnectorsOptions> options)
{
    private string Origin => options.Value.PublicOrigin!;

    /// <summary>The URI without the id, for the script that follows the id field.</summary>
    public string Base => PublicUrls.Callback(Origin, "");

    public string Of(string id) => PublicUrls.Callback(Origin, id);

    /// <summary>The URI for an id typed into a form, when it is one the service would accept; otherwise there is none to show yet.</summary>
    public string? ForTyped(string? id) =>
        id?.Trim() is { Length: > 0 } typed && ConnectorIds.Pattern().IsMatch(typed) ? Of(typed) : null;
}
