using System.Text.Json.Nodes;

namespace Connector.Host.Audit;

/// <summary>An audit event to record. <see cref="Details"/> must never hold secrets, tokens or raw profiles.</summary>
internal sealed record AuditEntry(DateTimeOffset OccurredAt, string Actor, string Action, string? Target, string Outcome, JsonObject? Details);
