using System.Text.Json;
using System.Text.Json.Nodes;
using Connector.Host.Problems;

namespace Connector.Host.Connectors.Api;

/// <summary>
/// Logto's Management API body for a connector — <c>{ connectorId: "oauth2", id?, config, metadata: { target, name:
/// { en, … }, logo, logoDark }, syncProfile?, enableTokenStorage? }</c> — read into this service's shape, so scripts
/// and exports written for Logto work unchanged: <c>id</c> (else <c>metadata.target</c>) is the id, <c>name.en</c> the
/// name and the other languages <c>displayNames</c>, <c>logo</c> and <c>logoDark</c> the logos. Everything else is ours.
/// </summary>
internal static class LogtoConnectorShape
{
    /// <summary>The factory id of Logto's generic OAuth 2.0 connector, the one this service is.</summary>
    public const string OAuth2ConnectorId = "oauth2";

    private static readonly string[] MetadataFields = ["target", "name", "logo", "logoDark"];

    public static bool Applies(JsonObject body) => body.ContainsKey("connectorId") || body.ContainsKey("metadata");

    /// <summary>The body in our shape; problems with the Logto members are added to <paramref name="errors"/>.</summary>
    public static JsonObject Translate(JsonObject body, FieldErrors errors, bool create)
    {
        var ours = body.DeepClone().AsObject();
        if (ours.Remove("connectorId", out var connectorId) && !(create && connectorId?.GetValueKind() == JsonValueKind.String
            && connectorId.GetValue<string>() == OAuth2ConnectorId))
        {
            errors.Add("connectorId", create ? ErrorCodes.Field.OneOf : ErrorCodes.Field.ReadOnly,
                create ? $"This service is Logto's generic OAuth 2.0 connector: connectorId must be '{OAuth2ConnectorId}'." : "A connector's factory cannot change.");
        }

        if (!ours.Remove("metadata", out var metadataNode) || metadataNode is null)
        {
            return ours;
        }

        if (metadataNode is not JsonObject metadata)
        {
            errors.Add("metadata", ErrorCodes.Field.InvalidType, "Must be an object.");
            return ours;
        }

        foreach (var (field, _) in metadata.Where(pair => !MetadataFields.Contains(pair.Key)))
        {
            errors.Add($"metadata.{field}", ErrorCodes.Field.UnknownField, $"Unknown field '{field}'; Logto's configurable metadata is target, name, logo and logoDark.");
        }

        if (create && !ours.ContainsKey("id") && Text(metadata["target"]) is { } target)
        {
            ours["id"] = target;
        }

        switch (metadata["name"])
        {
            case JsonObject names:
                var english = Text(names["en"]) ?? names.Select(pair => Text(pair.Value)).FirstOrDefault(text => text is not null);
                if (english is not null)
                {
                    ours["name"] = english;
                }

                ours["displayNames"] = new JsonObject([.. names.Where(pair => pair.Key != "en" && Text(pair.Value) is not null)
                    .Select(pair => KeyValuePair.Create(pair.Key, (JsonNode?)Text(pair.Value)))]);
                break;
            case JsonValue value when Text(value) is { } name:
                ours["name"] = name;
                break;
        }

        if (create && !ours.ContainsKey("name") && Text(metadata["target"]) is { } fallback)
        {
            ours["name"] = fallback;
        }

        Copy(metadata, "logo", ours, "logoUrl");
        Copy(metadata, "logoDark", ours, "logoDarkUrl");
        return ours;
    }

    private static void Copy(JsonObject metadata, string from, JsonObject ours, string to)
    {
        if (metadata.TryGetPropertyValue(from, out var value))
        {
            ours[to] = value?.DeepClone();
        }
    }

    private static string? Text(JsonNode? node) =>
        node?.GetValueKind() == JsonValueKind.String && node.GetValue<string>() is { Length: > 0 } text ? text : null;
}
