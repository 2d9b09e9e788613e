namespace Connector.Host.Console.Kit;

/// <summary>The console's navigation, in order: each section's name, its page text and its path.</summary>
public static class ConsoleSections
{
    public const string Dashboard = "dashboard";
    public const string Connectors = "connectors";
    public const string SignInExperience = "signInExperience";
    public const string Applications = "applications";
    public const string Users = "users";
    public const string Audit = "audit";

    public static readonly IReadOnlyList<(string Name, string TextKey, string Path)> All =
    [
        (Dashboard, "console.nav.dashboard", ConsolePaths.Root),
        (Connectors, "console.nav.connectors", ConsolePaths.Connectors),
        (SignInExperience, "console.nav.signInExperience", ConsolePaths.SignInExperience),
        (Applications, "console.nav.applications", ConsolePaths.Applications),
        (Users, "console.nav.users", ConsolePaths.Users),
        (Audit, "console.nav.audit", ConsolePaths.Audit),
    ];
}
