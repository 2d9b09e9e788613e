namespace Connector.Host.Security;

/// <summary>Key and secret log events (ids 3000–3099).</summary>
internal static partial class SecurityLog
{
    [LoggerMessage(EventId = 3001, Level = LogLevel.Warning, Message = "Rejected an invalid admin key on {Path}")]
    public static partial void AdminKeyRejected(ILogger logger, PathString path);

    [LoggerMessage(EventId = 3002, Level = LogLevel.Information, Message = "Created Data Protection key {KeyId} in the shared key ring")]
    public static partial void DataProtectionKeyCreated(ILogger logger, Guid keyId);

    [LoggerMessage(EventId = 3003, Level = LogLevel.Information, Message = "Encrypted {Count} Data Protection keys written before the key ring had a certificate")]
    public static partial void KeysReprotected(ILogger logger, int count);
}
