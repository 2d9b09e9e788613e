using Connector.OAuth2.Configuration;
using Connector.OAuth2.Diagnostics;
using Connector.OAuth2.Tokens;

namespace Connector.OAuth2.Tests.Support;

internal static class Configs
{
    public const string ClientId = "client-123";
    public const string ClientSecret = "s3cr3t-value";
    public const string RedirectUri = "https://id.example.com/callback/acme";
    public const string ConnectorId = "acme";

    public static OAuth2ConnectorConfig For(FakeProvider provider) => new()
    {
        AuthorizationEndpoint = provider.Url + "/authorize",
        TokenEndpoint = provider.TokenEndpoint,
        UserInfoEndpoint = provider.UserInfoEndpoint,
        ClientId = ClientId,
        ClientSecret = ClientSecret,
        Scope = "openid profile",
    };

    public static CodeExchange Exchange(string code = "code-abc", string? verifier = "verifier-xyz") =>
        new(code, RedirectUri, verifier);

    /// <summary>A fresh flow's provider calls, for <paramref name="connectorId"/>.</summary>
    public static ProviderCalls Calls(string connectorId = ConnectorId) => new(connectorId);
}
