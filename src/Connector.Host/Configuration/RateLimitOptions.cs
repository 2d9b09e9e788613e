namespace Connector.Host.Configuration;

/// <summary>
/// <c>Connectors:RateLimits</c>: requests per client address and minute on each abuse-prone surface. The defaults
/// leave room for a busy office behind one NAT address while stopping a script from filling the state table,
/// guessing client secrets or admin keys at speed.
/// </summary>
internal sealed class RateLimitOptions
{
    /// <summary><c>GET /sign-in</c> and <c>/sign-in/{id}</c> (each start writes a state row).</summary>
    public WindowLimit SignIn { get; set; } = new() { PermitLimit = 200 };

    /// <summary><c>GET /callback/{id}</c> (each valid one calls the provider twice).</summary>
    public WindowLimit Callback { get; set; } = new() { PermitLimit = 100 };

    /// <summary><c>POST /oidc/token</c>: an app's server redeems and refreshes for all its users from one address.</summary>
    public WindowLimit Token { get; set; } = new() { PermitLimit = 600 };

    /// <summary>Everything under <c>/api</c>, answered or refused.</summary>
    public WindowLimit Admin { get; set; } = new() { PermitLimit = 300 };
}
