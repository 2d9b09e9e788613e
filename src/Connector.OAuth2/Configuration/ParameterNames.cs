using System.Text;

namespace Connector.OAuth2.Configuration;

/// <summary>Turns a <c>customConfig</c> key into the parameter name Logto sends (<c>accessType</c> → <c>access_type</c>).</summary>
public static class ParameterNames
{
    public static string ToSnakeCase(string key)
    {
        if (!NeedsChange(key))
        {
            return key;
        }

        var builder = new StringBuilder(key.Length + 4);
        for (var i = 0; i < key.Length; i++)
        {
            var c = key[i];
            if (char.IsUpper(c))
            {
                if (i > 0 && builder.Length > 0 && builder[^1] != '_' && !char.IsUpper(key[i - 1]))
                {
                    builder.Append('_');
                }

                builder.Append(char.ToLowerInvariant(c));
            }
            else
            {
                builder.Append(c is '-' or ' ' ? '_' : c);
            }
        }

        return builder.ToString();
    }

    private static bool NeedsChange(string key)
    {
        foreach (var c in key)
        {
            if (char.IsUpper(c) || c is '-' or ' ')
            {
                return true;
            }
        }

        return false;
    }
}
