using System.Text.Json;
using Connector.OAuth2.Configuration;
using Connector.OAuth2.Results;

namespace Connector.OAuth2.Profiles;

/// <summary>
/// Maps userinfo JSON to a <see cref="UserProfile"/> (paths as in <see cref="ProfileExpression"/>). Numbers
/// and booleans become invariant strings exactly as sent (ids never pass through a number type); objects,
/// arrays, null and blank strings count as missing; an id of <c>0</c> is the id <c>"0"</c> (Logto drops it).
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
            userInfo)
        {
            EmailVerified = Resolve(userInfo, map.EmailVerifiedPath) switch
            {
                "true" => true,
                "false" => false,
                _ => null,
            },
        };
    }

    /// <summary>The value of a profile expression as a string, or null when nothing usable is there.</summary>
    public static string? Resolve(JsonElement root, string expression) =>
        ProfileExpression.Cached(expression)?.Evaluate(root);
}
