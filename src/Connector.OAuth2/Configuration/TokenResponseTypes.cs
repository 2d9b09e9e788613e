namespace Connector.OAuth2.Configuration;

/// <summary>Values of <c>tokenEndpointResponseType</c>, as Logto names them.</summary>
public static class TokenResponseTypes
{
    public const string Json = "json";

    /// <summary>A form-encoded body (<c>access_token=…&amp;token_type=…</c>), as GitHub answers by default.</summary>
    public const string QueryString = "query-string";

    public static IReadOnlyList<string> All { get; } = [Json, QueryString];
}
