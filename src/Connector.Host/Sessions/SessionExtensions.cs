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
                options.LoginPath = "/sign-in";
                options.ReturnUrlParameter = "returnTo";
                // Pages handle "not signed in" themselves; an API-style 401/403 never reaches a browser page.
                options.Events = new CookieAuthenticationEvents();
            });
        return services;
    }
}
