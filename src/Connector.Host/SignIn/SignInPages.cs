using System.Diagnostics;
using Connector.Host.SignIn.Pages;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Connector.Host.SignIn;

/// <summary>The HTML answers of the browser flow: never JSON, never provider bodies or secrets.</summary>
internal static class SignInPages
{
    public static RazorComponentResult<ErrorPage> Error(HttpContext context, int status, string code, string title, string message) =>
        new(new Dictionary<string, object?>
        {
            [nameof(ErrorPage.Title)] = title,
            [nameof(ErrorPage.Message)] = message,
            [nameof(ErrorPage.Code)] = code,
            [nameof(ErrorPage.TraceId)] = Activity.Current?.TraceId.ToString() ?? context.TraceIdentifier,
        })
        { StatusCode = status, ContentType = "text/html; charset=utf-8" };

    public static RazorComponentResult<T> Page<T>(IReadOnlyDictionary<string, object?> parameters, int status = StatusCodes.Status200OK)
        where T : Microsoft.AspNetCore.Components.IComponent =>
        new(parameters) { StatusCode = status, ContentType = "text/html; charset=utf-8" };
}
