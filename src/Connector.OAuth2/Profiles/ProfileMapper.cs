using System.Globalization;
using System.Text.Json;
using Connector.OAuth2.Configuration;
using Connector.OAuth2.Results;

namespace Connector.OAuth2.Profiles;

/// <summary>
/// Maps userinfo JSON to a <see cref="UserProfile"/> with Logto's dot paths. Numbers and booleans become
/// invariant strings exactly as sent (ids never pass through a number type), objects, arrays, null and
/// blank strings count as missing; an id of <c>0</c> is the id <c>"0"</c> (Logto drops it).
/// </summary>
public static class ProfileMapper
{
    public static ConnectorResult<UserProfile> Map(ProfileMap? map, JsonElement userInfo)
    {
        map ??= new ProfileMap();
        var id = Resolve(userInfo, map.IdPath);
        if (id is null)
        {
            return new ConnectorError(ConnectorErrorCodes.ProfileIdMissing,
                $"The userinfo answer has no usable value at '{map.IdPath}' for the user id.");
        }

        return new UserProfile(
            id,
            Resolve(userInfo, map.NamePath),
            Resolve(userInfo, map.AvatarPath),
            Resolve(userInfo, map.EmailPath),
            Resolve(userInfo, map.PhonePath),
            userInfo);
    }

    /// <summary>The scalar at <paramref name="path"/> as a string, or null when it is absent or not a usable scalar.</summary>
    public static string? Resolve(JsonElement root, string path)
    {
        var current = root;
        foreach (var range in path.AsSpan().Split('.'))
        {
            var segment = path.AsSpan()[range];
            if (current.ValueKind == JsonValueKind.Object && current.TryGetProperty(segment, out var child))
            {
                current = child;
            }
            else if (current.ValueKind == JsonValueKind.Array
                && int.TryParse(segment, NumberStyles.None, CultureInfo.InvariantCulture, out var index)
                && index < current.GetArrayLength())
            {
                current = current[index];
            }
            else
            {
                return null;
            }
        }

        return current.ValueKind switch
        {
            JsonValueKind.String => current.GetString() is { } text && !string.IsNullOrWhiteSpace(text) ? text : null,
            JsonValueKind.Number => current.GetRawText(),
            JsonValueKind.True => "true",
            JsonValueKind.False => "false",
            _ => null,
        };
    }
}
