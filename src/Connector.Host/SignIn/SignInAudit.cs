using System.Text.Json.Nodes;
using Connector.Host.Audit;
using Connector.Host.Connectors;
using Connector.Host.Users;
using Connector.OAuth2.Results;

namespace Connector.Host.SignIn;

/// <summary>Audit entries for sign-in outcomes: the connector and the outcome code, never tokens or profile data.</summary>
internal static class SignInAudit
{
    public const string Action = "sign_in";
    public const string TestAction = "sign_in_test";

    /// <summary>The actor of a user's own successful sign-ins (and of what they link by signing in).</summary>
    public static string ActorOf(Guid userId) => $"user:{userId}";

    /// <summary>The sign-in, and when it joined an existing user, the link it made.</summary>
    public static IEnumerable<AuditEntry> Succeeded(DateTimeOffset now, string connectorId, SignInResolution.Resolved user)
    {
        var actor = ActorOf(user.UserId);
        yield return new(now, actor, Action, connectorId, AuditOutcomes.Success, new JsonObject { ["newUser"] = user.IsNew, ["linked"] = user.Linked });
        if (user.Linked)
        {
            yield return new(now, actor, UserAudit.IdentityLinked, user.UserId.ToString(), AuditOutcomes.Success,
                new JsonObject { ["connectorId"] = connectorId, ["by"] = AccountLinkingModes.VerifiedEmail });
        }
    }

    /// <summary>A failed outcome; what the provider said (its error code, text and status, already truncated) is kept for the operator.</summary>
    public static AuditEntry Failed(DateTimeOffset now, string connectorId, string purpose, string code, ConnectorError? error = null) =>
        new(now, AuditOutcomes.Anonymous, purpose == SignInPurpose.Test ? TestAction : Action, connectorId, code, ProviderDetails(error));

    private static JsonObject? ProviderDetails(ConnectorError? error) =>
        error is null || (error.ProviderError is null && error.ProviderErrorDescription is null && error.ProviderStatus is null)
            ? null
            : new JsonObject
            {
                ["providerError"] = error.ProviderError,
                ["providerErrorDescription"] = error.ProviderErrorDescription,
                ["providerStatus"] = error.ProviderStatus,
            };
}
