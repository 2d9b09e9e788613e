namespace Connector.Host.Configuration;

/// <summary><c>Connectors:Sessions</c>: how long an end user's session lives (<c>docs/configuration.md</c>).</summary>
internal sealed class SessionOptions
{
    /// <summary>Without activity, a session ends after this long (each visit extends it).</summary>
    public int SlidingMinutes { get; set; } = 480;

    /// <summary>However active, a session ends this long after the upstream sign-in that began it.</summary>
    public int AbsoluteHours { get; set; } = 168;

    public TimeSpan Sliding => TimeSpan.FromMinutes(SlidingMinutes);

    public TimeSpan Absolute => TimeSpan.FromHours(AbsoluteHours);
}
