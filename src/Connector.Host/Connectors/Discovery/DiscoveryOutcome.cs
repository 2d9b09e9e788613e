using Connector.Host.Problems;

namespace Connector.Host.Connectors.Discovery;

/// <summary>What reading a provider's metadata came to, for the admin API and the console alike.</summary>
internal abstract record DiscoveryOutcome
{
    /// <summary>The prefilled config, and what to check in it.</summary>
    public sealed record Found(DiscoveryResponse Response) : DiscoveryOutcome;

    /// <summary>The request itself is wrong (no issuer, not https…), by field.</summary>
    public sealed record Invalid(FieldErrors Errors) : DiscoveryOutcome;

    /// <summary>The provider did not give usable metadata: <c>provider_error</c> (with its status when it answered) or <c>provider_timeout</c>.</summary>
    public sealed record Failed(string Code, string Message, int? ProviderStatus) : DiscoveryOutcome;
}
