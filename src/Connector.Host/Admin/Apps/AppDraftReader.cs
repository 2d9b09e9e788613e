using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization.Metadata;
using Connector.Host.Admin.Input;
using Connector.Host.Connectors;
using Connector.Host.Oidc.Keys;
using Connector.Host.Problems;

namespace Connector.Host.Admin.Apps;

/// <summary>Turns an app document (a create body, or a merge patch's result) into an <see cref="AppDraft"/>, collecting every problem first.</summary>
internal sealed class AppDraftReader
{
    /// <summary>Fields the API returns; a document read back and sent again carries them, so they are ignored when unchanged.</summary>
    private static readonly string[] ReturnedFields = ["id", "clientId", "createdAt", "updatedAt"];

    private static readonly JsonTypeInfo<AppRequest> RequestType =
        (JsonTypeInfo<AppRequest>)ConnectorJson.Options.GetTypeInfo(typeof(AppRequest));

    private readonly AppRequestValidator _validator = new();

    /// <summary><paramref name="stored"/> is the app being patched (its returned fields may be sent back unchanged), null on create.</summary>
    public AppDraft? Read(JsonObject document, AppResponse? stored, FieldErrors errors)
    {
        var body = document.DeepClone().AsObject();
        foreach (var field in ReturnedFields)
        {
            if (body.Remove(field, out var value) && (stored is null || !SameAsStored(field, value, stored)))
            {
                errors.Add(field, InputCodes.ReadOnly, $"'{field}' is set by the service and cannot be written.");
            }
        }

        if (body.Remove("clientSecret"))
        {
            errors.Add("clientSecret", InputCodes.ReadOnly, "The client secret is generated: use POST /api/apps/{id}/rotate-secret for a new one.");
        }

        var request = JsonShape.Check(body, RequestType, "", errors).Deserialize(RequestType)!;
        errors.AddRange(_validator.Validate(request));
        return errors.IsEmpty
            ? new AppDraft(request.Name!, request.RedirectUris!, request.PostLogoutRedirectUris ?? [], request.IdTokenSignedResponseAlg ?? OidcKeyAlgorithms.Es384)
            : null;
    }

    private static bool SameAsStored(string field, JsonNode? value, AppResponse stored)
    {
        var sent = value?.GetValueKind() == JsonValueKind.String ? value.GetValue<string>() : null;
        return field switch
        {
            "id" => sent == stored.Id.ToString(),
            "clientId" => sent == stored.ClientId,
            _ => true,
        };
    }
}
