using System.Net;
using Connector.Resilience.Tests.Infrastructure;
using WireMock.ResponseBuilders;

namespace Connector.Resilience.Tests.Faults;

/// <summary>
/// A provider answering garbage: a body cut short, malformed or empty, larger than the cap, or a gzip bomb. Each
/// ends on a clear 502 page with the engine's code and writes no user or identity; the bomb is never inflated whole.
/// </summary>
public sealed class ProviderAnswerTests(FaultWorld world) : IClassFixture<FaultWorld>, IDisposable
{
    private readonly FakeProvider _provider = new();

    public void Dispose() => _provider.Dispose();

    [Theory]
    [InlineData(FakeProvider.TokenPath, "access_token", "token_exchange_failed")]
    [InlineData(FakeProvider.UserInfoPath, "sub", "userinfo_failed")]
    public async Task AnswerCutShortOfItsContentLength_ShowsThatStepFailed(string path, string field, string code)
    {
        _provider.WorksUpTo(path);
        using var cut = new TruncatingServer($$"""{"{{field}}":"cut""", promisedLength: 200);
        var id = await world.ConnectorAsync(_provider.Url, movedPath: path, movedTo: cut.Url);
        using var browser = world.Host.NewBrowser();

        using var response = await browser.SignInAsync(id);

        await world.AssertFailedAsync(response, id, code);
        Assert.Equal(1, cut.Requests);
    }

    [Fact]
    public async Task TokenAnswerWithAMalformedChunk_ShowsInvalidTokenResponse()
    {
        _provider.OnToken(FakeProvider.Json("""{"access_token":"0123456789abcdef0123456789abcdef","token_type":"Bearer"}""")
            .WithFault(FaultType.MALFORMED_RESPONSE_CHUNK));
        var id = await world.ConnectorAsync(_provider.Url);
        using var browser = world.Host.NewBrowser();

        using var response = await browser.SignInAsync(id);

        await world.AssertFailedAsync(response, id, "invalid_token_response");
    }

    [Fact]
    public async Task EmptyUserInfoAnswer_ShowsInvalidUserInfoResponse()
    {
        _provider.AnswersAt(FakeProvider.UserInfoPath, FakeProvider.Json("""{"sub":"never-sent"}""").WithFault(FaultType.EMPTY_RESPONSE));
        var id = await world.ConnectorAsync(_provider.Url);
        using var browser = world.Host.NewBrowser();

        using var response = await browser.SignInAsync(id);

        await world.AssertFailedAsync(response, id, "invalid_userinfo_response");
    }

    [Theory]
    [InlineData(FakeProvider.TokenPath, "access_token", "invalid_token_response")]
    [InlineData(FakeProvider.UserInfoPath, "sub", "invalid_userinfo_response")]
    public async Task OversizedAnswer_ShowsThatStepsInvalidResponse(string path, string field, string code)
    {
        _provider.AnswersAt(path, FakeProvider.Json($$"""{"{{field}}":"big","padding":"{{new string('x', 4 * FaultWorld.MaxResponseBytes)}}"}"""));
        var id = await world.ConnectorAsync(_provider.Url);
        using var browser = world.Host.NewBrowser();

        using var response = await browser.SignInAsync(id);

        await world.AssertFailedAsync(response, id, code);
    }

    [Theory]
    [InlineData(FakeProvider.TokenPath, "access_token", "invalid_token_response")]
    [InlineData(FakeProvider.UserInfoPath, "sub", "invalid_userinfo_response")]
    public async Task GzipBombAsTheAnswer_ShowsThatStepsInvalidResponse_WithoutInflatingIt(string path, string field, string code)
    {
        var bomb = GzipBomb.Create($$"""{"{{field}}":"bomb","padding":" """, """ "}""");
        _provider.AnswersAt(path, Response.Create().WithHeader("Content-Type", "application/json").WithHeader("Content-Encoding", "gzip").WithBody(bomb.Compressed));
        var id = await world.ConnectorAsync(_provider.Url);
        using var browser = world.Host.NewBrowser();
        var callback = await Browser.AtProviderAsync(await browser.StartAsync(id));

        var allocated = GC.GetTotalAllocatedBytes(precise: true);
        using var response = await browser.GetAsync(callback);
        allocated = GC.GetTotalAllocatedBytes(precise: true) - allocated;

        await world.AssertFailedAsync(response, id, code);
        await AssertServedCompressedAsync(new HttpMethod(ProviderSteps.MethodOf(path)), path, bomb);
        Assert.True(allocated < bomb.InflatedLength / 4, $"The sign-in allocated {allocated:N0} bytes for a {bomb.InflatedLength:N0}-byte bomb.");
        TestContext.Current.TestOutputHelper?.WriteLine($"{bomb.Compressed.Length:N0} bytes inflating to {bomb.InflatedLength:N0}; the sign-in allocated {allocated:N0}");
    }

    /// <summary>The bomb went over the wire as a small gzip body (smaller than the cap), so only inflating it could break the cap.</summary>
    private async Task AssertServedCompressedAsync(HttpMethod method, string path, GzipBomb bomb)
    {
        using var raw = new HttpClient(new SocketsHttpHandler { AutomaticDecompression = DecompressionMethods.None });
        using var request = new HttpRequestMessage(method, _provider.Url + path);
        using var answer = await raw.SendAsync(request, TestContext.Current.CancellationToken);
        var body = await answer.Content.ReadAsByteArrayAsync(TestContext.Current.CancellationToken);
        Assert.Equal(["gzip"], answer.Content.Headers.ContentEncoding);
        Assert.Equal(bomb.Compressed, body);
        Assert.True(body.Length < FaultWorld.MaxResponseBytes && bomb.InflatedLength > 100 * FaultWorld.MaxResponseBytes);
    }
}
