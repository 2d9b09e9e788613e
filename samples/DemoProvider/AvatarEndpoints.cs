using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace DemoProvider;

/// <summary>
/// <c>GET /avatar/{id}.svg</c>: a picture for every demo user, drawn from the user id alone (a 5×5 mirrored
/// pattern in a colour of the id), so userinfo can give a <c>picture</c> URL without loading anything from
/// elsewhere. The same id always draws the same picture.
/// </summary>
public static partial class AvatarEndpoints
{
    public const string PathPrefix = "/avatar/";

    public static void MapDemoAvatars(this WebApplication app) =>
        app.MapGet(PathPrefix + "{file}", (string file) =>
            AvatarFile().Match(file) is { Success: true } match
                ? Results.Text(Draw(match.Groups["id"].Value), "image/svg+xml; charset=utf-8")
                : Results.NotFound());

    /// <summary>The picture URL of a user, on the origin the caller reached this provider at.</summary>
    public static string UrlFor(HttpRequest request, string userId) =>
        $"{request.Scheme}://{request.Host}{request.PathBase}{PathPrefix}{userId}.svg";

    /// <summary>Ids are 16 lowercase hex digits (AuthorizeEndpoints derives them from the name).</summary>
    [GeneratedRegex("^(?<id>[0-9a-f]{16})\\.svg$")]
    private static partial Regex AvatarFile();

    private static string Draw(string id)
    {
        var bits = ulong.Parse(id, NumberStyles.HexNumber, CultureInfo.InvariantCulture);
        var hue = (int)(bits % 360);
        var svg = new StringBuilder(1024);
        svg.Append(CultureInfo.InvariantCulture,
            $"""<svg xmlns="http://www.w3.org/2000/svg" width="96" height="96" viewBox="0 0 8 8" shape-rendering="crispEdges"><rect width="8" height="8" fill="hsl({hue},45%,92%)"/>""");
        for (var row = 0; row < 5; row++)
        {
            for (var column = 0; column < 3; column++)
            {
                // Bits above the hue's: 15 cells, the two left columns mirrored to the right.
                if ((bits >> (16 + (row * 3) + column) & 1) == 0)
                {
                    continue;
                }

                int[] columns = column == 2 ? [2] : [column, 4 - column];
                foreach (var x in columns)
                {
                    svg.Append(CultureInfo.InvariantCulture,
                        $"""<rect x="{x + 1.5}" y="{row + 1.5}" width="1" height="1" fill="hsl({hue},55%,42%)"/>""");
                }
            }
        }

        return svg.Append("</svg>").ToString();
    }
}
