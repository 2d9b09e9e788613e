using System.Net;
using Connector.Host.Tests.SignIn;

namespace Connector.Host.Tests.Telemetry;

public sealed class AnonymousMetricsTests
{
    [Fact]
    public async Task Metrics_WithAnonymousOn_AnswerWithoutAKey_AndTheStartWarns()
    {
        await using var host = await SignInHost.StartAsync(new Dictionary<string, string?> { ["Connectors:Metrics:Anonymous"] = "true" });
        using var anonymous = host.Factory.CreateClient();

        using var response = await anonymous.GetAsync("/metrics", TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains(host.Factory.Logs.Records, record => record.EventId == 5302);
    }
}
