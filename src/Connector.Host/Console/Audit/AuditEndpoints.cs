using Connector.Host.Audit;
using Connector.Host.Console.Kit;
using Connector.Host.Problems;

namespace Connector.Host.Console.Audit;

/// <summary>
/// <c>/console/audit</c>: the trail, newest first, 50 a page, narrowed by action, actor, target (a connector, a user,
/// an app), outcome and a UTC time range — the admin API's <see cref="AuditQuery"/> read from the same parameters,
/// so a console page's address and <c>GET /api/audit</c> with that query string list the same events.
/// </summary>
internal static class AuditEndpoints
{
    public static RouteGroupBuilder MapConsoleAudit(this RouteGroupBuilder console)
    {
        console.MapGet(ConsolePaths.Audit[ConsolePaths.Root.Length..], ListAsync);
        return console;
    }

    private static async Task<IResult> ListAsync(
        AuditStore store, string? action, string? actor, string? target, string? outcome, string? from, string? to, string? before, CancellationToken ct)
    {
        var typed = new AuditFilterView(action, actor, target, outcome, from, to);
        var errors = new FieldErrors();
        var query = AuditQuery.Read(action, actor, target, outcome, from, to, before, null, errors);
        var rows = query is null ? [] : await store.ListAsync(query, ct);
        var parameters = new Dictionary<string, object?>
        {
            [nameof(AuditPage.Filters)] = typed,
            [nameof(AuditPage.Actions)] = Choices(await store.ActionsAsync(ct), action),
            [nameof(AuditPage.Outcomes)] = Choices(await store.OutcomesAsync(ct), outcome),
            [nameof(AuditPage.Rows)] = rows.Select(AuditEventView.From).ToList(),
            [nameof(AuditPage.Errors)] = FormErrors.From(errors),
        };
        if (query is not null)
        {
            parameters[nameof(AuditPage.First)] = query.Before is null ? null : AuditFilterView.PathOf(query.Filters());
            parameters[nameof(AuditPage.Next)] = query.Next(rows) is { Before: { } last } next
                ? AuditFilterView.PathOf([.. next.Filters(), KeyValuePair.Create("before", (string?)last.ToString(System.Globalization.CultureInfo.InvariantCulture))])
                : null;
        }

        return ConsolePages.Page<AuditPage>(ConsoleSections.Audit, parameters, query is null ? StatusCodes.Status400BadRequest : StatusCodes.Status200OK);
    }

    /// <summary>The values the trail holds, and the one asked for even when none is left (an address kept from before the retention).</summary>
    private static List<string> Choices(IReadOnlyList<string> held, string? asked) =>
        asked?.Trim() is { Length: > 0 } wanted && !held.Contains(wanted, StringComparer.Ordinal) ? [.. held, wanted] : [.. held];
}
