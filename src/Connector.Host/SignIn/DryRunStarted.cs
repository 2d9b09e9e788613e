namespace Connector.Host.SignIn;

/// <summary>Where the admin opens the dry run: the provider's authorization URL for a test state.</summary>
internal sealed record DryRunStarted(string AuthorizationUrl);
