using Connector.Host.Pages;
using Connector.Host.Problems;
using Connector.Host.Sessions;
using Connector.Host.SignIn;
using Connector.Host.Users;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Authentication;

namespace Connector.Host.Console.Access;

/// <summary>Into and out of the console, and the service's root, which leads operators there.</summary>
internal static class ConsoleAccessEndpoints
{
    /// <summary>The anonymous routes: the sign-in page and its form, the return from a connector, and <c>/</c>.</summary>
    public static IEndpointRouteBuilder MapConsoleAccess(this IEndpointRouteBuilder app)
    {
        app.MapGet("/", (Delegate)HomeAsync).ExcludeFromDescription();
        app.MapGet(ConsolePaths.SignIn, ShowSignIn).ExcludeFromDescription();
        // Anti-forgery is checked by the handler (a login CSRF would sign the victim in as the attacker's key).
        app.MapPost(ConsolePaths.SignIn, SignInWithKeyAsync).DisableAntiforgery().ExcludeFromDescription();
        app.MapGet(ConsolePaths.SingleSignOn, SingleSignOnAsync).ExcludeFromDescription();
        return app;
    }

    /// <summary>The signed-in routes of the console itself.</summary>
    public static RouteGroupBuilder MapConsoleSignOut(this RouteGroupBuilder console)
    {
        console.MapPost("/sign-out", async (HttpContext context, ConsoleSessions sessions, CancellationToken ct) =>
        {
            await sessions.SignOutAsync(context, ct);
            return TypedResults.Redirect(ConsolePaths.SignIn);
        });
        return console;
    }

    /// <summary><c>GET /</c>: the console for an operator (by console session, or by a user session with the role), else the sign-in page.</summary>
    private static async Task<IResult> HomeAsync(HttpContext context)
    {
        if ((await context.AuthenticateAsync(ConsoleSessions.Scheme)).Succeeded)
        {
            return TypedResults.Redirect(ConsolePaths.Root);
        }

        return await UserSessions.CurrentAsync(context) is { } session && session.User.Roles.Contains(UserRoles.Operator, StringComparer.Ordinal)
            ? TypedResults.Redirect(ConsolePaths.SingleSignOn)
            : TypedResults.Redirect(SignInPaths.SignIn);
    }

    private static IResult ShowSignIn(HttpContext context, string? returnTo, IAntiforgery antiforgery) =>
        SignInPage(context, antiforgery, ConsolePaths.Back(returnTo), refused: false);

    private static async Task<IResult> SignInWithKeyAsync(HttpContext context, IAntiforgery antiforgery, ConsoleSessions sessions, CancellationToken ct)
    {
        if (!await antiforgery.IsRequestValidAsync(context))
        {
            return FormRefused();
        }

        var form = await context.Request.ReadFormAsync(ct);
        var back = ConsolePaths.Back(form[ConsolePaths.ReturnToParameter]);
        return await sessions.SignInWithKeyAsync(context, form["key"], ct)
            ? TypedResults.Redirect(back)
            : SignInPage(context, antiforgery, back, refused: true);
    }

    /// <summary>Back from a sign-in through a connector: a console session for an operator, a refusal for anyone else.</summary>
    private static async Task<IResult> SingleSignOnAsync(HttpContext context, ConsoleSessions sessions, CancellationToken ct)
    {
        if (await UserSessions.CurrentAsync(context) is not { } session)
        {
            return TypedResults.Redirect(ConsolePaths.SignIn);
        }

        return await sessions.SignInAsOperatorAsync(context, session, ct)
            ? TypedResults.Redirect(ConsolePaths.Root)
            : HtmlPages.Error(StatusCodes.Status403Forbidden, ErrorCodes.Unauthorized, "console.notOperator.title", "console.notOperator.message", ConsolePaths.SignIn);
    }

    /// <summary>A console form that did not carry the token of a console page (forged elsewhere, or from before the key ring changed).</summary>
    public static IResult FormRefused() =>
        HtmlPages.Error(StatusCodes.Status400BadRequest, ErrorCodes.InvalidRequest, "console.formRefused.title", "console.formRefused.message", ConsolePaths.Root);

    private static IResult SignInPage(HttpContext context, IAntiforgery antiforgery, string back, bool refused)
    {
        PageContext.UseServiceLook(context);
        context.Response.Headers.CacheControl = "no-store";
        var tokens = antiforgery.GetAndStoreTokens(context);
        return HtmlPages.Page<ConsoleSignInPage>(new Dictionary<string, object?>
        {
            [nameof(ConsoleSignInPage.AntiforgeryField)] = tokens.FormFieldName,
            [nameof(ConsoleSignInPage.AntiforgeryToken)] = tokens.RequestToken,
            [nameof(ConsoleSignInPage.ReturnTo)] = back,
            [nameof(ConsoleSignInPage.SignInThroughConnector)] = SignInPaths.SignInReturningTo(ConsolePaths.SingleSignOn),
            [nameof(ConsoleSignInPage.Refused)] = refused,
        }, refused ? StatusCodes.Status401Unauthorized : StatusCodes.Status200OK);
    }
}
