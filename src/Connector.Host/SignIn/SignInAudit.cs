using System.Text.Json.Nodes;
using Connector.Host.Persistence;

namespace Connector.Host.SignIn;

/// <summary>Audit entries for sign-in outcomes: the connector and the outcome code, never tokens or profile data.</summary>
internal static class SignInAudit
{
    public const string Action = "sign_in";
    public const string TestAction = "sign_in_test";
    public const string Success = "success";
    public const string Anonymous = "anonymous";

    public static AuditEntry Succeeded(DateTimeOffset now, string connectorId, Guid userId, bool isNew) =>
        new(now, $"user:{userId}", Action, connectorId, Success, new JsonObject { ["newUser"] = isNew });

    public static AuditEntry Failed(DateTimeOffset now, string connectorId, string purpose, string code) =>
        new(now, Anonymous, purpose == SignInPurpose.Test ? TestAction : Action, connectorId, code, null);
}
