using System.Net;
using System.Security.Cryptography;
using System.Text.Json.Nodes;
using Connector.Host.Tests.Infrastructure;
using Connector.Host.Tests.SignIn;
using Microsoft.IdentityModel.Tokens;

namespace Connector.Host.Tests.Connectors;

/// <summary>
/// The private keys of <c>private_key_jwt</c> and of a signed client secret through the host: write-only (no answer, row,
/// audit event or log holds them), encrypted, kept by a patch that leaves them out, and used by real sign-ins and the dry run.
/// </summary>
public sealed class ConnectorKeysTests : IAsyncLifetime
{
    private const string UserInfo = """{"sub":"key-user-1","name":"Kay"}""";
    private SignInHost _host = null!;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public static TheoryData<string> Algorithms => ["RS256", "ES256"];

    public async ValueTask InitializeAsync() => _host = await SignInHost.StartAsync();

    public ValueTask DisposeAsync() => _host.DisposeAsync();

    [Theory]
    [MemberData(nameof(Algorithms))]
    public async Task Create_WithAnAssertionKey_AnswersThePublicJwkAndNeverThePrivateKey(string algorithm)
    {
        var (pem, _) = NewKey(algorithm);

        var created = await CreateAsync("pkjwt", AssertionKeyConfig(pem, algorithm, "kid-1"));
        using var got = await _host.Admin.GetAsync("/api/connectors/pkjwt", Ct);
        using var list = await _host.Admin.GetAsync("/api/connectors", Ct);

        foreach (var answer in new[] { created.ToJsonString(), await got.Content.ReadAsStringAsync(Ct), await list.Content.ReadAsStringAsync(Ct) })
        {
            KeyMaterial.AssertAbsent(pem, answer);
        }

        var config = created["config"]!;
        Assert.False(config["hasClientSecret"]!.GetValue<bool>());
        var key = config["clientAssertionKey"]!;
        Assert.Null(key["privateKey"]);
        Assert.True(key["hasPrivateKey"]!.GetValue<bool>());
        var jwk = key["publicJwk"]!;
        Assert.Equal(algorithm == "ES256" ? "EC" : "RSA", jwk["kty"]!.GetValue<string>());
        Assert.Equal(("kid-1", algorithm, "sig"), (jwk["kid"]!.GetValue<string>(), jwk["alg"]!.GetValue<string>(), jwk["use"]!.GetValue<string>()));
        Assert.Null(jwk["d"]);
    }

    [Theory]
    [MemberData(nameof(Algorithms))]
    public async Task SignIn_WithPrivateKeyJwt_SendsAnAssertionThePublicJwkFromTheAnswerVerifies(string algorithm)
    {
        var (pem, _) = NewKey(algorithm);
        var created = await CreateAsync("pkjwt", AssertionKeyConfig(pem, algorithm, "kid-1"));
        _host.Upstream.SignsIn(UserInfo);

        using var browser = _host.NewBrowser();
        using var callback = await browser.SignInAsync("pkjwt");

        Assert.Equal(HttpStatusCode.Redirect, callback.StatusCode);
        var form = _host.Upstream.SingleRequest(FakeProvider.TokenPath).Form();
        Assert.False(form.ContainsKey("client_secret"));
        Assert.Equal("urn:ietf:params:oauth:client-assertion-type:jwt-bearer", form["client_assertion_type"]);
        var jwt = SignedJwts.Verify(form["client_assertion"], created["config"]!["clientAssertionKey"]!["publicJwk"]!.ToJsonString(), algorithm);
        Assert.Equal(("kid-1", "pkjwt-client", "pkjwt-client"), (jwt.Kid, jwt.Issuer, jwt.Subject));
        Assert.Equal([_host.Upstream.TokenEndpoint], jwt.Audiences);
        Assert.InRange(jwt.GetPayloadValue<long>("exp") - jwt.GetPayloadValue<long>("iat"), 1, 300);
        Assert.Equal(["success"], await _host.AuditOutcomesAsync());
    }

    [Fact]
    public async Task DryRun_WithPrivateKeyJwt_SignsWithTheStoredKey()
    {
        var (pem, publicKey) = NewKey("ES256");
        await CreateAsync("pkjwt", AssertionKeyConfig(pem, "ES256", "kid-1"));
        _host.Upstream.SignsIn(UserInfo);

        using var started = await _host.Admin.PostAsync("/api/connectors/pkjwt/test", null, Ct);
        var url = new Uri((await started.ReadJsonAsync())["authorizationUrl"]!.GetValue<string>());
        using var browser = _host.NewBrowser();
        using var page = await browser.GetAsync(await Browser.AtProviderAsync(url));

        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Contains("would succeed", await page.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
        SignedJwts.Verify(_host.Upstream.SingleRequest(FakeProvider.TokenPath).Form()["client_assertion"], publicKey, "ES256");
        Assert.Equal(0, await _host.CountAsync("users"));
    }

    [Theory]
    [MemberData(nameof(Algorithms))]
    public async Task StoredRow_HoldsTheKeyOnlyEncrypted_AndNoAuditEventOrLogHoldsIt(string algorithm)
    {
        var (pem, _) = NewKey(algorithm);
        var (signedPem, _) = NewKey("ES256");

        await CreateAsync("pkjwt", AssertionKeyConfig(pem, algorithm, "kid-1"));
        await CreateAsync("apple", SignedSecretConfig(signedPem));
        await PatchAsync("pkjwt", $$"""{ "config": { "clientAssertionKey": { "privateKey": {{Json(NewKey(algorithm).Pem)}} } } }""");

        var dump = await DatabaseDump.AllRowsAsync(_host.Database);
        Assert.Contains("pkjwt-client", dump, StringComparison.Ordinal); // the dump does hold the connector rows
        KeyMaterial.AssertAbsent(pem, dump);
        KeyMaterial.AssertAbsent(signedPem, dump);
        KeyMaterial.AssertAbsent(pem, _host.Factory.Logs.AllText);
        KeyMaterial.AssertAbsent(signedPem, _host.Factory.Logs.AllText);
        var protectedKeys = await _host.Database.QueryAsync<string>(
            "SELECT coalesce(client_assertion_key_protected, signed_client_secret_key_protected) FROM connectors ORDER BY id");
        Assert.All(protectedKeys, value => Assert.False(string.IsNullOrEmpty(value)));
    }

    [Fact]
    public async Task Patch_WithoutTheKey_KeepsItsCiphertext_AndANewKeyIdReachesTheJwkAndTheAssertion()
    {
        var (pem, publicKey) = NewKey("RS256");
        await CreateAsync("pkjwt", AssertionKeyConfig(pem, "RS256", "kid-1"));
        var before = await ProtectedAssertionKeyAsync();

        var patched = await PatchAsync("pkjwt", """{ "config": { "clientAssertionKey": { "keyId": "kid-2" } } }""");
        _host.Upstream.SignsIn(UserInfo);
        using var browser = _host.NewBrowser();
        using var callback = await browser.SignInAsync("pkjwt");

        Assert.Equal(before, await ProtectedAssertionKeyAsync());
        Assert.Equal("kid-2", patched["config"]!["clientAssertionKey"]!["publicJwk"]!["kid"]!.GetValue<string>());
        Assert.Equal(HttpStatusCode.Redirect, callback.StatusCode);
        var jwt = SignedJwts.Verify(_host.Upstream.SingleRequest(FakeProvider.TokenPath).Form()["client_assertion"], publicKey, "RS256");
        Assert.Equal("kid-2", jwt.Kid);
        Assert.Equal(["config.clientAssertionKey"], await LastChangedFieldsAsync());
    }

    [Fact]
    public async Task Patch_WithANewKey_ReEncryptsIt_ChangesTheJwk_AndAuditsOnlyTheFieldName()
    {
        var (pem, _) = NewKey("ES256");
        var (newPem, newPublicKey) = NewKey("ES256");
        var created = await CreateAsync("pkjwt", AssertionKeyConfig(pem, "ES256", "kid-1"));
        var before = await ProtectedAssertionKeyAsync();

        var patched = await PatchAsync("pkjwt", $$"""{ "config": { "clientAssertionKey": { "privateKey": {{Json(newPem)}} } } }""");
        _host.Upstream.SignsIn(UserInfo);
        using var browser = _host.NewBrowser();
        using var callback = await browser.SignInAsync("pkjwt");

        Assert.NotEqual(before, await ProtectedAssertionKeyAsync());
        Assert.NotEqual(created["config"]!["clientAssertionKey"]!["publicJwk"]!["x"]!.GetValue<string>(),
            patched["config"]!["clientAssertionKey"]!["publicJwk"]!["x"]!.GetValue<string>());
        SignedJwts.Verify(_host.Upstream.SingleRequest(FakeProvider.TokenPath).Form()["client_assertion"], newPublicKey, "ES256");
        Assert.Equal(["config.clientAssertionKey.privateKey"], await LastChangedFieldsAsync());
        KeyMaterial.AssertAbsent(newPem, patched.ToJsonString());
    }

    [Fact]
    public async Task Patch_RemovingTheKey_ClearsItsColumns()
    {
        var (pem, _) = NewKey("ES256");
        await CreateAsync("pkjwt", AssertionKeyConfig(pem, "ES256", "kid-1"));

        var patched = await PatchAsync("pkjwt", """
            { "config": { "tokenEndpointAuthMethod": "client_secret_post", "clientSecret": "now-a-secret", "clientAssertionKey": null } }
            """);

        Assert.Null(patched["config"]!["clientAssertionKey"]);
        Assert.True(patched["config"]!["hasClientSecret"]!.GetValue<bool>());
        var columns = await _host.Database.QueryAsync<bool>(
            "SELECT client_assertion_key_protected IS NULL AND client_assertion_public_jwk IS NULL FROM connectors WHERE id = 'pkjwt'");
        Assert.True(Assert.Single(columns));
    }

    [Fact]
    public async Task ProtectedKey_MovedToTheOtherKeysColumn_DoesNotDecrypt()
    {
        var (pem, _) = NewKey("ES256");
        await CreateAsync("pkjwt", AssertionKeyConfig(pem, "ES256", "kid-1"));
        await CreateAsync("apple", SignedSecretConfig(NewKey("ES256").Pem));
        await using (var connection = await _host.Database.OpenAsync())
        {
            await Dapper.SqlMapper.ExecuteAsync(connection, """
                UPDATE connectors SET signed_client_secret_key_protected =
                    (SELECT client_assertion_key_protected FROM connectors WHERE id = 'pkjwt')
                WHERE id = 'apple'
                """);
        }

        var loader = Microsoft.Extensions.DependencyInjection.ServiceProviderServiceExtensions
            .GetRequiredService<Connector.Host.Connectors.ConnectorConfigLoader>(_host.Factory.Services);

        await Assert.ThrowsAnyAsync<CryptographicException>(() => loader.LoadAsync("apple", Ct));
    }

    [Fact]
    public async Task SignIn_WithASignedClientSecret_SendsAFreshES256SecretThatVerifiesWithThePublicKey()
    {
        var (pem, publicKey) = NewKey("ES256");
        var created = await CreateAsync("apple", SignedSecretConfig(pem));
        _host.Upstream.SignsIn(UserInfo);

        using var browser = _host.NewBrowser();
        using var first = await browser.SignInAsync("apple");
        _host.Clock.Advance(TimeSpan.FromMinutes(2));
        using var second = await browser.SignInAsync("apple");

        KeyMaterial.AssertAbsent(pem, created.ToJsonString());
        Assert.False(created["config"]!["hasClientSecret"]!.GetValue<bool>());
        Assert.True(created["config"]!["signedClientSecret"]!["hasPrivateKey"]!.GetValue<bool>());
        Assert.Equal((HttpStatusCode.Redirect, HttpStatusCode.Redirect), (first.StatusCode, second.StatusCode));
        var secrets = _host.Upstream.Requests(FakeProvider.TokenPath).Select(r => SignedJwts.Verify(r.Form()["client_secret"], publicKey, "ES256")).ToList();
        Assert.Equal(2, secrets.Count);
        Assert.All(secrets, jwt => Assert.Equal(("KEY123", "TEAM123", "apple-client", "https://appleid.apple.com"),
            (jwt.Kid, jwt.Issuer, jwt.Subject, jwt.Audiences.Single())));
        Assert.Equal(120, secrets[1].GetPayloadValue<long>("iat") - secrets[0].GetPayloadValue<long>("iat"));
        Assert.Equal(600, secrets[0].GetPayloadValue<long>("exp") - secrets[0].GetPayloadValue<long>("iat"));
    }

    private JsonObject AssertionKeyConfig(string pem, string algorithm, string keyId) => Config("pkjwt", new JsonObject
    {
        ["tokenEndpointAuthMethod"] = "private_key_jwt",
        ["clientAssertionKey"] = new JsonObject { ["privateKey"] = pem, ["keyId"] = keyId, ["algorithm"] = algorithm },
    });

    private JsonObject SignedSecretConfig(string pem) => Config("apple", new JsonObject
    {
        ["signedClientSecret"] = new JsonObject
        {
            ["keyId"] = "KEY123", ["issuer"] = "TEAM123", ["audience"] = "https://appleid.apple.com", ["privateKey"] = pem, ["lifetimeSeconds"] = 600,
        },
    });

    private JsonObject Config(string id, JsonObject extra)
    {
        var config = new JsonObject
        {
            ["authorizationEndpoint"] = _host.Upstream.AuthorizationEndpoint,
            ["tokenEndpoint"] = _host.Upstream.TokenEndpoint,
            ["userInfoEndpoint"] = _host.Upstream.UserInfoEndpoint,
            ["clientId"] = $"{id}-client",
            ["profileMap"] = new JsonObject { ["id"] = "sub" },
        };
        foreach (var (name, value) in extra.ToList())
        {
            extra.Remove(name);
            config[name] = value;
        }

        return config;
    }

    private async Task<JsonNode> CreateAsync(string id, JsonObject config)
    {
        var body = new JsonObject { ["id"] = id, ["name"] = id, ["config"] = config };
        using var response = await _host.Admin.PostAsync("/api/connectors", HttpJson.Body(body.ToJsonString()), Ct);
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return await response.ReadJsonAsync();
    }

    private async Task<JsonNode> PatchAsync(string id, string patch)
    {
        using var response = await _host.Admin.PatchAsync($"/api/connectors/{id}", HttpJson.Body(patch), Ct);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.ReadJsonAsync();
    }

    private async Task<string?> ProtectedAssertionKeyAsync() =>
        Assert.Single(await _host.Database.QueryAsync<string?>("SELECT client_assertion_key_protected FROM connectors WHERE id = 'pkjwt'"));

    private async Task<string[]> LastChangedFieldsAsync()
    {
        var details = await _host.Database.QueryAsync<string>(
            "SELECT details::text FROM audit_events WHERE action = 'connector.updated' ORDER BY id DESC LIMIT 1");
        return [.. JsonNode.Parse(Assert.Single(details))!["changed"]!.AsArray().Select(field => field!.GetValue<string>())];
    }

    private static (string Pem, SecurityKey PublicKey) NewKey(string algorithm) =>
        algorithm == "ES256" ? SignedJwts.NewEcKey() : SignedJwts.NewRsaKey();

    private static string Json(string value) => JsonValue.Create(value).ToJsonString();
}
