namespace Connector.Host.Console.Applications;

/// <summary>
/// A card of "Create application": an app type, or a framework of one, with its page texts and the redirect URIs its
/// form starts with (the operator changes them before creating).
/// </summary>
public sealed record AppTemplate(
    string Id,
    string Type,
    string TitleKey,
    string HelpKey,
    IReadOnlyList<string> RedirectUris,
    IReadOnlyList<string> PostLogoutRedirectUris);
