using Connector.Host.Security;

namespace Connector.Host.SignIn;

/// <summary>
/// Binds a sign-in state to the browser that started it (RFC 9700 §4.7.1, against login CSRF and state
/// theft): a random value in an HttpOnly, SameSite=Lax cookie, stored only as a digest next to the state.
/// </summary>
internal static class BrowserBinding
{
    public const string CookieName = "connectors.binding";

    /// <summary>The browser's binding value, created and set as a cookie on first use.</summary>
    public static string GetOrCreate(HttpContext context)
    {
        if (Current(context) is { } existing)
        {
            return existing;
        }

        var value = Secrets.NewRandom();
        context.Response.Cookies.Append(CookieName, value, new CookieOptions
        {
            HttpOnly = true,
            // Lax: the provider's redirect back to /callback is a top-level GET, which Lax cookies accompany.
            SameSite = SameSiteMode.Lax,
            Secure = context.Request.IsHttps,
            Path = "/",
            IsEssential = true,
        });
        return value;
    }

    public static string? Current(HttpContext context) =>
        context.Request.Cookies.TryGetValue(CookieName, out var value) && value.Length >= 32 ? value : null;
}
