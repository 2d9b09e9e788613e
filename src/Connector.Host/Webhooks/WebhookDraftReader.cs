using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization.Metadata;
using Connector.Host.AdminApi.Input;
using Connector.Host.Configuration;
using Connector.Host.Connectors;
using Connector.Host.Problems;
using Connector.Host.Security;
using Microsoft.Extensions.Options;

namespace Connector.Host.Webhooks;

/// <summary>
/// Turns a webhook document (a create body, or a merge patch's result) into a <see cref="WebhookDraft"/>, collecting
/// every problem first; then the save-time address check, as for a provider endpoint.
/// </summary>
internal sealed class WebhookDraftReader(IOptions<ConnectorsOptions> options, EndpointAddressCheck addresses)
{
    /// <summary>Fields the API returns; a document read back and sent again carries them, so a patch ignores them unchanged.</summary>
    private static readonly string[] ReturnedFields = ["id", "createdAt", "updatedAt"];

    private static readonly JsonTypeInfo<WebhookRequest> RequestType =
        (JsonTypeInfo<WebhookRequest>)ConnectorJson.Options.GetTypeInfo(typeof(WebhookRequest));

    /// <param name="stored">The webhook being patched, null on create.</param>
    public async Task<WebhookDraft?> ReadAsync(JsonObject document, WebhookRow? stored, FieldErrors errors, CancellationToken ct)
    {
        var body = document.DeepClone().AsObject();
        foreach (var field in ReturnedFields)
        {
            if (body.Remove(field, out var value) && (stored is null || (field == "id" && !SameId(value, stored))))
            {
                errors.Add(field, ErrorCodes.Field.ReadOnly, $"'{field}' is set by the service and cannot be written.");
            }
        }

        if (body.Remove("signingKey"))
        {
            errors.Add("signingKey", ErrorCodes.Field.ReadOnly, "The signing key is generated and shown once, when the webhook is created; create a new webhook for a new key.");
        }

        var request = JsonShape.Check(body, RequestType, "", errors).Deserialize(RequestType)!;
        errors.AddRange(new WebhookRequestValidator(options.Value.AllowInsecureEndpoints).Validate(request));
        if (!errors.Has("url") && request.Url is { } url)
        {
            // Early warning only: the delivery client's guard checks the address it connects to, every time.
            await addresses.CheckUrlAsync("url", url, errors, ct);
        }

        return errors.IsEmpty ? new WebhookDraft(request.Url!, [.. request.Events!], request.Enabled ?? true) : null;
    }

    private static bool SameId(JsonNode? value, WebhookRow stored) =>
        value?.GetValueKind() == JsonValueKind.String && value.GetValue<string>() == stored.Id.ToString();
}
