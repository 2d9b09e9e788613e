namespace Connector.Host.Connectors;

/// <summary>What a sign-in button shows of a connector: no config, no secret.</summary>
public sealed record ConnectorSummary(string Id, string Name, string? LogoUrl, string? LogoDarkUrl, IReadOnlyDictionary<string, string> DisplayNames)
{
    /// <summary>The name in <paramref name="language"/> when the operator gave one, else the name.</summary>
    public string NameIn(string language) =>
        DisplayNames.TryGetValue(language, out var name) ? name
        : DisplayNames.FirstOrDefault(pair => string.Equals(pair.Key, language, StringComparison.OrdinalIgnoreCase)).Value ?? Name;
}
