namespace Connector.Host.Audit;

/// <summary>How one target's events of one action came out over a period: successes, failures, and the last success.</summary>
public sealed record AuditOutcomeCounts(string Target, long Succeeded, long Failed, DateTime? LastSucceededAt)
{
    /// <summary>The share of successes, or null when nothing happened.</summary>
    public double? SuccessRate => Succeeded + Failed == 0 ? null : (double)Succeeded / (Succeeded + Failed);
}
