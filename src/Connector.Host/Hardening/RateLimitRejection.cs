using System.Globalization;
using System.Threading.RateLimiting;
using Connector.Host.Configuration;
using Connector.Host.Pages;
using Connector.Host.Problems;
using Microsoft.AspNetCore.RateLimiting;

namespace Connector.Host.Hardening;

/// <summary>
/// The 429 answer: <c>Retry-After</c> in seconds, then a short HTML page for the browser flow or a problem with
/// code <c>rate_limited</c> for the admin API and the token endpoint.
/// </summary>
internal static class RateLimitRejection
{
    public static async ValueTask WriteAsync(OnRejectedContext rejected, RateLimitOptions options, BrowserPaths browserPaths, ILogger logger)
    {
        var context = rejected.HttpContext;
        var (name, limit) = RateLimitPolicy.For(context.Request.Path, options);
        var retryAfter = rejected.Lease.TryGetMetadata(MetadataName.RetryAfter, out var wait) ? wait : TimeSpan.FromSeconds(limit?.WindowSeconds ?? 60);
        var seconds = Math.Max(1, (int)Math.Ceiling(retryAfter.TotalSeconds));
        context.Response.Headers.RetryAfter = seconds.ToString(CultureInfo.InvariantCulture);
        HardeningLog.RateLimited(logger, name, RateLimitPolicy.ClientKey(context.Connection.RemoteIpAddress), context.Request.Path);

        IResult answer = browserPaths.Contains(context.Request.Path)
            ? HtmlPages.Error(StatusCodes.Status429TooManyRequests, ErrorCodes.RateLimited, "errors.rateLimited.title", "errors.rateLimited.message", "/", seconds)
            : ApiProblems.TooManyRequests(seconds);
        await answer.ExecuteAsync(context);
    }
}
