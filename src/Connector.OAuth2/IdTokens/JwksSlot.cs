using Connector.OAuth2.Results;
using Microsoft.IdentityModel.Tokens;

namespace Connector.OAuth2.IdTokens;

/// <summary>The cached state of one JWKS URI: the last good set, the last attempt, and the fetch in flight.</summary>
internal sealed class JwksSlot
{
    public Lock Gate { get; } = new();

    public JwksSnapshot? Current { get; set; }

    public DateTimeOffset? LastAttempt { get; set; }

    /// <summary>Shared by every caller that needs a fresh set at once, so one rotation costs the provider one request.</summary>
    public Task<ConnectorResult<IReadOnlyList<JsonWebKey>>>? Pending { get; set; }
}
