namespace Connector.OAuth2.Diagnostics;

/// <summary>One finished provider call: its endpoint kind (<see cref="ProviderEndpoints"/>), how long it took, and its outcome.</summary>
/// <param name="Outcome"><c>success</c>, or the error code the call ended with (<c>provider_timeout</c>, <c>userinfo_failed</c>, …).</param>
public sealed record ProviderCallTiming(string Endpoint, TimeSpan Duration, string Outcome);
