using Connector.Host.Oidc.Keys;
using Connector.Host.Problems;
using Connector.OAuth2.Configuration;
using FluentValidation;
using FluentValidation.Results;

namespace Connector.Host.Oidc.Apps;

/// <summary>
/// Rules for an app: a name, a known type, at least one redirect URI, every URI absolute, without fragment
/// (RFC 6749 §3.1.2) or credentials. Web apps redirect to https, or http only on a loopback host (local
/// development); native apps may also use a private-use scheme (RFC 8252 §7.1) and a loopback redirect that
/// is registered without a port accepts any port (§7.3). CORS origins only for <c>spa</c> apps.
/// </summary>
internal sealed class AppRequestValidator : AbstractValidator<AppRequest>
{
    private const int MaxNameLength = 200;
    private const int MaxUris = 20;
    private const int MaxUriLength = 2000;

    /// <summary>Schemes that would run or read something in the user's browser or machine, never a redirect target.</summary>
    private static readonly string[] DangerousSchemes = ["javascript", "data", "file", "blob", "vbscript", "about", "filesystem"];

    public AppRequestValidator(IReadOnlySet<string> knownConnectors)
    {
        RuleFor(x => x.Connectors).Custom((ids, context) =>
        {
            for (var i = 0; ids is not null && i < ids.Count; i++)
            {
                if (!knownConnectors.Contains(ids[i]))
                {
                    context.AddFailure(new ValidationFailure($"connectors.{i}", $"No connector has the id '{ids[i]}'.") { ErrorCode = ErrorCodes.Field.UnknownConnector });
                }
                else if (ids.Take(i).Contains(ids[i], StringComparer.Ordinal))
                {
                    context.AddFailure(new ValidationFailure($"connectors.{i}", "Listed twice.") { ErrorCode = ErrorCodes.Field.Duplicate });
                }
            }
        });

        RuleFor(x => x.Name)
            .NotEmpty().WithErrorCode(ErrorCodes.Field.Required).WithMessage("Required.")
            .MaximumLength(MaxNameLength).WithErrorCode(ErrorCodes.Field.TooLong).WithMessage($"At most {MaxNameLength} characters.")
            .OverridePropertyName("name");

        RuleFor(x => x.Type)
            .Must(type => type is null || AppTypes.All.Contains(type))
            .OverridePropertyName("type")
            .WithErrorCode(ErrorCodes.Field.OneOf)
            .WithMessage($"Must be one of {string.Join(", ", AppTypes.All)}.");

        RuleFor(x => x.RedirectUris)
            .NotEmpty().WithErrorCode(ErrorCodes.Field.Required).WithMessage("At least one redirect URI is required.")
            .OverridePropertyName("redirectUris");

        RuleFor(x => x.RedirectUris).Custom((uris, context) => CheckUris("redirectUris", uris, context));
        RuleFor(x => x.PostLogoutRedirectUris).Custom((uris, context) => CheckUris("postLogoutRedirectUris", uris, context));
        RuleFor(x => x.CorsOrigins).Custom(CheckOrigins);

        RuleFor(x => x.RequirePkce)
            .Must(required => required != false)
            .When(x => x.Type is AppTypes.Spa or AppTypes.Native)
            .OverridePropertyName("requirePkce")
            .WithErrorCode(ErrorCodes.Field.UnsupportedValue)
            .WithMessage("Public clients (spa, native) always require PKCE (RFC 9700 §2.1.1).");

        RuleFor(x => x.IdTokenSignedResponseAlg)
            .Must(alg => alg is null || OidcKeyAlgorithms.Signing.Contains(alg))
            .OverridePropertyName("idTokenSignedResponseAlg")
            .WithErrorCode(ErrorCodes.Field.OneOf)
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
            context.AddFailure(new ValidationFailure(field, $"At most {MaxUris} URIs.") { ErrorCode = ErrorCodes.Field.TooLong });
        }

        var native = context.InstanceToValidate.Type == AppTypes.Native;
        for (var i = 0; i < uris.Count; i++)
        {
            if (CheckUri(uris[i], native) is { } failure)
            {
                context.AddFailure(new ValidationFailure($"{field}.{i}", failure.Message) { ErrorCode = failure.Code });
            }
            else if (uris.Take(i).Contains(uris[i], StringComparer.Ordinal))
            {
                context.AddFailure(new ValidationFailure($"{field}.{i}", "Listed twice.") { ErrorCode = ErrorCodes.Field.Duplicate });
            }
        }
    }

    private static (string Code, string Message)? CheckUri(string? uri, bool native)
    {
        if (string.IsNullOrWhiteSpace(uri))
        {
            return (ErrorCodes.Field.Required, "Must not be empty.");
        }

        if (uri.Length > MaxUriLength)
        {
            return (ErrorCodes.Field.TooLong, $"At most {MaxUriLength} characters.");
        }

        if (!Uri.TryCreate(uri, UriKind.Absolute, out var parsed) || !string.IsNullOrEmpty(parsed.UserInfo) || uri.Contains('#', StringComparison.Ordinal))
        {
            return (ErrorCodes.Field.InvalidUrl, "Must be an absolute URI without fragment or credentials.");
        }

        if (parsed.Scheme is not ("https" or "http"))
        {
            // RFC 8252 §7.1: a private-use scheme is a reverse domain name the app controls (com.example.app:/callback).
            return native && parsed.Scheme.Contains('.', StringComparison.Ordinal) && !DangerousSchemes.Contains(parsed.Scheme)
                ? null
                : (ErrorCodes.Field.InvalidUrl, native
                    ? "Must be https, http on loopback, or a private-use scheme such as com.example.app:/callback (RFC 8252 §7.1)."
                    : "Must be an absolute http(s) URI without fragment or credentials.");
        }

        return parsed.Scheme == "http" && !EndpointRules.IsLoopback(parsed)
            ? (ErrorCodes.Field.InsecureUrl, "Must use https; http is accepted only for localhost and loopback addresses.")
            : null;
    }

    /// <summary>An origin is scheme, host and port only (RFC 6454 §4), the form a browser sends in <c>Origin</c>.</summary>
    private static void CheckOrigins(IReadOnlyList<string>? origins, ValidationContext<AppRequest> context)
    {
        if (origins is null || origins.Count == 0)
        {
            return;
        }

        if (context.InstanceToValidate.Type != AppTypes.Spa)
        {
            context.AddFailure(new ValidationFailure("corsOrigins", "Only spa apps call the token endpoint from a browser.") { ErrorCode = ErrorCodes.Field.UnsupportedValue });
            return;
        }

        if (origins.Count > MaxUris)
        {
            context.AddFailure(new ValidationFailure("corsOrigins", $"At most {MaxUris} origins.") { ErrorCode = ErrorCodes.Field.TooLong });
        }

        for (var i = 0; i < origins.Count; i++)
        {
            var origin = origins[i];
            var field = $"corsOrigins.{i}";
            if (!Uri.TryCreate(origin, UriKind.Absolute, out var parsed) || parsed.Scheme is not ("https" or "http")
                || !string.IsNullOrEmpty(parsed.UserInfo) || origin.Length > MaxUriLength
                || !string.Equals(origin, parsed.GetLeftPart(UriPartial.Authority), StringComparison.OrdinalIgnoreCase))
            {
                context.AddFailure(new ValidationFailure(field, "Must be an origin: scheme, host and optional port, no path (https://app.example.com).") { ErrorCode = ErrorCodes.Field.InvalidUrl });
            }
            else if (parsed.Scheme == "http" && !EndpointRules.IsLoopback(parsed))
            {
                context.AddFailure(new ValidationFailure(field, "Must use https; http is accepted only for localhost and loopback addresses.") { ErrorCode = ErrorCodes.Field.InsecureUrl });
            }
            else if (origins.Take(i).Contains(origin, StringComparer.OrdinalIgnoreCase))
            {
                context.AddFailure(new ValidationFailure(field, "Listed twice.") { ErrorCode = ErrorCodes.Field.Duplicate });
            }
        }
    }
}
