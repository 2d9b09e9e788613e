using System.Net;
using System.Text.Json.Nodes;
using Connector.Host.Tests.Infrastructure;

namespace Connector.Host.Tests.Webhooks;

/// <summary>Deliveries as a receiver sees them: signed, at least once, again after a failure, and by whichever instance is left.</summary>
public sealed class WebhookDeliveryTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task FirstSignIn_DeliversUserCreatedAndPostSignIn_WithASignatureTheReceiverVerifies()
    {
        await using var world = await WebhookWorld.StartAsync();
        var host = world.StartHost();
        using var admin = host.CreateAdminClient();
        world.Receiver.On("POST", WebhookWorld.ReceiverPath, FakeProvider.Status(204));
        var (webhookId, key) = await WebhookWorld.CreateWebhookAsync(admin, world.ReceiverUrl, "User.Created", "PostSignIn");
        await world.CreateConnectorAsync(admin, """{"sub":"ada-1","name":"Ada","email":"ada@example.com"}""");

        await SignInThroughANewBrowserAsync(host);

        await world.UntilAsync(() => world.Deliveries().Count == 2, "both events delivered");
        var deliveries = world.Deliveries();
        var userId = Assert.Single(await world.Database.QueryAsync<Guid>("SELECT id FROM users"));
        Assert.Equal(["PostSignIn", "User.Created"], deliveries.Select(d => d.Header("connectors-event")).Order(StringComparer.Ordinal));
        foreach (var delivery in deliveries)
        {
            var body = delivery.RequestMessage!.Body!;
            Assert.Equal(WebhookWorld.ExpectedSignature(key, body), delivery.Header("connectors-signature-sha-256"));
            Assert.StartsWith("application/json", delivery.Header("Content-Type"), StringComparison.Ordinal);
            var payload = JsonNode.Parse(body)!;
            Assert.Equal(delivery.Header("connectors-event"), payload["event"]!.GetValue<string>());
            Assert.Equal(delivery.Header("connectors-delivery-id"), payload["deliveryId"]!.GetValue<string>());
            Assert.Equal(webhookId, payload["hookId"]!.GetValue<Guid>());
            Assert.Equal(userId, payload["userId"]!.GetValue<Guid>());
            Assert.Equal("Ada", payload["user"]!["name"]!.GetValue<string>());
            Assert.Equal(WebhookWorld.ConnectorId, payload["connectorId"]!.GetValue<string>());
            Assert.DoesNotContain("acme-secret-value", body, StringComparison.Ordinal);
            Assert.DoesNotContain("rawProfile", body, StringComparison.Ordinal);
        }

        await world.UntilAsync(async () => await world.OutboxCountAsync() == 0, "the outbox emptied");
        var log = (await (await admin.GetAsync($"/api/webhooks/{webhookId}/deliveries", Ct)).ReadJsonAsync()).AsArray();
        Assert.Equal(2, log.Count);
        Assert.All(log, entry =>
        {
            Assert.Equal("delivered", entry!["outcome"]!.GetValue<string>());
            Assert.Equal(204, entry["statusCode"]!.GetValue<int>());
            Assert.Equal(1, entry["attempt"]!.GetValue<int>());
        });
    }

    [Fact]
    public async Task FirstSignIn_WithAWebhookTakingOnlyUserCreated_DeliversIt_AndAuditsTheSignInOnce()
    {
        // No sink takes a returning sign-in's events here, yet the new user's User.Created must still reach the outbox:
        // the insert may commit by itself only when nothing takes User.Created or PostSignIn either.
        await using var world = await WebhookWorld.StartAsync();
        var host = world.StartHost();
        using var admin = host.CreateAdminClient();
        world.Receiver.On("POST", WebhookWorld.ReceiverPath, FakeProvider.Status(204));
        await WebhookWorld.CreateWebhookAsync(admin, world.ReceiverUrl, "User.Created");
        await world.CreateConnectorAsync(admin, """{"sub":"ada-1","name":"Ada"}""");

        await SignInThroughANewBrowserAsync(host);

        await world.UntilAsync(() => world.Deliveries().Count == 1, "the User.Created event delivered");
        var payload = JsonNode.Parse(Assert.Single(world.Deliveries()).RequestMessage!.Body!)!;
        Assert.Equal("User.Created", payload["event"]!.GetValue<string>());
        var userId = Assert.Single(await world.Database.QueryAsync<Guid>("SELECT id FROM users"));
        Assert.Equal(userId, payload["userId"]!.GetValue<Guid>());
        Assert.Equal(1, await world.Database.CountAsync(
            $"SELECT count(*) FROM audit_events WHERE action = 'sign_in' AND outcome = 'success' AND actor = 'user:{userId}' AND (details->>'newUser')::boolean"));
    }

    [Fact]
    public async Task ReturningSignIn_AfterAWebhookTakesPostSignIn_IsDelivered()
    {
        // The first sign-in has no subscriber, so the returning one is the first to hand its event over.
        await using var world = await WebhookWorld.StartAsync();
        var host = world.StartHost();
        using var admin = host.CreateAdminClient();
        world.Receiver.On("POST", WebhookWorld.ReceiverPath, FakeProvider.Status(204));
        await world.CreateConnectorAsync(admin, """{"sub":"ada-1","name":"Ada"}""");
        await SignInThroughANewBrowserAsync(host);

        await WebhookWorld.CreateWebhookAsync(admin, world.ReceiverUrl, "PostSignIn");
        await SignInThroughANewBrowserAsync(host);

        await world.UntilAsync(() => world.Deliveries().Count == 1, "the returning sign-in's event delivered");
        var payload = JsonNode.Parse(Assert.Single(world.Deliveries()).RequestMessage!.Body!)!;
        Assert.Equal("PostSignIn", payload["event"]!.GetValue<string>());
        Assert.Equal(Assert.Single(await world.Database.QueryAsync<Guid>("SELECT id FROM users")), payload["userId"]!.GetValue<Guid>());
        Assert.Equal(2, await world.Database.CountAsync("SELECT count(*) FROM audit_events WHERE action = 'sign_in' AND outcome = 'success'"));
    }

    [Fact]
    public async Task ReceiverAnswering500_GetsTheSameDeliveryAgain_AfterTheBackoff()
    {
        await using var world = await WebhookWorld.StartAsync();
        var host = world.StartHost();
        using var admin = host.CreateAdminClient();
        world.Receiver.OnceThen("POST", WebhookWorld.ReceiverPath, FakeProvider.Status(500), FakeProvider.Status(200));
        var (webhookId, key) = await WebhookWorld.CreateWebhookAsync(admin, world.ReceiverUrl, "User.Updated");

        await world.DisableSeededUserAsync(admin);
        await world.UntilAsync(async () => (await world.LogOutcomesAsync()).Count == 1, "the first attempt recorded");
        Assert.Single(world.Deliveries());
        await world.UntilAsync(() => world.Deliveries().Count == 2, "the retry", advanceClock: true);

        var (first, second) = (world.Deliveries()[0], world.Deliveries()[1]);
        Assert.Equal(first.Header("connectors-delivery-id"), second.Header("connectors-delivery-id"));
        Assert.Equal(first.RequestMessage!.Body, second.RequestMessage!.Body);
        Assert.Equal(WebhookWorld.ExpectedSignature(key, second.RequestMessage.Body!), second.Header("connectors-signature-sha-256"));
        Assert.Equal(["1", "2"], [first.Header("connectors-delivery-attempt")!, second.Header("connectors-delivery-attempt")!]);
        await world.UntilAsync(async () => await world.OutboxCountAsync() == 0, "the outbox emptied");
        var log = (await (await admin.GetAsync($"/api/webhooks/{webhookId}/deliveries", Ct)).ReadJsonAsync()).AsArray();
        Assert.Equal(["delivered", "failed"], log.Select(entry => entry!["outcome"]!.GetValue<string>()));
        Assert.Equal(500, log[1]!["statusCode"]!.GetValue<int>());
        Assert.NotNull(log[1]!["nextAttemptAt"]);
        Assert.Equal(2, log[0]!["attempt"]!.GetValue<int>());
    }

    [Fact]
    public async Task InstanceStoppedMidDelivery_AnotherInstanceDeliversIt_OnceMoreAtMost()
    {
        await using var world = await WebhookWorld.StartAsync();
        var first = world.StartHost();
        using var admin = first.CreateAdminClient();
        var held = world.Receiver.Holds("POST", WebhookWorld.ReceiverPath, _ => Connector.Testing.Providers.WireRequests.Message(200, "text/plain", "ok"));
        await WebhookWorld.CreateWebhookAsync(admin, world.ReceiverUrl, "User.Updated");
        await world.DisableSeededUserAsync(admin);
        await held.ArrivalOf(1);

        // The delivering instance goes away mid-attempt, answer unread; it records nothing, as a killed one would.
        await first.DisposeAsync();
        held.Release();
        Assert.Equal(1L, await world.OutboxCountAsync());
        Assert.Empty(await world.LogOutcomesAsync());

        var second = world.StartHost();
        await world.UntilAsync(async () => await world.OutboxCountAsync() == 0, "the other instance delivered", advanceClock: true);

        var deliveries = world.Deliveries();
        Assert.Equal(2, deliveries.Count);
        Assert.Equal(deliveries[0].Header("connectors-delivery-id"), deliveries[1].Header("connectors-delivery-id"));
        // The receiver's log is in answer order, and the first request was answered (to nobody) only when released.
        Assert.Equal(["1", "2"], deliveries.Select(d => d.Header("connectors-delivery-attempt")!).Order(StringComparer.Ordinal));
        Assert.Equal(["delivered"], await world.LogOutcomesAsync());
        Assert.Equal(1, Assert.Single(await world.Database.QueryAsync<int>("SELECT count(*)::int FROM webhook_deliveries WHERE attempt = 2")));
        Assert.NotNull(second);
    }

    [Fact]
    public async Task OperatorUnlinkingAndErasingAUser_DeliversIdentityUnlinkedAndUserDeleted()
    {
        await using var world = await WebhookWorld.StartAsync();
        var host = world.StartHost();
        using var admin = host.CreateAdminClient();
        world.Receiver.On("POST", WebhookWorld.ReceiverPath, FakeProvider.Status(200));
        await WebhookWorld.CreateWebhookAsync(admin, world.ReceiverUrl, "Identity.Unlinked", "User.Deleted");
        var userId = await Seed.UserWithIdentityAsync(world.Database, "gitlab", "erased-user", "Erased");

        using (var unlinked = await admin.DeleteAsync($"/api/users/{userId}/identities/gitlab", Ct))
        {
            Assert.Equal(HttpStatusCode.NoContent, unlinked.StatusCode);
        }

        using (var deleted = await admin.DeleteAsync($"/api/users/{userId}", Ct))
        {
            Assert.Equal(HttpStatusCode.NoContent, deleted.StatusCode);
        }

        await world.UntilAsync(() => world.Deliveries().Count == 2, "both events delivered");
        var payloads = world.Deliveries().Select(d => JsonNode.Parse(d.RequestMessage!.Body!)!).ToDictionary(p => p["event"]!.GetValue<string>());
        Assert.Equal("gitlab", payloads["Identity.Unlinked"]["connectorId"]!.GetValue<string>());
        Assert.Equal("Erased", payloads["Identity.Unlinked"]["user"]!["name"]!.GetValue<string>());
        Assert.Equal(userId, payloads["User.Deleted"]["userId"]!.GetValue<Guid>());
        Assert.Null(payloads["User.Deleted"]["user"]);
    }

    [Fact]
    public async Task DisabledWebhook_IsSentNothing()
    {
        await using var world = await WebhookWorld.StartAsync();
        var host = world.StartHost();
        using var admin = host.CreateAdminClient();
        world.Receiver.On("POST", WebhookWorld.ReceiverPath, FakeProvider.Status(200));
        var (webhookId, _) = await WebhookWorld.CreateWebhookAsync(admin, world.ReceiverUrl, "User.Updated");
        using (var patched = await admin.PatchAsync($"/api/webhooks/{webhookId}", HttpJson.Body("""{"enabled":false}""", "application/merge-patch+json"), Ct))
        {
            Assert.Equal(HttpStatusCode.OK, patched.StatusCode);
        }

        await world.DisableSeededUserAsync(admin);

        Assert.Equal(0L, await world.OutboxCountAsync());
        Assert.Empty(world.Deliveries());
    }

    /// <summary>A browser of its own signs in through the connector, up to the redirect back into the app.</summary>
    private static async Task SignInThroughANewBrowserAsync(HostFactory host)
    {
        using var browser = host.NewBrowser();
        using var callback = await browser.SignInAsync(WebhookWorld.ConnectorId);
        Assert.Equal(HttpStatusCode.Redirect, callback.StatusCode);
    }
}
