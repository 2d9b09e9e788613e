namespace Connector.Host.Connectors.Discovery;

/// <summary>Answer of <c>POST /api/connectors/discover</c>: the prefilled config and what the admin should check.</summary>
internal sealed record DiscoveryResponse(string? Issuer, DiscoveredConfig Config, IReadOnlyList<string> Warnings);
