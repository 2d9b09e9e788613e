using System.Net;
using System.Text;
using System.Text.Json.Nodes;

namespace Connector.Host.Tests.Infrastructure;

public static class HttpJson
{
    public static StringContent Body(string json, string mediaType = "application/json") => new(json, Encoding.UTF8, mediaType);

    public static async Task<JsonNode> ReadJsonAsync(this HttpResponseMessage response)
    {
        var text = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        return JsonNode.Parse(text) ?? throw new InvalidOperationException("Empty JSON answer.");
    }

    /// <summary>Asserts a problem answer with the given status and stable code, and returns it.</summary>
    public static async Task<JsonNode> AssertProblemAsync(this HttpResponseMessage response, HttpStatusCode status, string code)
    {
        Assert.Equal(status, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = await response.ReadJsonAsync();
        Assert.Equal(code, problem["code"]?.GetValue<string>());
        return problem;
    }

    /// <summary>The codes a validation problem lists for one field path.</summary>
    public static IReadOnlyList<string> CodesFor(this JsonNode problem, string field) =>
        problem["errorCodes"]?[field]?.AsArray().Select(code => code!.GetValue<string>()).ToArray() ?? [];
}
