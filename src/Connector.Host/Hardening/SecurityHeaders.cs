using Connector.Host.Configuration;
using Connector.Host.Console;
using Connector.Host.Oidc;
using Connector.Host.Pages;
using Microsoft.Extensions.Options;

namespace Connector.Host.Hardening;

/// <summary>
/// Headers on every answer, set as it starts (so error pages and 429s carry them too): no MIME sniffing, no framing
/// (clickjacking), no Referer (a callback URL carries the code and state), and a Content-Security-Policy under which
/// our pages (server-rendered, no scripts, one stylesheet) load nothing but that stylesheet and images; the form_post
/// relay page also its one script file (<see cref="RelayPolicy"/>).
/// </summary>
internal static class SecurityHeaders
{
    /// <summary>
    /// Our pages: no script at all; forms post only here (the sign-out form; providers are reached by GET redirects).
    /// Images may come from any https origin: connector logos and avatars live at the providers.
    /// </summary>
    public const string PagePolicy =
        "default-src 'none'; style-src 'self'; img-src 'self' https: data:; form-action 'self'; frame-ancestors 'none'; base-uri 'none'";

    /// <summary>
    /// <c>/oidc/auth</c> may answer with OpenIddict's <c>response_mode=form_post</c> page: a form to the app's registered
    /// redirect URI (another origin, so no form-action) submitted by one fixed inline script, allowed by its hash.
    /// </summary>
    public const string AuthorizationPolicy =
        "default-src 'none'; script-src 'sha256-j7OoGArf6XW6YY4cAyS3riSSvrJRqpSi1fOF9vQ5SrI='; style-src 'self'; img-src 'self' https: data:; frame-ancestors 'none'; base-uri 'none'";

    /// <summary>
    /// The console: the page policy plus its one script file from this service (copy buttons, the live preview; never
    /// inline), and frames of this service only — the sign-in experience's preview of the real sign-in page.
    /// </summary>
    public const string ConsolePolicy =
        "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' https: data:; form-action 'self'; frame-src 'self'; frame-ancestors 'none'; base-uri 'none'";

    /// <summary>The preview itself: a sign-in page that only the console may frame, whose links go nowhere but its frame.</summary>
    public const string PreviewPolicy =
        "default-src 'none'; style-src 'self'; img-src 'self' https: data:; form-action 'none'; frame-ancestors 'self'; base-uri 'none'";

    /// <summary>
    /// A form_post callback's relay page (<see cref="HtmlPages.Relay{T}"/>): the page policy plus its one script file from
    /// this service. No form-action: the relayed POST's answer redirects to the sign-in's return target, which may be an
    /// app's origin or <c>/oidc/auth</c> and then the app's redirect URI, and Chromium holds a form's redirects to
    /// form-action too. The form's action is fixed by the server and nothing posted is rendered unescaped.
    /// </summary>
    public const string RelayPolicy =
        "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' https: data:; frame-ancestors 'none'; base-uri 'none'";

    /// <summary>The API reference (Scalar) runs its own scripts from this assembly; it is still never framed.</summary>
    public const string ReferencePolicy = "frame-ancestors 'none'; base-uri 'none'";

    /// <summary>
    /// With <c>Connectors:AllowInsecureEndpoints</c> (development, tests, demos) providers live on http loopback, and
    /// so do their avatars (the demo provider draws its own): those images may show too. Still no script. No
    /// <c>http://[::1]:*</c>: a CSP host-source has no form for an IPv6 literal, and Chromium logs it as invalid.
    /// </summary>
    public const string LoopbackImages = " http://localhost:* http://127.0.0.1:*";

    public static IApplicationBuilder UseSecurityHeaders(this IApplicationBuilder app)
    {
        var options = app.ApplicationServices.GetRequiredService<IOptions<ConnectorsOptions>>().Value;
        var loopbackImages = options.AllowInsecureEndpoints;
        var https = CookieNames.IsHttps(options);
        return app.Use((context, next) =>
        {
            context.Response.OnStarting(() => Apply(context, loopbackImages, https));
            return next(context);
        });
    }

    /// <param name="relay">The answer is a relay page (<see cref="HtmlPages.RelayItem"/>), wherever it is.</param>
    public static string PolicyFor(PathString path, bool loopbackImages, bool relay = false)
    {
        var policy = relay ? RelayPolicy
            : path.StartsWithSegments(OidcPaths.Authorization) ? AuthorizationPolicy
            : path.StartsWithSegments("/scalar") ? ReferencePolicy
            : path.StartsWithSegments(ConsolePaths.Preview) ? PreviewPolicy
            : path.StartsWithSegments(ConsolePaths.Root) ? ConsolePolicy
            : PagePolicy;
        return loopbackImages ? policy.Replace("img-src 'self' https: data:", "img-src 'self' https: data:" + LoopbackImages, StringComparison.Ordinal) : policy;
    }

    /// <summary>
    /// HSTS (RFC 6797) when the public origin is https, on every answer: behind a TLS-terminating proxy the request
    /// reaching us is plain http, so ASP.NET Core's own middleware would never send it. A year, this host only
    /// (subdomains may be other services).
    /// </summary>
    public const string StrictTransportSecurity = "max-age=31536000";

    private static Task Apply(HttpContext context, bool loopbackImages, bool https)
    {
        var headers = context.Response.Headers;
        if (https)
        {
            headers.StrictTransportSecurity = StrictTransportSecurity;
        }

        headers.XContentTypeOptions = "nosniff";
        headers.XFrameOptions = context.Request.Path.StartsWithSegments(ConsolePaths.Preview) ? "SAMEORIGIN" : "DENY";
        headers["Referrer-Policy"] = "no-referrer";
        headers.ContentSecurityPolicy = PolicyFor(context.Request.Path, loopbackImages, context.Items.ContainsKey(HtmlPages.RelayItem));
        return Task.CompletedTask;
    }
}
