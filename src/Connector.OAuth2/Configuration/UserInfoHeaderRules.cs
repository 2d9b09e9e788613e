namespace Connector.OAuth2.Configuration;

/// <summary>Which extra userinfo headers a connector may set.</summary>
internal static class UserInfoHeaderRules
{
    /// <summary>Headers the engine or the HTTP stack owns: overriding them would break or spoof the call.</summary>
    private static readonly HashSet<string> Reserved = new(StringComparer.OrdinalIgnoreCase)
    {
        "Authorization", "Host", "Content-Length", "Content-Type", "Transfer-Encoding", "Connection", "Cookie", "Expect", "Upgrade",
    };

    public static string? Check(string name, string? value)
    {
        if (Reserved.Contains(name))
        {
            return ValidationCodes.ReservedParameter;
        }

        // RFC 9110 §5.1 token characters only; no CR/LF in values (header injection).
        var validName = name.Length > 0 && name.All(c => c < 127 && (char.IsAsciiLetterOrDigit(c) || "!#$%&'*+-.^_`|~".Contains(c)));
        var validValue = value is not null && !value.Contains('\r') && !value.Contains('\n');
        return validName && validValue ? null : ValidationCodes.InvalidParameter;
    }
}
