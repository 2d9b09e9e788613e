using System.Net;
using System.Text.Json.Nodes;
using Connector.Host.Tests.Infrastructure;

namespace Connector.Host.Tests.Presets;

/// <summary>
/// Each preset, created with nothing but its credentials (issue 6's short form; Apple's key and team) and the values it
/// needs (its file's examples),
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
        var credentials = PresetFiles.Credentials(preset);
        var body = new JsonObject { ["preset"] = preset, ["clientId"] = ClientId };
        if (credentials.Contains("clientSecret"))
        {
            body["clientSecret"] = ClientSecret;
        }

        if (credentials.Contains("signedClientSecret.privateKey"))
        {
            body["config"] = new JsonObject
            {
                ["signedClientSecret"] = new JsonObject { ["keyId"] = "KEY1234567", ["issuer"] = "TEAM123456", ["privateKey"] = SignedJwts.NewEcKey().Pem },
            };
        }

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
        Assert.Equal(credentials.Contains("clientSecret"), config["hasClientSecret"]!.GetValue<bool>());
        Assert.Null(config["clientSecret"]);
        if (credentials.Contains("signedClientSecret.privateKey"))
        {
            Assert.True(config["signedClientSecret"]!["hasPrivateKey"]!.GetValue<bool>());
            Assert.Equal("TEAM123456", config["signedClientSecret"]!["issuer"]!.GetValue<string>());
            Assert.Null(config["signedClientSecret"]!["privateKey"]);
        }
    }

    private Task<HttpResponseMessage> PostAsync(string body) => host.Admin.PostAsync("/api/connectors", HttpJson.Body(body), Ct);
}
