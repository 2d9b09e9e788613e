namespace Connector.Host.Problems;

/// <summary>Stable machine-readable codes carried by every problem answer as the <c>code</c> extension (DESIGN.md, Error codes).</summary>
internal static class ProblemCodes
{
    public const string Unauthorized = "unauthorized";
    public const string ValidationFailed = "validation_failed";
    public const string ConnectorNotFound = "connector_not_found";
    public const string Conflict = "conflict";
    public const string ProviderError = "provider_error";
    public const string ProviderTimeout = "provider_timeout";

    // Beyond DESIGN.md's list, for answers it does not name.
    public const string UserNotFound = "user_not_found";
    public const string NotFound = "not_found";
    public const string MethodNotAllowed = "method_not_allowed";
    public const string UnsupportedMediaType = "unsupported_media_type";
    public const string InternalError = "internal_error";
    public const string Error = "error";

    /// <summary>The code for a problem raised without one (routing 404, 405, unhandled 500).</summary>
    public static string ForStatus(int? status) => status switch
    {
        400 => ValidationFailed,
        401 => Unauthorized,
        404 => NotFound,
        405 => MethodNotAllowed,
        415 => UnsupportedMediaType,
        409 => Conflict,
        500 => InternalError,
        _ => Error,
    };
}
