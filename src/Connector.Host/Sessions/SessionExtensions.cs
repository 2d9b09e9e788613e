using Connector.Host.Configuration;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.Extensions.Options;

namespace Connector.Host.Sessions;

internal static class SessionExtensions
{
    /// <summary>
    /// The session cookie: HttpOnly, SameSite=Lax, Secure and <c>__Host-</c> over https (<see cref="CookieNames"/>), its ticket protected by the Data Protection
    /// key ring in PostgreSQL so every instance validates what another issued, and checked against the database on
    /// every read (<see cref="UserSessions.ValidateAsync"/>).
    /// </summary>
    public static IServiceCollection AddEndUserSessions(this IServiceCollection services)
    {
        services.AddSingleton<RevokedSessionStore>();
        services.AddSingleton<UserSessions>();
        services.AddHostedService<RevokedSessionCleanup>();
        services.AddAuthentication()
            .AddCookie(SessionDefaults.Scheme, options =>
            {
                options.Cookie.HttpOnly = true;
                options.Cookie.SameSite = SameSiteMode.Lax;
                options.Cookie.IsEssential = true;
                options.SlidingExpiration = true;
                // Pages handle "not signed in" themselves and nothing challenges this scheme; if something did, it
                // would get a bare 401/403 rather than a redirect to a login page this scheme knows nothing of.
                options.Events = new CookieAuthenticationEvents
                {
                    OnValidatePrincipal = ValidateAsync,
                    OnRedirectToLogin = context => Refuse(context, StatusCodes.Status401Unauthorized),
                    OnRedirectToAccessDenied = context => Refuse(context, StatusCodes.Status403Forbidden),
                };
            });
        services.AddOptions<CookieAuthenticationOptions>(SessionDefaults.Scheme)
            .Configure<IOptions<ConnectorsOptions>>((options, connectors) =>
            {
                options.ExpireTimeSpan = connectors.Value.Sessions.Sliding;
                CookieNames.Apply(options.Cookie, SessionDefaults.CookieName, connectors.Value);
            });
        return services;
    }

    private static async Task ValidateAsync(CookieValidatePrincipalContext context)
    {
        var sessions = context.HttpContext.RequestServices.GetRequiredService<UserSessions>();
        if (context.Principal is { } principal && await sessions.ValidateAsync(principal, context.HttpContext.RequestAborted) is { } session)
        {
            UserSessions.Remember(context.HttpContext, session);
            return;
        }

        context.RejectPrincipal();
        await context.HttpContext.SignOutAsync(SessionDefaults.Scheme);
    }

    private static Task Refuse(RedirectContext<CookieAuthenticationOptions> context, int status)
    {
        context.Response.StatusCode = status;
        return Task.CompletedTask;
    }
}
