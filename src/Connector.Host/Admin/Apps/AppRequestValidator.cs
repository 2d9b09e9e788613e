using Connector.Host.Admin.Input;
using Connector.Host.Oidc.Keys;
using Connector.OAuth2.Configuration;
using FluentValidation;
using FluentValidation.Results;

namespace Connector.Host.Admin.Apps;

/// <summary>
/// Rules for an app: a name, at least one redirect URI, every URI absolute, without fragment (RFC 6749
/// §3.1.2) or credentials, https, or http only to a loopback host (RFC 8252 §7.3, local development).
/// </summary>
internal sealed class AppRequestValidator : AbstractValidator<AppRequest>
{
    private const int MaxNameLength = 200;
    private const int MaxUris = 20;
    private const int MaxUriLength = 2000;

    public AppRequestValidator()
    {
        RuleFor(x => x.Name)
            .NotEmpty().WithErrorCode(ValidationCodes.Required).WithMessage("Required.")
            .MaximumLength(MaxNameLength).WithErrorCode(InputCodes.TooLong).WithMessage($"At most {MaxNameLength} characters.")
            .OverridePropertyName("name");

        RuleFor(x => x.RedirectUris)
            .NotEmpty().WithErrorCode(ValidationCodes.Required).WithMessage("At least one redirect URI is required.")
            .OverridePropertyName("redirectUris");

        RuleFor(x => x.RedirectUris).Custom((uris, context) => CheckUris("redirectUris", uris, context));
        RuleFor(x => x.PostLogoutRedirectUris).Custom((uris, context) => CheckUris("postLogoutRedirectUris", uris, context));

        RuleFor(x => x.IdTokenSignedResponseAlg)
            .Must(alg => alg is null || OidcKeyAlgorithms.Signing.Contains(alg))
            .OverridePropertyName("idTokenSignedResponseAlg")
            .WithErrorCode(InputCodes.OneOf)
            .WithMessage($"Must be one of {string.Join(", ", OidcKeyAlgorithms.Signing)}.");
    }

    private static void CheckUris(string field, IReadOnlyList<string>? uris, ValidationContext<AppRequest> context)
    {
        if (uris is null)
        {
            return;
        }

        if (uris.Count > MaxUris)
        {
            context.AddFailure(new ValidationFailure(field, $"At most {MaxUris} URIs.") { ErrorCode = InputCodes.TooLong });
        }

        for (var i = 0; i < uris.Count; i++)
        {
            if (Check(uris[i]) is { } failure)
            {
                context.AddFailure(new ValidationFailure($"{field}.{i}", failure.Message) { ErrorCode = failure.Code });
            }
            else if (uris.Take(i).Contains(uris[i], StringComparer.Ordinal))
            {
                context.AddFailure(new ValidationFailure($"{field}.{i}", "Listed twice.") { ErrorCode = AppAudit.DuplicateCode });
            }
        }
    }

    private static (string Code, string Message)? Check(string? uri)
    {
        if (string.IsNullOrWhiteSpace(uri))
        {
            return (ValidationCodes.Required, "Must not be empty.");
        }

        if (uri.Length > MaxUriLength)
        {
            return (InputCodes.TooLong, $"At most {MaxUriLength} characters.");
        }

        if (!Uri.TryCreate(uri, UriKind.Absolute, out var parsed) || parsed.Scheme is not ("https" or "http")
            || !string.IsNullOrEmpty(parsed.UserInfo) || uri.Contains('#', StringComparison.Ordinal))
        {
            return (ValidationCodes.InvalidUrl, "Must be an absolute http(s) URI without fragment or credentials.");
        }

        return parsed.Scheme == "http" && !EndpointRules.IsLoopback(parsed)
            ? (ValidationCodes.InsecureUrl, "Must use https; http is accepted only for localhost and loopback addresses.")
            : null;
    }
}
