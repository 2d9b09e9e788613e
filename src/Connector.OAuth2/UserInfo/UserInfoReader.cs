using System.Text.Json;
using Connector.OAuth2.Results;

namespace Connector.OAuth2.UserInfo;

/// <summary>A userinfo answer must be one JSON object; anything else cannot be mapped to a profile.</summary>
internal static class UserInfoReader
{
    public static ConnectorResult<JsonElement> Read(byte[] body, int status)
    {
        JsonElement json;
        try
        {
            // Deserializing to JsonElement gives a self-contained value (no pooled document to dispose).
            json = JsonSerializer.Deserialize<JsonElement>(body);
        }
        catch (JsonException)
        {
            return new ConnectorError(ConnectorErrorCodes.InvalidUserInfoResponse, "The userinfo answer is not JSON.", ProviderStatus: status);
        }

        return json.ValueKind == JsonValueKind.Object
            ? json
            : new ConnectorError(ConnectorErrorCodes.InvalidUserInfoResponse,
                $"The userinfo answer is a JSON {json.ValueKind.ToString().ToLowerInvariant()}, not an object.", ProviderStatus: status);
    }
}
