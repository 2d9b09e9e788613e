using System.Security.Claims;
using System.Text.Encodings.Web;
using Connector.Host.Problems;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Options;
using Microsoft.Net.Http.Headers;

namespace Connector.Host.Security;

/// <summary>Authenticates <c>Authorization: Bearer &lt;admin key&gt;</c> (RFC 6750 §2.1) against <see cref="AdminKeyRing"/>.</summary>
internal sealed class AdminKeyAuthenticationHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> options,
    ILoggerFactory logger,
    UrlEncoder encoder,
    AdminKeyRing keys,
    IProblemDetailsService problems)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    private const string BearerPrefix = "Bearer ";

    protected override Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        var presented = PresentedKey();
        if (presented is null)
        {
            return Task.FromResult(AuthenticateResult.NoResult());
        }

        var actor = keys.Match(presented);
        if (actor is null)
        {
            SecurityLog.AdminKeyRejected(Logger, Request.Path);
            return Task.FromResult(AuthenticateResult.Fail("The admin key is not valid."));
        }

        var identity = new ClaimsIdentity([new Claim(ClaimTypes.Name, actor)], Scheme.Name);
        return Task.FromResult(AuthenticateResult.Success(new AuthenticationTicket(new ClaimsPrincipal(identity), Scheme.Name)));
    }

    protected override async Task HandleChallengeAsync(AuthenticationProperties properties)
    {
        Response.StatusCode = StatusCodes.Status401Unauthorized;
        // RFC 6750 §3: a presented but wrong key is an invalid_token; no key at all gets the bare challenge.
        Response.Headers[HeaderNames.WWWAuthenticate] = PresentedKey() is null ? "Bearer" : "Bearer error=\"invalid_token\"";
        await problems.WriteAsync(new ProblemDetailsContext { HttpContext = Context, ProblemDetails = ApiProblems.Unauthorized() });
    }

    private string? PresentedKey()
    {
        string? header = Request.Headers.Authorization;
        if (header is null || !header.StartsWith(BearerPrefix, StringComparison.OrdinalIgnoreCase))
        {
            return null;
        }

        var key = header[BearerPrefix.Length..].Trim();
        return key.Length == 0 ? null : key;
    }
}
