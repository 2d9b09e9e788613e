using Connector.Host.Oidc.Apps;

namespace Connector.Host.Console.Applications;

/// <summary>The cards of "Create application", as Logto's console groups them: by app type, frameworks under their type.</summary>
internal static class AppTemplates
{
    /// <summary>
    /// Logto's Auth.js guide registers <c>http://localhost:3000/api/auth/callback/logto</c>: Auth.js calls back to
    /// <c>/api/auth/callback/{provider id}</c> on the app's origin, and the guide's provider id is <c>logto</c>.
    /// </summary>
    public const string AuthJsRedirectUri = "http://localhost:3000/api/auth/callback/" + IntegrationGuide.DefaultProviderId;

    public const string AuthJsPostLogoutRedirectUri = "http://localhost:3000";

    public static readonly AppTemplate Traditional = new("traditional", AppTypes.Traditional,
        "console.applications.template.traditional.title", "console.applications.template.traditional.help", [], []);

    public static readonly AppTemplate AuthJs = new("authjs", AppTypes.Traditional,
        "console.applications.template.authjs.title", "console.applications.template.authjs.help", [AuthJsRedirectUri], [AuthJsPostLogoutRedirectUri]);

    public static readonly AppTemplate Spa = new("spa", AppTypes.Spa,
        "console.applications.template.spa.title", "console.applications.template.spa.help", [], []);

    public static readonly AppTemplate Native = new("native", AppTypes.Native,
        "console.applications.template.native.title", "console.applications.template.native.help", [], []);

    /// <summary>Each app type's name (the group's heading) and its cards.</summary>
    public static readonly IReadOnlyList<(string Type, IReadOnlyList<AppTemplate> Cards)> Groups =
    [
        (AppTypes.Traditional, [Traditional, AuthJs]),
        (AppTypes.Spa, [Spa]),
        (AppTypes.Native, [Native]),
    ];

    public static AppTemplate? Find(string id) => Groups.SelectMany(group => group.Cards).FirstOrDefault(card => card.Id == id);

    /// <summary>The page text of an app type's name, as Logto's console names them.</summary>
    public static string TypeKey(string type) => type switch
    {
        AppTypes.Spa => "console.applications.type.spa",
        AppTypes.Native => "console.applications.type.native",
        _ => "console.applications.type.traditional",
    };
}
