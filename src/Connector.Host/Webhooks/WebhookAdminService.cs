using System.Text.Json.Nodes;
using Connector.Host.AdminApi.Input;
using Connector.Host.Audit;
using Connector.Host.Persistence;
using Connector.Host.Problems;

namespace Connector.Host.Webhooks;

/// <summary>
/// The operator's changes to webhooks, each audited with the operator as actor. The audit records the events and
/// whether the webhook is enabled, never the URL (it may carry the receiver's token) nor the signing key.
/// </summary>
internal sealed class WebhookAdminService(
    WebhookStore store,
    WebhookDraftReader reader,
    WebhookSigningKeys keys,
    TimeProvider time,
    ILogger<WebhookAdminService> logger)
{
    public Task<IReadOnlyList<WebhookRow>> ListAsync(CancellationToken ct) => store.ListAsync(ct);

    public Task<WebhookRow?> FindAsync(Guid id, CancellationToken ct) => store.GetAsync(id, ct);

    /// <summary>Creates the webhook with a new signing key, which is in the outcome and nowhere else in clear.</summary>
    public async Task<WebhookOutcome> CreateAsync(JsonObject document, string actor, CancellationToken ct)
    {
        var errors = new FieldErrors();
        if (await reader.ReadAsync(document, stored: null, errors, ct) is not { } draft)
        {
            return new WebhookOutcome.Invalid(errors);
        }

        var now = Timestamps.Now(time);
        var id = Guid.CreateVersion7(now);
        var key = WebhookSigningKeys.NewKey();
        var row = new WebhookRow
        {
            Id = id,
            Url = draft.Url,
            Events = draft.Events,
            Enabled = draft.Enabled,
            SigningKeyProtected = keys.Protect(id, key),
            Revision = 1,
            CreatedAt = now.UtcDateTime,
            UpdatedAt = now.UtcDateTime,
        };
        await store.InsertAsync(row, Audit(WebhookAudit.Created, id, actor, now, Details(draft)), ct);
        WebhooksLog.WebhookChanged(logger, id, WebhookAudit.Created, actor);
        return new WebhookOutcome.Saved(row, key);
    }

    /// <summary>Applies <paramref name="patch"/> as a JSON merge patch (RFC 7396) to the webhook's document.</summary>
    public async Task<WebhookOutcome> PatchAsync(Guid id, JsonObject patch, string actor, CancellationToken ct)
    {
        if (await store.GetAsync(id, ct) is not { } stored)
        {
            return new WebhookOutcome.NotFound();
        }

        var errors = new FieldErrors();
        var merged = (JsonObject)MergePatch.Apply(Editable(stored), patch)!;
        if (await reader.ReadAsync(merged, stored, errors, ct) is not { } draft)
        {
            return new WebhookOutcome.Invalid(errors);
        }

        var changed = Changed(stored, draft);
        if (changed.Count == 0)
        {
            return new WebhookOutcome.Saved(stored);
        }

        var now = Timestamps.Now(time);
        var details = Details(draft);
        details["changed"] = new JsonArray([.. changed.Select(field => JsonValue.Create(field))]);
        var updated = await store.TryUpdateAsync(
            stored with { Url = draft.Url, Events = draft.Events, Enabled = draft.Enabled, UpdatedAt = now.UtcDateTime },
            Audit(WebhookAudit.Updated, id, actor, now, details), ct);
        if (updated is null)
        {
            return await store.GetAsync(id, ct) is null ? new WebhookOutcome.NotFound() : new WebhookOutcome.Concurrent();
        }

        WebhooksLog.WebhookChanged(logger, id, WebhookAudit.Updated, actor);
        return new WebhookOutcome.Saved(updated);
    }

    /// <summary>Deletes the webhook and its delivery log; what it had queued is dropped when due.</summary>
    public async Task<WebhookOutcome> DeleteAsync(Guid id, string actor, CancellationToken ct)
    {
        if (!await store.DeleteAsync(id, Audit(WebhookAudit.Deleted, id, actor, Timestamps.Now(time), null), ct))
        {
            return new WebhookOutcome.NotFound();
        }

        WebhooksLog.WebhookChanged(logger, id, WebhookAudit.Deleted, actor);
        return new WebhookOutcome.Deleted();
    }

    /// <summary>The editable fields, as a PATCH merges onto them.</summary>
    private static JsonObject Editable(WebhookRow row) => new()
    {
        ["url"] = row.Url,
        ["events"] = new JsonArray([.. row.Events.Select(type => JsonValue.Create(type))]),
        ["enabled"] = row.Enabled,
    };

    private static List<string> Changed(WebhookRow stored, WebhookDraft draft)
    {
        var changed = new List<string>();
        if (stored.Url != draft.Url)
        {
            changed.Add("url");
        }

        if (!stored.Events.SequenceEqual(draft.Events, StringComparer.Ordinal))
        {
            changed.Add("events");
        }

        if (stored.Enabled != draft.Enabled)
        {
            changed.Add("enabled");
        }

        return changed;
    }

    private static JsonObject Details(WebhookDraft draft) => new()
    {
        ["events"] = new JsonArray([.. draft.Events.Select(type => JsonValue.Create(type))]),
        ["enabled"] = draft.Enabled,
    };

    private static AuditEntry Audit(string action, Guid id, string actor, DateTimeOffset at, JsonObject? details) =>
        new(at, actor, action, id.ToString(), AuditOutcomes.Success, details);
}
