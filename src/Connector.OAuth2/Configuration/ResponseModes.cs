namespace Connector.OAuth2.Configuration;

/// <summary>
/// Values of <c>responseMode</c>: how the provider returns the authorization response. <c>query</c> is RFC 6749 §4.1.2's
/// redirect with the code in the URL; <c>form_post</c> is the OAuth 2.0 Form Post Response Mode, an auto-submitted
/// <c>POST</c> of the same fields to the redirect URI (Sign in with Apple requires it once a scope is asked for).
/// </summary>
public static class ResponseModes
{
    public const string Query = "query";
    public const string FormPost = "form_post";

    public static IReadOnlyList<string> All { get; } = [Query, FormPost];
}
