namespace Connector.Host.Console.Connectors;

/// <summary>
/// The Connectors section's pages, under <see cref="ConsolePaths.Connectors"/>: each route template (relative to the
/// section's group) beside the link that leads to it, so the two cannot drift apart.
/// </summary>
internal static class ConnectorPaths
{
    public const string List = ConsolePaths.Connectors;

    public const string NewRoute = "/new";
    public const string New = List + NewRoute;

    public const string NewOAuth2Route = NewRoute + "/oauth2";
    public const string NewOAuth2 = List + NewOAuth2Route;

    public const string NewOAuth2DiscoverRoute = NewOAuth2Route + "/discover";
    public const string NewOAuth2Discover = List + NewOAuth2DiscoverRoute;

    public const string NewPresetRoute = NewRoute + "/preset/{preset}";

    public const string ConnectorRoute = "/{id}";
    public const string DiscoverRoute = ConnectorRoute + "/discover";
    public const string EnableRoute = ConnectorRoute + "/enable";
    public const string DisableRoute = ConnectorRoute + "/disable";
    public const string DeleteRoute = ConnectorRoute + "/delete";
    public const string TestRoute = ConnectorRoute + "/test";

    public static string NewPreset(string presetId) => $"{New}/preset/{Uri.EscapeDataString(presetId)}";

    public static string Of(string id) => $"{List}/{Uri.EscapeDataString(id)}";

    public static string Discover(string id) => Of(id) + "/discover";

    public static string Enable(string id) => Of(id) + "/enable";

    public static string Disable(string id) => Of(id) + "/disable";

    public static string Delete(string id) => Of(id) + "/delete";

    public static string Test(string id) => Of(id) + "/test";
}
