using System.Text.Json;
using System.Text.Json.Nodes;
using Connector.OAuth2.Configuration;

namespace Connector.Host.Connectors;

/// <summary>Conversions between the engine's config, the stored document (never holding a secret or key) and the API's view.</summary>
internal static class ConnectorDocuments
{
    public const string ClientSecretField = "clientSecret";
    public const string HasClientSecretField = "hasClientSecret";
    public const string SignedClientSecretField = "signedClientSecret";
    public const string ClientAssertionKeyField = "clientAssertionKey";
    public const string PrivateKeyField = "privateKey";
    public const string HasPrivateKeyField = "hasPrivateKey";

    /// <summary>Where the answer shows the assertion key's public JWK: <c>config.clientAssertionKey.publicJwk</c>.</summary>
    public const string PublicJwkField = "publicJwk";

    /// <summary>The document stored in <c>connectors.config</c>: every field with its effective value, except the secret and keys.</summary>
    public static JsonObject StoredConfig(OAuth2ConnectorConfig config)
    {
        var document = JsonSerializer.SerializeToNode(config, ConnectorJson.Options)!.AsObject();
        document.Remove(ClientSecretField);
        (document[SignedClientSecretField] as JsonObject)?.Remove(PrivateKeyField);
        (document[ClientAssertionKeyField] as JsonObject)?.Remove(PrivateKeyField);
        return document;
    }

    /// <summary>
    /// The config as the admin API returns it: no secret and no private key, only whether each is set; the assertion
    /// key's public JWK, to register at the provider.
    /// </summary>
    public static JsonObject ApiConfig(ConnectorRow row)
    {
        var document = Normalized(row.Config);
        document[HasClientSecretField] = row.ClientSecretProtected.Length > 0;
        if (document[SignedClientSecretField] is JsonObject signed)
        {
            signed[HasPrivateKeyField] = row.SignedClientSecretKeyProtected is not null;
        }

        if (document[ClientAssertionKeyField] is JsonObject assertion)
        {
            assertion[HasPrivateKeyField] = row.ClientAssertionKeyProtected is not null;
            assertion[PublicJwkField] = row.ClientAssertionPublicJwk is { } jwk ? JsonNode.Parse(jwk) : null;
        }

        return document;
    }

    /// <summary>Takes out what <see cref="ApiConfig"/> adds, so an answer sent back as a document reads as one.</summary>
    public static void RemoveAnswerFields(JsonObject config)
    {
        config.Remove(HasClientSecretField);
        (config[SignedClientSecretField] as JsonObject)?.Remove(HasPrivateKeyField);
        if (config[ClientAssertionKeyField] is JsonObject assertion)
        {
            assertion.Remove(HasPrivateKeyField);
            assertion.Remove(PublicJwkField);
        }
    }

    /// <summary>The connector as an editable document (the base a merge patch applies to), secret and keys included.</summary>
    public static JsonObject Editable(ConnectorRow row, ConnectorSecrets secrets)
    {
        var config = WithSecrets(Normalized(row.Config), secrets);
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

    /// <summary>The engine's config from a stored document and the decrypted secrets.</summary>
    public static OAuth2ConnectorConfig ToConfig(string storedConfig, ConnectorSecrets secrets) =>
        WithSecrets(Parse(storedConfig), secrets).Deserialize<OAuth2ConnectorConfig>(ConnectorJson.Options)!;

    private static JsonObject WithSecrets(JsonObject config, ConnectorSecrets secrets)
    {
        config[ClientSecretField] = secrets.ClientSecret;
        if (config[SignedClientSecretField] is JsonObject signed && secrets.SignedClientSecretKey is not null)
        {
            signed[PrivateKeyField] = secrets.SignedClientSecretKey;
        }

        if (config[ClientAssertionKeyField] is JsonObject assertion && secrets.ClientAssertionKey is not null)
        {
            assertion[PrivateKeyField] = secrets.ClientAssertionKey;
        }

        return config;
    }

    /// <summary>
    /// A stored document read back through the engine's type: fields in their declared order (jsonb keeps its
    /// own), and defaults of fields added since the row was written filled in.
    /// </summary>
    public static JsonObject Normalized(string storedConfig) =>
        StoredConfig(Parse(storedConfig).Deserialize<OAuth2ConnectorConfig>(ConnectorJson.Options)!);

    private static JsonObject Parse(string json) => JsonNode.Parse(json)!.AsObject();
}
