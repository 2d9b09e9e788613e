using System.Text.Json.Nodes;
using Connector.Host.AdminApi.Input;
using Connector.Host.Audit;
using Connector.Host.Connectors.Presets;
using Connector.Host.Persistence;
using Connector.Host.Problems;
using Connector.Host.Security;

namespace Connector.Host.Connectors.Api;

/// <summary>Creates, changes and deletes connectors: the secret and private keys are encrypted before they are stored, and each change is audited.</summary>
internal sealed class ConnectorAdminService(
    ConnectorStore store,
    ConnectorDraftReader reader,
    PresetCatalog presets,
    ClientSecretProtector protector,
    ConnectorConfigLoader loader,
    TimeProvider time,
    ILogger<ConnectorAdminService> logger)
{
    private const int GeneratedIdAttempts = 5;

    /// <summary>
    /// Registers a connector from its document: ours, Logto's shape (<see cref="LogtoConnectorShape"/>), or a preset with
    /// overrides (<see cref="PresetExpansion"/>). Every problem of the document is reported at once.
    /// </summary>
    public async Task<ConnectorOutcome> CreateAsync(JsonObject document, string actor, CancellationToken ct)
    {
        var errors = new FieldErrors();
        var body = LogtoConnectorShape.Applies(document) ? LogtoConnectorShape.Translate(document, errors, create: true) : document;
        var (expanded, preset) = PresetExpansion.Expand(body, presets, errors);
        var draft = expanded is null ? null : await reader.ReadAsync(expanded, errors, ct);
        if (draft is null)
        {
            return new ConnectorOutcome.Invalid(errors);
        }

        return await CreateAsync(draft with { Preset = preset?.Id }, actor, ct) is { } row
            ? new ConnectorOutcome.Saved(row)
            : new ConnectorOutcome.Taken(body["id"] is not null || preset is null
                ? $"A connector with the id '{draft.Id}' already exists."
                : $"A connector with the id '{draft.Id}' (the preset's id) already exists; give another id.");
    }

    /// <summary>The stored row, or null when the caller's explicit id is taken.</summary>
    private async Task<ConnectorRow?> CreateAsync(ConnectorDraft draft, string actor, CancellationToken ct)
    {
        var baseId = draft.Id ?? ConnectorIds.FromName(draft.Name);
        var id = baseId;
        for (var attempt = 0; attempt < GeneratedIdAttempts; attempt++)
        {
            var now = Timestamps.Now(time);
            var row = protector.WithSecrets(new ConnectorRow
            {
                Id = id,
                Name = draft.Name,
                LogoUrl = draft.LogoUrl,
                LogoDarkUrl = draft.LogoDarkUrl,
                DisplayNames = ConnectorDocuments.StoredDisplayNames(draft.DisplayNames),
                Enabled = draft.Enabled,
                Config = ConnectorDocuments.StoredConfig(draft.Config).ToJsonString(),
                ClientSecretProtected = "",
                Settings = ConnectorDocuments.StoredSettings(draft.Settings),
                // A new generation even when an id is reused: identities of a deleted namesake never match.
                Generation = Guid.NewGuid(),
                Revision = 1,
                CreatedAt = now.UtcDateTime,
                UpdatedAt = now.UtcDateTime,
            }, draft.Config);
            var audit = new AuditEntry(now, actor, ConnectorAudit.Created, id, AuditOutcomes.Success, CreatedDetails(draft));
            if (await store.TryInsertAsync(row, audit, ct))
            {
                ConnectorsLog.ConnectorCreated(logger, id, actor);
                return row;
            }

            if (draft.Id is not null)
            {
                return null;
            }

            id = ConnectorIds.WithSuffix(baseId);
        }

        throw new InvalidOperationException($"No free connector id found for '{baseId}' after {GeneratedIdAttempts} attempts.");
    }

    private static JsonObject CreatedDetails(ConnectorDraft draft)
    {
        var details = new JsonObject { ["name"] = draft.Name };
        if (draft.Preset is not null)
        {
            details["preset"] = draft.Preset;
        }

        return details;
    }

    /// <summary>Applies <paramref name="patch"/> as a JSON merge patch (RFC 7396) to the stored connector; a patch without <c>clientSecret</c>, or without a key's <c>privateKey</c>, keeps it.</summary>
    public async Task<ConnectorOutcome> PatchAsync(string id, JsonObject patch, string actor, CancellationToken ct)
    {
        var row = await store.GetAsync(id, ct);
        if (row is null)
        {
            return new ConnectorOutcome.NotFound();
        }

        var errors = new FieldErrors();
        var logto = LogtoConnectorShape.Applies(patch);
        patch = logto ? LogtoConnectorShape.Translate(patch, errors, create: false) : patch.DeepClone().AsObject();
        if (patch.TryGetPropertyValue("id", out var patchedId))
        {
            if (patchedId?.GetValueKind() != System.Text.Json.JsonValueKind.String || patchedId.GetValue<string>() != id)
            {
                errors.Add("id", ErrorCodes.Field.ReadOnly, "The id of a connector cannot change.");
            }

            patch.Remove("id");
        }

        var confirmed = ProviderChange.ReadConfirmation(patch, errors);
        if (patch.Remove(PresetExpansion.PresetField))
        {
            // A preset is a starting point for a create; afterwards the connector's own fields are what changes.
            errors.Add(PresetExpansion.PresetField, ErrorCodes.Field.ReadOnly, "A preset applies only when a connector is created; change its fields instead.");
        }

        var secrets = protector.Unprotect(row);
        var editable = ConnectorDocuments.Editable(row, secrets);
        if (logto && patch["displayNames"] is JsonObject)
        {
            // Logto's metadata.name is replaced whole, not merged: the names it gives are the names there are.
            editable["displayNames"] = new JsonObject();
        }

        var merged = (JsonObject)MergePatch.Apply(editable, patch)!;
        var draft = await reader.ReadAsync(merged, errors, ct);
        if (draft is null)
        {
            return new ConnectorOutcome.Invalid(errors);
        }

        var providerChanged = ProviderChange.Between(ConnectorDocuments.ToConfig(row.Config, secrets), draft.Config);
        if (providerChanged && !confirmed)
        {
            errors.Add(ProviderChange.ConfirmationField, ErrorCodes.Field.ProviderChangeUnconfirmed, ProviderChange.Explanation);
            return new ConnectorOutcome.Invalid(errors);
        }

        var config = ConnectorDocuments.StoredConfig(draft.Config);
        var changed = ConnectorChanges.Between(row, draft, config, ConnectorSecrets.Of(draft.Config).ChangedFrom(secrets));
        if (changed.Count == 0)
        {
            return new ConnectorOutcome.Saved(row);
        }

        var now = Timestamps.Now(time);
        var updated = protector.WithSecrets(row with
        {
            Name = draft.Name,
            LogoUrl = draft.LogoUrl,
            LogoDarkUrl = draft.LogoDarkUrl,
            DisplayNames = ConnectorDocuments.StoredDisplayNames(draft.DisplayNames),
            Enabled = draft.Enabled,
            Config = config.ToJsonString(),
            Settings = ConnectorDocuments.StoredSettings(draft.Settings),
            Generation = providerChanged ? Guid.NewGuid() : row.Generation,
            UpdatedAt = now.UtcDateTime,
        }, draft.Config, before: secrets);
        var details = new JsonObject { ["changed"] = new JsonArray([.. changed.Select(field => JsonValue.Create(field))]) };
        if (providerChanged)
        {
            details["providerChanged"] = true;
        }
        var audit = new AuditEntry(now, actor, ConnectorAudit.Updated, id, AuditOutcomes.Success, details);
        if (!await store.TryUpdateAsync(updated, audit, ct))
        {
            return new ConnectorOutcome.Concurrent();
        }

        loader.Forget(id);
        ConnectorsLog.ConnectorUpdated(logger, id, actor, changed);
        return new ConnectorOutcome.Saved(updated with { Revision = row.Revision + 1 });
    }

    /// <summary>False when no such connector exists. Identities it created stay, with their users.</summary>
    public async Task<bool> DeleteAsync(string id, string actor, CancellationToken ct)
    {
        var audit = new AuditEntry(Timestamps.Now(time), actor, ConnectorAudit.Deleted, id, AuditOutcomes.Success, null);
        var deleted = await store.DeleteAsync(id, audit, ct);
        loader.Forget(id);
        if (deleted)
        {
            ConnectorsLog.ConnectorDeleted(logger, id, actor);
        }

        return deleted;
    }
}
