using Connector.Host.Console.Access;
using Connector.Host.Pages;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Components;

namespace Connector.Host.Console.Kit;

/// <summary>
/// Console answers. A page is a Razor component rendered on the server inside <see cref="ConsoleLayout"/> and handed a
/// <see cref="ConsoleContext"/> as its parameter <c>Console</c>; it is never cached (it shows users and settings).
/// After a change, the console redirects (POST, then GET: a reload does not repeat it) with a notice naming what was
/// done; only notices that are page texts show.
/// </summary>
internal static class ConsolePages
{
    public const string NoticeParameter = "notice";

    /// <summary>A console page of <paramref name="section"/> (one of <see cref="ConsoleSections"/>).</summary>
    public static IResult Page<T>(string section, IReadOnlyDictionary<string, object?> parameters, int status = StatusCodes.Status200OK)
        where T : IComponent => new ConsolePage<T>(section, parameters, status);

    private const string NoticePrefix = "console.notice.";

    /// <summary>
    /// Back to a console page after a change; <paramref name="notice"/> is a page text key <c>console.notice.…</c>, and
    /// <paramref name="fragment"/> the id of the element the change was about (console.js moves the focus there).
    /// </summary>
    public static IResult Redirect(string path, string? notice = null, string? fragment = null)
    {
        var target = path;
        if (notice is not null)
        {
            if (!notice.StartsWith(NoticePrefix, StringComparison.Ordinal))
            {
                throw new ArgumentException($"A notice is a page text key under {NoticePrefix}.", nameof(notice));
            }

            var separator = path.Contains('?', StringComparison.Ordinal) ? '&' : '?';
            target = $"{path}{separator}{NoticeParameter}={Uri.EscapeDataString(notice[NoticePrefix.Length..])}";
        }

        return TypedResults.Redirect(fragment is null ? target : $"{target}#{Uri.EscapeDataString(fragment)}");
    }

    private sealed class ConsolePage<T>(string section, IReadOnlyDictionary<string, object?> parameters, int status) : IResult
        where T : IComponent
    {
        public async Task ExecuteAsync(HttpContext httpContext)
        {
            var who = ConsoleSessions.Current(httpContext) ?? throw new InvalidOperationException("A console page was rendered outside the console's policy.");
            var page = PageContext.UseServiceLook(httpContext);
            var tokens = httpContext.RequestServices.GetRequiredService<IAntiforgery>().GetAndStoreTokens(httpContext);
            var notice = httpContext.Request.Query[NoticeParameter].ToString() is { Length: > 0 } key && page.Text.Has(NoticePrefix + key)
                ? page.Text[NoticePrefix + key]
                : null;
            var console = new ConsoleContext(page, who, section, tokens.FormFieldName, tokens.RequestToken!, notice);
            httpContext.Response.Headers.CacheControl = "no-store";
            await HtmlPages.WriteAsync<T>(httpContext, new Dictionary<string, object?>(parameters) { ["Console"] = console }, status);
        }
    }
}
