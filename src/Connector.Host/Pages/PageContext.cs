using Microsoft.AspNetCore.WebUtilities;

namespace Connector.Host.Pages;

/// <summary>
/// One request's page setting: the look, and the strings in the visitor's language — OIDC <c>ui_locales</c> (on the
/// request, or on the authorization request it will resume: in <c>returnTo</c>, or in the sign-in state), then
/// <c>Accept-Language</c>, then the default, among the languages the operator enabled. A look that cannot be read (the
/// database is away) is the default.
/// </summary>
public sealed record PageContext(PageLook Look, PageText Text)
{
    private static readonly object Key = new();
    private static readonly object ResumedKey = new();

    internal static async Task<PageContext> ForAsync(HttpContext context)
    {
        if (context.Items[Key] is PageContext known)
        {
            return known;
        }

        var look = new PageLook();
        if (context.RequestServices.GetService<IPageLookSource>() is { } source)
        {
            try
            {
                look = await source.GetAsync(context.RequestAborted);
            }
            catch (Exception exception) when (exception is Npgsql.NpgsqlException or TimeoutException or InvalidOperationException)
            {
                // The page says what went wrong in the service's own look rather than not at all.
            }
        }

        var language = PageLanguages.Choose(UiLocales(context.Request), context.Request.Headers.AcceptLanguage.ToString(), look.Languages, look.DefaultLanguage);
        var page = new PageContext(look, PageText.For(language));
        context.Items[Key] = page;
        return page;
    }

    /// <summary>
    /// The page setting of a surface that is not the sign-in experience's (the console): the service's own look, every
    /// language. Pages this request renders afterwards, error pages included, use it.
    /// </summary>
    internal static PageContext UseServiceLook(HttpContext context) => UseLook(context, new PageLook());

    /// <summary>
    /// The page setting of <paramref name="look"/> instead of the operator's saved one (the console's preview of settings
    /// not saved yet), the language chosen among its languages as for a visitor. Pages this request renders use it.
    /// </summary>
    internal static PageContext UseLook(HttpContext context, PageLook look)
    {
        var language = PageLanguages.Choose(UiLocales(context.Request), context.Request.Headers.AcceptLanguage.ToString(), look.Languages, look.DefaultLanguage);
        var page = new PageContext(look, PageText.For(language));
        context.Items[Key] = page;
        return page;
    }

    /// <summary>
    /// The address this request resumes when it is not in its query (the provider's callback: its sign-in state's
    /// return URL), so that the page keeps the <c>ui_locales</c> of the authorization request behind it.
    /// </summary>
    internal static void Resumes(HttpContext context, string? returnUrl) => context.Items[ResumedKey] = returnUrl;

    private static string? UiLocales(HttpRequest request)
    {
        if (request.Query["ui_locales"].ToString() is { Length: > 0 } direct)
        {
            return direct;
        }

        var returnTo = request.Query["returnTo"].ToString() is { Length: > 0 } asked
            ? asked
            : request.HttpContext.Items[ResumedKey] as string ?? "";
        var query = returnTo.IndexOf('?', StringComparison.Ordinal);
        return query < 0 ? null : QueryHelpers.ParseQuery(returnTo[query..]).TryGetValue("ui_locales", out var locales) ? locales.ToString() : null;
    }
}
