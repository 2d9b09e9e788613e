using Connector.OAuth2.Authorization;
using Connector.OAuth2.Results;
using Connector.OAuth2.Tests.Support;

namespace Connector.OAuth2.Tests.IdTokens;

/// <summary>Every way an ID token can be wrong ends the sign-in with invalid_id_token (OpenID Connect Core 1.0 §3.1.3.7).</summary>
public sealed class IdTokenRefusalTests : IDisposable
{
    private readonly OidcSignIn _oidc = new();

    [Fact]
    public Task WrongSignature_IsRefused() =>
        RefusedAsync(_oidc.Issuer.IssueWithForeignKey(Configs.ClientId, _oidc.Nonce.Value, _oidc.Now), "signature");

    [Fact]
    public Task AlgNone_IsRefused() =>
        RefusedAsync(_oidc.Issuer.IssueUnsigned(Configs.ClientId, _oidc.Nonce.Value, _oidc.Now), "'none'");

    [Fact]
    public Task HmacKeyedWithThePublicKey_IsRefused() =>
        RefusedAsync(_oidc.Issuer.IssueHmacWithPublicKey(Configs.ClientId, _oidc.Nonce.Value, _oidc.Now), "'HS256'");

    [Fact]
    public Task AlgorithmOutsideTheConnectorsList_IsRefused()
    {
        _oidc.Config = _oidc.Config with { IdTokenVerificationConfig = _oidc.Config.IdTokenVerificationConfig! with { Algorithms = ["ES256"] } };
        return RefusedAsync(_oidc.ValidToken(), "'RS256'");
    }

    [Fact]
    public Task WrongIssuer_IsRefused() =>
        RefusedAsync(_oidc.Issuer.Issue(Configs.ClientId, _oidc.Nonce.Value, _oidc.Now, issuer: "https://evil.example.com"), "evil.example.com");

    [Fact]
    public Task WrongAudience_IsRefused() =>
        RefusedAsync(_oidc.Issuer.Issue("another-client", _oidc.Nonce.Value, _oidc.Now), "audience");

    [Fact]
    public Task SeveralAudiencesWithoutOurAzp_AreRefused() =>
        RefusedAsync(_oidc.ValidToken(new Dictionary<string, object> { ["aud"] = new[] { Configs.ClientId, "other" }, ["azp"] = "other" }), "azp");

    [Fact]
    public Task Expired_IsRefused() =>
        RefusedAsync(_oidc.Issuer.Issue(Configs.ClientId, _oidc.Nonce.Value, _oidc.Now.AddHours(-2)), "expired");

    [Fact]
    public Task ExpiredWithinTheClockTolerance_IsAccepted()
    {
        _oidc.Answers(_oidc.ValidToken(new Dictionary<string, object> { ["exp"] = _oidc.Now.AddSeconds(-30).ToUnixTimeSeconds() }));
        return AcceptedAsync();
    }

    [Fact]
    public Task IssuedInTheFuture_IsRefused() =>
        RefusedAsync(_oidc.Issuer.Issue(Configs.ClientId, _oidc.Nonce.Value, _oidc.Now.AddMinutes(5)), "iat");

    [Fact]
    public Task ReplayedFromAnotherSignIn_IsRefusedByItsNonce() =>
        RefusedAsync(_oidc.Issuer.Issue(Configs.ClientId, OidcNonce.Create().Value, _oidc.Now), "nonce");

    [Fact]
    public Task WithoutANonceClaim_IsRefused() =>
        RefusedAsync(_oidc.Issuer.Issue(Configs.ClientId, nonce: null, _oidc.Now), "nonce");

    [Fact]
    public async Task SignInWithoutAStoredNonce_IsRefused()
    {
        _oidc.Answers(_oidc.ValidToken());

        var result = await _oidc.CompleteAsync(withNonce: false);

        Assert.Equal(ConnectorErrorCodes.InvalidIdToken, result.Error?.Code);
    }

    [Fact]
    public async Task TokenAnswerWithoutAnIdToken_IsRefused()
    {
        _oidc.Answers(null);

        var result = await _oidc.CompleteAsync();

        Assert.Equal(ConnectorErrorCodes.InvalidIdToken, result.Error?.Code);
        Assert.Contains("no id_token", result.Error!.Message, StringComparison.Ordinal);
    }

    [Fact]
    public Task NotAJwt_IsRefused() => RefusedAsync("not-a-jwt", "not a signed JWT");

    [Fact]
    public async Task MicrosoftTenantTemplate_TakesTheTenantTheTokenNames()
    {
        var tenant = "9188040d-6c67-4c5b-b112-36a304b66dad";
        _oidc.Config = _oidc.Config with
        {
            IdTokenVerificationConfig = _oidc.Config.IdTokenVerificationConfig! with { Issuer = "https://login.example.com/{tenantid}/v2.0" },
        };
        _oidc.Answers(_oidc.Issuer.Issue(Configs.ClientId, _oidc.Nonce.Value, _oidc.Now,
            new Dictionary<string, object> { ["tid"] = tenant }, issuer: $"https://login.example.com/{tenant}/v2.0"));
        await AcceptedAsync();

        _oidc.Answers(_oidc.Issuer.Issue(Configs.ClientId, _oidc.Nonce.Value, _oidc.Now,
            new Dictionary<string, object> { ["tid"] = "other-tenant" }, issuer: $"https://login.example.com/{tenant}/v2.0"));
        var result = await _oidc.CompleteAsync();
        Assert.Equal(ConnectorErrorCodes.InvalidIdToken, result.Error?.Code);
    }

    [Fact]
    public async Task Refusal_NeverShowsTheTokenInTheErrorOrTheLogs()
    {
        var token = _oidc.Issuer.Issue("another-client", _oidc.Nonce.Value, _oidc.Now);
        _oidc.Answers(token);

        var result = await _oidc.CompleteAsync();

        var signature = token[(token.LastIndexOf('.') + 1)..];
        var payload = token.Split('.')[1];
        Assert.DoesNotContain(payload, result.Error!.Message, StringComparison.Ordinal);
        var logs = _oidc.Engine.Logs.GetSnapshot();
        Assert.Contains(logs, log => log.Message.Contains("invalid_id_token", StringComparison.Ordinal));
        Assert.DoesNotContain(logs, log => log.Message.Contains(signature, StringComparison.Ordinal) || log.Message.Contains(payload, StringComparison.Ordinal));
    }

    private async Task RefusedAsync(string idToken, string reason)
    {
        _oidc.Answers(idToken);

        var result = await _oidc.CompleteAsync();

        Assert.Equal(ConnectorErrorCodes.InvalidIdToken, result.Error?.Code);
        Assert.Contains(reason, result.Error!.Message, StringComparison.OrdinalIgnoreCase);
    }

    private async Task AcceptedAsync()
    {
        var result = await _oidc.CompleteAsync();
        Assert.False(result.IsError, result.Error?.Message);
    }

    public void Dispose() => _oidc.Dispose();
}
