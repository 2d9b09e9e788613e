using Connector.Host.Connectors;
using Connector.Host.Experience;
using Connector.Host.Oidc.Apps;
using Microsoft.AspNetCore.Mvc;

namespace Connector.Host.Console.Applications;

/// <summary>
/// What an app's page reads besides the app: the connectors it may offer, in the sign-in experience's order. The
/// properties say they are services: the request delegates generated at build time (the host's csproj) bind an
/// <c>[AsParameters]</c> member by its property, and without the attribute would look for it in a JSON body first.
/// </summary>
internal readonly record struct AppPageServices(
    [property: FromServices] AppAdminService Apps,
    [property: FromServices] ConnectorStore Connectors,
    [property: FromServices] ExperienceAdminService Experience);
