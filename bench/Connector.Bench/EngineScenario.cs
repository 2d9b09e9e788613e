using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using Connector.OAuth2;
using Connector.OAuth2.Configuration;
using Connector.OAuth2.Diagnostics;
using Connector.OAuth2.Tokens;
using Microsoft.Extensions.DependencyInjection;

namespace Connector.Bench;

/// <summary>
/// Token exchange + userinfo + profile mapping through the engine, against a constant provider; and, as
/// the yardstick, a bare HttpClient loop doing the same two requests and parsing both answers.
/// </summary>
internal sealed class EngineScenario : IDisposable
{
    private const string RedirectUri = "https://id.example.com/callback/bench";
    private readonly ServiceProvider _services;
    private readonly OAuth2Connector _engine;
    private readonly OAuth2ConnectorConfig _config;
    private readonly HttpClient _bare;

    public EngineScenario(string providerUrl)
    {
        _services = new ServiceCollection().AddLogging().AddSingleton(TimeProvider.System).BuildServiceProviderWith(s => s.AddOAuth2Connector(o => { o.AllowPrivateNetworks = true; o.RequireHttps = false; }));
        _engine = _services.GetRequiredService<OAuth2Connector>();
        _config = new OAuth2ConnectorConfig
        {
            AuthorizationEndpoint = providerUrl + "/authorize",
            TokenEndpoint = providerUrl + "/engine/token",
            UserInfoEndpoint = providerUrl + "/engine/userinfo",
            ClientId = "bench-client",
            ClientSecret = "bench-secret",
            ProfileMap = new ProfileMap { Id = "sub", Name = "name", Email = "email" },
        };
        _bare = new HttpClient(new SocketsHttpHandler { AllowAutoRedirect = false, UseCookies = false, PooledConnectionLifetime = TimeSpan.FromMinutes(5) });
    }

    public async Task<bool> EngineOnceAsync()
    {
        var result = await _engine.CompleteSignInAsync(_config, new CodeExchange("bench-code", RedirectUri, "bench-verifier-0123456789-0123456789-abcdef"),
            new ProviderCalls("bench"), CancellationToken.None);
        return !result.IsError;
    }

    public async Task<bool> BareOnceAsync()
    {
        using var form = new FormUrlEncodedContent(
        [
            new("grant_type", "authorization_code"), new("code", "bench-code"), new("redirect_uri", RedirectUri),
            new("client_id", "bench-client"), new("client_secret", "bench-secret"), new("code_verifier", "bench-verifier-0123456789-0123456789-abcdef"),
        ]);
        using var tokenResponse = await _bare.PostAsync(_config.TokenEndpoint, form);
        using var token = JsonDocument.Parse(await tokenResponse.Content.ReadAsByteArrayAsync());
        var accessToken = token.RootElement.GetProperty("access_token").GetString();

        using var request = new HttpRequestMessage(HttpMethod.Get, _config.UserInfoEndpoint);
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", accessToken);
        using var userInfoResponse = await _bare.SendAsync(request);
        using var userInfo = JsonDocument.Parse(await userInfoResponse.Content.ReadAsByteArrayAsync());
        return tokenResponse.StatusCode == HttpStatusCode.OK && userInfo.RootElement.TryGetProperty("sub", out _);
    }

    public void Dispose()
    {
        _bare.Dispose();
        _services.Dispose();
    }
}

internal static class ServiceCollectionBenchExtensions
{
    public static ServiceProvider BuildServiceProviderWith(this IServiceCollection services, Action<IServiceCollection> configure)
    {
        configure(services);
        return services.BuildServiceProvider();
    }
}
