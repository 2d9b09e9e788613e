using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization.Metadata;
using Connector.Host.AdminApi.Input;
using Connector.Host.Audit;
using Connector.Host.Connectors;
using Connector.Host.Persistence;
using Connector.Host.Problems;

namespace Connector.Host.Users;

/// <summary>
/// What an operator does to users — list, disable, give roles, sign out everywhere, unlink, erase — each change
/// audited with the operator as actor, in the transaction of the change. The admin API and the console both call this.
/// </summary>
internal sealed class UserAdminService(UserStore store, TimeProvider time)
{
    private static readonly JsonTypeInfo<UserPatch> PatchType = (JsonTypeInfo<UserPatch>)ConnectorJson.Options.GetTypeInfo(typeof(UserPatch));

    public Task<IReadOnlyList<UserAccount>> ListAsync(UserListQuery query, CancellationToken ct) =>
        store.ListAsync(query.Search, query.After, query.Limit, ct);

    public Task<UserAccount?> GetAsync(Guid id, CancellationToken ct) => store.GetAsync(id, ct);

    /// <summary>A merge patch (RFC 7396) of <c>disabled</c> and <c>roles</c>; disabling signs the user out everywhere.</summary>
    public async Task<UserOutcome> PatchAsync(Guid id, JsonObject patch, string actor, CancellationToken ct)
    {
        if (await store.GetAsync(id, ct) is not { } account)
        {
            return new UserOutcome.NotFound();
        }

        var errors = new FieldErrors();
        var before = account.User;
        var current = new JsonObject { ["disabled"] = before.Disabled, ["roles"] = new JsonArray([.. before.Roles.Select(role => JsonValue.Create(role))]) };
        var merged = MergePatch.Apply(current, patch) as JsonObject ?? [];
        var read = JsonShape.Check(merged, PatchType, "", errors).Deserialize(PatchType)!;
        var roles = (read.Roles ?? []).ToArray();
        for (var i = 0; i < roles.Length; i++)
        {
            if (!UserRoles.All.Contains(roles[i]))
            {
                errors.Add($"roles.{i}", ErrorCodes.Field.OneOf, $"Must be one of {string.Join(", ", UserRoles.All)}.");
            }
        }

        if (!errors.IsEmpty)
        {
            return new UserOutcome.Invalid(errors);
        }

        var disabled = read.Disabled ?? false;
        roles = [.. roles.Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal)];
        string[] changed = [.. new[] { ("disabled", disabled != before.Disabled), ("roles", !roles.SequenceEqual(before.Roles)) }
            .Where(field => field.Item2).Select(field => field.Item1)];
        if (changed.Length == 0)
        {
            return new UserOutcome.Saved(account);
        }

        var now = Timestamps.Now(time);
        var audit = Audit(now, actor, UserAudit.Updated, id, new JsonObject { ["changed"] = new JsonArray([.. changed.Select(field => JsonValue.Create(field))]) });
        var updated = await store.UpdateAsync(id, disabled, roles, revokesSessions: disabled && !before.Disabled, now, audit, ct);
        return updated is null ? new UserOutcome.NotFound() : new UserOutcome.Saved(account with { User = updated });
    }

    /// <summary>Erases the user: identities, the issuer's grants and tokens; the audit keeps the event, without the profile.</summary>
    public async Task<UserOutcome> DeleteAsync(Guid id, string actor, CancellationToken ct) =>
        await store.DeleteAsync(id, Audit(Timestamps.Now(time), actor, UserAudit.Deleted, id, null), ct) ? new UserOutcome.Done() : new UserOutcome.NotFound();

    /// <summary>Removes the user's identity of <paramref name="connectorId"/>; the user stays.</summary>
    public async Task<UserOutcome> UnlinkAsync(Guid id, string connectorId, string actor, CancellationToken ct)
    {
        if (await store.GetUserAsync(id, ct) is null)
        {
            return new UserOutcome.NotFound();
        }

        var audit = Audit(Timestamps.Now(time), actor, UserAudit.IdentityUnlinked, id, new JsonObject { ["connectorId"] = connectorId });
        return await store.UnlinkAsync(id, connectorId, audit, ct) ? new UserOutcome.Done() : new UserOutcome.IdentityNotFound(connectorId);
    }

    /// <summary>Signs the user out everywhere: every session of ours, every refresh and access token of every app.</summary>
    public async Task<UserOutcome> RevokeSessionsAsync(Guid id, string actor, CancellationToken ct)
    {
        var now = Timestamps.Now(time);
        return await store.RevokeSessionsAsync(id, now, Audit(now, actor, UserAudit.SessionsRevoked, id, null), ct)
            ? new UserOutcome.Done()
            : new UserOutcome.NotFound();
    }

    private static AuditEntry Audit(DateTimeOffset now, string actor, string action, Guid id, JsonObject? details) =>
        new(now, actor, action, id.ToString(), AuditOutcomes.Success, details);
}
