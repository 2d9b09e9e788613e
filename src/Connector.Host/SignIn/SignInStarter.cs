using Connector.Host.Configuration;
using Connector.Host.Connectors;
using Connector.Host.Security;
using Connector.OAuth2.Authorization;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.Extensions.Options;

namespace Connector.Host.SignIn;

/// <summary>
/// Starts the authorization-code flow (RFC 6749 §4.1.1): a fresh state of 256 random bits stored as a digest,
/// bound to this browser and connector, single use, expiring after ten minutes, with the PKCE verifier
/// (RFC 7636) kept encrypted beside it.
/// </summary>
internal sealed class SignInStarter(
    ConnectorConfigLoader connectors,
    SignInStateStore states,
    PendingStateCeiling ceiling,
    ReturnUrlPolicy returnUrls,
    IDataProtectionProvider dataProtection,
    IOptions<ConnectorsOptions> options,
    TimeProvider time,
    ILogger<SignInStarter> logger)
{
    public static readonly TimeSpan StateLifetime = TimeSpan.FromMinutes(10);

    public const string VerifierPurpose = "Connectors.SignInState.CodeVerifier.v1";

    /// <summary>The provider URL to send the browser to, or an error page.</summary>
    public async Task<IResult> StartAsync(HttpContext context, string connectorId, string? returnTo, CancellationToken ct)
    {
        var connector = await connectors.LoadAsync(connectorId, ct);
        if (connector is null)
        {
            return SignInErrors.NotFound.Show();
        }

        if (!connector.Enabled)
        {
            return SignInErrors.Disabled.Show();
        }

        if (!await ceiling.TryReserveAsync(ct))
        {
            SignInLog.PendingCeilingReached(logger, options.Value.SignIn.MaxPendingStates);
            return SignInErrors.Busy.Show();
        }

        var binding = Secrets.Hash(BrowserBinding.GetOrCreate(context));
        var url = await CreateAsync(connector, binding, returnUrls.Allow(returnTo), SignInPurpose.SignIn, ct);
        return TypedResults.Redirect(url.AbsoluteUri);
    }

    /// <summary>
    /// An admin's dry run: a state not bound to a browser, whose callback creates no user. <paramref name="back"/> is a
    /// path of this service the result page links back to (the console's page of the connector), or null for none.
    /// </summary>
    public Task<Uri> StartTestAsync(LoadedConnector connector, string? back, CancellationToken ct)
    {
        if (back is not null && (!back.StartsWith('/') || back.StartsWith("//", StringComparison.Ordinal) || back.Contains('\\', StringComparison.Ordinal)))
        {
            throw new ArgumentException("A dry run links back to a path of this service only.", nameof(back));
        }

        return CreateAsync(connector, new byte[32], back, SignInPurpose.Test, ct);
    }

    /// <summary>The <c>redirect_uri</c> registered at the provider: <c>{PublicOrigin}/callback/{id}</c>.</summary>
    public string RedirectUri(string connectorId) => PublicUrls.Callback(options.Value.PublicOrigin!, connectorId);

    private async Task<Uri> CreateAsync(LoadedConnector connector, byte[] bindingHash, string? returnUrl, string purpose, CancellationToken ct)
    {
        var state = Secrets.NewRandom();
        var pkce = connector.Config.Pkce ? PkceCodes.Create() : null;
        var now = time.GetUtcNow();
        await states.AddAsync(new NewSignInState(
            Secrets.Hash(state),
            connector.Id,
            bindingHash,
            pkce is null ? null : dataProtection.CreateProtector(VerifierPurpose).Protect(pkce.Verifier),
            returnUrl,
            purpose,
            now,
            now + StateLifetime), ct);

        return AuthorizationUrlBuilder.Build(connector.Config, new AuthorizationRequest(RedirectUri(connector.Id), state, pkce?.Challenge));
    }
}
