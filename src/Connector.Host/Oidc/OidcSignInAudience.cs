using Connector.Host.Oidc.Apps;
using Connector.Host.Oidc.Stores;
using Connector.Host.SignIn;
using Microsoft.AspNetCore.WebUtilities;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace Connector.Host.Oidc;

/// <summary>The app whose authorization request the sign-in will resume: its name for "Sign in to {app}", its connectors.</summary>
internal sealed class OidcSignInAudience(OidcApplicationStore applications) : ISignInAudience
{
    public async Task<SignInApp?> FindAsync(string? returnTo, CancellationToken ct)
    {
        if (returnTo is null || !returnTo.StartsWith(OidcPaths.Authorization + "?", StringComparison.Ordinal)
            || !QueryHelpers.ParseQuery(returnTo[OidcPaths.Authorization.Length..]).TryGetValue(Parameters.ClientId, out var clientId)
            || await applications.FindByClientIdAsync(clientId.ToString(), ct) is not { } app)
        {
            return null;
        }

        var draft = AppDocuments.Draft(app);
        return new SignInApp(draft.Name, draft.Connectors);
    }
}
