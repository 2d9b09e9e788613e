using Connector.Host.Audit;

namespace Connector.Host.Console.Audit;

/// <summary>One event as the audit page lists it; <see cref="Details"/> is the event's secret-free JSON, as stored.</summary>
public sealed record AuditEventView(long Id, DateTime OccurredAt, string Actor, string Action, string? Target, string Outcome, string? Details)
{
    public bool Succeeded => Outcome == AuditOutcomes.Success;

    internal static AuditEventView From(AuditRow row) => new(row.Id, row.OccurredAt, row.Actor, row.Action, row.Target, row.Outcome, row.Details);
}
