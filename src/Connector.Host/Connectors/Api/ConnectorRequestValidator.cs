using Connector.Host.Problems;
using Connector.OAuth2.Configuration;
using FluentValidation;

namespace Connector.Host.Connectors.Api;

/// <summary>Rules for the connector fields around the config (the config has the engine's own validator).</summary>
internal sealed partial class ConnectorRequestValidator : AbstractValidator<CreateConnectorRequest>
{
    private const int MaxNameLength = 200;

    /// <summary>Where the host serves the presets' brand logos.</summary>
    public const string ServedLogos = "/assets/logos/";

    public ConnectorRequestValidator(bool allowInsecureEndpoints)
    {
        RuleFor(x => x.Id)
            .Must(id => ConnectorIds.Pattern().IsMatch(id!))
            .When(x => x.Id is not null)
            .OverridePropertyName("id")
            .WithErrorCode(ErrorCodes.Field.InvalidId)
            .WithMessage("Must be 1 to 64 characters among a-z, 0-9 and '-'.");

        RuleFor(x => x.Name)
            .NotEmpty().WithErrorCode(ErrorCodes.Field.Required).WithMessage("Required.")
            .MaximumLength(MaxNameLength).WithErrorCode(ErrorCodes.Field.TooLong).WithMessage($"At most {MaxNameLength} characters.")
            .OverridePropertyName("name");

        RuleFor(x => x.LogoUrl).Custom((url, context) => CheckLogo("logoUrl", url, allowInsecureEndpoints, context));
        RuleFor(x => x.LogoDarkUrl).Custom((url, context) => CheckLogo("logoDarkUrl", url, allowInsecureEndpoints, context));

        RuleFor(x => x.DisplayNames).Custom((names, context) =>
        {
            foreach (var (language, name) in names ?? new Dictionary<string, string>())
            {
                if (!LanguageTag().IsMatch(language))
                {
                    context.AddFailure(new FluentValidation.Results.ValidationFailure($"displayNames.{language}",
                        "Keys are language tags such as de or zh-CN.") { ErrorCode = ErrorCodes.Field.InvalidParameter });
                }
                else if (string.IsNullOrWhiteSpace(name) || name.Length > MaxNameLength)
                {
                    context.AddFailure(new FluentValidation.Results.ValidationFailure($"displayNames.{language}",
                        $"A name of 1 to {MaxNameLength} characters.") { ErrorCode = ErrorCodes.Field.TooLong });
                }
            }
        });

        RuleFor(x => x.AccountLinking)
            .Must(mode => mode is null || AccountLinkingModes.All.Contains(mode))
            .OverridePropertyName("accountLinking")
            .WithErrorCode(ErrorCodes.Field.OneOf)
            .WithMessage($"Must be one of {string.Join(", ", AccountLinkingModes.All)}.");

        RuleFor(x => x.AllowedEmailDomains).Custom((domains, context) =>
        {
            for (var i = 0; domains is not null && i < domains.Count; i++)
            {
                if (!IsDomain(domains[i]))
                {
                    context.AddFailure(new FluentValidation.Results.ValidationFailure($"allowedEmailDomains.{i}",
                        "Must be a domain name such as example.com (no '@', no scheme).") { ErrorCode = ErrorCodes.Field.InvalidParameter });
                }
            }
        });

        RuleFor(x => x.Config)
            .NotNull()
            .OverridePropertyName("config")
            .WithErrorCode(ErrorCodes.Field.Required)
            .WithMessage("Required: the connector's OAuth2 config.");
    }

    /// <summary>A logo is an https URL, or one of the logos this service serves itself (<c>/assets/logos/…</c>).</summary>
    private static void CheckLogo(string field, string? url, bool allowInsecureEndpoints, ValidationContext<CreateConnectorRequest> context)
    {
        if (url is null || (url.StartsWith(ServedLogos, StringComparison.Ordinal) && !url.Contains("..", StringComparison.Ordinal)))
        {
            return;
        }

        if (EndpointRules.Check(url, allowInsecureEndpoints) is { } code)
        {
            context.AddFailure(new FluentValidation.Results.ValidationFailure(field, $"Must be an absolute https URL, or a path under {ServedLogos}.") { ErrorCode = code });
        }
    }

    [System.Text.RegularExpressions.GeneratedRegex("^[A-Za-z]{2,3}(-[A-Za-z0-9]{2,8})*$")]
    private static partial System.Text.RegularExpressions.Regex LanguageTag();

    private static bool IsDomain(string? domain) =>
        !string.IsNullOrEmpty(domain) && domain.Length <= 253 && domain.Contains('.', StringComparison.Ordinal)
        && Uri.CheckHostName(domain) == UriHostNameType.Dns;
}
