using System.Net.Http.Headers;
using System.Text;
using Connector.OAuth2.Http;
using Microsoft.Extensions.Options;

namespace Connector.Host.Webhooks;

/// <summary>
/// Makes one delivery attempt. It goes through the engine's outbound client (<see cref="ConnectorHttpClient"/>), so the
/// one address guard applies to webhooks as to providers: the address connected to is checked on every connection
/// (public only, unless <c>Connectors:AllowInsecureEndpoints</c>), redirects are not followed, no proxy, a body cap.
/// </summary>
internal sealed class WebhookSender(IHttpClientFactory clients, IOptions<WebhookOptions> options, TimeProvider time)
{
    public const string EventHeader = "connectors-event";
    public const string DeliveryIdHeader = "connectors-delivery-id";
    public const string AttemptHeader = "connectors-delivery-attempt";

    /// <param name="ct">The host's stopping token: cancelled, the attempt is abandoned, not recorded.</param>
    public async Task<DeliveryAttempt> SendAsync(Uri url, string signingKey, ClaimedDelivery delivery, CancellationToken ct)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, url)
        {
            Content = new StringContent(delivery.Payload, Encoding.UTF8, "application/json"),
        };
        request.Headers.Add(WebhookSigningKeys.SignatureHeader, WebhookSigningKeys.Sign(signingKey, delivery.Payload));
        request.Headers.Add(EventHeader, delivery.Event);
        request.Headers.Add(DeliveryIdHeader, delivery.Id.ToString());
        request.Headers.Add(AttemptHeader, delivery.Attempt.ToString(System.Globalization.CultureInfo.InvariantCulture));
        request.Headers.Accept.Clear();
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("*/*"));

        // A network wait is wall-clock time, like the client's own timeout: a test's fake clock moving on (to run a
        // lease or a backoff out) must not cut a request short.
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(ct);
        linked.CancelAfter(options.Value.Timeout);
        var started = time.GetTimestamp();
        try
        {
            // Headers only: a receiver's answer body is not ours to read or keep.
            using var response = await clients.CreateClient(ConnectorHttpClient.Name).SendAsync(request, HttpCompletionOption.ResponseHeadersRead, linked.Token);
            var status = (int)response.StatusCode;
            return response.IsSuccessStatusCode
                ? new DeliveryAttempt(true, status, Elapsed(started), null)
                : new DeliveryAttempt(false, status, Elapsed(started), $"http_{status}");
        }
        catch (OperationCanceledException) when (!ct.IsCancellationRequested)
        {
            return new DeliveryAttempt(false, null, Elapsed(started), "timeout");
        }
        catch (HttpRequestException exception) when (exception.InnerException is OutboundCallRefusedException refused)
        {
            return new DeliveryAttempt(false, null, Elapsed(started), $"forbidden_address: {refused.Message}");
        }
        catch (HttpRequestException exception)
        {
            return new DeliveryAttempt(false, null, Elapsed(started), $"connection_failed: {exception.HttpRequestError}");
        }
    }

    private long Elapsed(long started) => (long)time.GetElapsedTime(started).TotalMilliseconds;
}
