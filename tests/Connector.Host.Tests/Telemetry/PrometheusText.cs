using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using Connector.Host.Tests.Infrastructure;

namespace Connector.Host.Tests.Telemetry;

/// <summary>A scrape of <c>/metrics</c>, read as the Prometheus text format: one sample per line, <c>name{labels} value</c>.</summary>
internal sealed class PrometheusText(string text)
{
    public string Text { get; } = text;

    public static async Task<PrometheusText> ScrapeAsync(HttpClient client)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/metrics");
        request.Headers.Authorization ??= client.DefaultRequestHeaders.Authorization ?? new AuthenticationHeaderValue("Bearer", AdminKeys.Primary);
        using var response = await client.SendAsync(request, TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.StartsWith("text/plain", response.Content.Headers.ContentType?.MediaType, StringComparison.Ordinal);
        return new(await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
    }

    /// <summary>The samples of <paramref name="name"/> that carry every one of <paramref name="labels"/> (others may be present).</summary>
    public IReadOnlyList<double> Samples(string name, params (string Name, string Value)[] labels) =>
        [.. Lines(name).Where(line => labels.All(label => line.Contains($"{label.Name}=\"{label.Value}\"", StringComparison.Ordinal)))
            .Select(line => double.Parse(line[(line.LastIndexOf(' ') + 1)..], CultureInfo.InvariantCulture))];

    /// <summary>The sum of the matching samples; 0 when there is none (a counter not yet moved is absent).</summary>
    public double Value(string name, params (string Name, string Value)[] labels) => Samples(name, labels).Sum();

    public bool Has(string name) => Lines(name).Any();

    private IEnumerable<string> Lines(string name) =>
        Text.Split('\n').Where(line => line.StartsWith(name + "{", StringComparison.Ordinal) || line.StartsWith(name + " ", StringComparison.Ordinal));
}
