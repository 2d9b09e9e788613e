using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

namespace Connector.Host.Problems;

/// <summary>The admin API's RFC 9457 (formerly 7807) answers, each with its stable <c>code</c>.</summary>
internal static class ApiProblems
{
    public static ValidationProblem Validation(FieldErrors errors) =>
        TypedResults.ValidationProblem(
            errors.Messages(),
            detail: "One or more fields are invalid; see errors and errorCodes.",
            extensions: new Dictionary<string, object?>
            {
                ["code"] = ProblemCodes.ValidationFailed,
                ["errorCodes"] = errors.Codes(),
            });

    public static ValidationProblem Validation(string path, string code, string message)
    {
        var errors = new FieldErrors();
        errors.Add(path, code, message);
        return Validation(errors);
    }

    public static ProblemHttpResult ConnectorNotFound(string id) =>
        Problem(StatusCodes.Status404NotFound, ProblemCodes.ConnectorNotFound, "Connector not found", $"No connector has the id '{id}'.");

    public static ProblemHttpResult UserNotFound() =>
        Problem(StatusCodes.Status404NotFound, ProblemCodes.UserNotFound, "User not found", "No user has this id.");

    public static ProblemHttpResult Conflict(string detail) =>
        Problem(StatusCodes.Status409Conflict, ProblemCodes.Conflict, "Conflict", detail);

    public static ProblemHttpResult ProviderError(string detail, int? providerStatus = null)
    {
        var result = Problem(StatusCodes.Status502BadGateway, ProblemCodes.ProviderError, "The provider failed", detail);
        if (providerStatus is not null)
        {
            result.ProblemDetails.Extensions["providerStatus"] = providerStatus;
        }

        return result;
    }

    public static ProblemHttpResult ProviderTimeout(string detail) =>
        Problem(StatusCodes.Status504GatewayTimeout, ProblemCodes.ProviderTimeout, "The provider did not answer in time", detail);

    public static ProblemDetails Unauthorized() => new()
    {
        Status = StatusCodes.Status401Unauthorized,
        Title = "Unauthorized",
        Detail = "A valid admin API key is required: send 'Authorization: Bearer <key>'.",
        Extensions = { ["code"] = ProblemCodes.Unauthorized },
    };

    private static ProblemHttpResult Problem(int status, string code, string title, string detail) =>
        TypedResults.Problem(detail, statusCode: status, title: title, extensions: new Dictionary<string, object?> { ["code"] = code });
}
