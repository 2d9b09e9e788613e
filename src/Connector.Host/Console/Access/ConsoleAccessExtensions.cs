using Connector.Host.Configuration;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.Extensions.Options;

namespace Connector.Host.Console.Access;

internal static class ConsoleAccessExtensions
{
    /// <summary>The console's name for its cookie where the service is served over https: a <c>__Host-</c> cookie is Secure, for this host only, and for every path (RFC 6265bis §4.1.3.2).</summary>
    public const string SecureCookieName = "__Host-connectors.console";

    /// <summary>The name on plain http (development, the demo): browsers refuse a <c>__Host-</c> cookie there.</summary>
    public const string PlainCookieName = "connectors.console";

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
            var https = Uri.TryCreate(connectors.Value.PublicOrigin, UriKind.Absolute, out var origin) && origin.Scheme == Uri.UriSchemeHttps;
            options.Cookie.Name = https ? SecureCookieName : PlainCookieName;
            options.Cookie.SecurePolicy = https ? CookieSecurePolicy.Always : CookieSecurePolicy.SameAsRequest;
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
