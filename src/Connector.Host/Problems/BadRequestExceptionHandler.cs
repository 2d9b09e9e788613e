using Microsoft.AspNetCore.Diagnostics;

namespace Connector.Host.Problems;

/// <summary>Turns a request the framework could not bind (a query value of the wrong type) into a 400 problem.</summary>
internal sealed class BadRequestExceptionHandler(IProblemDetailsService problems) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        if (exception is not BadHttpRequestException badRequest)
        {
            return false;
        }

        httpContext.Response.StatusCode = badRequest.StatusCode;
        return await problems.TryWriteAsync(new ProblemDetailsContext
        {
            HttpContext = httpContext,
            Exception = exception,
            ProblemDetails = ApiProblems.BadRequest(badRequest.StatusCode, badRequest.Message),
        });
    }
}
