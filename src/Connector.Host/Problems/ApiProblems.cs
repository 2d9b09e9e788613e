using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

namespace Connector.Host.Problems;

/// <summary>
/// The one factory of RFC 9457 problem answers: each carries its stable <c>code</c> from <see cref="ErrorCodes"/>.
/// Handlers return the typed results; middleware and exception handlers write <see cref="Details"/>.
/// </summary>
internal static class ApiProblems
{
    public static ValidationProblem Validation(FieldErrors errors) =>
        TypedResults.ValidationProblem(
            errors.Messages(),
            detail: "One or more fields are invalid; see errors and errorCodes.",
            extensions: new Dictionary<string, object?>
            {
                ["code"] = ErrorCodes.ValidationFailed,
                ["errorCodes"] = errors.Codes(),
            });

    public static ValidationProblem Validation(string path, string code, string message)
    {
        var errors = new FieldErrors();
        errors.Add(path, code, message);
        return Validation(errors);
    }

    public static ProblemHttpResult ConnectorNotFound(string id) =>
        NotFound(ErrorCodes.ConnectorNotFound, "Connector not found", $"No connector has the id '{id}'.");

    public static ProblemHttpResult UserNotFound() =>
        NotFound(ErrorCodes.UserNotFound, "User not found", "No user has this id.");

    public static ProblemHttpResult IdentityNotFound(string connectorId) =>
        NotFound(ErrorCodes.IdentityNotFound, "Identity not found", $"The user has no identity from the connector '{connectorId}'.");

    public static ProblemHttpResult TokenStorageDisabled(string connectorId) =>
        Result(StatusCodes.Status409Conflict, ErrorCodes.TokenStorageDisabled, "Token storage disabled",
            $"The connector '{connectorId}' does not keep the provider's tokens (enableTokenStorage is off).");

    /// <summary>502: the token must come from the provider, which cannot give one now; <c>reason</c> says why, the provider's words when it refused.</summary>
    public static ProblemHttpResult UpstreamTokenUnavailable(string reason, string detail, string? providerError, string? providerErrorDescription)
    {
        var result = Result(StatusCodes.Status502BadGateway, ErrorCodes.UpstreamTokenUnavailable, "Upstream token unavailable", detail);
        result.ProblemDetails.Extensions["reason"] = reason;
        if (providerError is not null)
        {
            result.ProblemDetails.Extensions["providerError"] = providerError;
            result.ProblemDetails.Extensions["providerErrorDescription"] = providerErrorDescription;
        }

        return result;
    }

    public static ProblemHttpResult AppNotFound(string id) =>
        NotFound(ErrorCodes.AppNotFound, "App not found", $"No app has the id '{id}'.");

    public static ProblemHttpResult WebhookNotFound(string id) =>
        NotFound(ErrorCodes.WebhookNotFound, "Webhook not found", $"No webhook has the id '{id}'.");

    public static ProblemHttpResult PresetNotFound(string id) =>
        NotFound(ErrorCodes.PresetNotFound, "Preset not found", $"No preset is named '{id}'. GET /api/connector-presets lists them.");

    public static ProblemHttpResult NotFound(string code, string title, string detail) =>
        Result(StatusCodes.Status404NotFound, code, title, detail);

    public static ProblemHttpResult Conflict(string detail) =>
        Result(StatusCodes.Status409Conflict, ErrorCodes.Conflict, "Conflict", detail);

    public static ProblemHttpResult ProviderError(string detail, int? providerStatus = null)
    {
        var result = Result(StatusCodes.Status502BadGateway, ErrorCodes.ProviderError, "The provider failed", detail);
        if (providerStatus is not null)
        {
            result.ProblemDetails.Extensions["providerStatus"] = providerStatus;
        }

        return result;
    }

    public static ProblemHttpResult ProviderTimeout(string detail) =>
        Result(StatusCodes.Status504GatewayTimeout, ErrorCodes.ProviderTimeout, "The provider did not answer in time", detail);

    public static ProblemHttpResult TooManyRequests(int retryAfterSeconds) =>
        Result(StatusCodes.Status429TooManyRequests, ErrorCodes.RateLimited, "Too many requests",
            $"Too many requests from this address; retry after {retryAfterSeconds} seconds.");

    public static ProblemHttpResult TooLarge(long maxBytes) =>
        Result(StatusCodes.Status413PayloadTooLarge, ErrorCodes.RequestTooLarge, "Request body too large",
            $"The request body is larger than {maxBytes} bytes.");

    public static ProblemDetails Unauthorized() =>
        Details(StatusCodes.Status401Unauthorized, ErrorCodes.Unauthorized, "Unauthorized",
            "A valid admin API key is required: send 'Authorization: Bearer <key>'.");

    public static ProblemDetails DatabaseUnavailable(int retryAfterSeconds) =>
        Details(StatusCodes.Status503ServiceUnavailable, ErrorCodes.DatabaseUnavailable, "Database unavailable",
            $"The service cannot reach its database; retry after {retryAfterSeconds} seconds.");

    public static ProblemDetails BadRequest(int status, string detail) =>
        Details(status, ErrorCodes.ForStatus(status), "Bad request", detail);

    /// <summary>A problem body for code that writes it through <c>IProblemDetailsService</c>.</summary>
    public static ProblemDetails Details(int status, string code, string title, string detail) => new()
    {
        Status = status,
        Title = title,
        Detail = detail,
        Extensions = { ["code"] = code },
    };

    private static ProblemHttpResult Result(int status, string code, string title, string detail) =>
        TypedResults.Problem(Details(status, code, title, detail));
}
