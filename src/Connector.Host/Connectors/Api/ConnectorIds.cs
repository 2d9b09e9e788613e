using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;

namespace Connector.Host.Connectors.Api;

/// <summary>Connector ids: slugs that appear in redirect URIs (<c>/callback/{id}</c>).</summary>
internal static partial class ConnectorIds
{
    private const int BaseLength = 50;

    /// <summary><c>\z</c>, not <c>$</c>: <c>$</c> would accept a trailing newline.</summary>
    [GeneratedRegex(@"^[a-z0-9-]{1,64}\z", RegexOptions.CultureInvariant)]
    public static partial Regex Pattern();

    /// <summary>A readable id from the display name: "GitHub Enterprise" → <c>github-enterprise</c>.</summary>
    public static string FromName(string name)
    {
        var slug = new StringBuilder(name.Length);
        foreach (var c in name.ToLowerInvariant())
        {
            if (c is >= 'a' and <= 'z' or >= '0' and <= '9')
            {
                slug.Append(c);
            }
            else if (slug.Length > 0 && slug[^1] != '-')
            {
                slug.Append('-');
            }
        }

        var id = slug.ToString().Trim('-');
        id = id.Length > BaseLength ? id[..BaseLength].TrimEnd('-') : id;
        return id.Length == 0 ? "connector" : id;
    }

    /// <summary>The base with a random suffix, for when the readable id is taken.</summary>
    public static string WithSuffix(string baseId) => $"{baseId}-{RandomNumberGenerator.GetHexString(6, lowercase: true)}";
}
