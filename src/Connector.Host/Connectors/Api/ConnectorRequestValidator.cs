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

        RuleFor(x => x.Config)
            .NotNull()
            .OverridePropertyName("config")
            .WithErrorCode(ErrorCodes.Field.Required)
            .WithMessage("Required: the connector's OAuth2 config.");
    }
}
