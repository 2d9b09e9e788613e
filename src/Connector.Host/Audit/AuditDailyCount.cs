namespace Connector.Host.Audit;

/// <summary>How many events of one action had <see cref="Outcome"/> for <see cref="Target"/> on one UTC day.</summary>
public sealed record AuditDailyCount(DateOnly Day, string Target, string Outcome, long Count);
