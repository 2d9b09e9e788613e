using System.Security.Claims;
using Connector.Host.AdminApi;
using Connector.Host.Configuration;
using Connector.Host.Connectors;
using Connector.Host.Connectors.Api;
using Connector.Host.Connectors.Discovery;
using Connector.Host.Console.Kit;
using Connector.Host.Problems;
using Microsoft.Extensions.Options;

namespace Connector.Host.Console.Connectors;

/// <summary>
/// A connector's page: its stored values in the form (the secret never), saved as the merge patch
/// <c>PATCH /api/connectors/{id}</c> would send, through <see cref="ConnectorAdminService.PatchAsync"/>. A change of
/// provider is explained and waits for the operator's confirmation.
/// </summary>
internal static class ConnectorPageEndpoints
{
    public static RouteGroupBuilder MapConnectorPage(this RouteGroupBuilder connectors)
    {
        connectors.MapGet(ConnectorPaths.ConnectorRoute, ShowAsync);
        connectors.MapPost(ConnectorPaths.ConnectorRoute, SaveAsync);
        connectors.MapPost(ConnectorPaths.DiscoverRoute, DiscoverAsync);
        return connectors;
    }

    private static async Task<IResult> ShowAsync(string id, ConnectorStore store, IOptions<ConnectorsOptions> options, CallbackUris callbacks, CancellationToken ct)
    {
        if (await store.GetAsync(id, ct) is not { } row)
        {
            return ConnectorsEndpoints.NotFound(id);
        }

        var stored = ConnectorEditDocument.Of(row, options.Value.PublicOrigin!);
        return Page(row, callbacks, FormValues.From(stored, ConnectorForm.JsonPaths));
    }

    private static async Task<IResult> SaveAsync(
        string id, HttpContext context, ClaimsPrincipal user, ConnectorStore store, ConnectorAdminService service, IOptions<ConnectorsOptions> options,
        CallbackUris callbacks, CancellationToken ct)
    {
        if (await store.GetAsync(id, ct) is not { } row)
        {
            return ConnectorsEndpoints.NotFound(id);
        }

        var form = await context.Request.ReadFormAsync(ct);
        var formErrors = new FieldErrors();
        var patch = ConnectorEditDocument.Patch(form, ConnectorEditDocument.Of(row, options.Value.PublicOrigin!), formErrors);
        var fields = ConnectorEditDocument.Fields;
        switch (await service.PatchAsync(id, patch, AdminActor.Of(user), ct))
        {
            case ConnectorOutcome.Saved:
                return ConsolePages.Redirect(ConnectorPaths.Of(id), "console.notice.connectorSaved");
            case ConnectorOutcome.Invalid invalid:
                var errors = FormErrors.From(formErrors, invalid.Errors, fields);
                return Page(row, callbacks, FormValues.From(form), errors, confirm: errors.For(ProviderChange.ConfirmationField).Count > 0 || form.ContainsKey(ProviderChange.ConfirmationField),
                    status: StatusCodes.Status400BadRequest);
            case ConnectorOutcome.NotFound:
                return ConnectorsEndpoints.NotFound(id);
            default:
                // Another writer got there between this page's read and its write (ConnectorOutcome.Concurrent).
                var concurrent = new FieldErrors();
                concurrent.Add("", ErrorCodes.Conflict, "The connector changed while this update was applied; open it again and repeat the change.");
                return Page(row, callbacks, FormValues.From(form), FormErrors.From(formErrors, concurrent, fields), status: StatusCodes.Status409Conflict);
        }
    }

    private static async Task<IResult> DiscoverAsync(
        string id, HttpContext context, ConnectorStore store, ConnectorDiscovery discovery, CallbackUris callbacks, CancellationToken ct)
    {
        if (await store.GetAsync(id, ct) is not { } row)
        {
            return ConnectorsEndpoints.NotFound(id);
        }

        var form = await context.Request.ReadFormAsync(ct);
        var (values, errors, note, status) = await DiscoveryStep.RunAsync(form, discovery, ct);
        return Page(row, callbacks, values, errors, note: note, confirm: form.ContainsKey(ProviderChange.ConfirmationField), status: status);
    }

    private static IResult Page(
        ConnectorRow row, CallbackUris callbacks, FormValues values, FormErrors? errors = null, DiscoveryNote? note = null, bool confirm = false,
        int status = StatusCodes.Status200OK) =>
        ConsolePages.Page<ConnectorPage>(ConsoleSections.Connectors, new Dictionary<string, object?>
        {
            [nameof(ConnectorPage.Connector)] = new ConnectorHeader(row.Id, row.Name, row.LogoUrl, row.LogoDarkUrl, row.Enabled,
                ConnectorForm.StoredSecrets(row), ConnectorForm.PublicJwkText(row), callbacks.Of(row.Id)),
            [nameof(ConnectorPage.Values)] = values,
            [nameof(ConnectorPage.Errors)] = errors ?? FormErrors.None,
            [nameof(ConnectorPage.Discovery)] = note,
            [nameof(ConnectorPage.CallbackBase)] = callbacks.Base,
            [nameof(ConnectorPage.ConfirmProviderChange)] = confirm,
        }, status);
}
