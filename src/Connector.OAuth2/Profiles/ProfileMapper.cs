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
    /// <summary>Maps with <paramref name="map"/> compiled for this call; the engine's pipeline uses its cached compilation instead.</summary>
    public static ConnectorResult<UserProfile> Map(ProfileMap? map, JsonElement userInfo) =>
        CompiledProfileMap.Compile(map).Map(userInfo);

    /// <summary>The value of a profile expression as a string, or null when nothing usable is there.</summary>
    public static string? Resolve(JsonElement root, string expression) =>
        ProfileExpression.TryParse(expression, out var parsed) ? parsed.Evaluate(root) : null;
}
