using System.Security.Claims;
using Connector.Host.Connectors;
using Connector.Host.Users;
using OpenIddict.Abstractions;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace Connector.Host.Oidc.Endpoints;

/// <summary>
/// Whether a grant still holds when an app uses it (redeeming a code, refreshing, calling userinfo): its user exists,
/// is not disabled and has the revocation epoch the grant was made under, and the connector the user signed in
/// through still exists and is enabled. Checked on every use, on every instance.
/// </summary>
internal sealed class OidcGrants(UserStore users, ConnectorConfigLoader connectors)
{
    /// <summary>The grant's user as they are now, or null when the grant no longer holds.</summary>
    public async Task<UserRow?> HolderAsync(ClaimsPrincipal? grant, CancellationToken ct)
    {
        if (grant is null || !Guid.TryParse(grant.GetClaim(Claims.Subject), out var userId)
            || await users.GetUserAsync(userId, ct) is not { Disabled: false } user
            // A grant made before grants carried the epoch counts as epoch 0: any revocation since refuses it.
            || user.SessionEpoch != (OidcClaims.Epoch(grant) ?? 0))
        {
            return null;
        }

        var connectorId = grant.GetClaim(OidcClaims.ConnectorClaim);
        return connectorId is null || await connectors.LoadAsync(connectorId, ct) is { Enabled: true } ? user : null;
    }
}
