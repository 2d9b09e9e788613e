namespace Connector.Host.Oidc;

internal static partial class OidcLog
{
    [LoggerMessage(EventId = 6001, Level = LogLevel.Information, Message = "Created OIDC key {Kid} ({Algorithm})")]
    public static partial void KeyCreated(ILogger logger, string kid, string algorithm);

    [LoggerMessage(EventId = 6002, Level = LogLevel.Information, Message = "OIDC keys changed; the provider now signs and publishes the new set")]
    public static partial void KeysReloaded(ILogger logger);

    [LoggerMessage(EventId = 6003, Level = LogLevel.Warning, Message = "Reading the OIDC keys failed; the previous set stays in force")]
    public static partial void KeyRefreshFailed(ILogger logger, Exception exception);

    [LoggerMessage(EventId = 6004, Level = LogLevel.Information, Message = "App {AppId} ({Action}) by {Actor}")]
    public static partial void AppChanged(ILogger logger, Guid appId, string action, string actor);

    [LoggerMessage(EventId = 6005, Level = LogLevel.Information, Message = "Authorization request for client {ClientId} refused: {Error}")]
    public static partial void AuthorizationRefused(ILogger logger, string? clientId, string error);
}
