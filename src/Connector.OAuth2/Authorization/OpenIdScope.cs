namespace Connector.OAuth2.Authorization;

/// <summary>The <c>openid</c> scope value that makes an OAuth 2.0 request an OpenID Connect one (Core 1.0 §3.1.2.1).</summary>
internal static class OpenIdScope
{
    public const string Value = "openid";

    /// <summary><paramref name="scope"/> with <c>openid</c> first when it lacks it.</summary>
    public static string Ensure(string? scope)
    {
        if (string.IsNullOrWhiteSpace(scope))
        {
            return Value;
        }

        return scope.Split(' ', StringSplitOptions.RemoveEmptyEntries).Contains(Value, StringComparer.Ordinal) ? scope : Value + " " + scope;
    }
}
