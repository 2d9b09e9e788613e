using Connector.Host.Oidc.Stores;
using Microsoft.AspNetCore.Cors.Infrastructure;

namespace Connector.Host.Oidc;

/// <summary>
/// CORS for browser apps (<c>spa</c>): the endpoints a script calls — discovery, JWKS, token, userinfo — answer
/// an origin that a public app registered in its <c>corsOrigins</c>, and nobody else. The preflight carries no
/// client id (Fetch §4.8), so the origin alone decides; the token endpoint still authenticates the client.
/// No credentials: these endpoints never read our cookies.
/// </summary>
internal sealed class AppCorsPolicyProvider(OidcApplicationStore applications) : ICorsPolicyProvider
{
    private static readonly string[] BrowserEndpoints = [OidcPaths.Configuration, OidcPaths.Jwks, OidcPaths.Token, OidcPaths.UserInfo];

    /// <summary>Browsers may cache a preflight this long; a removed origin stops working after it at the latest.</summary>
    private static readonly TimeSpan PreflightMaxAge = TimeSpan.FromMinutes(5);

    public async Task<CorsPolicy?> GetPolicyAsync(HttpContext context, string? policyName)
    {
        var path = context.Request.Path;
        var origin = context.Request.Headers.Origin.ToString();
        if (origin.Length == 0 || !BrowserEndpoints.Any(endpoint => path.Equals(endpoint, StringComparison.Ordinal))
            || !await applications.IsCorsOriginAsync(origin.ToLowerInvariant(), context.RequestAborted))
        {
            return null;
        }

        return new CorsPolicyBuilder()
            .WithOrigins(origin)
            .WithMethods(HttpMethods.Get, HttpMethods.Post)
            .WithHeaders("authorization", "content-type")
            .WithExposedHeaders("www-authenticate")
            .SetPreflightMaxAge(PreflightMaxAge)
            .Build();
    }
}
