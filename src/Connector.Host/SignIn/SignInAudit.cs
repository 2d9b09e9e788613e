using System.Text.Json.Nodes;
using Connector.Host.Audit;
using Connector.Host.Connectors;
using Connector.Host.Users;
using Connector.OAuth2.Diagnostics;
using Connector.OAuth2.Results;

namespace Connector.Host.SignIn;

/// <summary>
/// Audit entries for sign-in outcomes: the connector and the outcome code, never tokens or profile data. Each carries the
/// provider calls it made (<c>details.providerCalls</c>: endpoint kind, milliseconds, outcome), which the connector's
/// health reads its latency from.
/// </summary>
internal static class SignInAudit
{
    public const string Action = "sign_in";
    public const string TestAction = "sign_in_test";

    /// <summary>The details member listing the provider calls.</summary>
    public const string ProviderCallsKey = "providerCalls";
    /// <summary>What a successful sign-in through <paramref name="connectorId"/> records, however it resolves.</summary>
    public static SignInAuditing Success(DateTimeOffset now, string connectorId, IReadOnlyList<ProviderCallTiming> calls) =>
        new(resolved => Succeeded(now, connectorId, resolved, calls), SignedIn(now, UserAudit.ActorPrefix, connectorId, isNew: false, linked: false, calls));

    /// <summary>The sign-in, and when it joined an existing user, the link it made.</summary>
    private static IEnumerable<AuditEntry> Succeeded(
        DateTimeOffset now, string connectorId, SignInResolution.Resolved user, IReadOnlyList<ProviderCallTiming> calls)
    {
        var actor = UserAudit.ActorOf(user.UserId);
        yield return SignedIn(now, actor, connectorId, user.IsNew, user.Linked, calls);
        if (user.Linked)
        {
            yield return new(now, actor, UserAudit.IdentityLinked, user.UserId.ToString(), AuditOutcomes.Success,
                new JsonObject { ["connectorId"] = connectorId, ["by"] = AccountLinkingModes.VerifiedEmail });
        }
    }

    private static AuditEntry SignedIn(DateTimeOffset now, string actor, string connectorId, bool isNew, bool linked, IReadOnlyList<ProviderCallTiming> calls)
    {
        var details = new JsonObject { ["newUser"] = isNew, ["linked"] = linked };
        WithCalls(details, calls);
        return new(now, actor, Action, connectorId, AuditOutcomes.Success, details);
    }

    /// <summary>A failed outcome; what the provider said (its error code, text and status, already truncated) is kept for the operator.</summary>
    public static AuditEntry Failed(
        DateTimeOffset now, string connectorId, string purpose, string code, ConnectorError? error, IReadOnlyList<ProviderCallTiming> calls)
    {
        var details = ProviderDetails(error);
        if (calls.Count > 0)
        {
            details ??= [];
            WithCalls(details, calls);
        }

        return new(now, AuditOutcomes.Anonymous, purpose == SignInPurpose.Test ? TestAction : Action, connectorId, code, details);
    }

    private static void WithCalls(JsonObject details, IReadOnlyList<ProviderCallTiming> calls)
    {
        if (calls.Count == 0)
        {
            return;
        }

        details[ProviderCallsKey] = new JsonArray([.. calls.Select(call => new JsonObject
        {
            ["endpoint"] = call.Endpoint,
            ["ms"] = Math.Round(call.Duration.TotalMilliseconds, 1),
            ["outcome"] = call.Outcome,
        })]);
    }

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
