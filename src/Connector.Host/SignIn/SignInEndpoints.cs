using Connector.Host.Connectors;
using Connector.Host.Experience;
using Connector.Host.Pages;
using Connector.Host.Sessions;
using Connector.Host.SignIn.Pages;
using Microsoft.AspNetCore.Antiforgery;

namespace Connector.Host.SignIn;

/// <summary>The end user's pages and the authorization-code flow (<c>docs/sign-in-flow.md</c>).</summary>
internal static class SignInEndpoints
{
    public static IEndpointRouteBuilder MapSignIn(this IEndpointRouteBuilder app)
    {
        app.MapGet(SignInPaths.SignIn, ShowSignInAsync).ExcludeFromDescription();
        app.MapGet(SignInPaths.Start, (HttpContext context, string connectorId, string? returnTo, SignInStarter starter, CancellationToken ct) =>
            starter.StartAsync(context, connectorId, returnTo, ct)).ExcludeFromDescription();
        // POST is the form_post response mode's. It comes from the provider's page, which cannot hold our anti-forgery
        // token; the state, bound to the browser and single use, is the callback's protection (RFC 6749 §10.12).
        app.MapMethods(SignInPaths.Callback, [HttpMethods.Get, HttpMethods.Post], (HttpContext context, string connectorId, SignInCallback callback, CancellationToken ct) =>
            callback.CompleteAsync(context, connectorId, ct)).DisableAntiforgery().ExcludeFromDescription();
        app.MapGet(SignInPaths.Account, ShowAccountAsync).ExcludeFromDescription();
        // Anti-forgery is checked by the handler itself, against the token the account page embedded.
        app.MapPost(SignInPaths.SignOut, SignOutAsync).DisableAntiforgery().ExcludeFromDescription();
        return app;
    }

    /// <summary>
    /// The buttons: an app's own connectors in its order when the user came from an app that names some, else the
    /// sign-in experience's; only enabled ones either way.
    /// </summary>
    private static async Task<IResult> ShowSignInAsync(
        string? returnTo, ConnectorStore connectors, ExperienceReader experience, ISignInAudience audience, ReturnUrlPolicy returnUrls, CancellationToken ct)
    {
        var allowed = returnUrls.Allow(returnTo);
        var app = await audience.FindAsync(allowed, ct);
        var order = app is { Connectors.Count: > 0 } ? app.Connectors : (await experience.GetAsync(ct)).Connectors;
        return HtmlPages.Page<SignInPage>(new Dictionary<string, object?>
        {
            [nameof(SignInPage.Connectors)] = SignInButtons.Of(order, await connectors.ListEnabledAsync(ct)),
            [nameof(SignInPage.ReturnTo)] = allowed,
            [nameof(SignInPage.AppName)] = app?.Name,
        });
    }

    private static async Task<IResult> ShowAccountAsync(
        HttpContext context, ConnectorConfigLoader connectors, IAntiforgery antiforgery, CancellationToken ct)
    {
        if (await UserSessions.CurrentAsync(context) is not { } session)
        {
            return TypedResults.Redirect(SignInPaths.SignIn);
        }

        var user = session.User;
        var connector = await connectors.LoadAsync(session.ConnectorId, ct);
        var tokens = antiforgery.GetAndStoreTokens(context);
        return HtmlPages.Page<AccountPage>(new Dictionary<string, object?>
        {
            [nameof(AccountPage.Name)] = user.Name,
            [nameof(AccountPage.Email)] = user.Email,
            [nameof(AccountPage.Avatar)] = user.Avatar,
            [nameof(AccountPage.ConnectorName)] = connector?.Name ?? session.ConnectorId,
            [nameof(AccountPage.AntiforgeryField)] = tokens.FormFieldName,
            [nameof(AccountPage.AntiforgeryToken)] = tokens.RequestToken,
        });
    }

    private static async Task<IResult> SignOutAsync(HttpContext context, IAntiforgery antiforgery, UserSessions sessions, CancellationToken ct)
    {
        if (!await antiforgery.IsRequestValidAsync(context))
        {
            return SignInErrors.SignOutUnconfirmed.Show();
        }

        await sessions.SignOutAsync(context, ct);
        return TypedResults.Redirect(SignInPaths.SignIn);
    }
}
