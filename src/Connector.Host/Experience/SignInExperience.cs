using Connector.Host.Pages;

namespace Connector.Host.Experience;

/// <summary>
/// What the sign-in page looks like and offers (<c>docs/sign-in-flow.md</c>): the connectors shown, in button order
/// (a connector not listed still works for direct sign-in); the branding; the languages; the terms and privacy links.
/// Every member has a default, so a document that leaves one out means the default.
/// </summary>
public sealed record SignInExperience
{
    public IReadOnlyList<string> Connectors { get; init; } = [];

    public Branding Branding { get; init; } = new();

    public Languages Languages { get; init; } = new();

    public string? TermsUrl { get; init; }

    public string? PrivacyUrl { get; init; }
}

/// <summary>The page's look: a name and logo (light and dark) instead of the service's, a brand colour, a fixed scheme.</summary>
public sealed record Branding
{
    public string? DisplayName { get; init; }

    public string? LogoUrl { get; init; }

    public string? LogoDarkUrl { get; init; }

    /// <summary><c>#rrggbb</c>; the buttons' colour, with a text colour chosen for contrast.</summary>
    public string? PrimaryColor { get; init; }

    /// <summary><see cref="ColorSchemes.Auto"/> (the visitor's preference), light or dark.</summary>
    public string ColorScheme { get; init; } = ColorSchemes.Auto;
}

/// <summary>The languages offered, and the one for visitors who ask for none of them.</summary>
public sealed record Languages
{
    public string Default { get; init; } = PageLanguages.English;

    public IReadOnlyList<string> Enabled { get; init; } = PageLanguages.Supported;
}

public static class ColorSchemes
{
    public const string Auto = "auto";
    public const string Light = "light";
    public const string Dark = "dark";

    public static readonly string[] All = [Auto, Light, Dark];
}
