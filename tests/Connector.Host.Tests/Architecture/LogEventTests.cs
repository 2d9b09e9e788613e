using System.Reflection;
using Connector.OAuth2;

namespace Connector.Host.Tests.Architecture;

/// <summary>Every log event has its own id, inside its area's range (the table in <c>docs/architecture.md</c>).</summary>
public sealed class LogEventTests
{
    /// <summary>Namespace → the ids its events may use.</summary>
    private static readonly (string Namespace, int First, int Last)[] Ranges =
    [
        ("Connector.OAuth2", 1000, 1999),
        ("Connector.Host.Configuration", 2000, 2099),
        ("Connector.Host.Persistence", 2100, 2199),
        ("Connector.Host.Security", 3000, 3099),
        ("Connector.Host.Hardening", 3100, 3199),
        ("Connector.Host.Problems", 3200, 3299),
        ("Connector.Host.Connectors", 4000, 4099),
        ("Connector.Host.SignIn", 4100, 4199),
        ("Connector.Host.Users", 4200, 4299),
        ("Connector.Host.Sessions", 4300, 4399),
        ("Connector.Host.Audit", 4400, 4499),
        ("Connector.Host.Oidc", 5000, 5099),
        ("Connector.Host.Console", 5100, 5199),
        ("Connector.Host.Webhooks", 5200, 5299),
        ("Connector.Host.Telemetry", 5300, 5399),
        ("Connector.Host.TokenVault", 5400, 5499),
    ];

    [Fact]
    public void EveryEventId_IsUnique_AndInItsAreasRange()
    {
        var events = Events();

        var duplicates = events.GroupBy(e => e.Id).Where(group => group.Count() > 1)
            .Select(group => $"{group.Key}: {string.Join(", ", group.Select(e => e.Name))}").ToList();
        var outOfRange = events.Where(e => Ranges.Where(r => InNamespace(e.Namespace, r.Namespace)).OrderByDescending(r => r.Namespace.Length)
                .Select(r => (int?)(e.Id >= r.First && e.Id <= r.Last ? 1 : 0)).FirstOrDefault() != 1)
            .Select(e => $"{e.Name} ({e.Id})").ToList();

        Assert.True(events.Count > 20, "the scan found the log events");
        Assert.True(duplicates.Count == 0, "Shared event ids: " + string.Join("; ", duplicates));
        Assert.True(outOfRange.Count == 0, "Event ids outside their area's range: " + string.Join("; ", outOfRange));
    }

    private static List<(int Id, string Namespace, string Name)> Events() =>
        [.. new[] { typeof(OAuth2Connector).Assembly, typeof(Program).Assembly }
            .SelectMany(assembly => assembly.GetTypes())
            .SelectMany(type => type.GetMethods(BindingFlags.Static | BindingFlags.Instance | BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.DeclaredOnly)
                .Select(method => (Type: type, Method: method, Attribute: method.GetCustomAttribute<Microsoft.Extensions.Logging.LoggerMessageAttribute>())))
            .Where(found => found.Attribute is not null)
            .Select(found => (found.Attribute!.EventId, found.Type.Namespace ?? "", $"{found.Type.Name}.{found.Method.Name}"))];

    private static bool InNamespace(string actual, string area) => actual == area || actual.StartsWith(area + ".", StringComparison.Ordinal);
}
