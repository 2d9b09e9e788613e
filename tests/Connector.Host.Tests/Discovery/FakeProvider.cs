using WireMock.RequestBuilders;
using WireMock.ResponseBuilders;
using WireMock.Server;

namespace Connector.Host.Tests.Discovery;

/// <summary>A WireMock provider publishing OpenID metadata; requests it does not expect answer 404 and show in its log.</summary>
public sealed class FakeProvider : IDisposable
{
    public const string WellKnown = "/.well-known/openid-configuration";

    public FakeProvider() => Server = WireMockServer.Start();

    public WireMockServer Server { get; }

    public string Issuer => Server.Url!;

    public string Metadata(string? authMethods = """["client_secret_post", "private_key_jwt"]""") => $$"""
        {
          "issuer": "{{Issuer}}",
          "authorization_endpoint": "{{Issuer}}/oauth2/authorize",
          "token_endpoint": "{{Issuer}}/oauth2/token",
          "userinfo_endpoint": "{{Issuer}}/oauth2/userinfo",
          "jwks_uri": "{{Issuer}}/oauth2/jwks",
          "response_types_supported": ["code", "id_token"],
          "scopes_supported": ["openid", "email", "offline_access", "profile"],
          "code_challenge_methods_supported": ["S256"]{{(authMethods is null ? "" : $", \"token_endpoint_auth_methods_supported\": {authMethods}")}}
        }
        """;

    public void Serves(string path, string body, int status = 200, TimeSpan? delay = null)
    {
        var response = Response.Create().WithStatusCode(status).WithHeader("Content-Type", "application/json").WithBody(body);
        if (delay is not null)
        {
            response = response.WithDelay(delay.Value);
        }

        Server.Given(Request.Create().WithPath(path).UsingGet()).RespondWith(response);
    }

    public void Redirects(string path, string location) =>
        Server.Given(Request.Create().WithPath(path).UsingGet())
            .RespondWith(Response.Create().WithStatusCode(302).WithHeader("Location", location));

    public void Dispose() => Server.Stop();
}
