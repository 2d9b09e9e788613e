using System.Net;
using System.Text.Json.Nodes;
using System.Web;
using Connector.Host.Tests.Infrastructure;
using Dapper;

namespace Connector.Host.Tests.Lifecycle;

/// <summary>
/// A connector pointed at another provider (authorization or token endpoint host, <c>clientId</c>, <c>profileMap.id</c>)
/// needs <c>"confirmProviderChange": true</c>; once confirmed, and after a delete and create under the same id, no
/// earlier identity matches: whoever the new provider calls by an old subject is a new user.
/// </summary>
public sealed class ProviderChangeTests : IAsyncLifetime
{
    private const string Acme = "acme";
    private const string Subject = "ada-7";
    private const string Profile = """{"sub":"ada-7","user_id":"ada-7","name":"Ada"}""";

    private LifecycleWorld _world = null!;

    /// <summary>A second provider, for the changes that move an endpoint to another host.</summary>
    private FakeProvider _moved = null!;

    private Guid _firstUser;

    public static TheoryData<string> ProviderChanges => ["authorizationEndpoint", "tokenEndpoint", "clientId", "profileMap.id"];

    public static TheoryData<string> UnrelatedChanges => ["name", "scope", "tokenEndpoint path on the same host"];

    public async ValueTask InitializeAsync()
    {
        _world = await LifecycleWorld.StartAsync();
        _moved = new FakeProvider();
        _moved.IssuesAnAccessToken();
        await _world.CreateConnectorAsync(Acme);
        _world.SignsIn(Acme, Profile);
        (await _world.SignedInAsync(Acme)).Dispose();
        _firstUser = await _world.UserOfAsync(Acme, Subject);
    }

    public async ValueTask DisposeAsync()
    {
        await _world.DisposeAsync();
        _moved.Dispose();
    }

    [Theory]
    [MemberData(nameof(ProviderChanges))]
    public async Task ProviderChange_WithoutConfirmation_Is400ProviderChangeUnconfirmed_AndChangesNothing(string change)
    {
        var before = await ConnectorDocumentAsync();
        var stored = await StoredAsync();

        foreach (var confirmation in new[] { "", """, "confirmProviderChange": false""" })
        {
            using var response = await _world.PatchConnectorAsync(Acme, Patch(change, confirmation));

            var problem = await response.AssertProblemAsync(HttpStatusCode.BadRequest, "validation_failed");
            Assert.Equal(["provider_change_unconfirmed"], problem.CodesFor("confirmProviderChange"));
        }

        Assert.Equal(before, await ConnectorDocumentAsync());
        Assert.Equal(stored, await StoredAsync());
        Assert.Equal(0, await _world.Database.CountAsync("SELECT count(*) FROM audit_events WHERE action = 'connector.updated'"));
    }

    [Theory]
    [MemberData(nameof(ProviderChanges))]
    public async Task ProviderChange_Confirmed_Is200_AndTheSameSubjectSigningInAfterwardsIsANewUser(string change)
    {
        var (_, generation) = await StoredAsync();

        using var response = await _world.PatchConnectorAsync(Acme, Patch(change, """, "confirmProviderChange": true"""));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Null((await response.ReadJsonAsync())["confirmProviderChange"]);
        (await _world.SignedInAsync(Acme)).Dispose();

        Assert.NotEqual(generation, (await StoredAsync()).Generation);
        var users = await _world.Database.QueryAsync<Guid>("SELECT user_id FROM user_identities WHERE connector_id = @Acme AND subject = @Subject ORDER BY id", new { Acme, Subject });
        Assert.Equal(2, users.Count);
        Assert.Equal(_firstUser, users[0]);
        Assert.NotEqual(_firstUser, users[1]);
        Assert.Equal(2, await _world.Host.CountAsync("users"));
        var details = Assert.Single(await _world.Database.QueryAsync<string>("SELECT details::text FROM audit_events WHERE action = 'connector.updated'"));
        Assert.True(JsonNode.Parse(details)!["providerChanged"]!.GetValue<bool>());
        AssertTheSignInWentWhereThePatchSaid(change);
    }

    [Theory]
    [MemberData(nameof(UnrelatedChanges))]
    public async Task UnrelatedChange_NeedsNoConfirmation_AndTheSameSubjectStaysTheSameUser(string change)
    {
        var (_, generation) = await StoredAsync();
        var patch = change switch
        {
            "name" => """{ "name": "Acme Renamed" }""",
            "scope" => """{ "config": { "scope": "openid" } }""",
            _ => $$"""{ "config": { "tokenEndpoint": "{{_world.Upstream.Url}}/oauth/token" } }""",
        };
        _world.Upstream.On("POST", "/oauth/token", FakeProvider.Json("""{"access_token":"moved-path-token","token_type":"Bearer"}"""));

        using var response = await _world.PatchConnectorAsync(Acme, patch);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        (await _world.SignedInAsync(Acme)).Dispose();

        Assert.Equal(generation, (await StoredAsync()).Generation);
        Assert.Equal(_firstUser, await _world.UserOfAsync(Acme, Subject));
        Assert.Equal(1, await _world.Host.CountAsync("users"));
    }

    [Fact]
    public async Task ConnectorDeletedAndCreatedAgainUnderTheSameId_DoesNotHandTheOldUsersToTheNewOne()
    {
        using (var deleted = await _world.Admin.DeleteAsync($"/api/connectors/{Acme}", LifecycleWorld.Ct))
        {
            Assert.Equal(HttpStatusCode.NoContent, deleted.StatusCode);
        }

        await _world.CreateConnectorAsync(Acme);

        (await _world.SignedInAsync(Acme)).Dispose();

        var users = await _world.Database.QueryAsync<Guid>("SELECT user_id FROM user_identities WHERE subject = @Subject ORDER BY id", new { Subject });
        Assert.Equal(2, users.Count);
        Assert.Equal(_firstUser, users[0]);
        Assert.NotEqual(_firstUser, users[1]);
        // The old user keeps the identity the deleted connector made, as a deletion promises.
        var old = await (await _world.Admin.GetAsync($"/api/users/{_firstUser}", LifecycleWorld.Ct)).ReadJsonAsync();
        Assert.Equal(Subject, Assert.Single(old["identities"]!.AsArray())!["subject"]!.GetValue<string>());
    }

    private string Patch(string change, string confirmation) => change switch
    {
        "authorizationEndpoint" => $$"""{ "config": { "authorizationEndpoint": "{{_moved.AuthorizationEndpoint}}" }{{confirmation}} }""",
        "tokenEndpoint" => $$"""{ "config": { "tokenEndpoint": "{{_moved.TokenEndpoint}}" }{{confirmation}} }""",
        "clientId" => $$"""{ "config": { "clientId": "another-client" }{{confirmation}} }""",
        "profileMap.id" => $$"""{ "config": { "profileMap": { "id": "user_id" } }{{confirmation}} }""",
        _ => throw new ArgumentOutOfRangeException(nameof(change)),
    };

    /// <summary>What went over the wire for the sign-in after the change: it really reached the changed provider.</summary>
    private void AssertTheSignInWentWhereThePatchSaid(string change)
    {
        var authorizations = _world.Upstream.Requests(FakeProvider.AuthorizePath);
        var tokens = _world.Upstream.Requests(FakeProvider.TokenPath);
        switch (change)
        {
            case "authorizationEndpoint":
                Assert.Single(_moved.Requests(FakeProvider.AuthorizePath));
                Assert.Single(authorizations);
                break;
            case "tokenEndpoint":
                Assert.Equal("acme-client", _moved.SingleRequest(FakeProvider.TokenPath).Form()["client_id"]);
                Assert.Single(tokens);
                break;
            case "clientId":
                Assert.Equal("another-client", HttpUtility.ParseQueryString(new Uri(authorizations[^1].RequestMessage!.Url).Query)["client_id"]);
                Assert.Equal("another-client", tokens[^1].Form()["client_id"]);
                break;
            default:
                Assert.Equal(2, tokens.Count);
                break;
        }
    }

    private async Task<string> ConnectorDocumentAsync() =>
        await (await _world.Admin.GetAsync($"/api/connectors/{Acme}", LifecycleWorld.Ct)).Content.ReadAsStringAsync(LifecycleWorld.Ct);

    private async Task<(string Config, Guid Generation)> StoredAsync()
    {
        await using var connection = await _world.Database.OpenAsync();
        return await connection.QuerySingleAsync<(string, Guid)>("SELECT config::text, generation FROM connectors WHERE id = @Acme", new { Acme });
    }
}
