using Connector.Host.Configuration;
using Connector.Host.Pages;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Options;

namespace Connector.Host.Hardening;

internal static class HardeningExtensions
{
    /// <summary>Abuse limits: per-address rate limits and the admin body cap.</summary>
    public static IServiceCollection AddConnectorsHardening(this IServiceCollection services)
    {
        services.AddSingleton<IValidateOptions<ConnectorsOptions>, RateLimitOptionsValidator>();
        // After the web host's own setup (ASPNETCORE_FORWARDEDHEADERS_ENABLED), so this one has the last word.
        services.AddOptions<ForwardedHeadersOptions>().Configure<IOptions<ConnectorsOptions>>((options, connectors) =>
            TrustedProxies.Configure(options, connectors.Value.ForwardedHeaders));
        services.AddRateLimiter(_ => { });
        services.AddOptions<RateLimiterOptions>().Configure<IOptions<ConnectorsOptions>, BrowserPaths, ILoggerFactory>((options, connectors, browserPaths, loggers) =>
        {
            var limits = connectors.Value.RateLimits;
            var logger = loggers.CreateLogger(typeof(RateLimitRejection).FullName!);
            options.GlobalLimiter = RateLimitPolicy.Create(limits);
            options.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            options.OnRejected = (rejected, _) => RateLimitRejection.WriteAsync(rejected, limits, browserPaths, logger);
        });
        return services;
    }

    /// <summary>
    /// The client's address from a trusted proxy first (the limits count by it), security headers next (so every
    /// answer, 429s included, carries them), then the limits.
    /// </summary>
    public static IApplicationBuilder UseConnectorsHardening(this IApplicationBuilder app)
    {
        app.UseForwardedHeaders();
        app.UseSecurityHeaders();
        app.UseRateLimiter();
        app.UseMiddleware<AdminBodyLimit>();
        return app;
    }
}
