using System.Globalization;
using Connector.Host.Audit;
using Connector.Host.Connectors;
using Connector.Host.Console.Kit;
using Connector.Host.Experience;
using Connector.Host.Oidc.Apps;
using Connector.Host.SignIn;
using Connector.Host.Users;

namespace Connector.Host.Console.Dashboard;

/// <summary>
/// <c>/console</c>: where the operator stands — the seed's setup steps, ticked off as they are done, and the sign-ins
/// of the last 14 UTC days (today included) per connector, with the failures by error code, from the audit trail.
/// </summary>
internal static class DashboardEndpoints
{
    public const int Days = 14;

    public static RouteGroupBuilder MapDashboard(this RouteGroupBuilder console)
    {
        console.MapGet("", ShowAsync);
        return console;
    }

    private static async Task<IResult> ShowAsync(
        ConnectorStore connectors, ExperienceAdminService experience, AppAdminService apps, UserAdminService users, AuditStore audit, TimeProvider time,
        CancellationToken ct)
    {
        var today = DateOnly.FromDateTime(time.GetUtcNow().UtcDateTime);
        var firstDay = today.AddDays(1 - Days);
        var activity = SignInActivity.From(await audit.DailyOutcomesAsync(SignInAudit.Action, firstDay, today, ct), today, Days);
        var connectorRows = await connectors.ListAsync(ct);
        var shown = (await experience.GetAsync(ct)).Connectors;
        var anyApp = (await apps.ListAsync(ct)).Count > 0;
        var anyUser = (await users.ListAsync(new UserListQuery(null, null, 1), ct)).Count > 0;
        return ConsolePages.Page<DashboardPage>(ConsoleSections.Dashboard, new Dictionary<string, object?>
        {
            [nameof(DashboardPage.Steps)] = new List<SetupStep>
            {
                new("console.setup.connector.title", "console.setup.connector.help", ConsolePaths.Connectors, connectorRows.Count > 0),
                new("console.setup.experience.title", "console.setup.experience.help", ConsolePaths.SignInExperience, shown.Count > 0),
                new("console.setup.application.title", "console.setup.application.help", ConsolePaths.Applications, anyApp),
                new("console.setup.firstUser.title", "console.setup.firstUser.help", ConsolePaths.Users, anyUser),
            },
            [nameof(DashboardPage.Activity)] = activity,
            [nameof(DashboardPage.AuditPath)] = ConsolePaths.Audit + QueryString.Create([
                KeyValuePair.Create("action", (string?)SignInAudit.Action),
                KeyValuePair.Create("from", (string?)firstDay.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)),
            ]),
        });
    }
}

/// <summary>One step of the setup: its page texts, where it is done, and whether it is.</summary>
public sealed record SetupStep(string TitleKey, string HelpKey, string Path, bool Done);
