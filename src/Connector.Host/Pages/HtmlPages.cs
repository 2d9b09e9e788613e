using System.Diagnostics;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Connector.Host.Pages;

/// <summary>
/// The page kit: every HTML answer of the service is a Razor component rendered on the server inside
/// <see cref="PageLayout"/>, under the strict CSP (one stylesheet, no script). Error pages show a code from the
/// catalogue and a trace id, never JSON, provider bodies or secrets.
/// </summary>
internal static class HtmlPages
{
    public const string ContentType = "text/html; charset=utf-8";

    public static RazorComponentResult<T> Page<T>(IReadOnlyDictionary<string, object?> parameters, int status = StatusCodes.Status200OK)
        where T : IComponent =>
        new(parameters) { StatusCode = status, ContentType = ContentType };

    /// <param name="back">Where the page's one link leads (the sign-in page by way of <c>/</c> unless said otherwise).</param>
    public static RazorComponentResult<ErrorPage> Error(HttpContext context, int status, string code, string title, string message, string back = "/") =>
        Page<ErrorPage>(new Dictionary<string, object?>
        {
            [nameof(ErrorPage.Title)] = title,
            [nameof(ErrorPage.Message)] = message,
            [nameof(ErrorPage.Code)] = code,
            [nameof(ErrorPage.TraceId)] = Activity.Current?.TraceId.ToString() ?? context.TraceIdentifier,
            [nameof(ErrorPage.Back)] = back,
        }, status);
}
