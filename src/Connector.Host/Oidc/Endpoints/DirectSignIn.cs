using Connector.Host.Connectors;
using Connector.Host.Oidc.Apps;
using Connector.Host.Oidc.Stores;
using OpenIddict.Abstractions;

namespace Connector.Host.Oidc.Endpoints;

/// <summary>
/// An app naming the connector to sign in with, skipping the chooser: Logto's <c>direct_sign_in=social:{id}</c> and
/// Keycloak's <c>kc_idp_hint={id}</c>. Honoured when the connector exists, is enabled and is one the app offers
/// (any, when the app names none); otherwise the user sees the chooser, as without a hint.
/// </summary>
internal sealed class DirectSignIn(OidcApplicationStore applications, ConnectorConfigLoader connectors)
{
    public const string LogtoParameter = "direct_sign_in";
    public const string KeycloakParameter = "kc_idp_hint";
    private const string SocialPrefix = "social:";

    /// <summary>The connector to send the browser to directly, or null for the chooser.</summary>
    public async Task<string?> ConnectorAsync(OpenIddictRequest request, CancellationToken ct)
    {
        var hinted = (string?)request.GetParameter(LogtoParameter) is { } logto && logto.StartsWith(SocialPrefix, StringComparison.Ordinal)
            ? logto[SocialPrefix.Length..]
            : (string?)request.GetParameter(KeycloakParameter);
        if (string.IsNullOrEmpty(hinted) || await connectors.LoadAsync(hinted, ct) is not { Enabled: true }
            || request.ClientId is null || await applications.FindByClientIdAsync(request.ClientId, ct) is not { } app)
        {
            return null;
        }

        var offered = AppDocuments.Draft(app).Connectors;
        return offered.Count == 0 || offered.Contains(hinted, StringComparer.Ordinal) ? hinted : null;
    }
}
