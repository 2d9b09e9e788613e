using System.Text.Json;
using System.Text.Json.Nodes;
using Connector.Host.Oidc.Keys;
using Connector.Host.Oidc.Stores;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace Connector.Host.Oidc.Apps;

/// <summary>Between the stored OpenIddict entity and the API's documents.</summary>
internal static class AppDocuments
{
    public static AppResponse Response(OidcApplication app, Uri issuer, string? secret = null)
    {
        var stored = Draft(app);
        var issuerText = issuer.AbsoluteUri.TrimEnd('/');
        return new AppResponse(
            app.Id,
            app.ClientId ?? "",
            secret,
            stored.Name,
            stored.Type,
            stored.RedirectUris,
            stored.PostLogoutRedirectUris,
            stored.CorsOrigins,
            stored.RequirePkce,
            stored.Connectors,
            stored.IdTokenSignedResponseAlg,
            issuerText,
            issuerText + OidcPaths.Configuration[OidcPaths.IssuerPath.Length..],
            app.CreatedAt,
            app.UpdatedAt);
    }

    /// <summary>The stored app as the draft that would store it again: what a change is compared with.</summary>
    public static AppDraft Draft(OidcApplication app)
    {
        var properties = StoreJson.ReadProperties(app.Properties);
        return new AppDraft(
            app.DisplayName ?? "",
            AppTypes.Of(app.ClientType, app.ApplicationType),
            StoreJson.ReadArray(app.RedirectUris),
            StoreJson.ReadArray(app.PostLogoutRedirectUris),
            properties.TryGetValue(OidcAppProperties.CorsOrigins, out var origins) && origins.ValueKind == JsonValueKind.Array
                ? [.. origins.EnumerateArray().Select(origin => origin.GetString()!)]
                : [],
            StoreJson.ReadArray(app.Requirements).Contains(Requirements.Features.ProofKeyForCodeExchange),
            properties.TryGetValue(OidcAppProperties.Connectors, out var connectors) && connectors.ValueKind == JsonValueKind.Array
                ? [.. connectors.EnumerateArray().Select(id => id.GetString()!)]
                : [],
            properties.TryGetValue(OidcAppProperties.IdTokenSignedResponseAlg, out var alg) && alg.ValueKind == JsonValueKind.String
                ? alg.GetString()!
                : OidcKeyAlgorithms.Es384);
    }

    /// <summary>The editable fields, as a PATCH merges onto them.</summary>
    public static JsonObject Editable(OidcApplication app)
    {
        var stored = Draft(app);
        return new JsonObject
        {
            ["name"] = stored.Name,
            ["type"] = stored.Type,
            ["redirectUris"] = Strings(stored.RedirectUris),
            ["postLogoutRedirectUris"] = Strings(stored.PostLogoutRedirectUris),
            ["corsOrigins"] = Strings(stored.CorsOrigins),
            ["requirePkce"] = stored.RequirePkce,
            ["connectors"] = Strings(stored.Connectors),
            ["idTokenSignedResponseAlg"] = stored.IdTokenSignedResponseAlg,
        };
    }

    /// <summary>Which fields a change touches, by name: what the audit trail records instead of values.</summary>
    public static IReadOnlyList<string> Changed(AppDraft before, AppDraft after)
    {
        var changed = new List<string>();
        Compare("name", before.Name == after.Name);
        Compare("redirectUris", before.RedirectUris.SequenceEqual(after.RedirectUris, StringComparer.Ordinal));
        Compare("postLogoutRedirectUris", before.PostLogoutRedirectUris.SequenceEqual(after.PostLogoutRedirectUris, StringComparer.Ordinal));
        Compare("corsOrigins", before.CorsOrigins.SequenceEqual(after.CorsOrigins, StringComparer.Ordinal));
        Compare("requirePkce", before.RequirePkce == after.RequirePkce);
        Compare("connectors", before.Connectors.SequenceEqual(after.Connectors, StringComparer.Ordinal));
        Compare("idTokenSignedResponseAlg", before.IdTokenSignedResponseAlg == after.IdTokenSignedResponseAlg);
        return changed;

        void Compare(string field, bool same)
        {
            if (!same)
            {
                changed.Add(field);
            }
        }
    }

    private static JsonArray Strings(IEnumerable<string> values) => new([.. values.Select(value => JsonValue.Create(value))]);
}
