using System.Text.Json.Nodes;
using Connector.Host.Audit;
using Connector.OAuth2.Results;

namespace Connector.Host.SignIn;

/// <summary>Audit entries for sign-in outcomes: the connector and the outcome code, never tokens or profile data.</summary>
internal static class SignInAudit
{
    public const string Action = "sign_in";
    public const string TestAction = "sign_in_test";

    public static AuditEntry Succeeded(DateTimeOffset now, string connectorId, Guid userId, bool isNew) =>
        new(now, $"user:{userId}", Action, connectorId, AuditOutcomes.Success, new JsonObject { ["newUser"] = isNew });

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
