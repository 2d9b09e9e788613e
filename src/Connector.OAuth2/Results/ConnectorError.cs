namespace Connector.OAuth2.Results;

/// <summary>
/// An expected failure of a connector call, with a stable <see cref="Code"/> from <see cref="ConnectorErrorCodes"/>.
/// <see cref="ProviderError"/> and <see cref="ProviderErrorDescription"/> keep what the provider said
/// (RFC 6749 §5.2), <see cref="ProviderStatus"/> its HTTP status.
/// </summary>
public sealed record ConnectorError(
    string Code,
    string Message,
    string? ProviderError = null,
    string? ProviderErrorDescription = null,
    int? ProviderStatus = null);
