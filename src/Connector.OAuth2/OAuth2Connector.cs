using System.Text.Json;
using Connector.OAuth2.Configuration;
using Connector.OAuth2.Profiles;
using Connector.OAuth2.Results;
using Connector.OAuth2.Tokens;
using Connector.OAuth2.UserInfo;

namespace Connector.OAuth2;

/// <summary>
/// The engine's entry point for a callback: code exchange, userinfo, profile mapping. Each step is also
/// callable alone (a dry run shows the raw userinfo even when mapping fails). The authorization URL
/// comes from <see cref="Authorization.AuthorizationUrlBuilder"/>.
/// </summary>
public sealed class OAuth2Connector
{
    private readonly TokenClient _tokens;
    private readonly UserInfoClient _userInfo;

    internal OAuth2Connector(TokenClient tokens, UserInfoClient userInfo)
    {
        _tokens = tokens;
        _userInfo = userInfo;
    }

    public Task<ConnectorResult<TokenSet>> ExchangeCodeAsync(OAuth2ConnectorConfig config, CodeExchange exchange, CancellationToken cancellationToken) =>
        _tokens.ExchangeAsync(config, exchange, cancellationToken);

    public Task<ConnectorResult<JsonElement>> GetUserInfoAsync(OAuth2ConnectorConfig config, TokenSet tokens, CancellationToken cancellationToken) =>
        _userInfo.GetAsync(config, tokens, cancellationToken);

    public async Task<ConnectorResult<ProviderSignIn>> CompleteSignInAsync(OAuth2ConnectorConfig config, CodeExchange exchange, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(config);
        var tokens = await ExchangeCodeAsync(config, exchange, cancellationToken);
        if (tokens.IsError)
        {
            return tokens.Error;
        }

        var userInfo = await GetUserInfoAsync(config, tokens.Value, cancellationToken);
        if (userInfo.IsError)
        {
            return userInfo.Error;
        }

        var profile = ProfileMapper.Map(config.ProfileMap, userInfo.Value);
        if (profile.IsError)
        {
            return profile.Error;
        }

        return new ProviderSignIn(tokens.Value, await WithLookedUpEmailAsync(config, tokens.Value, profile.Value, cancellationToken));
    }

    /// <summary>
    /// Fills a missing email from the connector's <see cref="EmailLookup"/> (GitHub hides private addresses
    /// from <c>/user</c>). The email is optional, so a failed lookup leaves the profile as it was.
    /// </summary>
    private async Task<UserProfile> WithLookedUpEmailAsync(OAuth2ConnectorConfig config, TokenSet tokens, UserProfile profile, CancellationToken cancellationToken)
    {
        if (profile.Email is not null || config.EmailLookup is not { } lookup)
        {
            return profile;
        }

        var emails = await _userInfo.GetEmailsAsync(config, lookup, tokens, cancellationToken);
        return !emails.IsError && EmailPicker.Pick(lookup, emails.Value) is { } email
            ? profile with { Email = email, EmailVerified = true }
            : profile;
    }
}
