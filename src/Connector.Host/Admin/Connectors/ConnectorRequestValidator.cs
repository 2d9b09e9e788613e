using Connector.Host.Admin.Input;
using Connector.OAuth2.Configuration;
using FluentValidation;

namespace Connector.Host.Admin.Connectors;

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
            .WithErrorCode(InputCodes.InvalidId)
            .WithMessage("Must be 1 to 64 characters among a-z, 0-9 and '-'.");

        RuleFor(x => x.Name)
            .NotEmpty().WithErrorCode(ValidationCodes.Required).WithMessage("Required.")
            .MaximumLength(MaxNameLength).WithErrorCode(InputCodes.TooLong).WithMessage($"At most {MaxNameLength} characters.")
            .OverridePropertyName("name");

        RuleFor(x => x.LogoUrl).Custom((url, context) =>
        {
            if (url is not null && EndpointRules.Check(url, allowInsecureEndpoints) is { } code)
            {
                context.AddFailure(new FluentValidation.Results.ValidationFailure("logoUrl", "Must be an absolute https URL.") { ErrorCode = code });
            }
        });

        RuleFor(x => x.Config)
            .NotNull()
            .OverridePropertyName("config")
            .WithErrorCode(ValidationCodes.Required)
            .WithMessage("Required: the connector's OAuth2 config.");
    }
}
