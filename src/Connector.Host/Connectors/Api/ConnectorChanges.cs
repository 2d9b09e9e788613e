using System.Text.Json.Nodes;

namespace Connector.Host.Connectors.Api;

/// <summary>Which fields an update changes, by path: what the audit trail records instead of values.</summary>
internal static class ConnectorChanges
{
    public static IReadOnlyList<string> Between(ConnectorRow before, ConnectorDraft after, JsonObject afterConfig, IEnumerable<string> secretsChanged)
    {
        var changed = new List<string>();
        if (before.Name != after.Name)
        {
            changed.Add("name");
        }

        if (before.LogoUrl != after.LogoUrl)
        {
            changed.Add("logoUrl");
        }

        if (before.LogoDarkUrl != after.LogoDarkUrl)
        {
            changed.Add("logoDarkUrl");
        }

        if (!ConnectorDocuments.ToDisplayNames(before.DisplayNames).OrderBy(p => p.Key, StringComparer.Ordinal)
                .SequenceEqual(after.DisplayNames.OrderBy(p => p.Key, StringComparer.Ordinal)))
        {
            changed.Add("displayNames");
        }

        if (before.Enabled != after.Enabled)
        {
            changed.Add("enabled");
        }

        var beforeSettings = ConnectorDocuments.SettingsFields(ConnectorDocuments.ToSettings(before.Settings));
        foreach (var (field, value) in ConnectorDocuments.SettingsFields(after.Settings))
        {
            if (!JsonNode.DeepEquals(beforeSettings[field], value))
            {
                changed.Add(field);
            }
        }

        var beforeConfig = ConnectorDocuments.Normalized(before.Config);
        foreach (var field in beforeConfig.Select(p => p.Key).Union(afterConfig.Select(p => p.Key)).Order(StringComparer.Ordinal))
        {
            beforeConfig.TryGetPropertyValue(field, out var old);
            afterConfig.TryGetPropertyValue(field, out var current);
            if (!JsonNode.DeepEquals(old, current))
            {
                changed.Add($"config.{field}");
            }
        }

        // Which secret changed, never its value (docs/security.md).
        changed.AddRange(secretsChanged.Select(field => $"config.{field}"));

        return changed;
    }
}
