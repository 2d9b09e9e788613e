using Connector.Host.Configuration;
using Connector.Host.Oidc.Apps;
using Connector.Host.Oidc.Endpoints;
using Connector.Host.Oidc.Handlers;
using Connector.Host.Oidc.Keys;
using Connector.Host.Oidc.Stores;
using Connector.Host.Pages;
using Connector.Host.SignIn;
using Connector.Host.Users;
using Connector.OAuth2.Configuration;
using Microsoft.AspNetCore.Cors.Infrastructure;
using Microsoft.Extensions.Options;
using OpenIddict.Server;
using OpenIddict.Server.AspNetCore;
using OpenIddict.Validation;
using static OpenIddict.Abstractions.OpenIddictConstants;
using static OpenIddict.Server.OpenIddictServerEvents;

namespace Connector.Host.Oidc;

internal static class OidcExtensions
{
    /// <summary>Authorization codes are single use and live this long (RFC 6749 §4.1.2 recommends at most 10 minutes).</summary>
    public static readonly TimeSpan AuthorizationCodeLifetime = TimeSpan.FromMinutes(2);

    /// <summary>
    /// OpenIddict as the apps' OpenID Connect provider, on PostgreSQL through our own Dapper stores (not
    /// degraded mode, which loses single-use codes and refresh-token reuse detection).
    /// </summary>
    public static IServiceCollection AddConnectorsOidc(this IServiceCollection services)
    {
        services.AddAppsApi();
        // The authorization and end-session endpoints are visited by the user's browser: outages there are pages.
        services.AddBrowserPaths(OidcPaths.Authorization, OidcPaths.EndSession);
        services.AddSingleton<OidcGrants>();
        services.AddSingleton<LoginFreshness>();
        services.AddSingleton<DirectSignIn>();
        services.AddSingleton<IUserLifecycleListener, OidcUserLifecycle>();
        services.AddSingleton<ISignInAudience, OidcSignInAudience>();
        services.AddSingleton<OidcKeyMaterial>();
        services.AddSingleton<OidcKeyStore>();
        services.AddSingleton<OidcKeyRing>();
        services.AddSingleton<IOptionsChangeTokenSource<OpenIddictServerOptions>>(provider => provider.GetRequiredService<OidcKeyRing>());
        services.AddHostedService<OidcKeyRefresher>();
        services.AddHostedService<OidcPruning>();
        services.AddCors();
        // The CORS check asks the application store directly (stateless: a second instance beside OpenIddict's is harmless).
        services.AddSingleton<OidcApplicationStore>();
        services.AddSingleton<ICorsPolicyProvider, AppCorsPolicyProvider>();

        // OpenIddict logs each request it extracts at Information, PKCE verifiers included: never below Warning here.
        services.AddLogging(logging => logging.AddFilter("OpenIddict", LogLevel.Warning));
        services.AddOpenIddict()
            .AddCore(core => core
                .SetDefaultApplicationEntity<OidcApplication>()
                .SetDefaultAuthorizationEntity<OidcAuthorization>()
                .SetDefaultTokenEntity<OidcToken>()
                .ReplaceApplicationStore<OidcApplication, OidcApplicationStore>(ServiceLifetime.Singleton)
                .ReplaceAuthorizationStore<OidcAuthorization, OidcAuthorizationStore>(ServiceLifetime.Singleton)
                .ReplaceTokenStore<OidcToken, OidcTokenStore>(ServiceLifetime.Singleton))
            .AddServer(server =>
            {
                server.SetConfigurationEndpointUris(OidcPaths.Configuration.TrimStart('/'))
                    .SetAuthorizationEndpointUris(OidcPaths.Authorization.TrimStart('/'))
                    .SetTokenEndpointUris(OidcPaths.Token.TrimStart('/'))
                    .SetUserInfoEndpointUris(OidcPaths.UserInfo.TrimStart('/'))
                    .SetJsonWebKeySetEndpointUris(OidcPaths.Jwks.TrimStart('/'))
                    .SetEndSessionEndpointUris(OidcPaths.EndSession.TrimStart('/'));
                // PKCE is required per app (public apps always, traditional ones on request), not server-wide:
                // NextAuth v4 sends none by default and authenticates with its secret, as Logto allows.
                server.AllowAuthorizationCodeFlow().AllowRefreshTokenFlow();
                // The scopes are these, in code; none are stored, so there is no scope store (RefuseUnknownScopes checks them).
                server.RegisterScopes(Scopes.OpenId, Scopes.Profile, Scopes.Email, Scopes.Phone, Scopes.OfflineAccess, OidcScopes.Identities, OidcScopes.IdentityTokens);
                server.DisableScopeValidation();
                server.RegisterClaims(OidcClaims.Supported);
                server.SetAuthorizationCodeLifetime(AuthorizationCodeLifetime);
                // A redeemed refresh token presented again is a replay: no grace period; OpenIddict then revokes
                // every token of that sign-in (RFC 9700 §4.14.2, refresh token rotation with reuse detection).
                server.SetRefreshTokenReuseLeeway(null);
                server.AddEventHandler(RefuseUnknownScopes.Descriptor);
                server.AddEventHandler(SelectKeysForToken.Descriptor);
                server.AddEventHandler(HashTokensForIdTokenAlgorithm.Descriptor);
                server.AddEventHandler(ShowErrorPage<ApplyAuthorizationResponseContext>.Descriptor);
                server.AddEventHandler(ShowErrorPage<ApplyEndSessionResponseContext>.Descriptor);
                server.UseAspNetCore()
                    .EnableAuthorizationEndpointPassthrough()
                    .EnableTokenEndpointPassthrough()
                    .EnableUserInfoEndpointPassthrough()
                    .EnableEndSessionEndpointPassthrough();
            })
            // Our own access tokens at our own resource routes (the token vault's /oidc/me/identities/…): validated with
            // the server's keys, and against the token and authorization stores, so a revoked token is refused.
            .AddValidation(validation =>
            {
                validation.UseLocalServer();
                validation.UseAspNetCore();
                validation.EnableTokenEntryValidation();
                validation.EnableAuthorizationEntryValidation();
            });
        // The local server's keys are read into the validation options when they are built: rebuilt with the server's.
        services.AddSingleton<IOptionsChangeTokenSource<OpenIddictValidationOptions>, ValidationKeyChanges>();

        services.AddOptions<OpenIddictServerOptions>().Configure<IOptions<ConnectorsOptions>, OidcKeyRing>(ConfigureServer);
        services.AddOptions<OpenIddictServerAspNetCoreOptions>().Configure<IOptions<ConnectorsOptions>>((options, connectors) =>
            // Plain http is accepted only when the service itself is published on http loopback (development, tests).
            options.DisableTransportSecurityRequirement = IsHttpLoopback(connectors.Value.PublicOrigin));
        return services;
    }

    /// <summary>
    /// CORS for spa apps, then OpenIddict, which answers its endpoints from the authentication middleware: only for the
    /// paths under the issuer. Its server and validation handlers are the host's only request handlers and no scheme is
    /// the default, so all that middleware does is ask each of them whether a request is theirs, and each answers by
    /// building a transaction and running its request pipeline: 5–7 % of the host's CPU per browser sign-in, on requests
    /// none of its endpoints serves (<c>docs/benchmarks/round-two-profile.md</c>). Every use of its schemes is under the
    /// issuer (the endpoints, the token vault's app route); one elsewhere would find no transaction and fail, not pass.
    /// </summary>
    public static IApplicationBuilder UseConnectorsOidc(this IApplicationBuilder app)
    {
        app.UseCors();
        app.UseWhen(context => context.Request.Path.StartsWithSegments(OidcPaths.IssuerPath), oidc => oidc.UseAuthentication());
        // WebApplication adds an authentication middleware in front of every request unless the pipeline says it has one,
        // and a branch's mark stays in the branch: set on the pipeline itself (ASP.NET Core's AuthAppBuilderExtensions).
        app.Properties[AuthenticationMiddlewareSetKey] = true;
        return app;
    }

    private const string AuthenticationMiddlewareSetKey = "__AuthenticationMiddlewareSet";

    public static IEndpointRouteBuilder MapConnectorsOidc(this IEndpointRouteBuilder app) =>
        app.MapOidcEndpoints().MapAppsApi().MapOidcKeysApi();

    private static void ConfigureServer(OpenIddictServerOptions options, IOptions<ConnectorsOptions> connectors, OidcKeyRing keys)
    {
        options.Issuer = new Uri(connectors.Value.PublicOrigin!.TrimEnd('/') + OidcPaths.IssuerPath);

        // Advertise and accept only what is supported: S256 (RFC 7636 §4.2: plain is for clients that cannot
        // hash), the two client-secret methods, and `none` for the public apps (spa, native), which OpenIddict
        // honours for public clients without advertising it.
        options.CodeChallengeMethods.Clear();
        options.CodeChallengeMethods.Add(CodeChallengeMethods.Sha256);
        options.ClientAuthenticationMethods.Remove(ClientAuthenticationMethods.PrivateKeyJwt);
        options.ClientAuthenticationMethods.Add(ClientAuthenticationMethods.None);
        // There is one account per browser session: select_account has nothing to offer, so it is refused, not ignored.
        options.PromptValues.Remove(PromptValues.SelectAccount);

        var set = keys.Current;
        options.SigningCredentials.AddRange(set.Ordered());
        options.EncryptionCredentials.AddRange(set.Encryption);
    }

    private static bool IsHttpLoopback(string? origin) =>
        Uri.TryCreate(origin, UriKind.Absolute, out var uri) && uri.Scheme == Uri.UriSchemeHttp && EndpointRules.IsLoopback(uri);
}
