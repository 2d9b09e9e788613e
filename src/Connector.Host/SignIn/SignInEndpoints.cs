using Connector.Host.Connectors;
using Connector.Host.Pages;
using Connector.Host.Sessions;
using Connector.Host.SignIn.Pages;
using Connector.Host.Users;
using Microsoft.AspNetCore.Antiforgery;

namespace Connector.Host.SignIn;

/// <summary>The end user's pages and the authorization-code flow (<c>docs/sign-in-flow.md</c>).</summary>
internal static class SignInEndpoints
{
    public static IEndpointRouteBuilder MapSignIn(this IEndpointRouteBuilder app)
    {
        app.MapGet(SignInPaths.Home, () => TypedResults.Redirect(SignInPaths.SignIn)).ExcludeFromDescription();
        app.MapGet(SignInPaths.SignIn, ShowSignInAsync).ExcludeFromDescription();
        app.MapGet(SignInPaths.Start, (HttpContext context, string connectorId, string? returnTo, SignInStarter starter, CancellationToken ct) =>
            starter.StartAsync(context, connectorId, returnTo, ct)).ExcludeFromDescription();
        app.MapGet(SignInPaths.Callback, (HttpContext context, string connectorId, SignInCallback callback, CancellationToken ct) =>
            callback.CompleteAsync(context, connectorId, ct)).ExcludeFromDescription();
        app.MapGet(SignInPaths.Account, ShowAccountAsync).ExcludeFromDescription();
        // Anti-forgery is checked by the handler itself, against the token the account page embedded.
        app.MapPost(SignInPaths.SignOut, SignOutAsync).DisableAntiforgery().ExcludeFromDescription();
        return app;
    }

    private static async Task<IResult> ShowSignInAsync(string? returnTo, ConnectorStore connectors, ReturnUrlPolicy returnUrls, CancellationToken ct) =>
        HtmlPages.Page<SignInPage>(new Dictionary<string, object?>
        {
            [nameof(SignInPage.Connectors)] = await connectors.ListEnabledAsync(ct),
            [nameof(SignInPage.ReturnTo)] = returnUrls.Allow(returnTo),
        });

    private static async Task<IResult> ShowAccountAsync(
        HttpContext context, UserStore users, ConnectorConfigLoader connectors, IAntiforgery antiforgery, CancellationToken ct)
    {
        var session = await SessionIssuer.CurrentAsync(context);
        var user = session is { } s ? await users.GetUserAsync(s.UserId, ct) : null;
        if (user is null)
        {
            return TypedResults.Redirect(SignInPaths.SignIn);
        }

        var connector = await connectors.LoadAsync(session!.Value.ConnectorId, ct);
        var tokens = antiforgery.GetAndStoreTokens(context);
        return HtmlPages.Page<AccountPage>(new Dictionary<string, object?>
        {
            [nameof(AccountPage.Name)] = user.Name,
            [nameof(AccountPage.Email)] = user.Email,
            [nameof(AccountPage.Avatar)] = user.Avatar,
            [nameof(AccountPage.ConnectorName)] = connector?.Name ?? session.Value.ConnectorId,
            [nameof(AccountPage.AntiforgeryField)] = tokens.FormFieldName,
            [nameof(AccountPage.AntiforgeryToken)] = tokens.RequestToken,
        });
    }

    private static async Task<IResult> SignOutAsync(HttpContext context, IAntiforgery antiforgery)
    {
        if (!await antiforgery.IsRequestValidAsync(context))
        {
            return SignInErrors.SignOutUnconfirmed.Show(context);
        }

        await SessionIssuer.SignOutAsync(context);
        return TypedResults.Redirect(SignInPaths.SignIn);
    }
}
