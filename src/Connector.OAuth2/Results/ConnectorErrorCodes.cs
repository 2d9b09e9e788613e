namespace Connector.OAuth2.Results;

/// <summary>The engine's stable error codes (<c>docs/error-codes.md</c>).</summary>
public static class ConnectorErrorCodes
{
    public const string TokenExchangeFailed = "token_exchange_failed";
    public const string InvalidTokenResponse = "invalid_token_response";
    public const string UserInfoFailed = "userinfo_failed";
    public const string InvalidUserInfoResponse = "invalid_userinfo_response";
    public const string ProfileIdMissing = "profile_id_missing";
    public const string ProviderTimeout = "provider_timeout";
    public const string InvalidIdToken = "invalid_id_token";
}
