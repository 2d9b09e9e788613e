using System.Text.Json;
using Connector.OAuth2.Profiles;
using Connector.OAuth2.Results;

namespace Connector.OAuth2.Pipeline;

/// <summary>
/// What each step of one sign-in did, for an operator's dry run: the token answer without its tokens, the JSON the
/// profile was mapped from (the raw userinfo, or a verified ID token's claims with userinfo merged on top), the email lookup when it ran, the mapped profile, or the step that failed and its error. Built by
/// the same pipeline a real sign-in runs (<see cref="OAuth2Connector.TraceSignInAsync"/>).
/// </summary>
/// <param name="EmailLookup">Set when the userinfo had no email and the connector has an <c>emailLookup</c>.</param>
/// <param name="Profile">The profile exactly as a real sign-in stores it (with the looked-up email).</param>
public sealed record SignInTrace(
    TokenSummary? Tokens = null,
    JsonElement? UserInfo = null,
    EmailLookupOutcome? EmailLookup = null,
    UserProfile? Profile = null,
    SignInStep? FailedStep = null,
    ConnectorError? Error = null);

/// <summary>The pipeline's steps that can fail a sign-in; the email lookup never does (the email is optional).</summary>
public enum SignInStep
{
    TokenExchange,

    /// <summary>The <c>id_token</c> did not verify (<c>idTokenVerificationConfig</c>).</summary>
    IdToken,
    UserInfo,
    ProfileMapping,
}

/// <summary>A token answer with the tokens left out: which ones came, and the fields that say what they allow.</summary>
public sealed record TokenSummary(string TokenType, long? ExpiresIn, string? Scope, bool HasRefreshToken, bool HasIdToken);

/// <summary>The email lookup's result: the address taken (a verified one), or none and why.</summary>
public sealed record EmailLookupOutcome(string? Email, ConnectorError? Error);
