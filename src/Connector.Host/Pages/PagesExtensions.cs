using System.Text.Encodings.Web;
using System.Text.Unicode;
using Connector.Host.Configuration;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.Extensions.Options;

namespace Connector.Host.Pages;

internal static class PagesExtensions
{
    /// <summary>
    /// Server-rendered Razor components for every page (no interactivity, so no script), rendered by
    /// <see cref="HtmlPages.WriteAsync{T}"/>: Blazor's endpoint services are not registered, as nothing uses them.
    /// </summary>
    public static IServiceCollection AddPages(this IServiceCollection services)
    {
        // Pages are in six languages: let the encoder pass every script through as UTF-8 (the pages say
        // charset=utf-8) instead of writing Japanese or Chinese text as character references, eight times longer.
        services.AddWebEncoders(options => options.TextEncoderSettings = new TextEncoderSettings(UnicodeRanges.All));
        services.AddSingleton<BrowserPaths>();
        // The forms of every page (sign-out, the console) carry a token matched against this cookie.
        services.AddAntiforgery();
        services.AddOptions<AntiforgeryOptions>().Configure<IOptions<ConnectorsOptions>>((options, connectors) =>
        {
            CookieNames.Apply(options.Cookie, "connectors.antiforgery", connectors.Value);
        });
        return services;
    }

    /// <summary>The page kit's own route: the brand colour's stylesheet.</summary>
    public static IEndpointRouteBuilder MapPages(this IEndpointRouteBuilder app) => app.MapBrandStyles();

    /// <summary>Marks paths whose answers are for a person: see <see cref="BrowserPaths"/>.</summary>
    public static IServiceCollection AddBrowserPaths(this IServiceCollection services, params string[] paths)
    {
        foreach (var path in paths)
        {
            services.AddSingleton(new BrowserPaths.Prefix(path));
        }

        return services;
    }
}
