using System.Security.Claims;
using Connector.Host.AdminApi;
using Connector.Host.Oidc;
using Connector.Host.Oidc.Endpoints;
using Connector.Host.Problems;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Http.HttpResults;
using OpenIddict.Abstractions;
using OpenIddict.Validation.AspNetCore;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace Connector.Host.TokenVault;

/// <summary>
/// The vault's two doors (<c>docs/token-vault.md</c>): the operator's, behind the admin key, for any user; and the app's,
/// under <c>/oidc/me</c>, with one of our access tokens that carries the scope <c>identity_tokens</c>, for that token's own user.
/// </summary>
internal static class TokenVaultApi
{
    public const string IdentityAccessTokenPath = "/{id}/identities/{connectorId}/access-token";
    public const string AppAccessTokenPath = OidcPaths.UserInfo + "/identities/{connectorId}/access-token";

    public static IEndpointRouteBuilder MapTokenVaultApi(this IEndpointRouteBuilder app)
    {
        app.MapAdminApi(AdminApiPaths.Users, "Users").MapGet(IdentityAccessTokenPath, GetIdentityAccessToken).WithName(nameof(GetIdentityAccessToken));
        app.MapGet(AppAccessTokenPath, GetAppAccessTokenAsync).ExcludeFromDescription();
        return app;
    }

    /// <summary>The identity's provider access token, refreshed first when it has expired; the id is text so a malformed one is a plain 404.</summary>
    public static async Task<Results<Ok<AccessTokenResponse>, ProblemHttpResult>> GetIdentityAccessToken(
        HttpContext context, string id, string connectorId, ClaimsPrincipal operatorUser, IdentityTokenVault vault, CancellationToken ct)
    {
        NoStore(context);
        return Answer(Guid.TryParse(id, out var userId) ? await vault.AccessTokenAsync(userId, connectorId, AdminActor.Of(operatorUser), ct) : new VaultOutcome.UserNotFound());
    }

    /// <summary>
    /// RFC 6750 §3.1: no or a bad token is 401 <c>invalid_token</c>, a token without the scope 403 <c>insufficient_scope</c>,
    /// both with <c>WWW-Authenticate</c>. A token whose grant no longer holds (user disabled or signed out everywhere,
    /// session ended, connector off) counts as bad, as at <c>/oidc/me</c>.
    /// </summary>
    public static async Task<IResult> GetAppAccessTokenAsync(HttpContext context, string connectorId, OidcGrants grants, IdentityTokenVault vault, CancellationToken ct)
    {
        var authenticated = await context.AuthenticateAsync(OpenIddictValidationAspNetCoreDefaults.AuthenticationScheme);
        if (!authenticated.Succeeded)
        {
            return Results.Challenge(properties: null, [OpenIddictValidationAspNetCoreDefaults.AuthenticationScheme]);
        }

        var principal = authenticated.Principal!;
        if (await grants.HolderAsync(principal, ct) is not { } user)
        {
            return Refuse(Results.Challenge, Errors.InvalidToken, "The access token no longer stands for a user who may be served.");
        }

        if (!principal.HasScope(OidcScopes.IdentityTokens))
        {
            return Refuse(Results.Forbid, Errors.InsufficientScope, $"The access token lacks the scope '{OidcScopes.IdentityTokens}'.");
        }

        NoStore(context);
        var app = principal.GetClaim(Claims.Private.Presenter) ?? principal.GetClaim(Claims.ClientId) ?? "unknown";
        return Answer(await vault.AccessTokenAsync(user.Id, connectorId, "app:" + app, ct)).Result;
    }

    /// <summary>An answer with a token is kept by no cache (RFC 6749 §5.1 asks the same of token answers).</summary>
    private static void NoStore(HttpContext context)
    {
        context.Response.Headers.CacheControl = "no-store";
        context.Response.Headers.Pragma = "no-cache";
    }

    private static Results<Ok<AccessTokenResponse>, ProblemHttpResult> Answer(VaultOutcome outcome) => outcome switch
    {
        VaultOutcome.Token token => TypedResults.Ok(token.Answer),
        VaultOutcome.IdentityNotFound missing => ApiProblems.IdentityNotFound(missing.ConnectorId),
        VaultOutcome.StorageDisabled disabled => ApiProblems.TokenStorageDisabled(disabled.ConnectorId),
        VaultOutcome.Unavailable unavailable => ApiProblems.UpstreamTokenUnavailable(
            unavailable.Reason, unavailable.Detail, unavailable.ProviderError, unavailable.ProviderErrorDescription),
        _ => ApiProblems.UserNotFound(),
    };

    private static IResult Refuse(Func<AuthenticationProperties?, IList<string>?, IResult> result, string error, string description) =>
        result(new AuthenticationProperties(new Dictionary<string, string?>
        {
            [OpenIddictValidationAspNetCoreConstants.Properties.Error] = error,
            [OpenIddictValidationAspNetCoreConstants.Properties.ErrorDescription] = description,
            [OpenIddictValidationAspNetCoreConstants.Properties.Scope] = OidcScopes.IdentityTokens,
        }), [OpenIddictValidationAspNetCoreDefaults.AuthenticationScheme]);
}
