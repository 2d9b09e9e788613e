using Connector.Host.Audit;
using Connector.Host.Connectors;
using Connector.Host.Connectors.Presets;
using Connector.Host.Console.Kit;
using Connector.Host.SignIn;

namespace Connector.Host.Console.Connectors;

/// <summary>
/// <c>/console/connectors</c>: the list, "Add social connector" (a preset or OAuth2), and each connector's page with
/// its form, test, enable, disable and delete — through the services the admin API calls (<c>docs/console.md</c>).
/// </summary>
internal static class ConnectorsEndpoints
{
    public static IServiceCollection AddConsoleConnectors(this IServiceCollection services) => services.AddSingleton<CallbackUris>();

    public static RouteGroupBuilder MapConsoleConnectors(this RouteGroupBuilder console)
    {
        var connectors = console.MapGroup(ConnectorPaths.List[ConsolePaths.Root.Length..]);
        connectors.MapGet("", ListAsync);
        connectors.MapGet(ConnectorPaths.NewRoute, ChooseKind);
        connectors.MapNewConnectors();
        connectors.MapConnectorPage();
        connectors.MapConnectorActions();
        return console;
    }

    /// <summary>Every connector with its last successful sign-in (ever) and its sign-ins of the last 24 hours.</summary>
    private static async Task<IResult> ListAsync(ConnectorStore store, AuditStore audit, TimeProvider time, CancellationToken ct)
    {
        var rows = await store.ListAsync(ct);
        var lastDay = await audit.OutcomesSinceAsync(SignInAudit.Action, time.GetUtcNow().AddHours(-24), ct);
        var lastSuccess = await audit.LastSuccessAsync(SignInAudit.Action, [.. rows.Select(row => row.Id)], ct);
        return ConsolePages.Page<ConnectorListPage>(ConsoleSections.Connectors, new Dictionary<string, object?>
        {
            [nameof(ConnectorListPage.Connectors)] = rows.Select(row => new ConnectorListItem(
                row.Id, row.Name, row.LogoUrl, row.LogoDarkUrl, row.Enabled,
                lastSuccess.TryGetValue(row.Id, out var last) ? last : null, lastDay.GetValueOrDefault(row.Id))).ToList(),
        });
    }

    private static IResult ChooseKind(PresetCatalog presets) =>
        ConsolePages.Page<NewConnectorPage>(ConsoleSections.Connectors, new Dictionary<string, object?>
        {
            [nameof(NewConnectorPage.Presets)] = presets.All.Select(ViewOf).ToList(),
        });

    public static PresetView ViewOf(ConnectorPreset preset) =>
        new(preset.Id, preset.Name, preset.Docs, preset.Notes, preset.LogoUrl, preset.LogoDarkUrl, [.. preset.Parameters.Select(parameter => parameter.Name)]);

    /// <summary>The page of an id that names no connector.</summary>
    public static IResult NotFound(string id) =>
        ConsolePages.Page<ConnectorNotFoundPage>(ConsoleSections.Connectors, new Dictionary<string, object?>
        {
            [nameof(ConnectorNotFoundPage.Id)] = id,
        }, StatusCodes.Status404NotFound);
}
