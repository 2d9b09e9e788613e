using Connector.Host.Console.Kit;

namespace Connector.Host.Console.Connectors;

/// <summary>
/// One input of the connector form. <see cref="Path"/> is the admin API's document path (<c>config.clientId</c>); the
/// label is the field's name there — Logto's name for a Logto field — and <see cref="HelpKey"/> its short help.
/// </summary>
public sealed record ConnectorField(string Path, FormFieldKind Kind, string HelpKey)
{
    /// <summary>Left off the label: a config field is named as in Logto's form, a preset's value by its own name.</summary>
    private static readonly string[] LabelPrefixes = ["config.", "presetParameters."];

    /// <summary>The input's type for a text field: <c>text</c> or <c>url</c>.</summary>
    public string Type { get; init; } = "text";

    public bool Required { get; init; }

    /// <summary>A choice among these values instead of free text.</summary>
    public IReadOnlyList<FieldOption> Options { get; init; } = [];

    /// <summary>Only on the create form: the id never changes, and enabling has its own buttons on the connector's page.</summary>
    public bool CreateOnly { get; init; }

    /// <summary>A secret typed on several lines (a PEM key): a text area that, like the password box, never shows what is stored.</summary>
    public bool Multiline { get; init; }

    /// <summary>The help of a <see cref="FormFieldKind.Secret"/> field once a value is stored: empty keeps it.</summary>
    public string KeptHelpKey { get; init; } = "console.connectors.help.clientSecretKept";

    /// <summary>The name inside the config, as Logto's form and the README's guides call it (<c>clientId</c>, <c>profileMap.id</c>).</summary>
    public string Label => LabelPrefixes.FirstOrDefault(prefix => Path.StartsWith(prefix, StringComparison.Ordinal)) is { } prefix
        ? Path[prefix.Length..]
        : Path;
}

/// <summary>One value of a choice; shown as the value itself (a protocol word) unless it has a page text.</summary>
public sealed record FieldOption(string Value, string? TextKey = null);

/// <summary>A group of the form's fields under a legend.</summary>
public sealed record ConnectorFieldSet(string Id, string LegendKey, IReadOnlyList<ConnectorField> Fields);
