using System.Text.Json.Nodes;
using Connector.Host.Tests.SignIn;
using Dapper;

namespace Connector.Host.Tests.Providers;

/// <summary>A <c>users</c> row as stored: the columns a sign-in fills.</summary>
public sealed record StoredUser(string? Name, string? Avatar, string? Email, bool? EmailVerified, string? Phone);

/// <summary>A <c>user_identities</c> row, its JSON columns parsed.</summary>
public sealed record StoredIdentity(string ConnectorId, string Subject, JsonObject Profile, JsonObject RawProfile);

/// <summary>The rows a sign-in left behind, read straight from the test's database.</summary>
public static class StoredRows
{
    /// <summary>The one user and its one identity (fails when there are more or none).</summary>
    public static async Task<(StoredUser User, StoredIdentity Identity)> SingleUserWithIdentityAsync(this SignInHost host)
    {
        await using var connection = await host.Database.OpenAsync();
        var user = Assert.Single(await connection.QueryAsync<UserRow>(
            "SELECT name AS Name, avatar AS Avatar, email AS Email, email_verified AS EmailVerified, phone AS Phone FROM users"));
        var identity = Assert.Single(await connection.QueryAsync<IdentityRow>(
            "SELECT connector_id AS ConnectorId, subject AS Subject, profile::text AS Profile, raw_profile::text AS RawProfile FROM user_identities"));
        return (new StoredUser(user.Name, user.Avatar, user.Email, user.EmailVerified, user.Phone),
            new StoredIdentity(identity.ConnectorId, identity.Subject, JsonNode.Parse(identity.Profile)!.AsObject(), JsonNode.Parse(identity.RawProfile)!.AsObject()));
    }

    /// <summary>The details of the single <c>sign_in</c> audit event with <paramref name="outcome"/> (null when it has none).</summary>
    public static async Task<JsonObject?> SignInAuditDetailsAsync(this SignInHost host, string outcome)
    {
        await using var connection = await host.Database.OpenAsync();
        var details = Assert.Single(await connection.QueryAsync<string?>(
            "SELECT details::text FROM audit_events WHERE action = 'sign_in' AND outcome = @Outcome", new { Outcome = outcome }));
        return details is null ? null : JsonNode.Parse(details)!.AsObject();
    }

    private sealed class UserRow
    {
        public string? Name { get; init; }

        public string? Avatar { get; init; }

        public string? Email { get; init; }

        public bool? EmailVerified { get; init; }

        public string? Phone { get; init; }
    }

    private sealed class IdentityRow
    {
        public string ConnectorId { get; init; } = "";

        public string Subject { get; init; } = "";

        public string Profile { get; init; } = "";

        public string RawProfile { get; init; } = "";
    }
}
