using System.Net;
using Connector.Host.Tests.Infrastructure;

namespace Connector.Host.Tests.Console.Connectors;

/// <summary>
/// The console's key fields: a <c>private_key_jwt</c> key and a signed client secret typed into the connector form, never
/// shown again, kept by a save that leaves them empty; the public JWK on the connector's page verifies what the provider gets.
/// </summary>
public sealed class ConnectorKeyFieldsTests : IAsyncLifetime
{
    private const string Page = "/console/connectors/acme";
    private const string NewForm = "/console/connectors/new/oauth2";

    private ConnectorsConsoleWorld _world = null!;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync() => _world = await ConnectorsConsoleWorld.StartAsync();

    public ValueTask DisposeAsync() => _world.DisposeAsync();

    [Fact]
    public async Task NewForm_OffersPrivateKeyJwt_AndTheKeyFields()
    {
        var page = await _world.Operator.GetAsync(NewForm);

        var methods = page.Document.GetElementById("f-config-tokenEndpointAuthMethod")!.QuerySelectorAll("option").Select(o => o.GetAttribute("value"));
        Assert.Contains("private_key_jwt", methods);
        Assert.Equal(["", "RS256", "ES256"],
            page.Document.GetElementById("f-config-clientAssertionKey-algorithm")!.QuerySelectorAll("option").Select(o => o.GetAttribute("value")));
        Assert.Equal("textarea", page.Document.GetElementById("f-config-clientAssertionKey-privateKey")!.LocalName);
        Assert.Equal("textarea", page.Document.GetElementById("f-config-signedClientSecret-privateKey")!.LocalName);
        Assert.NotNull(page.Document.GetElementById("f-config-signedClientSecret-lifetimeSeconds"));
        Assert.Null(page.Document.GetElementById("public-jwk"));
    }

    [Fact]
    public async Task Create_WithAnAssertionKey_ShowsThePublicJwkThatVerifiesTheSignIn_AndNeverTheKey()
    {
        var (pem, _) = SignedJwts.NewEcKey();

        var created = await CreateAsync(new()
        {
            ["config.clientSecret"] = "",
            ["config.tokenEndpointAuthMethod"] = "private_key_jwt",
            ["config.clientAssertionKey.algorithm"] = "ES256",
            ["config.clientAssertionKey.keyId"] = "console-kid",
            ["config.clientAssertionKey.privateKey"] = pem,
        });
        var page = await _world.Operator.GetAsync(Page);
        _world.Upstream.SignsIn("""{"sub":"ada"}""");
        using var user = _world.Host.NewBrowser();
        using var signedIn = await user.SignInAsync("acme");

        Assert.Equal(HttpStatusCode.Redirect, created.Status);
        var html = page.Document.DocumentElement.OuterHtml;
        KeyMaterial.AssertAbsent(pem, html);
        Assert.Equal("", page.Document.GetElementById("f-config-clientAssertionKey-privateKey")!.TextContent);
        Assert.Contains("Leave this empty to keep it", page.Document.GetElementById("f-config-clientAssertionKey-privateKey-help")!.TextContent,
            StringComparison.Ordinal);
        Assert.Equal("console-kid", page.Document.GetElementById("f-config-clientAssertionKey-keyId")!.GetAttribute("value"));
        var jwk = page.Document.GetElementById("public-jwk")!.TextContent;
        Assert.Equal(HttpStatusCode.Redirect, signedIn.StatusCode);
        var assertion = SignedJwts.Verify(_world.Upstream.TokenForm()["client_assertion"], jwk, "ES256");
        Assert.Equal("console-kid", assertion.Kid);
        Assert.False(_world.Upstream.TokenForm().ContainsKey("client_secret"));
    }

    [Fact]
    public async Task Save_WithTheKeyLeftEmpty_KeepsIt_AndAuditsNoKeyMaterial()
    {
        var (pem, publicKey) = SignedJwts.NewRsaKey();
        await CreateAsync(new()
        {
            ["config.clientSecret"] = "",
            ["config.tokenEndpointAuthMethod"] = "private_key_jwt",
            ["config.clientAssertionKey.algorithm"] = "RS256",
            ["config.clientAssertionKey.keyId"] = "kid-1",
            ["config.clientAssertionKey.privateKey"] = pem,
        });

        var saved = await _world.SubmitAsync(Page, Page, new() { ["config.clientAssertionKey.keyId"] = "kid-2" });
        _world.Upstream.SignsIn("""{"sub":"ada"}""");
        using var user = _world.Host.NewBrowser();
        using var signedIn = await user.SignInAsync("acme");

        Assert.Equal(HttpStatusCode.Redirect, saved.Status);
        Assert.Equal(HttpStatusCode.Redirect, signedIn.StatusCode);
        Assert.Equal("kid-2", SignedJwts.Verify(_world.Upstream.TokenForm()["client_assertion"], publicKey, "RS256").Kid);
        KeyMaterial.AssertAbsent(pem, await _world.AllAuditTextAsync());
        var updated = Assert.Single(await _world.AuditAsync("connector.updated"));
        Assert.Contains("config.clientAssertionKey", updated.Details, StringComparison.Ordinal);
        Assert.DoesNotContain("privateKey", updated.Details, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Create_WithASignedClientSecret_SendsAnES256SecretMadeFromTheKey()
    {
        var (pem, publicKey) = SignedJwts.NewEcKey();

        var created = await CreateAsync(new()
        {
            ["config.clientSecret"] = "",
            ["config.signedClientSecret.keyId"] = "KEY123",
            ["config.signedClientSecret.issuer"] = "TEAM123",
            ["config.signedClientSecret.audience"] = "https://appleid.apple.com",
            ["config.signedClientSecret.lifetimeSeconds"] = "120",
            ["config.signedClientSecret.privateKey"] = pem,
        });
        _world.Upstream.SignsIn("""{"sub":"ada"}""");
        using var user = _world.Host.NewBrowser();
        using var signedIn = await user.SignInAsync("acme");

        Assert.Equal(HttpStatusCode.Redirect, created.Status);
        Assert.Equal(HttpStatusCode.Redirect, signedIn.StatusCode);
        var secret = SignedJwts.Verify(_world.Upstream.TokenForm()["client_secret"], publicKey, "ES256");
        Assert.Equal(("KEY123", "TEAM123", "acme-client"), (secret.Kid, secret.Issuer, secret.Subject));
        Assert.Equal(120, secret.GetPayloadValue<long>("exp") - secret.GetPayloadValue<long>("iat"));
        using var read = await _world.Host.Admin.GetAsync("/api/connectors/acme", Ct);
        var connector = await read.ReadJsonAsync();
        Assert.True(connector["config"]!["signedClientSecret"]!["hasPrivateKey"]!.GetValue<bool>());
        Assert.Null(connector["config"]!["clientAssertionKey"]);
        KeyMaterial.AssertAbsent(pem, (await _world.Operator.GetAsync(Page)).Document.DocumentElement.OuterHtml);
    }

    [Fact]
    public async Task Create_WithABadKey_SaysSoBesideTheField_AndDoesNotEchoIt()
    {
        var (rsaPem, _) = SignedJwts.NewRsaKey();

        var page = await CreateAsync(new()
        {
            ["config.clientSecret"] = "",
            ["config.tokenEndpointAuthMethod"] = "private_key_jwt",
            ["config.clientAssertionKey.algorithm"] = "ES256",
            ["config.clientAssertionKey.keyId"] = "kid-1",
            ["config.clientAssertionKey.privateKey"] = rsaPem,
        });

        Assert.Equal(HttpStatusCode.BadRequest, page.Status);
        Assert.NotEmpty(page.ErrorsOf("config.clientAssertionKey.privateKey"));
        KeyMaterial.AssertAbsent(rsaPem, page.Document.DocumentElement.OuterHtml);
        Assert.Equal(0, await _world.Host.CountAsync("connectors"));
    }

    private async Task<ConsolePage> CreateAsync(Dictionary<string, string?> changes) =>
        await _world.SubmitAsync(NewForm, NewForm, new Dictionary<string, string?>(
            _world.ValidOAuth2Form().Select(pair => KeyValuePair.Create(pair.Key, (string?)pair.Value)).Concat(changes)
                .GroupBy(pair => pair.Key).Select(group => group.Last())));
}
