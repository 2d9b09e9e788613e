using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization.Metadata;
using Connector.Host.AdminApi.Input;
using Connector.Host.Connectors;
using Connector.Host.Oidc.Keys;
using Connector.Host.Oidc.Stores;
using Connector.Host.Problems;

namespace Connector.Host.Oidc.Apps;

/// <summary>Turns an app document (a create body, or a merge patch's result) into an <see cref="AppDraft"/>, collecting every problem first.</summary>
internal static class AppDraftReader
{
    /// <summary>Fields the API returns; a document read back and sent again carries them, so they are ignored when unchanged.</summary>
    private static readonly string[] ReturnedFields = ["id", "clientId", "issuer", "openidConfiguration", "createdAt", "updatedAt"];

    private static readonly JsonTypeInfo<AppRequest> RequestType =
        (JsonTypeInfo<AppRequest>)ConnectorJson.Options.GetTypeInfo(typeof(AppRequest));


    /// <summary><paramref name="stored"/> is the app being patched (its returned fields may be sent back unchanged), null on create.</summary>
    /// <param name="knownConnectors">The connector ids that exist: an app may only name those.</param>
    public static AppDraft? Read(JsonObject document, OidcApplication? stored, IReadOnlySet<string> knownConnectors, FieldErrors errors)
    {
        var body = document.DeepClone().AsObject();
        foreach (var field in ReturnedFields)
        {
            if (body.Remove(field, out var value) && (stored is null || !SameAsStored(field, value, stored)))
            {
                errors.Add(field, ErrorCodes.Field.ReadOnly, $"'{field}' is set by the service and cannot be written.");
            }
        }

        if (body.Remove("clientSecret"))
        {
            errors.Add("clientSecret", ErrorCodes.Field.ReadOnly, "The client secret is generated: use POST /api/apps/{id}/rotate-secret for a new one.");
        }

        var request = JsonShape.Check(body, RequestType, "", errors).Deserialize(RequestType)!;
        request = request with { Type = request.Type ?? AppTypes.Traditional };
        if (stored is not null && request.Type != AppTypes.Of(stored.ClientType, stored.ApplicationType))
        {
            // A confidential client turned public would keep a secret it must not have, and the reverse would need one.
            errors.Add("type", ErrorCodes.Field.ReadOnly, "An app's type is fixed when it is created; create a new app instead.");
        }

        errors.AddRange(new AppRequestValidator(knownConnectors).Validate(request));
        return errors.IsEmpty ? Draft(request) : null;
    }

    private static AppDraft Draft(AppRequest request)
    {
        var type = request.Type!;
        return new AppDraft(
            request.Name!,
            type,
            request.RedirectUris!,
            request.PostLogoutRedirectUris ?? [],
            // Browsers send Origin in lower case without a default port: store the same form.
            [.. (request.CorsOrigins ?? []).Select(origin => new Uri(origin).GetLeftPart(UriPartial.Authority).ToLowerInvariant())],
            AppTypes.IsPublic(type) || request.RequirePkce == true,
            request.Connectors ?? [],
            request.IdTokenSignedResponseAlg ?? OidcKeyAlgorithms.Es384);
    }

    private static bool SameAsStored(string field, JsonNode? value, OidcApplication stored)
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
