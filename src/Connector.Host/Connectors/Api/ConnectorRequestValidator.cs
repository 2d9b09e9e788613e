using Connector.Host.Problems;
using Connector.OAuth2.Configuration;
using FluentValidation;

namespace Connector.Host.Connectors.Api;

/// <summary>Rules for the connector fields around the config (the config has the engine's own validator).</summary>
internal sealed class ConnectorRequestValidator : AbstractValidator<CreateConnectorRequest>
{
    private const int MaxNameLength = 200;

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

        RuleFor(x => x.LogoUrl).Custom((url, context) =>
        {
            if (url is not null && EndpointRules.Check(url, allowInsecureEndpoints) is { } code)
            {
                context.AddFailure(new FluentValidation.Results.ValidationFailure("logoUrl", "Must be an absolute https URL.") { ErrorCode = code });
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

    private static bool IsDomain(string? domain) =>
        !string.IsNullOrEmpty(domain) && domain.Length <= 253 && domain.Contains('.', StringComparison.Ordinal)
        && Uri.CheckHostName(domain) == UriHostNameType.Dns;
}
