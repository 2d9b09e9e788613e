using System.Text.Json;
using System.Text.Json.Nodes;
using Connector.OAuth2.Configuration;

namespace Connector.Host.Connectors;

/// <summary>Conversions between the engine's config, the stored document (never holding the secret) and the API's view.</summary>
internal static class ConnectorDocuments
{
    public const string ClientSecretField = "clientSecret";
    public const string HasClientSecretField = "hasClientSecret";

    /// <summary>The document stored in <c>connectors.config</c>: every field with its effective value, except the secret.</summary>
    public static JsonObject StoredConfig(OAuth2ConnectorConfig config)
    {
        var document = JsonSerializer.SerializeToNode(config, ConnectorJson.Options)!.AsObject();
        document.Remove(ClientSecretField);
        return document;
    }

    /// <summary>The config as the admin API returns it: no secret, only whether one is set.</summary>
    public static JsonObject ApiConfig(ConnectorRow row)
    {
        var document = Normalized(row.Config);
        document[HasClientSecretField] = row.ClientSecretProtected.Length > 0;
        return document;
    }

    /// <summary>The connector as an editable document (the base a merge patch applies to), secret included.</summary>
    public static JsonObject Editable(ConnectorRow row, string clientSecret)
    {
        var config = Normalized(row.Config);
        config[ClientSecretField] = clientSecret;
        var document = new JsonObject { ["name"] = row.Name, ["enabled"] = row.Enabled, ["config"] = config };
        if (row.LogoUrl is not null)
        {
            document["logoUrl"] = row.LogoUrl;
        }

        if (row.LogoDarkUrl is not null)
        {
            document["logoDarkUrl"] = row.LogoDarkUrl;
        }

        document["displayNames"] = JsonNode.Parse(row.DisplayNames);

        foreach (var (field, value) in SettingsFields(ToSettings(row.Settings)))
        {
            document[field] = value?.DeepClone();
        }

        return document;
    }

    /// <summary>The settings as the fields of the connector document (<c>syncProfile</c>, <c>trustEmail</c>, …).</summary>
    public static JsonObject SettingsFields(ConnectorSettings settings) =>
        JsonSerializer.SerializeToNode(settings, ConnectorJson.Options)!.AsObject();

    public static IReadOnlyDictionary<string, string> ToDisplayNames(string stored) =>
        JsonSerializer.Deserialize<Dictionary<string, string>>(stored) ?? [];

    public static string StoredDisplayNames(IReadOnlyDictionary<string, string> names) => JsonSerializer.Serialize(names);

    public static ConnectorSettings ToSettings(string storedSettings) =>
        JsonSerializer.Deserialize<ConnectorSettings>(storedSettings, ConnectorJson.Options) ?? new ConnectorSettings();

    public static string StoredSettings(ConnectorSettings settings) => JsonSerializer.Serialize(settings, ConnectorJson.Options);

    /// <summary>The engine's config from a stored document and the decrypted secret.</summary>
    public static OAuth2ConnectorConfig ToConfig(string storedConfig, string clientSecret)
    {
        var document = Parse(storedConfig);
        document[ClientSecretField] = clientSecret;
        return document.Deserialize<OAuth2ConnectorConfig>(ConnectorJson.Options)!;
    }

    /// <summary>
    /// A stored document read back through the engine's type: fields in their declared order (jsonb keeps its
    /// own), and defaults of fields added since the row was written filled in.
    /// </summary>
    public static JsonObject Normalized(string storedConfig) =>
        StoredConfig(Parse(storedConfig).Deserialize<OAuth2ConnectorConfig>(ConnectorJson.Options)!);

    private static JsonObject Parse(string json) => JsonNode.Parse(json)!.AsObject();
}
