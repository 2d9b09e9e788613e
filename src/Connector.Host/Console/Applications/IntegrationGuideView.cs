namespace Connector.Host.Console.Applications;

/// <summary>The integration guide of one app: the provider id its redirect URI names, and the code to paste.</summary>
public sealed record IntegrationGuideView(string ProviderId, string AuthTs, string RouteTs, string NextAuthV4);
