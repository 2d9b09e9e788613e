

namespace Connector.Host.Pages;

/// <summary>
/// What the operator set for the pages' look and languages (the sign-in experience's branding and languages), as
/// the page kit needs it. The defaults are the service's own look, every language on, English for the rest.
/// </summary>
public sealed record PageLook
{
    public string? DisplayName { get; init; }

    public string? LogoUrl { get; init; }

    public string? LogoDarkUrl { get; init; }

    /// <summary><c>#rrggbb</c>, or null for the service's own colour.</summary>
    public string? PrimaryColor { get; init; }

    /// <summary><c>auto</c> (the visitor's system setting), <c>light</c> or <c>dark</c>.</summary>
    public string ColorScheme { get; init; } = "auto";

    public IReadOnlyList<string> Languages { get; init; } = PageLanguages.Supported;

    public string DefaultLanguage { get; init; } = PageLanguages.English;

    public string? TermsUrl { get; init; }

    public string? PrivacyUrl { get; init; }
}

/// <summary>Where the page kit reads the operator's look from (the sign-in experience); none registered: the defaults.</summary>
internal interface IPageLookSource
{
    Task<PageLook> GetAsync(CancellationToken ct);
}
