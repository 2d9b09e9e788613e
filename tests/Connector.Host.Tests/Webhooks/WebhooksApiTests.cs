using System.Net;
using Connector.Host.Tests.Infrastructure;

namespace Connector.Host.Tests.Webhooks;

public sealed class WebhooksApiTests(HostFixture host) : IClassFixture<HostFixture>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task CreateWebhook_ShowsTheSigningKeyOnce_AndStoresItEncrypted()
    {
        using var response = await host.Admin.PostAsync("/api/webhooks",
            HttpJson.Body("""{"url":"https://hooks.example.com/connectors?token=abc","events":["User.Created","PostSignIn"]}"""), Ct);

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var created = await response.ReadJsonAsync();
        var id = created["id"]!.GetValue<Guid>();
        var key = created["signingKey"]!.GetValue<string>();
        Assert.True(key.Length >= 32);
        Assert.Equal($"/api/webhooks/{id}", response.Headers.Location!.OriginalString);
        Assert.True(created["enabled"]!.GetValue<bool>());
        Assert.Equal(["User.Created", "PostSignIn"], created["events"]!.AsArray().Select(e => e!.GetValue<string>()));

        var read = await (await host.Admin.GetAsync($"/api/webhooks/{id}", Ct)).ReadJsonAsync();
        Assert.Null(read["signingKey"]);
        var listed = (await (await host.Admin.GetAsync("/api/webhooks", Ct)).ReadJsonAsync()).AsArray();
        Assert.Contains(listed, webhook => webhook!["id"]!.GetValue<Guid>() == id && webhook["signingKey"] is null);
        var dump = await DatabaseDump.AllRowsAsync(host.Database);
        Assert.DoesNotContain(key, dump, StringComparison.Ordinal);
        var audit = Assert.Single(await host.Database.QueryAsync<string>(
            "SELECT details::text FROM audit_events WHERE action = 'webhook.created' AND target = @Id", new { Id = id.ToString() }));
        Assert.DoesNotContain("token=abc", audit, StringComparison.Ordinal);
    }

    [Fact]
    public async Task CreateWebhook_WithBadFields_AnswersEveryProblemWithItsCode()
    {
        using var response = await host.Admin.PostAsync("/api/webhooks",
            HttpJson.Body("""{"url":"ftp://x","events":["User.Created","User.Exploded","User.Created"],"signingKey":"mine","colour":"red"}"""), Ct);

        var problem = await response.AssertProblemAsync(HttpStatusCode.BadRequest, "validation_failed");
        Assert.Equal(["invalid_url"], problem.CodesFor("url"));
        Assert.Equal(["one_of"], problem.CodesFor("events.1"));
        Assert.Equal(["duplicate"], problem.CodesFor("events.2"));
        Assert.Equal(["read_only"], problem.CodesFor("signingKey"));
        Assert.Equal(["unknown_field"], problem.CodesFor("colour"));
    }

    [Fact]
    public async Task CreateWebhook_WithoutEvents_IsRefused()
    {
        using var response = await host.Admin.PostAsync("/api/webhooks", HttpJson.Body("""{"url":"https://hooks.example.com/x","events":[]}"""), Ct);

        var problem = await response.AssertProblemAsync(HttpStatusCode.BadRequest, "validation_failed");
        Assert.Equal(["required"], problem.CodesFor("events"));
    }

    [Fact]
    public async Task PatchWebhook_MergesAndAudits_DeleteRemovesIt()
    {
        var id = await CreateAsync("""{"url":"https://hooks.example.com/a","events":["User.Deleted"]}""");

        using (var patched = await host.Admin.PatchAsync($"/api/webhooks/{id}",
            HttpJson.Body("""{"events":["User.Deleted","Identity.Linked"],"enabled":false}""", "application/merge-patch+json"), Ct))
        {
            Assert.Equal(HttpStatusCode.OK, patched.StatusCode);
            var body = await patched.ReadJsonAsync();
            Assert.Equal("https://hooks.example.com/a", body["url"]!.GetValue<string>());
            Assert.False(body["enabled"]!.GetValue<bool>());
            Assert.Equal(["User.Deleted", "Identity.Linked"], body["events"]!.AsArray().Select(e => e!.GetValue<string>()));
            Assert.Null(body["signingKey"]);
        }

        using (var deleted = await host.Admin.DeleteAsync($"/api/webhooks/{id}", Ct))
        {
            Assert.Equal(HttpStatusCode.NoContent, deleted.StatusCode);
        }

        using var gone = await host.Admin.GetAsync($"/api/webhooks/{id}", Ct);
        await gone.AssertProblemAsync(HttpStatusCode.NotFound, "webhook_not_found");
        var actions = await host.Database.QueryAsync<string>("SELECT action FROM audit_events WHERE target = @Id ORDER BY id", new { Id = id.ToString() });
        Assert.Equal(["webhook.created", "webhook.updated", "webhook.deleted"], actions);
    }

    [Theory]
    [InlineData("GET", "")]
    [InlineData("PATCH", "")]
    [InlineData("DELETE", "")]
    [InlineData("GET", "/deliveries")]
    public async Task UnknownWebhook_IsWebhookNotFound(string method, string suffix)
    {
        using var request = new HttpRequestMessage(new HttpMethod(method), $"/api/webhooks/{Guid.NewGuid()}{suffix}");
        if (method == "PATCH")
        {
            request.Content = HttpJson.Body("""{"enabled":false}""", "application/merge-patch+json");
        }

        using var response = await host.Admin.SendAsync(request, Ct);

        await response.AssertProblemAsync(HttpStatusCode.NotFound, "webhook_not_found");
    }

    [Fact]
    public async Task Webhooks_NeedAnAdminKey()
    {
        using var anonymous = host.Factory.CreateClient();

        using var response = await anonymous.GetAsync("/api/webhooks", Ct);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    private async Task<Guid> CreateAsync(string body)
    {
        using var response = await host.Admin.PostAsync("/api/webhooks", HttpJson.Body(body), Ct);
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return (await response.ReadJsonAsync())["id"]!.GetValue<Guid>();
    }
}
