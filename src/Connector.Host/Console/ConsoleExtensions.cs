using Connector.Host.Console.Access;
using Connector.Host.Console.Applications;
using Connector.Host.Console.Audit;
using Connector.Host.Console.Connectors;
using Connector.Host.Console.Dashboard;
using Connector.Host.Console.Experience;
using Connector.Host.Console.Users;
using Connector.Host.Pages;
using Microsoft.AspNetCore.Antiforgery;

namespace Connector.Host.Console;

/// <summary>
/// The admin console (<c>docs/console.md</c>): another face of the services the admin API calls, never a second
/// implementation. Each section is a folder that maps its own pages into the signed-in group.
/// </summary>
internal static class ConsoleExtensions
{
    public static IServiceCollection AddConsole(this IServiceCollection services) =>
        services.AddConsoleAccess().AddConsoleConnectors().AddBrowserPaths(ConsolePaths.Root);

    public static IEndpointRouteBuilder MapConsole(this IEndpointRouteBuilder app)
    {
        app.MapConsoleAccess();
        var console = app.MapGroup(ConsolePaths.Root)
            .RequireAuthorization(ConsoleSessions.Policy)
            .ExcludeFromDescription()
            // Form binding would ask for ASP.NET Core's anti-forgery middleware; the filter below checks every POST instead.
            .DisableAntiforgery()
            .AddEndpointFilter(RefuseForgedForms);
        console.MapConsoleSignOut();
        console.MapDashboard();
        console.MapConsoleExperience();
        console.MapConsoleApplications();
        console.MapConsoleConnectors();
        console.MapConsoleUsers();
        console.MapConsoleAudit();
        return app;
    }

    /// <summary>Every POST of the console carries the token of a console page of this operator, or is refused before it does anything.</summary>
    private static async ValueTask<object?> RefuseForgedForms(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var http = context.HttpContext;
        if (!HttpMethods.IsGet(http.Request.Method) && !HttpMethods.IsHead(http.Request.Method)
            && !await http.RequestServices.GetRequiredService<IAntiforgery>().IsRequestValidAsync(http))
        {
            return ConsoleAccessEndpoints.FormRefused();
        }

        return await next(context);
    }
}
