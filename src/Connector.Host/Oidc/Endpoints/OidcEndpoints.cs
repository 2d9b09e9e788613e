using Connector.Host.Pages;
using Connector.Host.Sessions;
using Connector.Host.Users;
using Connector.Host.SignIn;
using Microsoft.AspNetCore;
using Microsoft.AspNetCore.Authentication;
using OpenIddict.Abstractions;
using OpenIddict.Server.AspNetCore;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace Connector.Host.Oidc.Endpoints;

/// <summary>
/// The passthrough endpoints: OpenIddict has validated the request (client, redirect URI, PKCE, scopes, code,
/// refresh or access token) before these run; they decide who the user is, whether the grant still holds, and
/// what to answer (<c>docs/oidc.md</c>).
/// </summary>
internal static class OidcEndpoints
{
    public static IEndpointRouteBuilder MapOidcEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapMethods(OidcPaths.Authorization, [HttpMethods.Get, HttpMethods.Post], AuthorizeAsync).DisableAntiforgery().ExcludeFromDescription();
        app.MapPost(OidcPaths.Token, TokenAsync).DisableAntiforgery().ExcludeFromDescription();
        app.MapMethods(OidcPaths.UserInfo, [HttpMethods.Get, HttpMethods.Post], UserInfoAsync).DisableAntiforgery().ExcludeFromDescription();
        app.MapMethods(OidcPaths.EndSession, [HttpMethods.Get, HttpMethods.Post], EndSessionAsync).DisableAntiforgery().ExcludeFromDescription();
        return app;
    }

    /// <summary>
    /// Without a session — or with one too old for <c>prompt=login</c> or <c>max_age</c> — the browser goes to our
    /// sign-in page and comes back here after the connector callback; with one, the code is issued at once: the app's
    /// registration by the operator is the consent (<c>docs/oidc.md</c>), so no consent screen and no
    /// <c>prompt=consent</c> is needed for refresh tokens.
    /// </summary>
    public static async Task<IResult> AuthorizeAsync(HttpContext context, LoginFreshness freshness, DirectSignIn direct, CancellationToken ct)
    {
        var request = context.GetOpenIddictServerRequest()
            ?? throw new InvalidOperationException("The OpenID Connect request cannot be retrieved.");
        var session = await UserSessions.CurrentAsync(context);
        if (session is not null && freshness.Satisfies(session, request))
        {
            return Results.SignIn(OidcClaims.Principal(session, request.GetScopes()), properties: null,
                OpenIddictServerAspNetCoreDefaults.AuthenticationScheme);
        }

        if (request.HasPromptValue(PromptValues.None))
        {
            // OIDC Core §3.1.2.6: prompt=none never shows a page.
            return Refuse(Errors.LoginRequired, session is null ? "The user is not signed in." : "The user must sign in again.");
        }

        // OIDC Core §3.1.2.1: prompt=login and max_age send the user to the provider again, and the resumed request
        // carries a marker that only a session begun after this moment satisfies.
        var marker = LoginFreshness.Asked(request) ? freshness.Mark(session) : null;
        var resume = ResumePath(context, request, marker);
        if (resume.Length > ReturnUrlPolicy.MaxLength)
        {
            // The request rides through the sign-in as its return target, which is capped: refused here, the app
            // learns why (RFC 6749 §4.1.2.1) instead of its user landing on the account page.
            return Refuse(Errors.InvalidRequest, $"The authorization request is longer than the {ReturnUrlPolicy.MaxLength} characters this service keeps during a sign-in.");
        }

        return Results.Redirect(await direct.ConnectorAsync(request, ct) is { } connectorId
            ? SignInPaths.StartOf(connectorId, resume)
            : SignInPaths.SignInReturningTo(resume));
    }

    /// <summary>A code or refresh token is turned into tokens only while its grant holds, with the user's profile as it is now.</summary>
    public static async Task<IResult> TokenAsync(HttpContext context, OidcGrants grants, CancellationToken ct)
    {
        var result = await context.AuthenticateAsync(OpenIddictServerAspNetCoreDefaults.AuthenticationScheme);
        return await grants.HolderAsync(result.Principal, ct) is { } user
            ? Results.SignIn(OidcClaims.Refreshed(result.Principal!, user), properties: null, OpenIddictServerAspNetCoreDefaults.AuthenticationScheme)
            : Refuse(Errors.InvalidGrant, "The grant is no longer valid: the user was signed out, disabled or deleted, or the sign-in method was turned off.");
    }

    public static async Task<IResult> UserInfoAsync(HttpContext context, OidcGrants grants, UserStore users, CancellationToken ct)
    {
        var result = await context.AuthenticateAsync(OpenIddictServerAspNetCoreDefaults.AuthenticationScheme);
        if (await grants.HolderAsync(result.Principal, ct) is not { } user)
        {
            // RFC 6750 §3.1: the access token no longer stands for anyone who may be served.
            return Results.Challenge(new AuthenticationProperties(new Dictionary<string, string?>
            {
                [OpenIddictServerAspNetCoreConstants.Properties.Error] = Errors.InvalidToken,
                [OpenIddictServerAspNetCoreConstants.Properties.ErrorDescription] = "The access token no longer stands for a user who may sign in.",
            }), [OpenIddictServerAspNetCoreDefaults.AuthenticationScheme]);
        }

        var scopes = result.Principal!.GetScopes();
        var answer = OidcClaims.UserInfo(user, scopes);
        if (scopes.Contains(OidcScopes.Identities))
        {
            // The grant check has read the user already; only the identities are read here.
            var identities = await users.IdentitiesAsync(user.Id, ct);
            answer[OidcScopes.Identities] = identities.Select(identity => new { connectorId = identity.ConnectorId, subject = identity.Subject }).ToList();
        }

        return Results.Json(answer);
    }

    /// <summary>
    /// Ends our session on the server (a copied cookie stops working), then OpenIddict redirects to the
    /// <c>post_logout_redirect_uri</c> it validated against the app's registration, or to our sign-in page. An
    /// <c>id_token_hint</c> (validated by OpenIddict) naming another user than the session's ends nothing: a link
    /// made for someone else does not sign this user out (OIDC RP-Initiated Logout §2). A hint that is not an ID token
    /// of ours is refused: OpenIddict would only ignore it.
    /// </summary>
    public static async Task<IResult> EndSessionAsync(HttpContext context, UserSessions sessions, CancellationToken ct)
    {
        var request = context.GetOpenIddictServerRequest()
            ?? throw new InvalidOperationException("The OpenID Connect request cannot be retrieved.");
        // For a hint it could not validate, OpenIddict still authenticates, with a principal that has no claims.
        var hinted = (await context.AuthenticateAsync(OpenIddictServerAspNetCoreDefaults.AuthenticationScheme)).Principal?.GetClaim(Claims.Subject);
        if (!string.IsNullOrEmpty(request.IdTokenHint) && hinted is null)
        {
            // OpenIddict answers errors of this endpoint only before it passes through: the page kit's page, then.
            return HtmlPages.Error(StatusCodes.Status400BadRequest, Errors.InvalidRequest, "errors.signOutRefused.title", "errors.signOutRefused.message");
        }

        var session = await UserSessions.CurrentAsync(context);
        if (hinted is null || session is null || hinted == session.User.Id.ToString())
        {
            await sessions.SignOutAsync(context, ct);
        }

        return Results.SignOut(new AuthenticationProperties { RedirectUri = SignInPaths.SignIn }, [OpenIddictServerAspNetCoreDefaults.AuthenticationScheme]);
    }

    /// <summary>
    /// This request as a local URL to come back to: a GET as it came, a POSTed one as its GET form; with a freshness
    /// marker, that marker in place of any earlier one.
    /// </summary>
    private static string ResumePath(HttpContext context, OpenIddictRequest request, string? marker)
    {
        if (HttpMethods.IsGet(context.Request.Method) && marker is null)
        {
            return $"{context.Request.PathBase}{context.Request.Path}{context.Request.QueryString}";
        }

        var parameters = request.GetParameters()
            .Where(parameter => parameter.Key != LoginFreshness.Parameter)
            .Select(parameter => KeyValuePair.Create(parameter.Key, (string?)parameter.Value))
            .ToList();
        if (marker is not null)
        {
            parameters.Add(KeyValuePair.Create(LoginFreshness.Parameter, (string?)marker));
        }

        return $"{context.Request.PathBase}{context.Request.Path}{QueryString.Create(parameters)}";
    }

    private static IResult Refuse(string error, string description) =>
        Results.Forbid(new AuthenticationProperties(new Dictionary<string, string?>
        {
            [OpenIddictServerAspNetCoreConstants.Properties.Error] = error,
            [OpenIddictServerAspNetCoreConstants.Properties.ErrorDescription] = description,
        }), [OpenIddictServerAspNetCoreDefaults.AuthenticationScheme]);
}
