using System.Security.Cryptography;
using System.Text.Json;
using System.Text.Json.Nodes;
using Connector.Host.AdminApi.Input;
using Connector.Host.Audit;
using Connector.Host.Connectors;
using Connector.Host.Oidc.Stores;
using Connector.Host.Persistence;
using Connector.Host.Problems;
using Microsoft.Extensions.Options;
using OpenIddict.Abstractions;
using OpenIddict.Core;
using OpenIddict.Server;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace Connector.Host.Oidc.Apps;

/// <summary>
/// Registers OIDC client apps through OpenIddict's application manager, which hashes the client secret
/// itself (salted PBKDF2) before our store sees it. Each change carries its audit event into the store's
/// transaction; the secret never enters an audit event or a log.
/// </summary>
internal sealed class AppAdminService(
    OpenIddictApplicationManager<OidcApplication> manager,
    ConnectorStore connectors,
    IOptions<OpenIddictServerOptions> oidc,
    TimeProvider time,
    ILogger<AppAdminService> logger)
{
    private const string ClientIdAlphabet = "abcdefghijklmnopqrstuvwxyz0123456789";

    public async Task<OidcApplication?> FindAsync(Guid id, CancellationToken ct) =>
        await manager.FindByIdAsync(id.ToString(), ct);

    /// <summary>
    /// The app as the admin API and the console show it: its settings, the issuer and its discovery document (Logto's
    /// "Issuer endpoint" and "OpenID Provider configuration endpoint"), and <paramref name="secret"/> when it was just made.
    /// </summary>
    public AppResponse Describe(OidcApplication app, string? secret = null) => AppDocuments.Response(app, oidc.Value.Issuer!, secret);

    public async Task<IReadOnlyList<OidcApplication>> ListAsync(CancellationToken ct)
    {
        var apps = new List<OidcApplication>();
        await foreach (var app in manager.ListAsync(count: null, offset: null, ct))
        {
            apps.Add(app);
        }

        return apps;
    }

    /// <summary>Registers an app from its document (<see cref="AppRequest"/>); the secret is in the outcome, and nowhere else.</summary>
    public async Task<AppOutcome> CreateAsync(JsonObject document, string actor, CancellationToken ct)
    {
        var errors = new FieldErrors();
        if (AppDraftReader.Read(document, stored: null, await KnownConnectorsAsync(ct), errors) is not { } draft)
        {
            return new AppOutcome.Invalid(errors);
        }

        // 21 characters like Logto's app ids.
        var clientId = RandomNumberGenerator.GetString(ClientIdAlphabet, 21);
        var app = new OidcApplication { Id = Guid.NewGuid() };
        await manager.PopulateAsync(app, Descriptor(draft, clientId), ct);
        app.PendingAudit = Audit(OidcAudit.AppCreated, app.Id, actor, new JsonObject { ["name"] = draft.Name, ["type"] = draft.Type, ["clientId"] = clientId });
        // A public client (RFC 6749 §2.1) has no secret: it could not keep one.
        var secret = AppTypes.IsPublic(draft.Type) ? null : NewSecret();
        if (secret is null)
        {
            await manager.CreateAsync(app, ct);
        }
        else
        {
            await manager.CreateAsync(app, secret, ct);
        }

        OidcLog.AppChanged(logger, app.Id, OidcAudit.AppCreated, actor);
        return new AppOutcome.Saved(app, secret);
    }

    /// <summary>Applies <paramref name="patch"/> as a JSON merge patch (RFC 7396) to the app's document.</summary>
    public async Task<AppOutcome> PatchAsync(Guid id, JsonObject patch, string actor, CancellationToken ct)
    {
        if (await FindAsync(id, ct) is not { } app)
        {
            return new AppOutcome.NotFound();
        }

        var before = AppDocuments.Draft(app);
        var errors = new FieldErrors();
        var merged = (JsonObject)MergePatch.Apply(AppDocuments.Editable(app), patch)!;
        if (AppDraftReader.Read(merged, app, await KnownConnectorsAsync(ct), errors) is not { } draft)
        {
            return new AppOutcome.Invalid(errors);
        }

        var changed = AppDocuments.Changed(before, draft);
        if (changed.Count == 0)
        {
            return new AppOutcome.Saved(app);
        }

        var descriptor = new OpenIddictApplicationDescriptor();
        await manager.PopulateAsync(descriptor, app, ct);
        Apply(descriptor, draft);
        app.PendingAudit = Audit(OidcAudit.AppUpdated, id, actor, new JsonObject { ["changed"] = new JsonArray([.. changed.Select(field => JsonValue.Create(field))]) });
        return await SaveAsync(app, actor, OidcAudit.AppUpdated, () => manager.UpdateAsync(app, descriptor, ct));
    }

    /// <summary>A new secret, shown once; the old one stops working at once. Public apps never get one.</summary>
    public async Task<AppOutcome> RotateSecretAsync(Guid id, string actor, CancellationToken ct)
    {
        if (await FindAsync(id, ct) is not { } app)
        {
            return new AppOutcome.NotFound();
        }

        if (app.ClientType == ClientTypes.Public)
        {
            var errors = new FieldErrors();
            errors.Add("type", ErrorCodes.Field.UnsupportedValue, "Public apps (spa, native) have no client secret to rotate.");
            return new AppOutcome.Invalid(errors);
        }

        var secret = NewSecret();
        app.PendingAudit = Audit(OidcAudit.AppSecretRotated, id, actor, null);
        var outcome = await SaveAsync(app, actor, OidcAudit.AppSecretRotated, () => manager.UpdateAsync(app, secret, ct));
        return outcome is AppOutcome.Saved ? new AppOutcome.Saved(app, secret) : outcome;
    }

    /// <summary>Deletes the app with every authorization and token issued to it (foreign keys cascade).</summary>
    public async Task<AppOutcome> DeleteAsync(Guid id, string actor, CancellationToken ct)
    {
        if (await FindAsync(id, ct) is not { } app)
        {
            return new AppOutcome.NotFound();
        }

        app.PendingAudit = Audit(OidcAudit.AppDeleted, id, actor, new JsonObject { ["clientId"] = app.ClientId });
        return await SaveAsync(app, actor, OidcAudit.AppDeleted, () => manager.DeleteAsync(app, ct));
    }

    private async Task<AppOutcome> SaveAsync(OidcApplication app, string actor, string action, Func<ValueTask> write)
    {
        try
        {
            await write();
        }
        catch (OpenIddictExceptions.ConcurrencyException)
        {
            return new AppOutcome.Concurrent();
        }

        OidcLog.AppChanged(logger, app.Id, action, actor);
        return new AppOutcome.Saved(app);
    }

    private static OpenIddictApplicationDescriptor Descriptor(AppDraft draft, string clientId)
    {
        var descriptor = new OpenIddictApplicationDescriptor
        {
            ClientId = clientId,
            ClientType = AppTypes.ClientTypeOf(draft.Type),
            ApplicationType = AppTypes.ApplicationTypeOf(draft.Type),
            // The operator's registration is the user's consent (docs/oidc.md): no consent screen.
            ConsentType = ConsentTypes.Implicit,
        };
        descriptor.Permissions.UnionWith([
            Permissions.Endpoints.Authorization, Permissions.Endpoints.Token, Permissions.Endpoints.EndSession,
            Permissions.GrantTypes.AuthorizationCode, Permissions.GrantTypes.RefreshToken, Permissions.ResponseTypes.Code,
            Permissions.Scopes.Profile, Permissions.Scopes.Email, Permissions.Scopes.Phone,
            Permissions.Prefixes.Scope + OidcScopes.Identities, Permissions.Prefixes.Scope + OidcScopes.IdentityTokens,
        ]);
        Apply(descriptor, draft);
        return descriptor;
    }

    private static void Apply(OpenIddictApplicationDescriptor descriptor, AppDraft draft)
    {
        descriptor.DisplayName = draft.Name;
        descriptor.RedirectUris.Clear();
        descriptor.RedirectUris.UnionWith(draft.RedirectUris.Select(uri => new Uri(uri, UriKind.Absolute)));
        descriptor.PostLogoutRedirectUris.Clear();
        descriptor.PostLogoutRedirectUris.UnionWith(draft.PostLogoutRedirectUris.Select(uri => new Uri(uri, UriKind.Absolute)));
        descriptor.Properties[OidcAppProperties.IdTokenSignedResponseAlg] = JsonSerializer.SerializeToElement(draft.IdTokenSignedResponseAlg);
        descriptor.Properties[OidcAppProperties.CorsOrigins] = JsonSerializer.SerializeToElement(draft.CorsOrigins);
        descriptor.Properties[OidcAppProperties.Connectors] = JsonSerializer.SerializeToElement(draft.Connectors);
        // Per app, not server-wide: a traditional app's challenge is verified whenever one is sent (RFC 7636 §4.6),
        // and required only when the operator asks; public apps always require it (RFC 9700 §2.1.1).
        if (draft.RequirePkce)
        {
            descriptor.Requirements.Add(Requirements.Features.ProofKeyForCodeExchange);
        }
        else
        {
            descriptor.Requirements.Remove(Requirements.Features.ProofKeyForCodeExchange);
        }
    }

    private async Task<IReadOnlySet<string>> KnownConnectorsAsync(CancellationToken ct) =>
        (await connectors.ListAsync(ct)).Select(row => row.Id).ToHashSet(StringComparer.Ordinal);

    private AuditEntry Audit(string action, Guid id, string actor, JsonObject? details) =>
        new(Timestamps.Now(time), actor, action, id.ToString(), AuditOutcomes.Success, details);

    /// <summary>32 random bytes (RFC 6749 §10.10).</summary>
    private static string NewSecret() => Microsoft.IdentityModel.Tokens.Base64UrlEncoder.Encode(RandomNumberGenerator.GetBytes(32));
}
