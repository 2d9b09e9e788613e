using Connector.Host.Configuration;
using Microsoft.Extensions.Options;

namespace Connector.Host.Hardening;

/// <summary>Checks <c>Connectors:RateLimits</c> at start-up, naming each bad key.</summary>
internal sealed class RateLimitOptionsValidator : IValidateOptions<ConnectorsOptions>
{
    public ValidateOptionsResult Validate(string? name, ConnectorsOptions options)
    {
        var limits = options.RateLimits;
        var failures = new List<string>();
        foreach (var (key, limit) in new[] { ("SignIn", limits.SignIn), ("Callback", limits.Callback), ("Token", limits.Token), ("Admin", limits.Admin) })
        {
            if (limit.PermitLimit is < 0 or > 1_000_000)
            {
                failures.Add($"Connectors:RateLimits:{key}:PermitLimit must be between 0 (no limit) and 1000000 (got {limit.PermitLimit})");
            }

            if (limit.WindowSeconds is < 1 or > 3600)
            {
                failures.Add($"Connectors:RateLimits:{key}:WindowSeconds must be between 1 and 3600 (got {limit.WindowSeconds})");
            }
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
