using System.Net;
using Connector.Host.Events;
using Connector.Host.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace Connector.Host.Tests.Webhooks;

/// <summary>The outbox holds an event exactly when its change committed, and the outbound guard stands between it and the network.</summary>
public sealed class WebhookOutboxTests
{
    [Fact]
    public async Task ChangeThatRollsBack_LeavesNoOutboxRow()
    {
        await using var world = await WebhookWorld.StartAsync();
        // A second sink after the webhooks' own: it fails once the outbox row is written, so the change's transaction rolls back.
        var host = world.StartHost(services: s => s.AddSingleton<IDomainEventSink, FailingSink>());
        using var admin = host.CreateAdminClient();
        await WebhookWorld.CreateWebhookAsync(admin, world.ReceiverUrl, "User.Updated");
        var userId = await Seed.UserWithIdentityAsync(world.Database, "seeded", "rolled-back", "Rolled back");

        using var response = await admin.PatchAsync($"/api/users/{userId}", HttpJson.Body("""{"disabled":true}""", "application/merge-patch+json"), WebhookWorld.Ct);

        Assert.Equal(HttpStatusCode.InternalServerError, response.StatusCode);
        Assert.True(FailingSink.SawOutboxRow, "the outbox row was written inside the change's transaction");
        Assert.Equal(0L, await world.OutboxCountAsync());
        Assert.False(Assert.Single(await world.Database.QueryAsync<bool>("SELECT disabled FROM users WHERE id = @Id", new { Id = userId })));
        Assert.Empty(world.Deliveries());
    }

    [Fact]
    public async Task WithoutInsecureEndpoints_TheGuardRefusesAPrivateAddress_AtSaveAndOnDelivery()
    {
        await using var world = await WebhookWorld.StartAsync();
        var host = world.StartHost(new Dictionary<string, string?> { ["Connectors:AllowInsecureEndpoints"] = "false" });
        using var admin = host.CreateAdminClient();
        world.Receiver.On("POST", WebhookWorld.ReceiverPath, FakeProvider.Status(200));
        var loopback = $"https://127.0.0.1:{new Uri(world.Receiver.Url).Port}{WebhookWorld.ReceiverPath}";

        using (var refused = await admin.PostAsync("/api/webhooks", HttpJson.Body($$"""{"url":"{{loopback}}","events":["User.Updated"]}"""), WebhookWorld.Ct))
        {
            var problem = await refused.AssertProblemAsync(HttpStatusCode.BadRequest, "validation_failed");
            Assert.Equal(["forbidden_address"], problem.CodesFor("url"));
        }

        // A name that resolved to a public address when saved and to loopback now (DNS rebinding): the delivery's guard refuses it.
        var (webhookId, _) = await WebhookWorld.CreateWebhookAsync(admin, "https://93.184.215.14/hook", "User.Updated");
        await world.Database.CountAsync("WITH changed AS (UPDATE webhooks SET url = @Url WHERE id = @Id RETURNING 1) SELECT count(*) FROM changed",
            new { Url = loopback, Id = webhookId });
        await world.DisableSeededUserAsync(admin);

        await world.UntilAsync(async () => (await world.LogOutcomesAsync()).Count == 1, "the attempt recorded");
        var error = Assert.Single(await world.Database.QueryAsync<string>("SELECT error FROM webhook_deliveries"));
        Assert.StartsWith("forbidden_address", error, StringComparison.Ordinal);
        Assert.Empty(world.Deliveries());
    }

    /// <summary>Checks, on the change's own transaction, that the outbox row is there, then fails the change.</summary>
    private sealed class FailingSink : IDomainEventSink
    {
        public static bool SawOutboxRow { get; private set; }

        public async Task WriteAsync(IReadOnlyList<DomainEvent> events, NpgsqlConnection connection, NpgsqlTransaction transaction, CancellationToken ct)
        {
            await using var count = new NpgsqlCommand("SELECT count(*) FROM webhook_outbox", connection, transaction);
            SawOutboxRow = (long)(await count.ExecuteScalarAsync(ct))! > 0;
            throw new InvalidOperationException("The change fails after its events were written.");
        }

        public ValueTask<bool> TakesAnyAsync(IReadOnlyCollection<string> types, NpgsqlConnection connection, CancellationToken ct) => ValueTask.FromResult(true);
    }
}
