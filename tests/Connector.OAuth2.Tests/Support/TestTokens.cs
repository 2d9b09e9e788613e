using Connector.OAuth2.Tokens;

namespace Connector.OAuth2.Tests.Support;

internal static class TestTokens
{
    public static TokenSet Bearer(string accessToken) => new(accessToken, "Bearer", 3600, null, null, null);
}
