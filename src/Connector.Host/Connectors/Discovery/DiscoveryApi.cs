using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using Connector.Host.AdminApi;
using Connector.Host.AdminApi.Input;
using Connector.Host.Configuration;
using Connector.Host.Problems;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;

namespace Connector.Host.Connectors.Discovery;

/// <summary><c>POST /api/connectors/discover</c>: reads a provider's <c>.well-known</c> metadata and answers a prefilled config.</summary>
internal static class DiscoveryApi
{
    private const string WellKnownPath = "/.well-known/openid-configuration";

    private static readonly JsonTypeInfo<DiscoverRequest> RequestType =
        (JsonTypeInfo<DiscoverRequest>)ConnectorJson.Options.GetTypeInfo(typeof(DiscoverRequest));

    public static IEndpointRouteBuilder MapDiscoveryApi(this IEndpointRouteBuilder app)
    {
        app.MapAdminApi(AdminApiPaths.Connectors, "Connectors").MapPost("/discover", DiscoverConnector).WithName(nameof(DiscoverConnector))
            .Accepts<DiscoverRequest>("application/json");
        return app;
    }

    public static async Task<Results<Ok<DiscoveryResponse>, ValidationProblem, ProblemHttpResult>> DiscoverConnector(
        HttpRequest request, ProviderMetadataClient client, IOptions<ConnectorsOptions> options, CancellationToken ct)
    {
        var allowInsecure = options.Value.AllowInsecureEndpoints;
        var errors = new FieldErrors();
        var body = await JsonBody.ReadObjectAsync(request, errors, ct);
        var discover = body is null ? null : JsonShape.Check(body, RequestType, "", errors).Deserialize(RequestType);
        if (discover is not null)
        {
            errors.AddRange(new DiscoverRequestValidator(allowInsecure).Validate(discover));
        }

        if (discover is null || !errors.IsEmpty)
        {
            return ApiProblems.Validation(errors);
        }

        var url = discover.Url ?? discover.Issuer!.TrimEnd('/') + WellKnownPath;
        var fetch = await client.FetchAsync(new Uri(url), ct);
        if (fetch.Metadata is null)
        {
            return fetch.ErrorCode == ErrorCodes.ProviderTimeout
                ? ApiProblems.ProviderTimeout(fetch.ErrorMessage!)
                : ApiProblems.ProviderError(fetch.ErrorMessage!, fetch.ProviderStatus);
        }

        return TypedResults.Ok(DiscoveredConfigBuilder.Build(fetch.Metadata, discover.Issuer, allowInsecure));
    }
}
