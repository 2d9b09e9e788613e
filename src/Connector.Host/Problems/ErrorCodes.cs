using Connector.OAuth2.Configuration;
using Connector.OAuth2.Results;

namespace Connector.Host.Problems;

/// <summary>
/// Every code the service answers with, in one place: the <c>code</c> of API problems, the codes of field errors
/// (<c>errorCodes</c>) and the codes on error pages. The engine's codes are its own public vocabulary and are
/// listed here by reference. Stable: clients and operators match on them; <c>docs/error-codes.md</c> explains
/// each, and a test keeps that page and this class in step.
/// </summary>
internal static class ErrorCodes
{
    // Requests and resources.
    public const string Unauthorized = "unauthorized";
    public const string ValidationFailed = "validation_failed";
    public const string Conflict = "conflict";
    public const string NotFound = "not_found";
    public const string MethodNotAllowed = "method_not_allowed";
    public const string UnsupportedMediaType = "unsupported_media_type";
    public const string RequestTooLarge = "request_too_large";
    public const string RateLimited = "rate_limited";
    public const string DatabaseUnavailable = "database_unavailable";
    public const string InternalError = "internal_error";
    public const string Error = "error";
    public const string ConnectorNotFound = "connector_not_found";
    public const string PresetNotFound = "preset_not_found";
    public const string AppNotFound = "app_not_found";
    public const string UserNotFound = "user_not_found";
    public const string IdentityNotFound = "identity_not_found";
    public const string WebhookNotFound = "webhook_not_found";
    public const string InvalidRequest = "invalid_request";

    // The token vault.
    public const string TokenStorageDisabled = "token_storage_disabled";
    public const string UpstreamTokenUnavailable = "upstream_token_unavailable";

    // The browser sign-in flow.
    public const string ConnectorDisabled = "connector_disabled";
    public const string InvalidState = "invalid_state";
    public const string StateExpired = "state_expired";
    public const string ProviderAccessDenied = "provider_access_denied";
    public const string ProviderError = "provider_error";
    public const string UserDisabled = "user_disabled";
    public const string SignUpDisabled = "sign_up_disabled";
    public const string EmailDomainNotAllowed = "email_domain_not_allowed";

    // The engine's call errors (a provider answered wrongly, slowly or not at all).
    public const string TokenExchangeFailed = ConnectorErrorCodes.TokenExchangeFailed;
    public const string InvalidTokenResponse = ConnectorErrorCodes.InvalidTokenResponse;
    public const string UserInfoFailed = ConnectorErrorCodes.UserInfoFailed;
    public const string InvalidUserInfoResponse = ConnectorErrorCodes.InvalidUserInfoResponse;
    public const string ProfileIdMissing = ConnectorErrorCodes.ProfileIdMissing;
    public const string ProviderTimeout = ConnectorErrorCodes.ProviderTimeout;
    public const string InvalidIdToken = ConnectorErrorCodes.InvalidIdToken;

    /// <summary>Codes of one field in a <c>validation_failed</c> answer's <c>errorCodes</c>.</summary>
    internal static class Field
    {
        // The engine's config rules.
        public const string Required = ValidationCodes.Required;
        public const string InvalidUrl = ValidationCodes.InvalidUrl;
        public const string InsecureUrl = ValidationCodes.InsecureUrl;
        public const string UnsupportedValue = ValidationCodes.UnsupportedValue;
        public const string ReservedParameter = ValidationCodes.ReservedParameter;
        public const string InvalidParameter = ValidationCodes.InvalidParameter;
        public const string InvalidPath = ValidationCodes.InvalidPath;
        public const string InvalidPrivateKey = ValidationCodes.InvalidPrivateKey;
        public const string KeyTypeMismatch = ValidationCodes.KeyTypeMismatch;
        public const string UnsupportedKey = ValidationCodes.UnsupportedKey;

        // The shape of a JSON body and the service's own rules.
        public const string InvalidJson = "invalid_json";
        public const string InvalidType = "invalid_type";
        public const string UnknownField = "unknown_field";
        public const string ReadOnly = "read_only";
        public const string InvalidId = "invalid_id";
        public const string TooLong = "too_long";
        public const string OutOfRange = "out_of_range";
        public const string OneOf = "one_of";
        public const string Duplicate = "duplicate";
        public const string UnknownPreset = "unknown_preset";
        public const string ForbiddenAddress = "forbidden_address";
        public const string ProviderChangeUnconfirmed = "provider_change_unconfirmed";
        public const string UnknownConnector = "unknown_connector";
    }

    /// <summary>The code for a problem raised without one (routing 404, 405, unhandled 500).</summary>
    public static string ForStatus(int? status) => status switch
    {
        400 => ValidationFailed,
        401 => Unauthorized,
        404 => NotFound,
        405 => MethodNotAllowed,
        409 => Conflict,
        413 => RequestTooLarge,
        415 => UnsupportedMediaType,
        429 => RateLimited,
        500 => InternalError,
        503 => DatabaseUnavailable,
        _ => Error,
    };
}
