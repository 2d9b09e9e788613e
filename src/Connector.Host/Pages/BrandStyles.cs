using System.Globalization;
using System.Text.RegularExpressions;

namespace Connector.Host.Pages;

/// <summary>
/// The brand colour as a stylesheet of its own, <c>/assets/brand.css?c=rrggbb</c> (the CSP allows no inline style):
/// the colour for buttons and the text colour on them — black or white, whichever contrasts more (WCAG 2.2 §1.4.3;
/// the better of the two is always above 4.5:1). Made from the query alone, so it never changes and is cached for good.
/// </summary>
internal static partial class BrandStyles
{
    public const string Path = "/assets/brand.css";

    public static string? UrlFor(string? color) => color is not null && HexColor().IsMatch(color) ? $"{Path}?c={color[1..].ToLowerInvariant()}" : null;

    public static IEndpointRouteBuilder MapBrandStyles(this IEndpointRouteBuilder app)
    {
        app.MapGet(Path, (HttpContext context, string? c) =>
        {
            if (c is null || !HexColor().IsMatch("#" + c))
            {
                return Results.NotFound();
            }

            context.Response.Headers.CacheControl = "public, max-age=31536000, immutable";
            var onBrand = Contrast(c, "ffffff") >= Contrast(c, "000000") ? "#ffffff" : "#000000";
            return Results.Text($":root {{ --accent: #{c}; --on-accent: {onBrand}; }}\n", "text/css; charset=utf-8");
        }).ExcludeFromDescription();
        return app;
    }

    /// <summary>WCAG 2.2 contrast ratio of two sRGB colours.</summary>
    public static double Contrast(string a, string b)
    {
        var (first, second) = (Luminance(a), Luminance(b));
        return (Math.Max(first, second) + 0.05) / (Math.Min(first, second) + 0.05);
    }

    private static double Luminance(string hex)
    {
        double Channel(int offset)
        {
            var value = int.Parse(hex.AsSpan(offset, 2), NumberStyles.HexNumber, CultureInfo.InvariantCulture) / 255.0;
            return value <= 0.04045 ? value / 12.92 : Math.Pow((value + 0.055) / 1.055, 2.4);
        }

        return (0.2126 * Channel(0)) + (0.7152 * Channel(2)) + (0.0722 * Channel(4));
    }

    [GeneratedRegex("^#[0-9a-fA-F]{6}$")]
    private static partial Regex HexColor();
}
