using Connector.Host.Tests.SignIn;
using Dapper;

namespace Connector.Host.Tests.Oidc;

public sealed class PruningTests : IAsyncLifetime
{
    private const string InsertToken = """
        INSERT INTO oidc_tokens (id, subject, type, status, creation_date, expiration_date, concurrency_token)
        VALUES (@Id, 'someone', 'refresh_token', @Status, @Created, @Expires, 'c')
        """;

    private SignInHost _host = null!;

    public async ValueTask InitializeAsync() => _host = await SignInHost.StartAsync();

    public ValueTask DisposeAsync() => _host.DisposeAsync();

    [Fact]
    public async Task HourlyPruning_DeletesLongExpiredTokens_AndKeepsLiveOnes()
    {
        _ = _host.Factory.Services; // the host, and its hosted services, are running
        var now = _host.Clock.GetUtcNow();
        await using var connection = await _host.Database.OpenAsync();
        var expired = Guid.NewGuid();
        var live = Guid.NewGuid();
        await connection.ExecuteAsync(InsertToken, new { Id = expired, Status = "valid", Created = now.AddDays(-3), Expires = now.AddDays(-2) });
        await connection.ExecuteAsync(InsertToken, new { Id = live, Status = "valid", Created = now.AddDays(-3), Expires = now.AddDays(10) });

        _host.Clock.Advance(TimeSpan.FromHours(1));

        var remaining = await WaitForAsync(connection, ids => !ids.Contains(expired));
        Assert.DoesNotContain(expired, remaining);
        Assert.Contains(live, remaining);
    }

    /// <summary>The prune runs on the host's timer once the fake clock moved; poll the table instead of sleeping.</summary>
    private static async Task<List<Guid>> WaitForAsync(Npgsql.NpgsqlConnection connection, Func<List<Guid>, bool> done)
    {
        var ids = new List<Guid>();
        for (var attempt = 0; attempt < 1000; attempt++)
        {
            ids = [.. await connection.QueryAsync<Guid>("SELECT id FROM oidc_tokens")];
            if (done(ids))
            {
                break;
            }

            await Task.Yield();
        }

        return ids;
    }
}
