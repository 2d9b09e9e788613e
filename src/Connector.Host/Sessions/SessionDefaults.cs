namespace Connector.Host.Sessions;

/// <summary>
/// The end user's signed-in session: an ASP.NET Core cookie whose ticket is protected with the shared
/// Data Protection key ring (kept in PostgreSQL), so every host instance validates it.
/// </summary>
internal static class SessionDefaults
{
    public const string Scheme = "Connectors.Session";
    public const string CookieName = "connectors.session";

    /// <summary>Claim holding our user id (a UUID): the OIDC <c>sub</c> of apps.</summary>
    public const string UserIdClaim = "sub";

    /// <summary>Claim holding the connector the user signed in through.</summary>
    public const string ConnectorClaim = "connector";

    /// <summary>Claim holding the connector's generation then: a session does not outlive a change of provider.</summary>
    public const string ConnectorGenerationClaim = "connector_generation";

    /// <summary>Claim holding the session's own random id: what sign-out revokes.</summary>
    public const string SessionIdClaim = "sid";

    /// <summary>Claim holding the user's revocation epoch when the session began.</summary>
    public const string EpochClaim = "epoch";

    /// <summary>Claim holding when the upstream sign-in happened, in Unix milliseconds (OIDC's <c>auth_time</c> is its seconds).</summary>
    public const string AuthTimeClaim = "auth_time";
}
