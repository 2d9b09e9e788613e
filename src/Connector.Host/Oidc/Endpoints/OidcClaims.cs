using System.Collections.Immutable;
using System.Globalization;
using System.Security.Claims;
using Connector.Host.Sessions;
using Connector.Host.Users;
using Microsoft.IdentityModel.Tokens;
using OpenIddict.Abstractions;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace Connector.Host.Oidc.Endpoints;

/// <summary>
/// A grant's claims. By granted scope (OIDC Core §5.4): <c>profile</c> → name, picture; <c>email</c> → email,
/// email_verified; <c>phone</c> → phone_number — in the ID token itself, because Auth.js builds its user from the ID
/// token and never calls userinfo (<c>docs/oidc.md</c>); <c>/oidc/me</c> answers the same. Beside them, for the
/// issuer's own checks: <c>auth_time</c> (ID token, OIDC Core §2), the session's <c>sid</c>, and in the access
/// and refresh tokens the connector the session came through and the user's revocation epoch.
/// </summary>
internal static class OidcClaims
{
    public const string ConnectorClaim = "connector";
    public const string ConnectorGenerationClaim = "connector_generation";

    /// <summary>The session a grant was made in (OIDC Front-Channel Logout §3 names it <c>sid</c>).</summary>
    public const string SessionIdClaim = "sid";
    public const string EpochClaim = "epoch";

    public static readonly string[] Supported =
        [Claims.Subject, Claims.Name, Claims.Username, Claims.Picture, Claims.Email, Claims.EmailVerified, Claims.PhoneNumber, Claims.AuthenticationTime];

    private static readonly string[] ProfileClaims = [Claims.Name, Claims.Picture, Claims.Email, Claims.EmailVerified, Claims.PhoneNumber];

    /// <summary>A new grant at the authorization endpoint, from the session that was checked just now.</summary>
    public static ClaimsPrincipal Principal(SignedInSession session, ImmutableArray<string> scopes)
    {
        var identity = new ClaimsIdentity(TokenValidationParameters.DefaultAuthenticationType, Claims.Name, Claims.Role);
        identity.SetClaim(Claims.Subject, session.User.Id.ToString());
        identity.AddClaim(new Claim(Claims.AuthenticationTime, session.AuthTime.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture), ClaimValueTypes.Integer64));
        identity.SetClaim(SessionIdClaim, session.SessionId);
        identity.SetClaim(ConnectorClaim, session.ConnectorId);
        identity.SetClaim(ConnectorGenerationClaim, session.ConnectorGeneration.ToString());
        identity.AddClaim(new Claim(EpochClaim, session.Epoch.ToString(CultureInfo.InvariantCulture), ClaimValueTypes.Integer32));
        AddProfile(identity, session.User, scopes);
        identity.SetScopes(scopes);
        identity.SetDestinations(Destinations);
        return new ClaimsPrincipal(identity);
    }

    /// <summary>
    /// The grant as the token endpoint issues it again (code redeemed, refresh token used): everything the grant
    /// holds, OpenIddict's own claims included, with the user's profile as it is now.
    /// </summary>
    public static ClaimsPrincipal Refreshed(ClaimsPrincipal granted, UserRow user)
    {
        var identity = new ClaimsIdentity(granted.Claims.Where(claim => !ProfileClaims.Contains(claim.Type)),
            TokenValidationParameters.DefaultAuthenticationType, Claims.Name, Claims.Role);
        AddProfile(identity, user, granted.GetScopes());
        identity.SetDestinations(Destinations);
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

    public static int? Epoch(ClaimsPrincipal principal) =>
        int.TryParse(principal.GetClaim(EpochClaim), CultureInfo.InvariantCulture, out var epoch) ? epoch : null;

    private static void AddProfile(ClaimsIdentity identity, UserRow user, ImmutableArray<string> scopes)
    {
        foreach (var (type, value) in Values(user, scopes))
        {
            identity.AddClaim(value is bool flag
                ? new Claim(type, flag ? "true" : "false", ClaimValueTypes.Boolean)
                : new Claim(type, (string)value));
        }
    }

    private static IEnumerable<string> Destinations(Claim claim) => claim.Type switch
    {
        Claims.Subject or SessionIdClaim => [OpenIddictConstants.Destinations.AccessToken, OpenIddictConstants.Destinations.IdentityToken],
        ConnectorClaim or ConnectorGenerationClaim or EpochClaim => [OpenIddictConstants.Destinations.AccessToken],
        _ => [OpenIddictConstants.Destinations.IdentityToken],
    };

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
