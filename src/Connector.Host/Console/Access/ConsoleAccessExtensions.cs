using Connector.Host.Configuration;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.Extensions.Options;

namespace Connector.Host.Console.Access;

internal static class ConsoleAccessExtensions
{
    /// <summary>The console cookie's name (<c>__Host-</c> prefixed over https, <see cref="CookieNames"/>).</summary>
    public const string CookieName = "connectors.console";

    /// <summary>
    /// The console session cookie: HttpOnly, SameSite=Strict (the console links to itself; nothing from another site
    /// should arrive signed in), the ticket protected by the shared Data Protection key ring, expiring 12 hours after
    /// sign-in whatever happens in between, and checked against the database on every read.
    /// </summary>
    public static IServiceCollection AddConsoleAccess(this IServiceCollection services)
    {
        services.AddSingleton<ConsoleSessions>();
        services.AddAuthentication().AddCookie(ConsoleSessions.Scheme, options =>
        {
            options.Cookie.HttpOnly = true;
            options.Cookie.SameSite = SameSiteMode.Strict;
            options.Cookie.Path = "/";
            options.Cookie.IsEssential = true;
            options.ExpireTimeSpan = ConsoleSessions.Lifetime;
            options.SlidingExpiration = false;
            options.Events = new CookieAuthenticationEvents
            {
                OnValidatePrincipal = ValidateAsync,
                OnRedirectToLogin = context =>
                {
                    var back = context.Request.Method == HttpMethods.Get ? context.Request.Path + context.Request.QueryString : (string)ConsolePaths.Root;
                    context.Response.Redirect($"{ConsolePaths.SignIn}?{ConsolePaths.ReturnToParameter}={Uri.EscapeDataString(ConsolePaths.Back(back))}");
                    return Task.CompletedTask;
                },
            };
        });
        services.AddOptions<CookieAuthenticationOptions>(ConsoleSessions.Scheme).Configure<IOptions<ConnectorsOptions>>((options, connectors) =>
        {
            CookieNames.Apply(options.Cookie, CookieName, connectors.Value);
        });
        services.AddAuthorizationBuilder()
            .AddPolicy(ConsoleSessions.Policy, policy => policy.AddAuthenticationSchemes(ConsoleSessions.Scheme).RequireAuthenticatedUser());
        return services;
    }

    private static async Task ValidateAsync(CookieValidatePrincipalContext context)
    {
        var sessions = context.HttpContext.RequestServices.GetRequiredService<ConsoleSessions>();
        if (context.Principal is { } principal && await sessions.ValidateAsync(principal, context.HttpContext.RequestAborted) is { } who)
        {
            ConsoleSessions.Remember(context.HttpContext, who);
            return;
        }

        context.RejectPrincipal();
        await context.HttpContext.SignOutAsync(ConsoleSessions.Scheme);
    }
}
