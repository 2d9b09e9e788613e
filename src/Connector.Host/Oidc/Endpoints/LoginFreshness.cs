using System.Globalization;
using System.Security.Cryptography;
using Connector.Host.Sessions;
using Microsoft.AspNetCore.DataProtection;
using OpenIddict.Abstractions;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace Connector.Host.Oidc.Endpoints;

/// <summary>
/// <c>prompt=login</c> and <c>max_age</c> (OIDC Core §3.1.2.1): the user must sign in at the provider again, and an
/// old session must not be able to stand in for that. When the issuer sends the browser to sign in for this reason,
/// it adds to the request it will resume a protected marker naming the session it refused (or none) and when; the
/// resumed request is satisfied only by another session that began after that moment. The marker cannot be forged,
/// expires, and a session that existed before it was made never satisfies it.
/// </summary>
internal sealed class LoginFreshness(IDataProtectionProvider dataProtection, TimeProvider time)
{
    /// <summary>The request parameter that carries the marker through the sign-in (ignored by OpenIddict).</summary>
    public const string Parameter = "login_after";

    private static readonly TimeSpan MarkerLifetime = TimeSpan.FromMinutes(15);

    private readonly IDataProtector _protector = dataProtection.CreateProtector("Connectors.Oidc.LoginAfter.v1");

    /// <summary>Whether <paramref name="session"/> is fresh enough for <paramref name="request"/>.</summary>
    public bool Satisfies(SignedInSession session, OpenIddictRequest request)
    {
        var signedInAfterMarker = Read(request) is { } marker && session.SessionId != marker.RefusedSession && session.AuthTime >= marker.At;
        if (request.HasPromptValue(PromptValues.Login))
        {
            return signedInAfterMarker;
        }

        return request.MaxAge is not { } maxAge || signedInAfterMarker || time.GetUtcNow() - session.AuthTime <= TimeSpan.FromSeconds(maxAge);
    }

    /// <summary>Whether the request asks for a recent sign-in at all.</summary>
    public static bool Asked(OpenIddictRequest request) => request.HasPromptValue(PromptValues.Login) || request.MaxAge is not null;

    /// <summary>A marker for a sign-in starting now, refusing <paramref name="session"/> (null: there was none).</summary>
    public string Mark(SignedInSession? session) =>
        _protector.Protect(string.Create(CultureInfo.InvariantCulture, $"{time.GetUtcNow().ToUnixTimeMilliseconds()} {session?.SessionId ?? "-"}"));

    private (DateTimeOffset At, string RefusedSession)? Read(OpenIddictRequest request)
    {
        if ((string?)request.GetParameter(Parameter) is not { Length: > 0 } text)
        {
            return null;
        }

        try
        {
            var parts = _protector.Unprotect(text).Split(' ', 2);
            var at = DateTimeOffset.FromUnixTimeMilliseconds(long.Parse(parts[0], CultureInfo.InvariantCulture));
            return time.GetUtcNow() - at <= MarkerLifetime ? (at, parts[1]) : null;
        }
        catch (CryptographicException)
        {
            return null; // not ours, or tampered with: as if there were none
        }
    }
}
