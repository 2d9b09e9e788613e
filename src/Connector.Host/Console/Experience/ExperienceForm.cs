using Connector.Host.Console.Kit;
using Connector.Host.Experience;

namespace Connector.Host.Console.Experience;

/// <summary>The sign-in experience's form: its fields by the admin API's document paths, and the choices it offers.</summary>
internal static class ExperienceForm
{
    /// <summary>Branding, links and languages; the connectors' order has buttons of its own.</summary>
    public static readonly FormField[] Fields =
    [
        new("branding.displayName", FormFieldKind.Text),
        new("branding.logoUrl", FormFieldKind.Text),
        new("branding.logoDarkUrl", FormFieldKind.Text),
        new("branding.primaryColor", FormFieldKind.Text),
        new("branding.colorScheme", FormFieldKind.Text),
        new("termsUrl", FormFieldKind.Text),
        new("privacyUrl", FormFieldKind.Text),
        new("languages.enabled", FormFieldKind.Values),
        new("languages.default", FormFieldKind.Text),
    ];

    /// <summary>The connectors in the order the page shows them: the preview takes them from the form, unsaved or not.</summary>
    public static readonly FormField Connectors = new("connectors", FormFieldKind.Values);

    /// <summary>Each supported language (<c>PageLanguages.Supported</c>, in its order) by its own name, as language pickers show them.</summary>
    public static readonly IReadOnlyList<(string Tag, string TextKey)> Languages =
    [
        ("en", "console.experience.languageName.en"),
        ("de", "console.experience.languageName.de"),
        ("fr", "console.experience.languageName.fr"),
        ("es", "console.experience.languageName.es"),
        ("ja", "console.experience.languageName.ja"),
        ("zh-CN", "console.experience.languageName.zhCN"),
    ];

    public static readonly IReadOnlyList<(string Scheme, string TextKey)> Schemes =
    [
        (ColorSchemes.Auto, "console.experience.colorScheme.auto"),
        (ColorSchemes.Light, "console.experience.colorScheme.light"),
        (ColorSchemes.Dark, "console.experience.colorScheme.dark"),
    ];
}
