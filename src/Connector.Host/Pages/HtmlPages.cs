using System.Diagnostics;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Web;

namespace Connector.Host.Pages;

/// <summary>
/// The page kit: every HTML answer of the service is a Razor component rendered on the server inside
/// <see cref="PageLayout"/>, under the strict CSP (stylesheets from here, no script; a relay page its one script file), in the visitor's language and
/// the operator's look (<see cref="PageContext"/>). Error pages show a code from the catalogue and a trace id, never
/// JSON, provider bodies or secrets.
/// </summary>
internal static class HtmlPages
{
    public const string ContentType = "text/html; charset=utf-8";

    /// <summary>The request item a <see cref="Relay{T}"/> answer leaves, for the security headers to send the relay policy.</summary>
    public const string RelayItem = "Connectors.Pages.Relay";

    /// <summary>A page; its component receives the request's <see cref="PageContext"/> as the parameter <c>Page</c>.</summary>
    public static IResult Page<T>(IReadOnlyDictionary<string, object?> parameters, int status = StatusCodes.Status200OK)
        where T : IComponent => new HtmlPage<T>(parameters, status, relay: false);

    /// <summary>
    /// A page that posts a form again by script as soon as it loads (the form_post callback's relay): the one kind of page
    /// with a script, and its POST's answer may redirect to an app on another origin, so its policy has no form-action.
    /// </summary>
    public static IResult Relay<T>(IReadOnlyDictionary<string, object?> parameters)
        where T : IComponent => new HtmlPage<T>(parameters, StatusCodes.Status200OK, relay: true);

    /// <param name="titleKey">The page text key of the title.</param>
    /// <param name="messageKey">The page text key of the message.</param>
    /// <param name="back">Where the page's one link leads (the sign-in page by way of <c>/</c> unless said otherwise).</param>
    public static IResult Error(int status, string code, string titleKey, string messageKey, string back = "/", params object?[] values) =>
        Render(status, code, titleKey, messageKey, back, null, values);

    /// <param name="detail">A technical line shown under the code, for a developer (see <see cref="ErrorPage.Detail"/>).</param>
    public static IResult ErrorWithDetail(int status, string code, string titleKey, string messageKey, string? detail) =>
        Render(status, code, titleKey, messageKey, "/", detail, []);

    private static IResult Render(int status, string code, string titleKey, string messageKey, string back, string? detail, object?[] values) =>
        Page<ErrorPage>(new Dictionary<string, object?>
        {
            [nameof(ErrorPage.Detail)] = detail,
            [nameof(ErrorPage.TitleKey)] = titleKey,
            [nameof(ErrorPage.MessageKey)] = messageKey,
            [nameof(ErrorPage.Values)] = values,
            [nameof(ErrorPage.Code)] = code,
            [nameof(ErrorPage.Back)] = back,
        }, status);

    private sealed class HtmlPage<T>(IReadOnlyDictionary<string, object?> parameters, int status, bool relay) : IResult
        where T : IComponent
    {
        public async Task ExecuteAsync(HttpContext httpContext)
        {
            var page = await PageContext.ForAsync(httpContext);
            // A page is for one visitor at one moment (a return URL, an account, an error's trace id): never cached.
            httpContext.Response.Headers.CacheControl = "no-store";
            if (relay)
            {
                httpContext.Items[RelayItem] = true;
            }

            var all = new Dictionary<string, object?>(parameters) { ["Page"] = page };
            if (typeof(T) == typeof(ErrorPage))
            {
                all[nameof(ErrorPage.TraceId)] = Activity.Current?.TraceId.ToString() ?? httpContext.TraceIdentifier;
            }

            await WriteAsync<T>(httpContext, all, status);
        }
    }

    /// <summary>
    /// Renders <typeparamref name="T"/> as the response, through the framework's static <see cref="HtmlRenderer"/>.
    /// Every page here is static (no interactivity, no forms bound by Blazor, no streaming), so none needs what the
    /// endpoint renderer behind <c>RazorComponentResult</c> sets up for each request (navigation, persisted component
    /// state, form mapping), a quarter of an account page's CPU (docs/benchmarks/round-two-profile.md).
    /// </summary>
    public static async Task WriteAsync<T>(HttpContext httpContext, IDictionary<string, object?> parameters, int status)
        where T : IComponent
    {
        var services = httpContext.RequestServices;
        await using var renderer = new HtmlRenderer(services, services.GetRequiredService<ILoggerFactory>());
        var html = await renderer.Dispatcher.InvokeAsync(async () =>
            (await renderer.RenderComponentAsync<T>(ParameterView.FromDictionary(parameters))).ToHtmlString());
        httpContext.Response.StatusCode = status;
        httpContext.Response.ContentType = ContentType;
        await httpContext.Response.WriteAsync(html, httpContext.RequestAborted);
    }
}
