using System.Text.Json;
using Connector.OAuth2.Configuration;
using Connector.OAuth2.Diagnostics;
using Connector.OAuth2.Pipeline;
using Connector.OAuth2.Profiles;
using Connector.OAuth2.Results;
using Connector.OAuth2.Tokens;
using Connector.OAuth2.UserInfo;

namespace Connector.OAuth2;

/// <summary>
/// The engine's entry point for a callback. One pipeline — code exchange → userinfo → profile mapping → email
/// lookup — serves the real sign-in (<see cref="CompleteSignInAsync"/>) and the operator's dry run
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

    internal OAuth2Connector(TokenClient tokens, UserInfoClient userInfo, ProfileMapCache profileMaps)
    {
        _tokens = tokens;
        _userInfo = userInfo;
        _profileMaps = profileMaps;
    }

    public Task<ConnectorResult<TokenSet>> ExchangeCodeAsync(
        OAuth2ConnectorConfig config, CodeExchange exchange, ProviderCalls calls, CancellationToken cancellationToken) =>
        _tokens.ExchangeAsync(config, exchange, calls, cancellationToken);

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
        var userInfo = await GetUserInfoAsync(config, tokens.Value, calls, cancellationToken);
        if (userInfo.IsError)
        {
            recorder?.Failed(SignInStep.UserInfo, userInfo.Error);
            return userInfo.Error;
        }

        recorder?.UserInfo(userInfo.Value);
        var profile = _profileMaps.Get(config.ProfileMap).Map(userInfo.Value);
        if (profile.IsError)
        {
            recorder?.Failed(SignInStep.ProfileMapping, profile.Error);
            return profile.Error;
        }

        return new ProviderSignIn(tokens.Value, await WithLookedUpEmailAsync(config, tokens.Value, profile.Value, calls, recorder, cancellationToken));
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
