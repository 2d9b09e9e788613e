namespace Connector.Host.Audit;

/// <summary>A row of <c>audit_events</c>.</summary>
internal sealed record AuditRow
{
    public long Id { get; init; }
    public DateTime OccurredAt { get; init; }
    public required string Actor { get; init; }
    public required string Action { get; init; }
    public string? Target { get; init; }
    public required string Outcome { get; init; }
    public string? Details { get; init; }
}
