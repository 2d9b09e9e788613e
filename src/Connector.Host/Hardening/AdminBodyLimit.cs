using Connector.Host.AdminApi;
using Connector.Host.Problems;
using Microsoft.AspNetCore.Http.Features;

namespace Connector.Host.Hardening;

/// <summary>
/// Admin API bodies stop at 64 KiB (a connector config is a few hundred bytes): a declared larger body is refused
/// before it is read, an undeclared one (chunked) as soon as it passes the limit; either way <c>413</c> with code
/// <c>request_too_large</c>. Kestrel's own limit is lowered too, so it stops reading from the socket.
/// </summary>
internal sealed class AdminBodyLimit(RequestDelegate next, ILogger<AdminBodyLimit> logger)
{
    public const long MaxBytes = 64 * 1024;

    public async Task InvokeAsync(HttpContext context)
    {
        if (!context.Request.Path.StartsWithSegments(AdminApiPaths.Root))
        {
            await next(context);
            return;
        }

        if (context.Request.ContentLength > MaxBytes)
        {
            await RefuseAsync(context);
            return;
        }

        if (context.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } feature)
        {
            feature.MaxRequestBodySize = MaxBytes;
        }

        context.Request.Body = new LimitedReadStream(context.Request.Body, MaxBytes);
        try
        {
            await next(context);
        }
        catch (BadHttpRequestException ex) when (ex.StatusCode == StatusCodes.Status413PayloadTooLarge && !context.Response.HasStarted)
        {
            context.Response.Clear();
            await RefuseAsync(context);
        }
    }

    private Task RefuseAsync(HttpContext context)
    {
        HardeningLog.BodyTooLarge(logger, MaxBytes, context.Request.Path);
        return ApiProblems.TooLarge(MaxBytes).ExecuteAsync(context);
    }
}
