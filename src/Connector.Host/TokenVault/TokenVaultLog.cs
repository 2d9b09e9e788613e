namespace Connector.Host.TokenVault;

/// <summary>The token vault's log events (ids 5400–5499). Never a token, only which identity and what happened.</summary>
internal static partial class TokenVaultLog
{
    [LoggerMessage(EventId = 5401, Level = LogLevel.Information, Message = "Refreshed the {ConnectorId} tokens of identity {IdentityId} (rotated: {Rotated})")]
    public static partial void Refreshed(ILogger logger, string connectorId, long identityId, bool rotated);

    [LoggerMessage(EventId = 5402, Level = LogLevel.Debug, Message = "The {ConnectorId} tokens of identity {IdentityId} were refreshed by another request meanwhile")]
    public static partial void RefreshedMeanwhile(ILogger logger, string connectorId, long identityId);

    [LoggerMessage(EventId = 5403, Level = LogLevel.Warning,
        Message = "Refreshing the {ConnectorId} tokens of identity {IdentityId} failed: {Reason} ({Code}, provider error {ProviderError})")]
    public static partial void RefreshFailed(ILogger logger, string connectorId, long identityId, string reason, string code, string? providerError);

    [LoggerMessage(EventId = 5404, Level = LogLevel.Warning, Message = "Waiting for another refresh of identity {IdentityId} took too long")]
    public static partial void LockWaitExceeded(ILogger logger, long identityId);

    /// <summary>Written just before a refresh waits for the identity's row lock (tests wait on it: no event tells when a lock wait begins).</summary>
    [LoggerMessage(EventId = 5405, Level = LogLevel.Information, Message = "The access token of identity {IdentityId} needs a refresh: taking its lock")]
    public static partial void TakingLock(ILogger logger, long identityId);
}
