using System.Globalization;
using System.Net.Sockets;
using Connector.Host.Pages;
using Microsoft.AspNetCore.Diagnostics;
using Npgsql;

namespace Connector.Host.Problems;

/// <summary>
/// PostgreSQL down or unreachable (refused, reset, shut down, timing out) is an outage, not a bug: a 503 with
/// <c>Retry-After</c> (RFC 9110 §15.6.4) and code <c>database_unavailable</c>, as the error page for the browser
/// flow and as a problem elsewhere, never a 500 or exception text. Nothing to undo: each write is one transaction.
/// </summary>
internal sealed partial class DatabaseUnavailableHandler(IProblemDetailsService problems, BrowserPaths browserPaths, ILogger<DatabaseUnavailableHandler> logger) : IExceptionHandler
{
    private const int RetryAfterSeconds = 5;

    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        if (!IsDatabaseUnavailable(exception))
        {
            return false;
        }

        LogUnavailable(logger, httpContext.Request.Path, exception);
        httpContext.Response.StatusCode = StatusCodes.Status503ServiceUnavailable;
        httpContext.Response.Headers.RetryAfter = RetryAfterSeconds.ToString(CultureInfo.InvariantCulture);
        if (browserPaths.Contains(httpContext.Request.Path))
        {
            await HtmlPages.Error(StatusCodes.Status503ServiceUnavailable, ErrorCodes.DatabaseUnavailable, "errors.unavailable.title", "errors.unavailable.message",
                "/", RetryAfterSeconds).ExecuteAsync(httpContext);
            return true;
        }

        return await problems.TryWriteAsync(new ProblemDetailsContext
        {
            HttpContext = httpContext,
            Exception = exception,
            ProblemDetails = ApiProblems.DatabaseUnavailable(RetryAfterSeconds),
        });
    }

    /// <summary>
    /// Npgsql's own transport failures (connection refused or reset, I/O, timeouts: <see cref="NpgsqlException.IsTransient"/>),
    /// or the server saying it is going away or not accepting connections (SQLSTATE classes 08 and 57P, and 53300).
    /// Serialization failures and deadlocks are transient too, but they are our bugs to see, not outages.
    /// </summary>
    public static bool IsDatabaseUnavailable(Exception exception)
    {
        for (var current = exception; current is not null; current = current.InnerException)
        {
            switch (current)
            {
                case PostgresException postgres:
                    return postgres.SqlState.StartsWith("08", StringComparison.Ordinal)
                        || postgres.SqlState.StartsWith("57P", StringComparison.Ordinal)
                        || postgres.SqlState == PostgresErrorCodes.TooManyConnections;
                case NpgsqlException { IsTransient: true }:
                case NpgsqlException { InnerException: SocketException or IOException or TimeoutException }:
                    return true;
            }
        }

        return false;
    }

    [LoggerMessage(EventId = 3201, Level = LogLevel.Warning, Message = "Database unavailable while answering {Path}; answered 503")]
    private static partial void LogUnavailable(ILogger logger, string path, Exception exception);
}
