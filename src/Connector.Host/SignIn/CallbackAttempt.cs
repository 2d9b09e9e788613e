using Connector.OAuth2.Diagnostics;

namespace Connector.Host.SignIn;

/// <summary>A callback whose state named a pending sign-in: its connector, purpose, provider calls, and when it arrived.</summary>
/// <param name="Started">A <see cref="System.Diagnostics.Stopwatch"/> timestamp.</param>
internal sealed record CallbackAttempt(string ConnectorId, string Purpose, ProviderCalls Calls, long Started);
