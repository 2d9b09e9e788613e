using System.Net;
using Connector.Host.Tests.Infrastructure;
using Connector.Host.Webhooks;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace Connector.Host.Tests.Webhooks;

/// <summary>
/// Each instance keeps the enabled webhooks in memory for the outbox; a webhook written through another instance reaches
/// it by the database's notification, and one written through itself at once.
/// </summary>
public sealed class WebhookSubscriptionsTests
{
    private const int Listening = 5209;
    private const int SubscriptionsChanged = 5211;
    private const string NewWebhook = """{"url":"https://hooks.example.com/in","events":["PostSignIn"]}""";

    // The listener's events are Debug.
    private static readonly Dictionary<string, string?> DebugLogs = new() { ["Logging:LogLevel:" + typeof(WebhookListener).Namespace] = "Debug" };

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task AWebhookCreatedThroughAnotherInstance_IsInThisInstancesSubscriptions_OnceItsNotificationArrives()
    {
        await using var database = await TestDatabase.CreateAsync();
        await using var writer = new HostFactory(database.ConnectionString, DebugLogs);
        await using var reader = new HostFactory(database.ConnectionString, DebugLogs);
        using var admin = writer.CreateAdminClient();
        reader.CreateClient().Dispose();
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(Ct);
        deadline.CancelAfter(TimeSpan.FromSeconds(15)); // a notification that never arrives fails the test, not the run
        await reader.Logs.WaitForAsync(Listening, deadline.Token);
        Assert.Empty(await EnabledAsync(reader)); // read, and kept

        var changed = reader.Logs.NextAsync(record => record.EventId.Id == SubscriptionsChanged, deadline.Token);
        using var created = await admin.PostAsync("/api/webhooks", HttpJson.Body(NewWebhook), Ct);
        await changed;

        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        Assert.Equal(["PostSignIn"], Assert.Single(await EnabledAsync(reader)).Events);
    }

    [Fact]
    public async Task AWebhookCreatedThroughThisInstance_IsInItsSubscriptions_AsSoonAsTheAnswerCame()
    {
        await using var database = await TestDatabase.CreateAsync();
        await using var host = new HostFactory(database.ConnectionString, DebugLogs);
        using var admin = host.CreateAdminClient();
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(Ct);
        deadline.CancelAfter(TimeSpan.FromSeconds(15));
        await host.Logs.WaitForAsync(Listening, deadline.Token);
        Assert.Empty(await EnabledAsync(host));

        using var created = await admin.PostAsync("/api/webhooks", HttpJson.Body(NewWebhook), Ct);

        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        Assert.Single(await EnabledAsync(host));
    }

    private static async Task<IReadOnlyList<WebhookSubscriptions.Subscriber>> EnabledAsync(HostFactory host)
    {
        await using var connection = await host.Services.GetRequiredService<NpgsqlDataSource>().OpenConnectionAsync(Ct);
        await using var transaction = await connection.BeginTransactionAsync(Ct);
        return await host.Services.GetRequiredService<WebhookSubscriptions>().EnabledAsync(connection, transaction, Ct);
    }
}
