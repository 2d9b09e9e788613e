using Connector.OAuth2.Configuration;
using Microsoft.Extensions.Options;

namespace Connector.Host.Configuration;

/// <summary>Checks the <c>Connectors</c> section at start-up, naming each bad key, so a wrong value stops the host instead of surfacing later.</summary>
internal sealed class ConnectorsOptionsValidator(IHostEnvironment environment) : IValidateOptions<ConnectorsOptions>
{
    private const int MinimumAdminKeyLength = 16;

    public ValidateOptionsResult Validate(string? name, ConnectorsOptions options)
    {
        var failures = new List<string>();

        if (!IsOrigin(options.PublicOrigin))
        {
            failures.Add($"Connectors:PublicOrigin must be an absolute http(s) origin such as https://id.example.com, http only on loopback (got '{options.PublicOrigin}')");
        }

        if (options.ConfiguredAdminKeys().Count == 0 && !environment.IsDevelopment())
        {
            failures.Add($"Connectors:AdminApiKeys is empty: outside Development at least one admin key is required (environment '{environment.EnvironmentName}')");
        }

        for (var i = 0; i < options.AdminApiKeys.Count; i++)
        {
            if (options.AdminApiKeys[i] is { Length: > 0 } key && (key.Length < MinimumAdminKeyLength || key.Trim() != key))
            {
                failures.Add($"Connectors:AdminApiKeys:{i} must be at least {MinimumAdminKeyLength} characters without surrounding spaces");
            }
        }

        for (var i = 0; i < options.AllowedReturnUrls.Count; i++)
        {
            if (!IsOrigin(options.AllowedReturnUrls[i]))
            {
                failures.Add($"Connectors:AllowedReturnUrls:{i} must be an absolute http(s) origin, http only on loopback (got '{options.AllowedReturnUrls[i]}')");
            }
        }

        if (options.Sessions.SlidingMinutes is < 1 or > 525600)
        {
            failures.Add($"Connectors:Sessions:SlidingMinutes must be between 1 and 525600 (got {options.Sessions.SlidingMinutes})");
        }

        if (options.Sessions.AbsoluteHours is < 1 or > 8760 || options.Sessions.Absolute < options.Sessions.Sliding)
        {
            failures.Add($"Connectors:Sessions:AbsoluteHours must be between 1 and 8760 and not shorter than SlidingMinutes (got {options.Sessions.AbsoluteHours})");
        }

        if (options.Outbound.TimeoutSeconds is < 1 or > 300)
        {
            failures.Add($"Connectors:Outbound:TimeoutSeconds must be between 1 and 300 (got {options.Outbound.TimeoutSeconds})");
        }

        if (options.Outbound.MaxResponseBytes is < 1024 or > 64 * 1024 * 1024)
        {
            failures.Add($"Connectors:Outbound:MaxResponseBytes must be between 1024 and 67108864 (got {options.Outbound.MaxResponseBytes})");
        }

        for (var i = 0; i < options.ForwardedHeaders.KnownProxies.Count; i++)
        {
            if (!System.Net.IPAddress.TryParse(options.ForwardedHeaders.KnownProxies[i], out _))
            {
                failures.Add($"Connectors:ForwardedHeaders:KnownProxies:{i} must be an IP address (got '{options.ForwardedHeaders.KnownProxies[i]}')");
            }
        }

        for (var i = 0; i < options.ForwardedHeaders.KnownNetworks.Count; i++)
        {
            if (!System.Net.IPNetwork.TryParse(options.ForwardedHeaders.KnownNetworks[i], out _))
            {
                failures.Add($"Connectors:ForwardedHeaders:KnownNetworks:{i} must be a network in CIDR form such as 10.0.0.0/24 (got '{options.ForwardedHeaders.KnownNetworks[i]}')");
            }
        }

        if (options.SignIn.MaxPendingStates is < 100 or > 10_000_000)
        {
            failures.Add($"Connectors:SignIn:MaxPendingStates must be between 100 and 10000000 (got {options.SignIn.MaxPendingStates})");
        }

        if (options.Audit.RetentionDays is < 1 or > 36500)
        {
            failures.Add($"Connectors:Audit:RetentionDays must be between 1 and 36500 (got {options.Audit.RetentionDays})");
        }

        var keyRing = options.DataProtection;
        if (string.IsNullOrWhiteSpace(keyRing.CertificatePath))
        {
            if (!environment.IsDevelopment() && !keyRing.AllowUnencryptedKeys)
            {
                failures.Add("Connectors:DataProtection:CertificatePath is not set: outside Development the key ring, which protects connector secrets, "
                    + "signing keys and cookies, must be encrypted with a certificate (or set Connectors:DataProtection:AllowUnencryptedKeys=true "
                    + $"to accept that a database dump opens them; environment '{environment.EnvironmentName}')");
            }
        }
        else if (!File.Exists(keyRing.CertificatePath))
        {
            failures.Add($"Connectors:DataProtection:CertificatePath names no file ('{keyRing.CertificatePath}')");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    private static bool IsOrigin(string? value) =>
        Uri.TryCreate(value, UriKind.Absolute, out var uri)
        && uri.Scheme is "https" or "http"
        && string.IsNullOrEmpty(uri.UserInfo)
        && uri.AbsolutePath == "/" && string.IsNullOrEmpty(uri.Query) && string.IsNullOrEmpty(uri.Fragment)
        && EndpointRules.Check(value, allowInsecureEndpoints: true) is null;
}
