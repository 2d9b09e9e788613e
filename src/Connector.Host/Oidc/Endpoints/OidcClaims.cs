using System.Collections.Immutable;
using System.Security.Claims;
using Connector.Host.Users;
using Microsoft.IdentityModel.Tokens;
using OpenIddict.Abstractions;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace Connector.Host.Oidc.Endpoints;

/// <summary>
/// A user's claims by granted scope (OIDC Core §5.4): <c>profile</c> → name, picture; <c>email</c> → email,
/// email_verified; <c>phone</c> → phone_number. The ID token carries them itself, because Auth.js builds its
/// user from the ID token and never calls userinfo (<c>docs/oidc.md</c>); <c>/oidc/me</c> answers the same.
/// </summary>
internal static class OidcClaims
{
    public static readonly string[] Supported =
        [Claims.Subject, Claims.Name, Claims.Username, Claims.Picture, Claims.Email, Claims.EmailVerified, Claims.PhoneNumber];

    /// <summary>
    /// The principal OpenIddict signs in. The profile claims go to the ID token only: the access token is
    /// ours alone (encrypted), and <c>/oidc/me</c> reads the user afresh from the database.
    /// </summary>
    public static ClaimsPrincipal Principal(UserRow user, ImmutableArray<string> scopes)
    {
        var identity = new ClaimsIdentity(TokenValidationParameters.DefaultAuthenticationType, Claims.Name, Claims.Role);
        identity.SetClaim(Claims.Subject, user.Id.ToString());
        foreach (var (type, value) in Values(user, scopes))
        {
            identity.AddClaim(value is bool flag
                ? new Claim(type, flag ? "true" : "false", ClaimValueTypes.Boolean)
                : new Claim(type, (string)value));
        }

        identity.SetScopes(scopes);
        identity.SetDestinations(claim => claim.Type == Claims.Subject
            ? [Destinations.AccessToken, Destinations.IdentityToken]
            : [Destinations.IdentityToken]);
        return new ClaimsPrincipal(identity);
    }

    /// <summary>The userinfo answer: <c>sub</c> plus the scoped claims that have a value.</summary>
    public static Dictionary<string, object> UserInfo(UserRow user, ImmutableArray<string> scopes)
    {
        var answer = new Dictionary<string, object>(StringComparer.Ordinal) { [Claims.Subject] = user.Id.ToString() };
        foreach (var (type, value) in Values(user, scopes))
        {
            answer[type] = value;
        }

        return answer;
    }

    // Our users have no separate username: `username` stays absent, as Logto's is null for social sign-ups.
    private static IEnumerable<(string Type, object Value)> Values(UserRow user, ImmutableArray<string> scopes)
    {
        if (scopes.Contains(Scopes.Profile))
        {
            if (!string.IsNullOrEmpty(user.Name))
            {
                yield return (Claims.Name, user.Name);
            }

            if (!string.IsNullOrEmpty(user.Avatar))
            {
                yield return (Claims.Picture, user.Avatar);
            }
        }

        if (scopes.Contains(Scopes.Email) && !string.IsNullOrEmpty(user.Email))
        {
            yield return (Claims.Email, user.Email);
            yield return (Claims.EmailVerified, user.EmailVerified ?? false);
        }

        if (scopes.Contains(Scopes.Phone) && !string.IsNullOrEmpty(user.Phone))
        {
            yield return (Claims.PhoneNumber, user.Phone);
        }
    }
}
