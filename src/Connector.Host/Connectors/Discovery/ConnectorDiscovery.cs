using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization.Metadata;
using Connector.Host.AdminApi.Input;
using Connector.Host.Configuration;
using Connector.Host.Problems;
using Microsoft.Extensions.Options;

namespace Connector.Host.Connectors.Discovery;

/// <summary>
/// Prefills a connector from a provider's metadata: takes the request document (<c>{ issuer }</c> or <c>{ url }</c>),
/// reads <c>{issuer}/.well-known/openid-configuration</c> (OpenID Connect Discovery 1.0 §4) or the given URL, and
/// answers the config with what needs a look. <c>POST /api/connectors/discover</c> and the console's "Prefill from
/// discovery" both call this.
/// </summary>
internal sealed class ConnectorDiscovery(ProviderMetadataClient client, IOptions<ConnectorsOptions> options)
{
    private const string WellKnownPath = "/.well-known/openid-configuration";

    private static readonly JsonTypeInfo<DiscoverRequest> RequestType =
        (JsonTypeInfo<DiscoverRequest>)ConnectorJson.Options.GetTypeInfo(typeof(DiscoverRequest));

    public async Task<DiscoveryOutcome> DiscoverAsync(JsonObject document, CancellationToken ct)
    {
        var allowInsecure = options.Value.AllowInsecureEndpoints;
        var errors = new FieldErrors();
        var discover = JsonShape.Check(document, RequestType, "", errors).Deserialize(RequestType);
        if (discover is not null)
        {
            errors.AddRange(new DiscoverRequestValidator(allowInsecure).Validate(discover));
        }

        if (discover is null || !errors.IsEmpty)
        {
            return new DiscoveryOutcome.Invalid(errors);
        }

        var url = discover.Url ?? discover.Issuer!.TrimEnd('/') + WellKnownPath;
        var fetch = await client.FetchAsync(new Uri(url), ct);
        return fetch.Metadata is null
            ? new DiscoveryOutcome.Failed(fetch.ErrorCode!, fetch.ErrorMessage!, fetch.ProviderStatus)
            : new DiscoveryOutcome.Found(DiscoveredConfigBuilder.Build(fetch.Metadata, discover.Issuer, allowInsecure));
    }
}
