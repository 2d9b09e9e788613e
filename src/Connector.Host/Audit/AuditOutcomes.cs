namespace Connector.Host.Audit;

/// <summary>The outcome of an event that went well, and the actor of events no one signed for; a failure's outcome is its error code.</summary>
internal static class AuditOutcomes
{
    public const string Success = "success";

    /// <summary>A browser nobody is signed in with yet (a failed sign-in, a dry run's callback).</summary>
    public const string Anonymous = "anonymous";
}
