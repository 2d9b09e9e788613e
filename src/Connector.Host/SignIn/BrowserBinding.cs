using System.Text.RegularExpressions;
using Connector.Host.Configuration;
using Connector.Host.Security;
using Microsoft.Extensions.Options;

namespace Connector.Host.SignIn;

/// <summary>
/// Binds a sign-in state to the browser that started it (RFC 9700 §4.7.1, against login CSRF and state
/// theft): a random value in an HttpOnly, SameSite=Lax cookie, stored only as a digest next to the state.
/// </summary>
internal static partial class BrowserBinding
{
    public const string CookieName = "connectors.binding";

    /// <summary>The browser's binding value, created and set as a cookie on first use.</summary>
    public static string GetOrCreate(HttpContext context)
    {
        if (Current(context) is { } existing)
        {
            return existing;
        }

        var options = Options(context);
        var value = Secrets.NewRandom();
        context.Response.Cookies.Append(CookieNames.For(CookieName, options), value, new CookieOptions
        {
            HttpOnly = true,
            // Lax: the provider's redirect back to /callback is a top-level GET, which Lax cookies accompany.
            SameSite = SameSiteMode.Lax,
            Secure = CookieNames.IsHttps(options) || context.Request.IsHttps,
            Path = "/",
            IsEssential = true,
        });
        return value;
    }

    /// <summary>The binding the browser sent, when it has the shape <see cref="Secrets.NewRandom"/> gives (anything else is not ours).</summary>
    public static string? Current(HttpContext context) =>
        context.Request.Cookies.TryGetValue(CookieNames.For(CookieName, Options(context)), out var value) && Shape().IsMatch(value) ? value : null;

    private static ConnectorsOptions Options(HttpContext context) => context.RequestServices.GetRequiredService<IOptions<ConnectorsOptions>>().Value;

    /// <summary>32 random bytes in base64url without padding: 43 characters.</summary>
    [GeneratedRegex("^[A-Za-z0-9_-]{43}$")]
    private static partial Regex Shape();
}
