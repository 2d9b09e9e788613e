namespace Connector.Host.Console.Applications;

/// <summary>An app as its console pages show it: what identifies it and where it signs in; never its secret.</summary>
public sealed record AppView(
    Guid Id,
    string ClientId,
    string Name,
    string Type,
    string Issuer,
    string OpenidConfiguration,
    IReadOnlyList<string> RedirectUris);
