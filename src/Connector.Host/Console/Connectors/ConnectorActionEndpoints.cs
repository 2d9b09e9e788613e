using System.Security.Claims;
using System.Text.Json.Nodes;
using Connector.Host.AdminApi;
using Connector.Host.Connectors;
using Connector.Host.Connectors.Api;
using Connector.Host.Console.Kit;
using Connector.Host.Pages;
using Connector.Host.SignIn;

namespace Connector.Host.Console.Connectors;

/// <summary>
/// What the connector's page does besides saving its form: enable and disable (merge patches of <c>enabled</c>, audited
/// as any update), delete after asking (<see cref="ConfirmPage"/>), and test — the admin's dry run, whose result page
/// links back here.
/// </summary>
internal static class ConnectorActionEndpoints
{
    public static RouteGroupBuilder MapConnectorActions(this RouteGroupBuilder connectors)
    {
        connectors.MapPost(ConnectorPaths.EnableRoute, (string id, ClaimsPrincipal user, ConnectorAdminService service, CancellationToken ct) =>
            SetEnabledAsync(id, enabled: true, user, service, ct));
        connectors.MapPost(ConnectorPaths.DisableRoute, (string id, ClaimsPrincipal user, ConnectorAdminService service, CancellationToken ct) =>
            SetEnabledAsync(id, enabled: false, user, service, ct));
        connectors.MapGet(ConnectorPaths.DeleteRoute, ConfirmDeleteAsync);
        connectors.MapPost(ConnectorPaths.DeleteRoute, DeleteAsync);
        connectors.MapPost(ConnectorPaths.TestRoute, TestAsync);
        return connectors;
    }

    private static async Task<IResult> SetEnabledAsync(string id, bool enabled, ClaimsPrincipal user, ConnectorAdminService service, CancellationToken ct) =>
        await service.PatchAsync(id, new JsonObject { ["enabled"] = enabled }, AdminActor.Of(user), ct) switch
        {
            ConnectorOutcome.Saved => ConsolePages.Redirect(ConnectorPaths.Of(id), enabled ? "console.notice.connectorEnabled" : "console.notice.connectorDisabled"),
            ConnectorOutcome.NotFound => ConnectorsEndpoints.NotFound(id),
            // Only a concurrent writer can refuse this patch: the page shows the connector as it now is.
            _ => ConsolePages.Redirect(ConnectorPaths.Of(id)),
        };

    private static async Task<IResult> ConfirmDeleteAsync(string id, HttpContext context, ConnectorStore store, CancellationToken ct)
    {
        if (await store.GetAsync(id, ct) is not { } row)
        {
            return ConnectorsEndpoints.NotFound(id);
        }

        return ConsolePages.Page<ConfirmPage>(ConsoleSections.Connectors, new Dictionary<string, object?>
        {
            [nameof(ConfirmPage.Title)] = Text(context).Format("console.connectors.deleteConfirm.title", row.Name),
            [nameof(ConfirmPage.Message)] = Text(context).Format("console.connectors.deleteConfirm.message", row.Id),
            [nameof(ConfirmPage.Action)] = ConnectorPaths.Delete(row.Id),
            [nameof(ConfirmPage.ConfirmLabel)] = Text(context)["console.connectors.deleteConfirm.confirm"],
            [nameof(ConfirmPage.CancelHref)] = ConnectorPaths.Of(row.Id),
        });
    }

    private static async Task<IResult> DeleteAsync(string id, ClaimsPrincipal user, ConnectorAdminService service, CancellationToken ct) =>
        await service.DeleteAsync(id, AdminActor.Of(user), ct)
            ? ConsolePages.Redirect(ConnectorPaths.List, "console.notice.connectorDeleted")
            : ConnectorsEndpoints.NotFound(id);

    /// <summary>The dry run, as <c>POST /api/connectors/{id}/test</c> starts it; the operator's browser goes to the provider at once.</summary>
    private static async Task<IResult> TestAsync(string id, ConnectorConfigLoader connectors, SignInStarter starter, CancellationToken ct)
    {
        if (await connectors.LoadAsync(id, ct) is not { } connector)
        {
            return ConnectorsEndpoints.NotFound(id);
        }

        var url = await starter.StartTestAsync(connector, back: ConnectorPaths.Of(id), ct);
        return ConsolePages.Page<TestStartPage>(ConsoleSections.Connectors, new Dictionary<string, object?>
        {
            [nameof(TestStartPage.Name)] = connector.Name,
            [nameof(TestStartPage.AuthorizationUrl)] = url.AbsoluteUri,
        });
    }

    private static PageText Text(HttpContext context) => PageContext.UseServiceLook(context).Text;
}
