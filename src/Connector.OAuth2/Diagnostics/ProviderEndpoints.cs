namespace Connector.OAuth2.Diagnostics;

/// <summary>
/// The kinds of provider endpoint a call goes to: the <c>endpoint</c> tag of every provider span and duration. A closed
/// list, never a URL, so a tag cannot carry a path or query and the number of series stays fixed.
/// </summary>
public static class ProviderEndpoints
{
    /// <summary>The code exchange (RFC 6749 §4.1.3).</summary>
    public const string Token = "token";

    /// <summary>A call with the access token for the profile: userinfo, and the email lookup (GitHub's <c>/user/emails</c>).</summary>
    public const string UserInfo = "userinfo";

    /// <summary>A provider's metadata document (<c>.well-known</c>), read when an operator asks for a prefilled config.</summary>
    public const string Discovery = "discovery";
}
