using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using Connector.Testing.Logging;

namespace Connector.Resilience.Tests.Infrastructure;

/// <summary>Registers connectors through the admin API, as an operator would.</summary>
public static class ConnectorSetup
{
    public static async Task CreateAsync(HttpClient admin, string id, string authorizationEndpoint, string tokenEndpoint, string userInfoEndpoint, CapturedLogs? log = null)
    {
        var body = new JsonObject
        {
            ["id"] = id,
            ["name"] = id,
            ["enabled"] = true,
            ["config"] = new JsonObject
            {
                ["authorizationEndpoint"] = authorizationEndpoint,
                ["tokenEndpoint"] = tokenEndpoint,
                ["userInfoEndpoint"] = userInfoEndpoint,
                ["clientId"] = id + "-client",
                ["clientSecret"] = id + "-secret-value",
                ["scope"] = "openid profile",
                ["profileMap"] = new JsonObject { ["id"] = "sub", ["name"] = "name" },
            },
        };
        using var content = new StringContent(body.ToJsonString(), Encoding.UTF8, "application/json");
        using var response = await admin.PostAsync("/api/connectors", content, TestContext.Current.CancellationToken);
        Assert.True(response.StatusCode == HttpStatusCode.Created,
            $"Creating connector {id}: {response.StatusCode} {await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken)}\n{log}");
    }
}
