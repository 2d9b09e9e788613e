namespace Connector.Host.Persistence;

internal static class Timestamps
{
    /// <summary>Now, cut to PostgreSQL's microsecond precision, so what a write returns equals what a later read returns.</summary>
    public static DateTimeOffset Now(TimeProvider time)
    {
        var now = time.GetUtcNow();
        return now.AddTicks(-(now.Ticks % 10));
    }
}
