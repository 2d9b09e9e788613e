using System.Net;
using Connector.Host.Tests.Infrastructure;

namespace Connector.Host.Tests.Connectors;

/// <summary>
/// A connector body written for Logto's Management API (its generic OAuth2 connector's factory, metadata with the
/// target, localized name and logos, syncProfile, enableTokenStorage) is accepted; answers are ours, without secrets.
/// </summary>
public sealed class LogtoShapeTests(HostFixture host) : IClassFixture<HostFixture>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    // As Logto's console sends it for "Add social connector > OAuth2", config as its form fills it in.
    private static string LogtoBody(string target, string? id = null) => $$"""
        {
          {{(id is null ? "" : $"\"id\": \"{id}\",")}}
          "connectorId": "oauth2",
          "config": {{LogtoConfigs.GitHub()}},
          "metadata": {
            "target": "{{target}}",
            "name": { "en": "GitHub (OAuth2)", "de": "GitHub über OAuth2", "zh-CN": "GitHub 登录" },
            "logo": "https://cdn.example.com/github.svg",
            "logoDark": "https://cdn.example.com/github-dark.svg"
          },
          "syncProfile": true,
          "enableTokenStorage": true
        }
        """;

    [Fact]
    public async Task ALogtoShapedCreate_IsAccepted_AndAnsweredInOurShapeWithoutTheSecret()
    {
        using var response = await host.Admin.PostAsync("/api/connectors", HttpJson.Body(LogtoBody("logto-github")), Ct);
        var text = await response.Content.ReadAsStringAsync(Ct);

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var body = await response.ReadJsonAsync();
        Assert.Equal("logto-github", body["id"]!.GetValue<string>());
        Assert.Equal("GitHub (OAuth2)", body["name"]!.GetValue<string>());
        Assert.Equal("GitHub über OAuth2", body["displayNames"]!["de"]!.GetValue<string>());
        Assert.Equal("GitHub 登录", body["displayNames"]!["zh-CN"]!.GetValue<string>());
        Assert.Null(body["displayNames"]!["en"]);
        Assert.Equal("https://cdn.example.com/github.svg", body["logoUrl"]!.GetValue<string>());
        Assert.Equal("https://cdn.example.com/github-dark.svg", body["logoDarkUrl"]!.GetValue<string>());
        Assert.True(body["syncProfile"]!.GetValue<bool>());
        Assert.True(body["enableTokenStorage"]!.GetValue<bool>());
        Assert.Equal("http://localhost/callback/logto-github", body["callbackUri"]!.GetValue<string>());
        Assert.Null(body["connectorId"]);
        Assert.Null(body["metadata"]);
        Assert.DoesNotContain(LogtoConfigs.GitHubSecret, text, StringComparison.Ordinal);
        Assert.DoesNotContain(LogtoConfigs.GitHubSecret, await DatabaseDump.AllRowsAsync(host.Database), StringComparison.Ordinal);
    }

    [Fact]
    public async Task AnExplicitId_WinsOverTheTarget()
    {
        using var response = await host.Admin.PostAsync("/api/connectors", HttpJson.Body(LogtoBody("some-target", id: "chosen-id")), Ct);

        Assert.Equal("chosen-id", (await response.ReadJsonAsync())["id"]!.GetValue<string>());
    }

    [Fact]
    public async Task AnotherFactory_OrUnknownMetadata_IsRefusedWithTheField()
    {
        var body = LogtoBody("other").Replace("\"connectorId\": \"oauth2\"", "\"connectorId\": \"github-universal\"", StringComparison.Ordinal)
            .Replace("\"logoDark\":", "\"platform\": \"web\", \"logoDark\":", StringComparison.Ordinal);

        using var response = await host.Admin.PostAsync("/api/connectors", HttpJson.Body(body), Ct);

        var problem = await response.AssertProblemAsync(HttpStatusCode.BadRequest, "validation_failed");
        Assert.Equal(["one_of"], problem.CodesFor("connectorId"));
        Assert.Equal(["unknown_field"], problem.CodesFor("metadata.platform"));
    }

    [Fact]
    public async Task ALogtoShapedPatch_ChangesTheNamesAndLogo_AndKeepsTheSecret()
    {
        using var created = await host.Admin.PostAsync("/api/connectors", HttpJson.Body(LogtoBody("logto-patch")), Ct);

        using var patched = await host.Admin.PatchAsync("/api/connectors/logto-patch", HttpJson.Body(
            """{ "metadata": { "name": { "en": "GitHub", "fr": "GitHub (français)" }, "logo": "https://cdn.example.com/gh2.svg" }, "syncProfile": false }"""), Ct);

        Assert.Equal(HttpStatusCode.OK, patched.StatusCode);
        var body = await patched.ReadJsonAsync();
        Assert.Equal("GitHub", body["name"]!.GetValue<string>());
        Assert.Equal("GitHub (français)", body["displayNames"]!["fr"]!.GetValue<string>());
        Assert.Null(body["displayNames"]!["de"]);
        Assert.Equal("https://cdn.example.com/gh2.svg", body["logoUrl"]!.GetValue<string>());
        Assert.False(body["syncProfile"]!.GetValue<bool>());
        Assert.True(body["config"]!["hasClientSecret"]!.GetValue<bool>());
    }

    [Fact]
    public async Task ConnectorAnswers_CarryTheCallbackUriToRegister()
    {
        using var created = await host.Admin.PostAsync("/api/connectors", HttpJson.Body(LogtoConfigs.Connector("plain-callback", "Plain", LogtoConfigs.GitHub())), Ct);

        var listed = (await (await host.Admin.GetAsync("/api/connectors", Ct)).ReadJsonAsync()).AsArray()
            .Single(connector => connector!["id"]!.GetValue<string>() == "plain-callback")!;

        Assert.Equal("http://localhost/callback/plain-callback", listed["callbackUri"]!.GetValue<string>());
    }
}
