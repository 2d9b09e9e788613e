using System.Text.Json.Nodes;

namespace Connector.Host.Audit;

/// <summary>One audit event: time, actor, action, target, outcome code and secret-free details.</summary>
internal sealed record AuditEventResponse(
    long Id,
    DateTime OccurredAt,
    string Actor,
    string Action,
    string? Target,
    string Outcome,
    JsonNode? Details)
{
    public static AuditEventResponse From(AuditRow row) =>
        new(row.Id, row.OccurredAt, row.Actor, row.Action, row.Target, row.Outcome, row.Details is null ? null : JsonNode.Parse(row.Details));
}
