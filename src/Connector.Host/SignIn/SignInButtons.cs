using Connector.Host.Connectors;

namespace Connector.Host.SignIn;

/// <summary>The sign-in page's buttons: the connectors <c>order</c> names, in that order, that are enabled; the others are not shown.</summary>
internal static class SignInButtons
{
    public static IReadOnlyList<ConnectorSummary> Of(IReadOnlyList<string> order, IReadOnlyList<ConnectorSummary> enabled)
    {
        var byId = enabled.ToDictionary(connector => connector.Id, StringComparer.Ordinal);
        return [.. order.Select(id => byId.GetValueOrDefault(id)).OfType<ConnectorSummary>()];
    }
}
