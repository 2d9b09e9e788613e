using System.Text.Json;
using System.Text.Json.Nodes;
using Connector.Host.Oidc;
using Connector.Host.Oidc.Keys;
using Connector.Host.Oidc.Stores;

namespace Connector.Host.Admin.Apps;

/// <summary>Between the stored OpenIddict entity and the API's documents.</summary>
internal static class AppDocuments
{
    public static AppResponse Response(OidcApplication app, string? secret = null) => new(
        app.Id,
        app.ClientId ?? "",
        secret,
        app.DisplayName ?? "",
        StoreJson.ReadArray(app.RedirectUris),
        StoreJson.ReadArray(app.PostLogoutRedirectUris),
        IdTokenAlgorithm(app),
        app.CreatedAt,
        app.UpdatedAt);

    /// <summary>The editable fields, as a PATCH merges onto them.</summary>
    public static JsonObject Editable(OidcApplication app) => new()
    {
        ["name"] = app.DisplayName,
        ["redirectUris"] = new JsonArray([.. StoreJson.ReadArray(app.RedirectUris).Select(uri => JsonValue.Create(uri))]),
        ["postLogoutRedirectUris"] = new JsonArray([.. StoreJson.ReadArray(app.PostLogoutRedirectUris).Select(uri => JsonValue.Create(uri))]),
        ["idTokenSignedResponseAlg"] = IdTokenAlgorithm(app),
    };

    public static string IdTokenAlgorithm(OidcApplication app) =>
        StoreJson.ReadProperties(app.Properties).TryGetValue(OidcAppProperties.IdTokenSignedResponseAlg, out var value)
            && value.ValueKind == JsonValueKind.String
            ? value.GetString()!
            : OidcKeyAlgorithms.Es384;

    /// <summary>Which fields a change touches, by name: what the audit trail records instead of values.</summary>
    public static IReadOnlyList<string> Changed(AppResponse before, AppDraft after)
    {
        var changed = new List<string>();
        if (before.Name != after.Name)
        {
            changed.Add("name");
        }

        if (!before.RedirectUris.SequenceEqual(after.RedirectUris, StringComparer.Ordinal))
        {
            changed.Add("redirectUris");
        }

        if (!before.PostLogoutRedirectUris.SequenceEqual(after.PostLogoutRedirectUris, StringComparer.Ordinal))
        {
            changed.Add("postLogoutRedirectUris");
        }

        if (before.IdTokenSignedResponseAlg != after.IdTokenSignedResponseAlg)
        {
            changed.Add("idTokenSignedResponseAlg");
        }

        return changed;
    }
}
