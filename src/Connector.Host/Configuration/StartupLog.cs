namespace Connector.Host.Configuration;

/// <summary>Start-up log events (ids 2000–2099).</summary>
internal static partial class StartupLog
{
    [LoggerMessage(EventId = 2001, Level = LogLevel.Warning,
        Message = "Connectors:AllowInsecureEndpoints is on: http:// provider endpoints on loopback are accepted. Meant for development, tests and demos only.")]
    public static partial void InsecureEndpointsAllowed(ILogger logger);

    [LoggerMessage(EventId = 2002, Level = LogLevel.Warning,
        Message = "No admin API key is configured (Connectors:AdminApiKeys): every /api request will be refused.")]
    public static partial void NoAdminKeys(ILogger logger);

    [LoggerMessage(EventId = 2003, Level = LogLevel.Warning,
        Message = "The Data Protection key ring is not encrypted at rest (no Connectors:DataProtection:CertificatePath): a database dump opens connector secrets, signing keys and cookies.")]
    public static partial void KeyRingUnencrypted(ILogger logger);
}
