using Connector.Host.Connectors;
using Connector.Host.Experience;
using Connector.Host.Oidc.Apps;

namespace Connector.Host.Console.Applications;

/// <summary>What an app's page reads besides the app: the connectors it may offer, in the sign-in experience's order.</summary>
internal readonly record struct AppPageServices(AppAdminService Apps, ConnectorStore Connectors, ExperienceAdminService Experience);
