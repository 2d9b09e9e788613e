namespace Connector.Host.Oidc;

/// <summary>The issuer's log events (ids 5000–5099).</summary>
internal static partial class OidcLog
{
    [LoggerMessage(EventId = 5001, Level = LogLevel.Information, Message = "Created OIDC key {Kid} ({Algorithm})")]
    public static partial void KeyCreated(ILogger logger, string kid, string algorithm);

    [LoggerMessage(EventId = 5002, Level = LogLevel.Information, Message = "OIDC keys changed; the provider now signs and publishes the new set")]
    public static partial void KeysReloaded(ILogger logger);

    [LoggerMessage(EventId = 5003, Level = LogLevel.Warning, Message = "Reading the OIDC keys failed; the previous set stays in force")]
    public static partial void KeyRefreshFailed(ILogger logger, Exception exception);

    [LoggerMessage(EventId = 5004, Level = LogLevel.Information, Message = "App {AppId} ({Action}) by {Actor}")]
    public static partial void AppChanged(ILogger logger, Guid appId, string action, string actor);

    [LoggerMessage(EventId = 5005, Level = LogLevel.Information, Message = "Authorization request for client {ClientId} refused: {Error}")]
    public static partial void AuthorizationRefused(ILogger logger, string? clientId, string error);

    [LoggerMessage(EventId = 5010, Level = LogLevel.Information, Message = "Pruned {Tokens} OIDC tokens and {Authorizations} authorizations")]
    public static partial void Pruned(ILogger logger, long tokens, long authorizations);
}
