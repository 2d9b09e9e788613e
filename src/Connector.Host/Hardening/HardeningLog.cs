namespace Connector.Host.Hardening;

/// <summary>Abuse-limit log events (ids 3100–3199).</summary>
internal static partial class HardeningLog
{
    [LoggerMessage(EventId = 3101, Level = LogLevel.Warning, Message = "Rate limit {Policy} refused a request from {Client} to {Path}")]
    public static partial void RateLimited(ILogger logger, string policy, string client, PathString path);

    [LoggerMessage(EventId = 3102, Level = LogLevel.Warning, Message = "Refused an admin API body over {MaxBytes} bytes on {Path}")]
    public static partial void BodyTooLarge(ILogger logger, long maxBytes, PathString path);
}
