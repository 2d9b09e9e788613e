using System.Text.Json;
using Connector.Host.Problems;
using Connector.OAuth2.Diagnostics;
using Connector.OAuth2.Http;
using Connector.OAuth2.Results;

namespace Connector.Host.Connectors.Discovery;

/// <summary>
/// Fetches a provider's metadata document over the outbound client; transport failures become results here, at the one
/// place that calls. Timed as a <c>discovery</c> provider call (span and duration) of no connector: none exists yet.
/// </summary>
internal sealed class ProviderMetadataClient(IHttpClientFactory clients, ProviderTelemetry telemetry, ILogger<ProviderMetadataClient> logger)
{
    public async Task<MetadataFetch> FetchAsync(Uri url, CancellationToken ct)
    {
        MetadataFetch result;
        using (var call = telemetry.Start(ProviderEndpoints.Discovery, url.AbsoluteUri, calls: null))
        {
            result = await TryFetchAsync(url, ct);
            call.End(result.ErrorCode is { } code ? new ConnectorError(code, "", ProviderStatus: result.ProviderStatus) : null);
        }

        if (result.ErrorCode is not null)
        {
            ConnectorsLog.DiscoveryFailed(logger, url.Host, result.ErrorCode, result.ProviderStatus);
        }

        return result;
    }

    private async Task<MetadataFetch> TryFetchAsync(Uri url, CancellationToken ct)
    {
        var client = clients.CreateClient(ConnectorHttpClient.Name);
        try
        {
            using var response = await client.GetAsync(url, ct);
            if (!response.IsSuccessStatusCode)
            {
                var status = (int)response.StatusCode;
                return MetadataFetch.Failure(ErrorCodes.ProviderError, $"The provider answered HTTP {status} to the metadata request.", status);
            }

            var metadata = await response.Content.ReadFromJsonAsync<ProviderMetadata>(ProviderMetadata.JsonOptions, ct);
            if (string.IsNullOrWhiteSpace(metadata?.AuthorizationEndpoint) || string.IsNullOrWhiteSpace(metadata.TokenEndpoint))
            {
                return MetadataFetch.Failure(ErrorCodes.ProviderError, "The metadata lacks authorization_endpoint or token_endpoint.");
            }

            return MetadataFetch.Success(metadata);
        }
        catch (OperationCanceledException) when (!ct.IsCancellationRequested)
        {
            return MetadataFetch.Failure(ErrorCodes.ProviderTimeout, "The provider did not answer the metadata request in time.");
        }
        catch (HttpRequestException ex) when (OutboundCallRefusedException.FindIn(ex) is { } refused)
        {
            return MetadataFetch.Failure(ErrorCodes.ProviderError, "The metadata URL was not called: " + refused.Message);
        }
        catch (HttpRequestException ex)
        {
            return MetadataFetch.Failure(ErrorCodes.ProviderError, $"The metadata could not be read ({ex.HttpRequestError}); bodies larger than the configured limit are refused.");
        }
        catch (JsonException)
        {
            return MetadataFetch.Failure(ErrorCodes.ProviderError, "The provider's answer is not a JSON metadata document.");
        }
    }
}
