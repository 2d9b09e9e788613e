using System.Text.Json;
using System.Text.Json.Nodes;
using Connector.Host.Problems;
using Connector.OAuth2.Configuration;

namespace Connector.Host.Connectors.Api;

/// <summary>
/// Whether a change points the connector at another provider, or reads another subject from it: the hosts of the
/// authorization and token endpoints, the client id, the profile path of the user id. Such a change needs
/// <c>"confirmProviderChange": true</c> in the patch, and gives the connector a new generation, so that no earlier
/// identity is handed to whoever the new provider calls by the same subject.
/// </summary>
internal static class ProviderChange
{
    public const string ConfirmationField = "confirmProviderChange";

    public const string Explanation =
        "This change points the connector at another provider (endpoint host, client id or profileMap.id): its users' identities "
        + "will no longer match. Send \"confirmProviderChange\": true with the patch to confirm.";

    public static bool Between(OAuth2ConnectorConfig before, OAuth2ConnectorConfig after) =>
        !string.Equals(Host(before.AuthorizationEndpoint), Host(after.AuthorizationEndpoint), StringComparison.OrdinalIgnoreCase)
        || !string.Equals(Host(before.TokenEndpoint), Host(after.TokenEndpoint), StringComparison.OrdinalIgnoreCase)
        || before.ClientId != after.ClientId
        || IdPath(before) != IdPath(after);

    /// <summary>Takes the confirmation out of the patch (it is no field of the connector); true only when it is <c>true</c>.</summary>
    public static bool ReadConfirmation(JsonObject patch, FieldErrors errors)
    {
        if (!patch.Remove(ConfirmationField, out var value))
        {
            return false;
        }

        if (value?.GetValueKind() is JsonValueKind.True or JsonValueKind.False)
        {
            return value.GetValue<bool>();
        }

        errors.Add(ConfirmationField, ErrorCodes.Field.InvalidType, "Must be true or false.");
        return false;
    }

    private static string? Host(string? endpoint) => Uri.TryCreate(endpoint, UriKind.Absolute, out var uri) ? uri.Authority : endpoint;

    private static string IdPath(OAuth2ConnectorConfig config) =>
        string.IsNullOrWhiteSpace(config.ProfileMap?.Id) ? "id" : config.ProfileMap.Id.Trim();
}
