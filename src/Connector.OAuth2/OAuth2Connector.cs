using System.Text.Json;
using Connector.OAuth2.Configuration;
using Connector.OAuth2.Diagnostics;
using Connector.OAuth2.IdTokens;
using Connector.OAuth2.Pipeline;
using Connector.OAuth2.Profiles;
using Connector.OAuth2.Results;
using Connector.OAuth2.Tokens;
using Connector.OAuth2.UserInfo;

namespace Connector.OAuth2;

/// <summary>
/// The engine's entry point for a callback. One pipeline — code exchange → ID token (when the connector verifies
/// one) → userinfo (when it has an endpoint) → the posted <c>user</c> (form_post) → profile mapping → email lookup — serves the real sign-in (<see cref="CompleteSignInAsync"/>) and the operator's dry run
/// (<see cref="TraceSignInAsync"/>), so what a dry run shows is what a sign-in stores. The first two steps are
/// also callable alone. The authorization URL comes from <see cref="Authorization.AuthorizationUrlBuilder"/>.
/// Every call takes the <see cref="ProviderCalls"/> of its flow: the connector's name for spans and durations, and
/// where each provider call's timing is left for the caller.
/// </summary>
public sealed class OAuth2Connector
{
    private readonly TokenClient _tokens;
    private readonly UserInfoClient _userInfo;
    private readonly ProfileMapCache _profileMaps;
    private readonly IdTokenVerifier _idTokens;

    internal OAuth2Connector(TokenClient tokens, UserInfoClient userInfo, ProfileMapCache profileMaps, IdTokenVerifier idTokens)
    {
        _tokens = tokens;
        _userInfo = userInfo;
        _profileMaps = profileMaps;
        _idTokens = idTokens;
    }

    public Task<ConnectorResult<TokenSet>> ExchangeCodeAsync(
        OAuth2ConnectorConfig config, CodeExchange exchange, ProviderCalls calls, CancellationToken cancellationToken) =>
        _tokens.ExchangeAsync(config, exchange, calls, cancellationToken);

    /// <summary>
    /// New tokens for a refresh token (RFC 6749 §6), with the connector's client authentication. A provider that rotates
    /// refresh tokens answers a new one (RFC 9700 §4.14.2); one that does not answers none, and the old one stays valid.
    /// A refusal keeps the provider's <c>error</c> and <c>error_description</c> (<c>invalid_grant</c>: the refresh token is dead).
    /// </summary>
    public Task<ConnectorResult<TokenSet>> RefreshTokensAsync(
        OAuth2ConnectorConfig config, string refreshToken, ProviderCalls calls, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(config);
        ArgumentException.ThrowIfNullOrEmpty(refreshToken);
        return _tokens.RefreshAsync(config, refreshToken, calls, cancellationToken);
    }

    public Task<ConnectorResult<JsonElement>> GetUserInfoAsync(
        OAuth2ConnectorConfig config, TokenSet tokens, ProviderCalls calls, CancellationToken cancellationToken) =>
        _userInfo.GetAsync(config, tokens, calls, cancellationToken);

    public Task<ConnectorResult<ProviderSignIn>> CompleteSignInAsync(
        OAuth2ConnectorConfig config, CodeExchange exchange, ProviderCalls calls, CancellationToken cancellationToken) =>
        RunAsync(config, exchange, calls, recorder: null, cancellationToken);

    /// <summary>The same sign-in, with what each step did; tokens never leave the engine.</summary>
    public async Task<SignInTrace> TraceSignInAsync(
        OAuth2ConnectorConfig config, CodeExchange exchange, ProviderCalls calls, CancellationToken cancellationToken)
    {
        var recorder = new SignInRecorder();
        var result = await RunAsync(config, exchange, calls, recorder, cancellationToken);
        return recorder.Finish(result.IsError ? null : result.Value.Profile);
    }

    private async Task<ConnectorResult<ProviderSignIn>> RunAsync(
        OAuth2ConnectorConfig config, CodeExchange exchange, ProviderCalls calls, SignInRecorder? recorder, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(config);
        ArgumentNullException.ThrowIfNull(calls);
        var tokens = await ExchangeCodeAsync(config, exchange, calls, cancellationToken);
        if (tokens.IsError)
        {
            recorder?.Failed(SignInStep.TokenExchange, tokens.Error);
            return tokens.Error;
        }

        recorder?.Tokens(tokens.Value);
        var source = await ProfileSourceAsync(config, exchange, tokens.Value, calls, recorder, cancellationToken);
        if (source.IsError)
        {
            return source.Error;
        }

        var profileSource = exchange.PostedUser is { } user ? PostedUser.AddTo(source.Value, user) : source.Value;
        recorder?.UserInfo(profileSource);
        var map = config.IdTokenVerificationConfig is null ? config.ProfileMap : ProfileMap.WithOpenIdDefaults(config.ProfileMap);
        var profile = _profileMaps.Get(map).Map(profileSource);
        if (profile.IsError)
        {
            recorder?.Failed(SignInStep.ProfileMapping, profile.Error);
            return profile.Error;
        }

        return new ProviderSignIn(tokens.Value, await WithLookedUpEmailAsync(config, tokens.Value, profile.Value, calls, recorder, cancellationToken));
    }

    /// <summary>The JSON the profile map reads: userinfo, or the verified ID token's claims with userinfo on top.</summary>
    private async Task<ConnectorResult<JsonElement>> ProfileSourceAsync(
        OAuth2ConnectorConfig config, CodeExchange exchange, TokenSet tokens, ProviderCalls calls, SignInRecorder? recorder, CancellationToken cancellationToken)
    {
        JsonElement? claims = null;
        if (config.IdTokenVerificationConfig is not null)
        {
            var verified = await _idTokens.VerifyAsync(config, tokens.IdToken, exchange.NonceDigest, cancellationToken);
            if (verified.IsError)
            {
                recorder?.Failed(SignInStep.IdToken, verified.Error);
                return verified.Error;
            }

            claims = verified.Value;
        }

        JsonElement? userInfo = null;
        if (claims is null || !string.IsNullOrEmpty(config.UserInfoEndpoint))
        {
            var answer = await GetUserInfoAsync(config, tokens, calls, cancellationToken);
            if (answer.IsError)
            {
                recorder?.Failed(SignInStep.UserInfo, answer.Error);
                return answer.Error;
            }

            userInfo = answer.Value;
        }

        if (claims is not { } idTokenClaims)
        {
            return userInfo!.Value;
        }

        var merged = ProfileSource.Merge(idTokenClaims, userInfo);
        if (merged.IsError)
        {
            recorder?.Failed(SignInStep.UserInfo, merged.Error);
        }

        return merged;
    }

    /// <summary>
    /// Fills a missing email from the connector's <see cref="EmailLookup"/> (GitHub hides private addresses
    /// from <c>/user</c>). The email is optional, so a failed lookup leaves the profile as it was.
    /// </summary>
    private async Task<UserProfile> WithLookedUpEmailAsync(
        OAuth2ConnectorConfig config, TokenSet tokens, UserProfile profile, ProviderCalls calls, SignInRecorder? recorder,
        CancellationToken cancellationToken)
    {
        if (profile.Email is not null || config.EmailLookup is not { } lookup)
        {
            return profile;
        }

        var emails = await _userInfo.GetEmailsAsync(config, lookup, tokens, calls, cancellationToken);
        var email = emails.IsError ? null : EmailPicker.Pick(lookup, emails.Value);
        recorder?.EmailLookup(email, emails.Error);
        return email is null ? profile : profile with { Email = email, EmailVerified = true };
    }
}
