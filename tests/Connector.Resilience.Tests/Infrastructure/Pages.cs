using System.Net;

namespace Connector.Resilience.Tests.Infrastructure;

public static class Pages
{
    /// <summary>Asserts the browser flow's error page: HTML with the status and stable code, and no exception text.</summary>
    public static async Task<string> AssertErrorPageAsync(HttpResponseMessage response, HttpStatusCode status, string code)
    {
        var html = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        Assert.True(status == response.StatusCode, $"Expected {(int)status} {code}, got {(int)response.StatusCode}: {Cut(html)}");
        Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
        Assert.True(html.Contains($"<code>{code}</code>", StringComparison.Ordinal), $"Expected the code {code} on the page: {Cut(html[(html.IndexOf("<main", StringComparison.Ordinal) is var at and >= 0 ? at : 0)..])}");
        AssertNoExceptionText(html);
        return html;
    }

    public static void AssertNoExceptionText(string body)
    {
        Assert.DoesNotContain("Exception", body, StringComparison.Ordinal);
        Assert.DoesNotContain("Npgsql", body, StringComparison.Ordinal);
        Assert.DoesNotContain(" at Connector.", body, StringComparison.Ordinal);
    }

    private static string Cut(string text) => text.Length > 400 ? text[..400] : text;
}
