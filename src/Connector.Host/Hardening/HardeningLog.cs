namespace Connector.Host.Hardening;

internal static partial class HardeningLog
{
    [LoggerMessage(EventId = 8001, Level = LogLevel.Warning, Message = "Rate limit {Policy} refused a request from {Client} to {Path}")]
    public static partial void RateLimited(ILogger logger, string policy, string client, PathString path);

    [LoggerMessage(EventId = 8002, Level = LogLevel.Warning, Message = "Refused an admin API body over {MaxBytes} bytes on {Path}")]
    public static partial void BodyTooLarge(ILogger logger, long maxBytes, PathString path);
}
