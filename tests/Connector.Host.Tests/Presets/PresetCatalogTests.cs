using System.Net;
using System.Text.Json.Nodes;
using Connector.Host.Tests.Infrastructure;

namespace Connector.Host.Tests.Presets;

public sealed class PresetCatalogTests(HostFixture host) : IClassFixture<HostFixture>
{
    private static readonly string[] Providers =
    [
        "auth0", "discord", "dropbox", "entra-id", "facebook", "github", "gitlab", "google", "huggingface", "keycloak", "linkedin",
        "microsoft", "okta", "slack", "spotify", "twitch", "x",
    ];

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task List_ReturnsEveryProviderSortedById()
    {
        var response = await host.Admin.GetAsync("/api/connector-presets", Ct);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var ids = (await response.ReadJsonAsync()).AsArray().Select(p => p!["id"]!.GetValue<string>()).ToArray();
        Assert.Equal(Providers, ids);
        Assert.Equal(PresetFiles.Ids, ids);
    }

    [Fact]
    public async Task List_ShowsEachPresetAsInItsFile_WithoutClientCredentials()
    {
        var presets = (await (await host.Admin.GetAsync("/api/connector-presets", Ct)).ReadJsonAsync()).AsArray();

        foreach (var preset in presets)
        {
            var id = preset!["id"]!.GetValue<string>();
            var file = PresetFiles.Read(id);
            Assert.Equal(file["name"]!.GetValue<string>(), preset["name"]!.GetValue<string>());
            Assert.Equal(file["docs"]!.GetValue<string>(), preset["docs"]!.GetValue<string>());
            Assert.True(JsonNode.DeepEquals(file["notes"], preset["notes"]), $"{id}: notes differ");
            Assert.True(JsonNode.DeepEquals(file["config"], preset["config"]), $"{id}: config differs");
            Assert.Null(preset["config"]!["clientId"]);
            Assert.Null(preset["config"]!["clientSecret"]);
            Assert.Equal(["config", "docs", "id", "logoDarkUrl", "logoUrl", "name", "notes", "parameters"], preset.AsObject().Select(p => p.Key).Order(StringComparer.Ordinal));
            var declared = file["parameters"]?.AsObject() ?? [];
            var shown = preset["parameters"]!.AsArray();
            Assert.Equal(declared.Select(p => p.Key), shown.Select(p => p!["name"]!.GetValue<string>()));
            foreach (var parameter in shown)
            {
                var inFile = declared[parameter!["name"]!.GetValue<string>()]!;
                Assert.Equal(inFile["kind"]!.GetValue<string>(), parameter["kind"]!.GetValue<string>());
                Assert.Equal(inFile["description"]!.GetValue<string>(), parameter["description"]!.GetValue<string>());
                Assert.Equal(inFile["example"]!.GetValue<string>(), parameter["example"]!.GetValue<string>());
            }
        }
    }

    [Fact]
    public async Task Get_WithKnownId_ReturnsThatPreset()
    {
        var response = await host.Admin.GetAsync("/api/connector-presets/twitch", Ct);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var preset = await response.ReadJsonAsync();
        Assert.Equal("twitch", preset["id"]!.GetValue<string>());
        Assert.Equal("Twitch", preset["name"]!.GetValue<string>());
        Assert.Equal("{clientId}", preset["config"]!["userInfoHeaders"]!["Client-Id"]!.GetValue<string>());
        Assert.False(preset["config"]!["pkce"]!.GetValue<bool>());
        Assert.NotEmpty(preset["notes"]!.AsArray());
    }

    [Fact]
    public async Task Get_WithUnknownId_Returns404PresetNotFound()
    {
        var response = await host.Admin.GetAsync("/api/connector-presets/myspace", Ct);

        var problem = await response.AssertProblemAsync(HttpStatusCode.NotFound, "preset_not_found");
        Assert.Contains("myspace", problem["detail"]!.GetValue<string>(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Presets_WithoutAdminKey_Return401()
    {
        using var anonymous = host.Factory.CreateClient();

        var response = await anonymous.GetAsync("/api/connector-presets", Ct);

        await response.AssertProblemAsync(HttpStatusCode.Unauthorized, "unauthorized");
    }
}
