using System.Text.Json;
using Connector.OAuth2.Results;

namespace Connector.OAuth2.IdTokens;

/// <summary>
/// The JSON a connector's profile map reads: the userinfo answer, or, with a verified ID token, its claims with the
/// userinfo answer (when there is one) merged on top, member by member, so a fresher userinfo value wins.
/// </summary>
internal static class ProfileSource
{
    public static ConnectorResult<JsonElement> Merge(JsonElement claims, JsonElement? userInfo)
    {
        if (userInfo is not { } answer)
        {
            return claims;
        }

        // OpenID Connect Core 1.0 §5.3.2: a userinfo sub that is not the ID token's belongs to someone else (token
        // substitution), and the answer must not be used. Non-OIDC userinfo answers (Graph /me, GitLab /user) have none.
        if (answer.TryGetProperty("sub", out var sub) && sub.ValueKind == JsonValueKind.String
            && sub.GetString() != claims.GetProperty("sub").GetString())
        {
            return new ConnectorError(ConnectorErrorCodes.InvalidUserInfoResponse, "The userinfo answer's sub is not the ID token's sub.");
        }

        var merged = JsonSerializer.SerializeToNode(claims)!.AsObject();
        foreach (var member in answer.EnumerateObject())
        {
            merged[member.Name] = JsonSerializer.SerializeToNode(member.Value);
        }

        return JsonSerializer.SerializeToElement(merged);
    }
}
