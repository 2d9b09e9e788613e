using System.Diagnostics;
using System.Text.Json;
using Connector.Host.Audit;
using Connector.Host.Connectors;
using Connector.Host.Pages;
using Connector.Host.Security;
using Connector.Host.Sessions;
using Connector.Host.Telemetry;
using Connector.Host.Users;
using Connector.OAuth2;
using Connector.OAuth2.Configuration;
using Connector.OAuth2.Diagnostics;
using Connector.OAuth2.Profiles;
using Connector.OAuth2.Results;
using Connector.OAuth2.Tokens;
using Microsoft.AspNetCore.DataProtection;

namespace Connector.Host.SignIn;

/// <summary>
/// The provider's redirect back (RFC 6749 §4.1.2), or its form post (<see cref="CallbackFields"/>), checked in the order
/// of ASP.NET Core's OAuth handler: state → response mode → browser binding (a form post without it is relayed once,
/// <see cref="FormPostRelay"/>) → <c>error=</c> (access_denied is the user cancelling) → code exchange → profile →
/// user and identity in one transaction → session → return target. A callback whose state is missing or unknown is
/// anyone's to send: it is counted (<see cref="SignInMetrics.CallbackRefused"/>) and writes nothing. Every other outcome
/// is a sign-in: audited with the provider calls' timings, and counted by connector and outcome.
/// </summary>
internal sealed class SignInCallback(
    SignInStateStore states,
    ConnectorConfigLoader connectors,
    OAuth2Connector engine,
    UserStore users,
    AuditStore audit,
    SignInStarter starter,
    DryRunPage dryRun,
    SignInMetrics metrics,
    IDataProtectionProvider dataProtection,
    TimeProvider time,
    ILogger<SignInCallback> logger)
{
    public async Task<IResult> CompleteAsync(HttpContext context, string connectorId, CancellationToken ct)
    {
        var started = Stopwatch.GetTimestamp();
        var fields = HttpMethods.IsPost(context.Request.Method)
            ? await CallbackFields.FromFormAsync(context.Request, ct)
            : CallbackFields.FromQuery(context.Request.Query);
        if (fields is null)
        {
            return Refuse(CallbackRefusals.UnreadableForm);
        }

        if (fields.State.Length == 0)
        {
            return Refuse(CallbackRefusals.MissingState);
        }

        // The response comes the way the authorization request asked (OAuth 2.0 Form Post Response Mode §2): a code in the
        // URL of a form_post connector, or a POST to a query one, is not the provider's answer to us. The state stays usable.
        var connector = await connectors.LoadAsync(connectorId, ct);
        var responseMode = connector?.Config.ResponseMode ?? ResponseModes.Query;
        if (fields.ResponseMode != responseMode)
        {
            context.Response.Headers.Allow = responseMode == ResponseModes.FormPost ? HttpMethods.Post : HttpMethods.Get;
            return Refuse(CallbackRefusals.WrongResponseMode, SignInErrors.WrongResponseMode);
        }

        var binding = BrowserBinding.Current(context);
        if (binding is null && fields.ResponseMode == ResponseModes.FormPost && !fields.Relayed)
        {
            var purpose = await states.PendingPurposeAsync(Secrets.Hash(fields.State), connectorId, ct);
            if (purpose is null)
            {
                return Refuse(CallbackRefusals.UnknownState);
            }

            // A dry run is bound to its state alone; a sign-in needs the cookie that a cross-site POST leaves behind.
            if (purpose == SignInPurpose.SignIn)
            {
                SignInLog.FormPostRelayed(logger, connectorId);
                return FormPostRelay.Show(connectorId, fields);
            }
        }

        var now = time.GetUtcNow();
        var pending = await states.ConsumeAsync(Secrets.Hash(fields.State), binding is null ? null : Secrets.Hash(binding), connectorId, now, ct);
        if (pending is null)
        {
            // Unknown, replayed, from another browser or for another connector: all the same to the user.
            return Refuse(CallbackRefusals.UnknownState);
        }

        // From here on the connector id is one a pending state vouched for, fit for a metric's label.
        var attempt = new CallbackAttempt(connectorId, pending.Purpose, new ProviderCalls(connectorId), started);

        PageContext.Resumes(context, pending.ReturnUrl); // an error page below speaks the app's ui_locales
        if (pending.IsExpired(now))
        {
            return await FailAsync(attempt, SignInErrors.Expired, ct);
        }

        // RFC 6749 §4.1.2.1: the provider reports the user's refusal or its own failure instead of a code.
        var providerError = fields.Error;
        if (providerError.Length > 0 || fields.Code.Length == 0)
        {
            var page = providerError == "access_denied" ? SignInErrors.Cancelled : SignInErrors.Provider;
            var description = fields.ErrorDescription;
            var said = new ConnectorError(page.Code, "", providerError.Length == 0 ? null : Cut(providerError), description.Length == 0 ? null : Cut(description));
            return pending.Purpose == SignInPurpose.Test
                ? await dryRun.RenderRefusalAsync(connectorId, said, pending.ReturnUrl, ct)
                : await FailAsync(attempt, page, ct, said);
        }

        if (connector is null || !connector.Enabled)
        {
            return await FailAsync(attempt, connector is null ? SignInErrors.NotFound : SignInErrors.Disabled, ct);
        }

        var verifier = pending.CodeVerifierProtected is { } protectedVerifier
            ? dataProtection.CreateProtector(SignInStarter.VerifierPurpose).Unprotect(protectedVerifier)
            : null;
        var exchange = new CodeExchange(fields.Code, starter.RedirectUri(connectorId), verifier, pending.NonceHash, PostedUserOf(fields, connectorId));
        if (pending.Purpose == SignInPurpose.Test)
        {
            return await dryRun.RenderAsync(connector, exchange, attempt.Calls, pending.ReturnUrl, ct);
        }

        var result = await engine.CompleteSignInAsync(connector.Config, exchange, attempt.Calls, ct);
        if (result.IsError)
        {
            return await FailAsync(attempt, SignInErrors.Engine(result.Error), ct, result.Error);
        }

        var profile = result.Value.Profile;
        if (!connector.Settings.AllowsDomainOf(profile.Email, profile.EmailVerified))
        {
            return await FailAsync(attempt, SignInErrors.EmailDomainNotAllowed, ct);
        }

        var facts = new ProviderSignInFacts(connectorId, connector.Generation, connector.Settings, profile, result.Value.Tokens);
        var resolution = await users.ResolveSignInAsync(facts, now, SignInAudit.Success(now, connectorId, attempt.Calls.Timings), ct);
        if (resolution is SignInResolution.Refused refused)
        {
            return await FailAsync(attempt, SignInErrors.Refusal(refused.Code), ct);
        }

        var user = (SignInResolution.Resolved)resolution;
        await UserSessions.SignInAsync(context, user.UserId, connectorId, connector.Generation, user.Epoch, authTime: now);
        SignInLog.Succeeded(logger, connectorId, user.UserId, user.IsNew);
        metrics.SignInFinished(connectorId, AuditOutcomes.Success, Stopwatch.GetElapsedTime(started));
        return TypedResults.Redirect(pending.ReturnUrl ?? SignInPaths.DefaultReturn);
    }

    private IResult Refuse(string reason, SignInErrorPage? page = null)
    {
        SignInLog.CallbackRefused(logger, reason);
        metrics.CallbackRefused(reason);
        return (page ?? SignInErrors.BadState).Show();
    }

    /// <summary>
    /// Sign in with Apple's <c>user</c> (first authorization only), for the profile map. Not a bounded JSON object, it is
    /// left out with a warning rather than failing the sign-in: the name is optional, the identity is the ID token's.
    /// </summary>
    private JsonElement? PostedUserOf(CallbackFields fields, string connectorId)
    {
        if (fields.User is not { Length: > 0 } posted)
        {
            return null;
        }

        if (PostedUser.TryParse(posted, out var user))
        {
            return user;
        }

        SignInLog.PostedUserIgnored(logger, connectorId, posted.Length);
        return null;
    }

    private async Task<IResult> FailAsync(CallbackAttempt attempt, SignInErrorPage page, CancellationToken ct, ConnectorError? error = null)
    {
        SignInLog.Failed(logger, attempt.ConnectorId, page.Code);
        await audit.AppendAsync(
            SignInAudit.Failed(time.GetUtcNow(), attempt.ConnectorId, attempt.Purpose, page.Code, error, attempt.Calls.Timings), ct);
        if (attempt.Purpose == SignInPurpose.SignIn)
        {
            metrics.SignInFinished(attempt.ConnectorId, page.Code, Stopwatch.GetElapsedTime(attempt.Started));
        }

        return page.Show();
    }

    /// <summary>The provider's words from a redirect are attacker-reachable input: kept for the audit, but short.</summary>
    private static string Cut(string text) => text.Length > 300 ? text[..300] + "…" : text;
}
