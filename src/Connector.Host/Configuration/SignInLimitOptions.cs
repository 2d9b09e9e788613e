namespace Connector.Host.Configuration;

/// <summary><c>Connectors:SignIn</c>: bounds on what anonymous visitors can make the service keep.</summary>
internal sealed class SignInLimitOptions
{
    /// <summary>
    /// Unfinished sign-ins kept at once across all instances (pending, or expired and not yet cleaned up). Starts
    /// beyond it are refused for a minute: a browser without cookies escapes the per-browser cap, this does not.
    /// </summary>
    public int MaxPendingStates { get; set; } = 100_000;
}
