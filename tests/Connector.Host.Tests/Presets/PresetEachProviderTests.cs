using System.Net;
using System.Text.Json.Nodes;
using Connector.Host.Tests.Infrastructure;

namespace Connector.Host.Tests.Presets;

/// <summary>
/// Each preset, created with nothing but credentials (issue 6's short form) and the values it needs (its file's examples),
/// read back against its file.
/// </summary>
public sealed class PresetEachProviderTests(HostFixture host) : IClassFixture<HostFixture>
{
    private const string ClientId = "preset-client-id-4471";
    private const string ClientSecret = "preset-client-secret-9b3e1f7a";

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory]
    [MemberData(nameof(PresetFiles.All), MemberType = typeof(PresetFiles))]
    public async Task Create_WithPresetAndCredentials_StoresThePresetConfigFieldByField(string preset)
    {
        var body = new JsonObject { ["preset"] = preset, ["clientId"] = ClientId, ["clientSecret"] = ClientSecret };
        if (PresetFiles.Examples(preset) is { Count: > 0 } parameters)
        {
            body["presetParameters"] = parameters;
        }

        var created = await PostAsync(body.ToJsonString());

        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        Assert.Equal($"/api/connectors/{preset}", created.Headers.Location?.OriginalString);
        var connector = await (await host.Admin.GetAsync($"/api/connectors/{preset}", Ct)).ReadJsonAsync();
        var file = PresetFiles.Filled(preset);
        Assert.Equal(preset, connector["id"]!.GetValue<string>());
        Assert.Equal(file["name"]!.GetValue<string>(), connector["name"]!.GetValue<string>());
        Assert.Equal($"/assets/logos/{preset}.svg", connector["logoUrl"]!.GetValue<string>());
        Assert.Equal($"/assets/logos/{preset}-dark.svg", connector["logoDarkUrl"]!.GetValue<string>());
        Assert.True(connector["enabled"]!.GetValue<bool>());
        var config = connector["config"]!;
        foreach (var (field, value) in file["config"]!.AsObject())
        {
            PresetAssert.Contains(value, config[field], $"{preset}: config.{field}");
        }

        Assert.True(JsonNode.DeepEquals(file["config"]!["profileMap"], config["profileMap"]), $"{preset}: profileMap differs");
        Assert.Equal(ClientId, config["clientId"]!.GetValue<string>());
        Assert.True(config["hasClientSecret"]!.GetValue<bool>());
        Assert.Null(config["clientSecret"]);
    }

    private Task<HttpResponseMessage> PostAsync(string body) => host.Admin.PostAsync("/api/connectors", HttpJson.Body(body), Ct);
}
