using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;

namespace Connector.Host.Sessions;

internal static class SessionExtensions
{
    /// <summary>
    /// The session cookie: HttpOnly, SameSite=Lax, Secure over https, its ticket protected by the Data
    /// Protection key ring in PostgreSQL so every instance validates what another issued.
    /// </summary>
    public static IServiceCollection AddEndUserSessions(this IServiceCollection services)
    {
        services.AddAuthentication()
            .AddCookie(SessionDefaults.Scheme, options =>
            {
                options.Cookie.Name = SessionDefaults.CookieName;
                options.Cookie.HttpOnly = true;
                options.Cookie.SameSite = SameSiteMode.Lax;
                options.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
                options.Cookie.IsEssential = true;
                options.ExpireTimeSpan = SessionDefaults.Lifetime;
                options.SlidingExpiration = true;
                // Pages handle "not signed in" themselves and nothing challenges this scheme; if something did, it
                // would get a bare 401/403 rather than a redirect to a login page this scheme knows nothing of.
                options.Events = new CookieAuthenticationEvents
                {
                    OnRedirectToLogin = context => Refuse(context, StatusCodes.Status401Unauthorized),
                    OnRedirectToAccessDenied = context => Refuse(context, StatusCodes.Status403Forbidden),
                };
            });
        return services;
    }

    private static Task Refuse(RedirectContext<CookieAuthenticationOptions> context, int status)
    {
        context.Response.StatusCode = status;
        return Task.CompletedTask;
    }
}
