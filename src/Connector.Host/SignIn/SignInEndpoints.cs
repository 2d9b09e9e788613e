using Connector.Host.Persistence;
using Connector.Host.Sessions;
using Connector.Host.SignIn.Pages;
using Microsoft.AspNetCore.Antiforgery;

namespace Connector.Host.SignIn;

/// <summary>The end user's pages and the authorization-code flow (DESIGN.md, End-user flow).</summary>
internal static class SignInEndpoints
{
    public static IEndpointRouteBuilder MapSignIn(this IEndpointRouteBuilder app)
    {
        app.MapGet("/sign-in", ShowSignInAsync);
        app.MapGet("/sign-in/{connectorId}", (HttpContext context, string connectorId, string? returnTo, SignInStarter starter, CancellationToken ct) =>
            starter.StartAsync(context, connectorId, returnTo, ct));
        app.MapGet("/callback/{connectorId}", (HttpContext context, string connectorId, SignInCallback callback, CancellationToken ct) =>
            callback.CompleteAsync(context, connectorId, ct));
        app.MapGet("/account", ShowAccountAsync);
        // Anti-forgery is checked by the handler itself, against the token the account page embedded.
        app.MapPost("/sign-out", SignOutAsync).DisableAntiforgery();
        return app;
    }

    private static async Task<IResult> ShowSignInAsync(string? returnTo, ConnectorStore connectors, ReturnUrlPolicy returnUrls, CancellationToken ct)
    {
        var options = (await connectors.ListAsync(ct))
            .Where(row => row.Enabled)
            .Select(row => new SignInOption(row.Id, row.Name, row.LogoUrl))
            .ToList();
        return SignInPages.Page<SignInPage>(new Dictionary<string, object?>
        {
            [nameof(SignInPage.Connectors)] = options,
            [nameof(SignInPage.ReturnTo)] = returnUrls.Allow(returnTo),
        });
    }

    private static async Task<IResult> ShowAccountAsync(HttpContext context, AccountReader accounts, IAntiforgery antiforgery, CancellationToken ct)
    {
        var session = await SessionIssuer.CurrentAsync(context);
        var account = session is { } s ? await accounts.GetAsync(s.UserId, s.ConnectorId, ct) : null;
        if (account is null)
        {
            return TypedResults.Redirect("/sign-in");
        }

        var tokens = antiforgery.GetAndStoreTokens(context);
        return SignInPages.Page<AccountPage>(new Dictionary<string, object?>
        {
            [nameof(AccountPage.Name)] = account.Name,
            [nameof(AccountPage.Email)] = account.Email,
            [nameof(AccountPage.Avatar)] = account.Avatar,
            [nameof(AccountPage.ConnectorName)] = account.ConnectorName,
            [nameof(AccountPage.AntiforgeryField)] = tokens.FormFieldName,
            [nameof(AccountPage.AntiforgeryToken)] = tokens.RequestToken,
        });
    }

    private static async Task<IResult> SignOutAsync(HttpContext context, IAntiforgery antiforgery)
    {
        if (!await antiforgery.IsRequestValidAsync(context))
        {
            return SignInPages.Error(context, StatusCodes.Status400BadRequest, "invalid_request",
                "Sign-out could not be confirmed", "The sign-out form was not sent by this site. Open your account page and try again.");
        }

        await SessionIssuer.SignOutAsync(context);
        return TypedResults.Redirect("/sign-in");
    }
}
