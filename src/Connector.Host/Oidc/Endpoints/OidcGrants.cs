using System.Security.Claims;
using Connector.Host.Connectors;
using Connector.Host.Sessions;
using Connector.Host.Users;
using OpenIddict.Abstractions;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace Connector.Host.Oidc.Endpoints;

/// <summary>
/// Whether a grant still holds when an app uses it (redeeming a code, refreshing, calling userinfo): its user exists,
/// is not disabled and has the revocation epoch the grant was made under, the connector the user signed in through
/// still exists and is enabled, and the session it was made in was not signed out (a user who signs out ends what
/// they granted in that session, <c>offline_access</c> included). Checked on every use, on every instance.
/// </summary>
internal sealed class OidcGrants(UserStore users, ConnectorConfigLoader connectors)
{
    /// <summary>The grant's user as they are now, or null when the grant no longer holds.</summary>
    public async Task<UserRow?> HolderAsync(ClaimsPrincipal? grant, CancellationToken ct)
    {
        if (grant is null || !Guid.TryParse(grant.GetClaim(Claims.Subject), out var userId))
        {
            return null;
        }

        // The session it was made in, read beside the user; a grant from before grants named their session has none.
        var sessionId = grant.GetClaim(OidcClaims.SessionIdClaim);
        var (user, signedOut) = sessionId is null
            ? (await users.GetUserAsync(userId, ct), false)
            : await users.GetUserAsync(userId, RevokedSessionStore.IsRevokedCommand(sessionId), ct);
        // A grant made before grants carried the epoch counts as epoch 0: any revocation since refuses it.
        if (user is not { Disabled: false } || signedOut || user.SessionEpoch != (OidcClaims.Epoch(grant) ?? 0))
        {
            return null;
        }

        // The connector must still be there, enabled, and the same provider (a changed or re-created connector has a new generation).
        var connectorId = grant.GetClaim(OidcClaims.ConnectorClaim);
        if (connectorId is not null && (await connectors.LoadAsync(connectorId, ct) is not { Enabled: true } connector
            || (Guid.TryParse(grant.GetClaim(OidcClaims.ConnectorGenerationClaim), out var generation) && connector.Generation != generation)))
        {
            return null;
        }

        return user;
    }
}
