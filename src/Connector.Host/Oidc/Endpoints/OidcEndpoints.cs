using Connector.Host.Sessions;
using Connector.Host.SignIn;
using Connector.Host.Users;
using Microsoft.AspNetCore;
using Microsoft.AspNetCore.Authentication;
using OpenIddict.Abstractions;
using OpenIddict.Server.AspNetCore;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace Connector.Host.Oidc.Endpoints;

/// <summary>
/// The three passthrough endpoints: OpenIddict has validated the request (client, redirect URI, PKCE,
/// scopes, access token) before these run; they decide who the user is and what to answer.
/// </summary>
internal static class OidcEndpoints
{
    public static IEndpointRouteBuilder MapOidcEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapMethods(OidcPaths.Authorization, [HttpMethods.Get, HttpMethods.Post], AuthorizeAsync).DisableAntiforgery().ExcludeFromDescription();
        app.MapMethods(OidcPaths.UserInfo, [HttpMethods.Get, HttpMethods.Post], UserInfoAsync).DisableAntiforgery().ExcludeFromDescription();
        app.MapMethods(OidcPaths.EndSession, [HttpMethods.Get, HttpMethods.Post], EndSessionAsync).DisableAntiforgery().ExcludeFromDescription();
        return app;
    }

    /// <summary>
    /// Without a session, the browser goes to our sign-in page and comes back here after the connector
    /// callback; with one, the code is issued at once: the app's registration by the operator is the
    /// consent (<c>docs/oidc.md</c>), so no consent screen and no <c>prompt=consent</c> is needed for refresh tokens.
    /// </summary>
    public static async Task<IResult> AuthorizeAsync(HttpContext context, UserStore users, CancellationToken ct)
    {
        var request = context.GetOpenIddictServerRequest()
            ?? throw new InvalidOperationException("The OpenID Connect request cannot be retrieved.");
        if (request.HasPromptValue(PromptValues.Login))
        {
            // OIDC Core §3.1.2.1: sign in afresh, then resume the same request without prompt=login (no loop).
            return Results.Redirect(SignInPaths.SignInReturningTo(ResumePath(context, request, withoutLogin: true)));
        }

        var user = await SignedInUserAsync(context, users, ct);
        if (user is null)
        {
            if (request.HasPromptValue(PromptValues.None))
            {
                // OIDC Core §3.1.2.6: prompt=none never shows a page.
                return Refuse(Errors.LoginRequired, "The user is not signed in.");
            }

            return Results.Redirect(SignInPaths.SignInReturningTo(ResumePath(context, request)));
        }

        return Results.SignIn(OidcClaims.Principal(user, request.GetScopes()), properties: null,
            OpenIddictServerAspNetCoreDefaults.AuthenticationScheme);
    }

    public static async Task<IResult> UserInfoAsync(HttpContext context, UserStore users, CancellationToken ct)
    {
        var result = await context.AuthenticateAsync(OpenIddictServerAspNetCoreDefaults.AuthenticationScheme);
        var subject = result.Principal?.GetClaim(Claims.Subject);
        var user = Guid.TryParse(subject, out var id) ? await users.GetUserAsync(id, ct) : null;
        if (user is null)
        {
            // The user was deleted since the token was issued.
            return Results.Challenge(new AuthenticationProperties(new Dictionary<string, string?>
            {
                [OpenIddictServerAspNetCoreConstants.Properties.Error] = Errors.InvalidToken,
                [OpenIddictServerAspNetCoreConstants.Properties.ErrorDescription] = "The user no longer exists.",
            }), [OpenIddictServerAspNetCoreDefaults.AuthenticationScheme]);
        }

        return Results.Json(OidcClaims.UserInfo(user, result.Principal!.GetScopes()));
    }

    /// <summary>
    /// Ends our session, then OpenIddict redirects to the <c>post_logout_redirect_uri</c> it validated
    /// against the app's registration, or to our sign-in page when none was given.
    /// </summary>
    public static async Task<IResult> EndSessionAsync(HttpContext context, CancellationToken ct)
    {
        ct.ThrowIfCancellationRequested();
        await context.SignOutAsync(SessionDefaults.Scheme);
        return Results.SignOut(new AuthenticationProperties { RedirectUri = SignInPaths.SignIn }, [OpenIddictServerAspNetCoreDefaults.AuthenticationScheme]);
    }

    private static async Task<UserRow?> SignedInUserAsync(HttpContext context, UserStore users, CancellationToken ct)
    {
        var session = await context.AuthenticateAsync(SessionDefaults.Scheme);
        var subject = session.Succeeded ? session.Principal.FindFirst(SessionDefaults.UserIdClaim)?.Value : null;
        return Guid.TryParse(subject, out var id) ? await users.GetUserAsync(id, ct) : null;
    }

    /// <summary>This request as a local URL to come back to: a POSTed authorization request becomes its GET form.</summary>
    private static string ResumePath(HttpContext context, OpenIddictRequest request, bool withoutLogin = false)
    {
        if (HttpMethods.IsGet(context.Request.Method) && !withoutLogin)
        {
            return $"{context.Request.PathBase}{context.Request.Path}{context.Request.QueryString}";
        }

        var parameters = new List<KeyValuePair<string, string?>>();
        foreach (var (name, value) in request.GetParameters())
        {
            var text = (string?)value;
            if (withoutLogin && name == Parameters.Prompt)
            {
                text = string.Join(' ', request.GetPromptValues().Where(prompt => prompt != PromptValues.Login));
                if (text.Length == 0)
                {
                    continue;
                }
            }

            parameters.Add(KeyValuePair.Create(name, text));
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
