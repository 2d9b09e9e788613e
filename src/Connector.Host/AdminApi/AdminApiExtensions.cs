using Connector.Host.Security;

namespace Connector.Host.AdminApi;

internal static class AdminApiExtensions
{
    /// <summary>
    /// A collection of the admin API, under <c>/api</c>, behind the admin-key policy: every feature maps its admin
    /// routes through this, so a new route cannot forget the policy.
    /// </summary>
    public static RouteGroupBuilder MapAdminApi(this IEndpointRouteBuilder app, string collection, string tag) =>
        app.MapGroup(AdminApiPaths.Root + collection).RequireAuthorization(AdminKeyDefaults.Policy).WithTags(tag);
}
