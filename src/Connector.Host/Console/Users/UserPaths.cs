namespace Connector.Host.Console.Users;

/// <summary>The Users section's pages and forms, under <see cref="ConsolePaths.Users"/>.</summary>
internal static class UserPaths
{
    public static string Of(Guid id) => $"{ConsolePaths.Users}/{id}";

    public static string Roles(Guid id) => $"{Of(id)}/roles";

    public static string Disable(Guid id) => $"{Of(id)}/disable";

    public static string Enable(Guid id) => $"{Of(id)}/enable";

    public static string RevokeSessions(Guid id) => $"{Of(id)}/revoke-sessions";

    public static string Delete(Guid id) => $"{Of(id)}/delete";

    public static string Unlink(Guid id, string connectorId) => $"{Of(id)}/identities/{Uri.EscapeDataString(connectorId)}/unlink";
}
