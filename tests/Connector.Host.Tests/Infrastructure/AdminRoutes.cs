using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace Connector.Host.Tests.Infrastructure;

/// <summary>Every /api route the running host maps, read from its endpoint data source, so a new route is tested without editing a list.</summary>
public static class AdminRoutes
{
    public static IReadOnlyList<(string Method, string Path)> All(HostFactory factory)
    {
        var endpoints = factory.Services.GetRequiredService<EndpointDataSource>().Endpoints;
        var routes = new List<(string, string)>();
        foreach (var endpoint in endpoints.OfType<RouteEndpoint>())
        {
            var pattern = endpoint.RoutePattern.RawText ?? "";
            if (!pattern.StartsWith("/api", StringComparison.Ordinal))
            {
                continue;
            }

            var path = string.Join('/', pattern.Split('/').Select(segment => segment.StartsWith('{') ? "some-id" : segment)).TrimEnd('/');
            foreach (var method in endpoint.Metadata.GetMetadata<HttpMethodMetadata>()?.HttpMethods ?? ["GET"])
            {
                routes.Add((method, path));
            }
        }

        return routes;
    }
}
