namespace Connector.Host.Console;

/// <summary>The console's routes (<c>docs/console.md</c>); each section's own paths hang off its root.</summary>
internal static class ConsolePaths
{
    public const string Root = "/console";
    public const string SignIn = Root + "/sign-in";
    public const string SignOut = Root + "/sign-out";

    /// <summary>Where a sign-in through a connector comes back to, to become a console session when the user is an operator.</summary>
    public const string SingleSignOn = Root + "/sso";

    public const string Connectors = Root + "/connectors";
    public const string SignInExperience = Root + "/sign-in-experience";
    public const string Applications = Root + "/applications";
    public const string Users = Root + "/users";
    public const string Audit = Root + "/audit";

    /// <summary>The sign-in experience's preview: the real sign-in page with unsaved settings, framed by the console only.</summary>
    public const string Preview = SignInExperience + "/preview";

    /// <summary>The buttons of the sign-in experience's connectors: move up, move down, remove, add.</summary>
    public const string ExperienceConnectors = SignInExperience + "/connectors";

    /// <summary>Choosing what kind of application to create.</summary>
    public const string NewApplication = Applications + "/new";

    /// <summary>The create form of one kind of application (a type, or a framework of one).</summary>
    public static string NewApplicationFrom(string template) => $"{NewApplication}/{template}";

    public static string Application(Guid id) => $"{Applications}/{id}";

    public static string RotateApplicationSecret(Guid id) => $"{Application(id)}/rotate-secret";

    public static string DeleteApplication(Guid id) => $"{Application(id)}/delete";

    public const string ReturnToParameter = "returnTo";

    /// <summary><paramref name="path"/> when it is a console page to come back to after signing in; the dashboard otherwise.</summary>
    public static string Back(string? path) =>
        path is { Length: > 1 } && path.StartsWith(Root, StringComparison.Ordinal) && !path.StartsWith("//", StringComparison.Ordinal)
        && (path.Length == Root.Length || path[Root.Length] is '/' or '?') && !path.Contains('\\', StringComparison.Ordinal)
            ? path
            : Root;
}
