using Connector.Host.Console.Kit;
using Connector.Host.Oidc.Apps;

namespace Connector.Host.Console.Applications;

/// <summary>The app forms' fields by the admin API's document paths (<c>POST /api/apps</c>, <c>PATCH /api/apps/{id}</c>), per app type.</summary>
internal static class AppForm
{
    public static IReadOnlyList<FormField> Create(string type) =>
    [
        new("name", FormFieldKind.Text),
        new("redirectUris", FormFieldKind.Lines),
        new("postLogoutRedirectUris", FormFieldKind.Lines),
        .. type == AppTypes.Spa ? [new FormField("corsOrigins", FormFieldKind.Lines)] : Array.Empty<FormField>(),
    ];

    /// <summary>
    /// The create fields, the connectors the app offers, and for a traditional app whether it requires PKCE (a public
    /// app always does: the field would only be refused).
    /// </summary>
    public static IReadOnlyList<FormField> Edit(string type) =>
    [
        .. Create(type),
        new("connectors", FormFieldKind.Values),
        .. type == AppTypes.Traditional ? [new FormField("requirePkce", FormFieldKind.Flag)] : Array.Empty<FormField>(),
    ];
}
