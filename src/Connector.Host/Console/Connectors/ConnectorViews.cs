using Connector.Host.Audit;

namespace Connector.Host.Console.Connectors;

/// <summary>A row of the connector list: the connector, its last successful sign-in ever, and its last 24 hours.</summary>
public sealed record ConnectorListItem(
    string Id, string Name, string? LogoUrl, string? LogoDarkUrl, bool Enabled, DateTime? LastSignIn, AuditOutcomeCounts? LastDay);

/// <summary>A catalogue preset as the console shows it (its notes are the catalogue's, in English).</summary>
public sealed record PresetView(
    string Id, string Name, string Docs, IReadOnlyList<string> Notes, string LogoUrl, string LogoDarkUrl, IReadOnlyList<string> Parameters);

/// <summary>
/// What the connector's page shows around its form: which secrets are stored (form paths, never values), and the public
/// JWK of its <c>private_key_jwt</c> key, indented, to copy to the provider.
/// </summary>
public sealed record ConnectorHeader(
    string Id, string Name, string? LogoUrl, string? LogoDarkUrl, bool Enabled, IReadOnlySet<string> StoredSecrets, string? PublicJwk, string CallbackUri);
