using System.Text.Json.Nodes;
using Connector.Host.Audit;
using Connector.Host.Configuration;
using Connector.Host.Connectors;
using Connector.Host.Persistence;
using Connector.Host.Problems;
using Connector.Host.Users;
using Connector.OAuth2;
using Connector.OAuth2.Diagnostics;
using Connector.OAuth2.Results;
using Microsoft.Extensions.Options;
using Npgsql;

namespace Connector.Host.TokenVault;

/// <summary>
/// Hands out an identity's stored provider access token (<c>docs/token-vault.md</c>), refreshing it first when it has
/// expired or will within <see cref="ExpiryMargin"/>. The refresh runs under the row's lock (<see cref="IdentityTokenStore.LockAsync"/>),
/// and the row is read again once the lock is held: when another request, on any instance, refreshed meanwhile, its
/// token is the answer and the provider is not called, so a rotating refresh token is spent exactly once. Every
/// answer is audited (which connector, whether refreshed, the outcome; never a token).
/// </summary>
internal sealed class IdentityTokenVault(
    UserStore users,
    ConnectorConfigLoader connectors,
    IdentityTokenStore store,
    IdentityTokenProtector protector,
    AuditStore audit,
    OAuth2Connector engine,
    IOptions<ConnectorsOptions> options,
    TimeProvider time,
    ILogger<IdentityTokenVault> logger)
{
    /// <summary>A token this close to its expiry is refreshed first: the caller still has to use it.</summary>
    public static readonly TimeSpan ExpiryMargin = TimeSpan.FromSeconds(30);

    private const string LockNotAvailable = "55P03"; // PostgreSQL's lock_not_available (lock_timeout)

    /// <summary>Which of these identities have tokens stored: whether, never what (the console shows it per identity).</summary>
    public Task<IReadOnlySet<long>> StoredForAsync(IReadOnlyCollection<long> identityIds, CancellationToken ct) => store.StoredForAsync(identityIds, ct);

    public async Task<VaultOutcome> AccessTokenAsync(Guid userId, string connectorId, string actor, CancellationToken ct)
    {
        var connector = await connectors.LoadAsync(connectorId, ct);
        var found = await users.FindIdentityAsync(userId, connectorId, connector?.Generation ?? Guid.Empty, ct);
        if (found is null)
        {
            return new VaultOutcome.UserNotFound();
        }

        if (connector is null)
        {
            return new VaultOutcome.IdentityNotFound(connectorId);
        }

        if (!connector.Settings.EnableTokenStorage)
        {
            return new VaultOutcome.StorageDisabled(connectorId);
        }

        if (found.Value.IdentityId is not { } identityId)
        {
            return new VaultOutcome.IdentityNotFound(connectorId);
        }

        var now = Timestamps.Now(time);
        var stored = await store.GetAsync(identityId, ct);
        if (stored is null)
        {
            return await AuditedAsync(NotStored(), now, actor, userId, connectorId, ct);
        }

        if (stored.IsFresh(now, ExpiryMargin))
        {
            return await AuditedAsync(Answer(stored), now, actor, userId, connectorId, ct);
        }

        return await RefreshAsync(connector, userId, identityId, actor, ct);
    }

    private async Task<VaultOutcome> RefreshAsync(LoadedConnector connector, Guid userId, long identityId, string actor, CancellationToken ct)
    {
        var outbound = TimeSpan.FromSeconds(Math.Max(1, options.Value.Outbound.TimeoutSeconds));
        IdentityTokenStore.Locked held;
        TokenVaultLog.TakingLock(logger, identityId);
        try
        {
            // Wait for one other refresh's whole provider call and a little more; a holder that stops talking is ended
            // by the database after its provider call could have ended twice.
            held = await store.LockAsync(identityId, wait: outbound + TimeSpan.FromSeconds(5), hold: outbound * 2, ct);
        }
        catch (PostgresException exception) when (exception.SqlState == LockNotAvailable)
        {
            TokenVaultLog.LockWaitExceeded(logger, identityId);
            return new VaultOutcome.Unavailable(UnavailableReasons.RefreshBusy, "Another refresh of this identity's tokens is taking too long; retry.");
        }

        await using (held)
        {
            var now = Timestamps.Now(time);
            if (held.Row is not { } row)
            {
                // Unlinked or erased since the first read.
                return new VaultOutcome.IdentityNotFound(connector.Id);
            }

            VaultOutcome outcome;
            if (row.IsFresh(now, ExpiryMargin))
            {
                TokenVaultLog.RefreshedMeanwhile(logger, connector.Id, identityId);
                outcome = Answer(row);
                await held.AuditAsync(Audit(now, actor, TokenVaultAudit.TokenRead, userId, connector.Id, outcome), ct);
            }
            else if (row.RefreshTokenProtected is null)
            {
                outcome = new VaultOutcome.Unavailable(UnavailableReasons.NoRefreshToken,
                    "The provider's access token has expired and no refresh token is stored: the user signs in again.");
                await held.AuditAsync(Audit(now, actor, TokenVaultAudit.TokenRead, userId, connector.Id, outcome), ct);
            }
            else
            {
                outcome = await RefreshHeldAsync(held, connector, identityId, row, ct);
                await held.AuditAsync(Audit(Timestamps.Now(time), actor, TokenVaultAudit.TokenRefreshed, userId, connector.Id, outcome), ct);
            }

            await held.CommitAsync(ct);
            return outcome;
        }
    }

    private async Task<VaultOutcome> RefreshHeldAsync(
        IdentityTokenStore.Locked held, LoadedConnector connector, long identityId, IdentityTokenRow row, CancellationToken ct)
    {
        var refreshToken = protector.Unprotect(identityId, IdentityTokenKinds.Refresh, row.RefreshTokenProtected!);
        var result = await engine.RefreshTokensAsync(connector.Config, refreshToken, new ProviderCalls(connector.Id), ct);
        var now = Timestamps.Now(time);
        if (result.IsError)
        {
            var outcome = Refused(result.Error);
            TokenVaultLog.RefreshFailed(logger, connector.Id, identityId, outcome.Reason, result.Error.Code, result.Error.ProviderError);
            if (result.Error.ProviderError == "invalid_grant")
            {
                await held.DropRefreshTokenAsync(identityId, now, ct);
            }

            return outcome;
        }

        var tokens = StoredTokens.From(identityId, result.Value, now, protector);
        await held.SaveRefreshedAsync(tokens, ct);
        TokenVaultLog.Refreshed(logger, connector.Id, identityId, rotated: tokens.RefreshTokenProtected is not null);
        return new VaultOutcome.Token(new AccessTokenResponse(result.Value.AccessToken, tokens.ExpiresAt, tokens.Scope ?? row.Scope));
    }

    /// <summary>
    /// A refusal is the provider's OAuth error (RFC 6749 §5.2) or a 4xx, and carries its words; a timeout, a 5xx, an
    /// unreachable or a garbled provider is <see cref="UnavailableReasons.ProviderUnreachable"/>.
    /// </summary>
    private static VaultOutcome.Unavailable Refused(ConnectorError error) =>
        error.Code == ConnectorErrorCodes.TokenExchangeFailed && (error.ProviderError is not null || error.ProviderStatus is >= 400 and < 500)
            ? new(UnavailableReasons.RefreshRefused, "The provider refused to refresh the access token: " + error.Message,
                error.ProviderError, error.ProviderErrorDescription)
            : new(UnavailableReasons.ProviderUnreachable, "The access token could not be refreshed: " + error.Message);

    private VaultOutcome.Token Answer(IdentityTokenRow row) => new(new AccessTokenResponse(
        protector.Unprotect(row.IdentityId, IdentityTokenKinds.Access, row.AccessTokenProtected),
        row.ExpiresAt is { } expiresAt ? new DateTimeOffset(expiresAt, TimeSpan.Zero) : null,
        row.Scope));

    private static VaultOutcome.Unavailable NotStored() => new(UnavailableReasons.NotStored,
        "No tokens are stored for this identity: it signed in before the connector kept them. The next sign-in stores them.");

    /// <summary>A read without a refresh: audited on its own, there is no transaction to join.</summary>
    private async Task<VaultOutcome> AuditedAsync(VaultOutcome outcome, DateTimeOffset now, string actor, Guid userId, string connectorId, CancellationToken ct)
    {
        await audit.AppendAsync(Audit(now, actor, TokenVaultAudit.TokenRead, userId, connectorId, outcome), ct);
        return outcome;
    }

    private static AuditEntry Audit(DateTimeOffset now, string actor, string action, Guid userId, string connectorId, VaultOutcome outcome)
    {
        var details = new JsonObject { ["connectorId"] = connectorId };
        if (outcome is VaultOutcome.Unavailable unavailable)
        {
            details["reason"] = unavailable.Reason;
            details["providerError"] = unavailable.ProviderError;
        }

        return new AuditEntry(now, actor, action, userId.ToString(),
            outcome is VaultOutcome.Token ? AuditOutcomes.Success : ErrorCodes.UpstreamTokenUnavailable, details);
    }
}
