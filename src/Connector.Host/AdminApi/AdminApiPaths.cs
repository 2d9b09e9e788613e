

namespace Connector.Host.AdminApi;

/// <summary>The admin REST API's routes (see <c>docs/admin-api.md</c>), each relative to <see cref="Root"/> where mapped.</summary>
internal static class AdminApiPaths
{
    public const string Root = "/api";

    public const string Connectors = "/connectors";
    public const string ConnectorPresets = "/connector-presets";
    public const string Users = "/users";
    public const string Audit = "/audit";
    public const string Apps = "/apps";
    public const string OidcKeys = "/oidc/keys";
    public const string SignInExperience = "/sign-in-experience";
    public const string Webhooks = "/webhooks";

    /// <summary>Logto's Management API name of the same resource, for scripts written against Logto.</summary>
    public const string LogtoSignInExperience = "/sign-in-exp";

    /// <summary>The absolute path of a resource in a collection, for <c>Location</c> headers.</summary>
    public static string Of(HttpRequest request, string collection, string id) =>
        $"{request.PathBase}{Root}{collection}/{Uri.EscapeDataString(id)}";
}
