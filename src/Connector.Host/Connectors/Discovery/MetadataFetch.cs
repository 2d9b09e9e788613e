namespace Connector.Host.Connectors.Discovery;

/// <summary>The outcome of reading a provider's metadata: the metadata, or why not (<c>provider_error</c>, <c>provider_timeout</c>).</summary>
internal sealed record MetadataFetch(ProviderMetadata? Metadata, string? ErrorCode, string? ErrorMessage, int? ProviderStatus)
{
    public static MetadataFetch Success(ProviderMetadata metadata) => new(metadata, null, null, null);

    public static MetadataFetch Failure(string code, string message, int? providerStatus = null) => new(null, code, message, providerStatus);
}
