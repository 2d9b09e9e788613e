using Connector.OAuth2.Authorization;
using Connector.OAuth2.Configuration;
using Connector.OAuth2.Tests.Support;
using Connector.OAuth2.Tokens;

namespace Connector.OAuth2.Tests.IdTokens;

/// <summary>A fake OpenID provider and a connector that verifies its ID tokens, for the engine's ID-token tests.</summary>
internal sealed class OidcSignIn : IDisposable
{
    public OidcSignIn()
    {
        Issuer = new IdTokenIssuer(Provider);
        Config = Configs.For(Provider) with
        {
            UserInfoEndpoint = "",
            IdTokenVerificationConfig = new IdTokenVerificationConfig { JwksUri = Issuer.JwksUri, Issuer = Issuer.Issuer },
        };
    }

    public FakeProvider Provider { get; } = new();

    public IdTokenIssuer Issuer { get; }

    public Engine Engine { get; } = new();

    public OAuth2ConnectorConfig Config { get; set; }

    /// <summary>The nonce this sign-in sent on its authorization request.</summary>
    public OidcNonce Nonce { get; } = OidcNonce.Create();

    public DateTimeOffset Now => Engine.Clock.GetUtcNow();

    /// <summary>A valid token for this sign-in: the client's audience, its nonce, issued now.</summary>
    public string ValidToken(IDictionary<string, object>? claims = null) => Issuer.Issue(Configs.ClientId, Nonce.Value, Now, claims);

    /// <summary>The token endpoint answers with an access token and <paramref name="idToken"/>.</summary>
    public void Answers(string? idToken) =>
        Provider.OnTokenJson(idToken is null
            ? """{"access_token":"at-oidc","token_type":"Bearer","expires_in":3600}"""
            : $$"""{"access_token":"at-oidc","token_type":"Bearer","expires_in":3600,"id_token":"{{idToken}}"}""");

    public CodeExchange Exchange(bool withNonce = true) => Configs.Exchange() with { NonceDigest = withNonce ? Nonce.Digest : null };

    public Task<Results.ConnectorResult<ProviderSignIn>> CompleteAsync(bool withNonce = true) =>
        Engine.Connector.CompleteSignInAsync(Config, Exchange(withNonce), Configs.Calls(), TestContext.Current.CancellationToken);

    public int JwksFetches => Provider.Requests(IdTokenIssuer.JwksPath).Count;

    public void Dispose()
    {
        Engine.Dispose();
        Issuer.Dispose();
        Provider.Dispose();
    }
}
