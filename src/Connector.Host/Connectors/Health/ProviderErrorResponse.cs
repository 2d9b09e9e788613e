namespace Connector.Host.Connectors.Health;

/// <summary>
/// A sign-in the provider failed: when, its error code, and the provider's own words — its RFC 6749 <c>error</c> and
/// <c>error_description</c> (cut at 300 characters) and HTTP status — where it said any (a timeout says nothing).
/// </summary>
internal sealed record ProviderErrorResponse(DateTimeOffset At, string Code, string? ProviderError, string? ProviderErrorDescription, int? ProviderStatus);
