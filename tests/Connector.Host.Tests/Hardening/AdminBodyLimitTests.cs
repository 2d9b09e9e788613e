using System.Net;
using System.Net.Http.Headers;
using System.Text;
using Connector.Host.Tests.Infrastructure;

namespace Connector.Host.Tests.Hardening;

/// <summary>Admin API bodies are capped at 64 KiB: 413 with code <c>request_too_large</c>, declared or streamed.</summary>
public sealed class AdminBodyLimitTests(HostFixture host) : IClassFixture<HostFixture>
{
    private const int Limit = 64 * 1024;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task BodyDeclaredLargerThanTheLimit_IsRefusedWith413()
    {
        using var response = await host.Admin.PostAsync("/api/connectors", HttpJson.Body(Padded(Limit + 1)), Ct);

        await response.AssertProblemAsync(HttpStatusCode.RequestEntityTooLarge, "request_too_large");
        Assert.Equal(0, await CountConnectorsAsync());
    }

    [Fact]
    public async Task StreamedBodyWithoutALength_IsCutOffAtTheLimit()
    {
        using var content = new UnknownLengthContent(Encoding.UTF8.GetBytes(Padded(4 * Limit)));
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/connectors") { Content = content };
        request.Headers.TransferEncodingChunked = true;
        Assert.Null(request.Content.Headers.ContentLength);

        using var response = await host.Admin.SendAsync(request, Ct);

        await response.AssertProblemAsync(HttpStatusCode.RequestEntityTooLarge, "request_too_large");
    }

    [Fact]
    public async Task BodyJustUnderTheLimit_IsRead()
    {
        using var response = await host.Admin.PostAsync("/api/connectors", HttpJson.Body(Padded(Limit - 16)), Ct);

        // Read and judged: the padding field is unknown, which is a validation answer, not a size one.
        var problem = await response.AssertProblemAsync(HttpStatusCode.BadRequest, "validation_failed");
        Assert.Equal(["unknown_field"], problem.CodesFor("padding"));
    }

    [Fact]
    public async Task LargeBodiesOutsideTheAdminApi_AreNotThisLimitsBusiness()
    {
        using var client = host.Factory.CreateClient();

        using var response = await client.PostAsync("/oidc/token", new StringContent(
            "grant_type=authorization_code&padding=" + new string('x', 2 * Limit), Encoding.UTF8, "application/x-www-form-urlencoded"), Ct);

        Assert.NotEqual(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
    }

    /// <summary>A JSON connector body of exactly <paramref name="bytes"/> bytes.</summary>
    private static string Padded(int bytes)
    {
        const string head = """{"name":"Big","padding":""";
        const string tail = "\"}";
        return head + "\"" + new string('x', bytes - head.Length - tail.Length - 1) + tail;
    }

    /// <summary>A body whose length is not known up front, as a client streaming it chunked sends it.</summary>
    private sealed class UnknownLengthContent : HttpContent
    {
        private readonly byte[] _bytes;

        public UnknownLengthContent(byte[] bytes)
        {
            _bytes = bytes;
            Headers.ContentType = new MediaTypeHeaderValue("application/json");
        }

        protected override Task SerializeToStreamAsync(Stream stream, TransportContext? context) => stream.WriteAsync(_bytes).AsTask();

        protected override bool TryComputeLength(out long length)
        {
            length = 0;
            return false;
        }
    }

    private async Task<long> CountConnectorsAsync()
    {
        await using var connection = await host.Database.OpenAsync();
        return await Dapper.SqlMapper.ExecuteScalarAsync<long>(connection, "SELECT count(*) FROM connectors");
    }
}
