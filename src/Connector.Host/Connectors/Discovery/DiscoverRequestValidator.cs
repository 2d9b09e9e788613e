using Connector.Host.Problems;
using Connector.OAuth2.Configuration;
using FluentValidation;
using FluentValidation.Results;

namespace Connector.Host.Connectors.Discovery;

internal sealed class DiscoverRequestValidator : AbstractValidator<DiscoverRequest>
{
    public DiscoverRequestValidator(bool allowInsecureEndpoints)
    {
        RuleFor(x => x).Custom((request, context) =>
        {
            if ((request.Issuer is null) == (request.Url is null))
            {
                context.AddFailure(new ValidationFailure("issuer", "Give either issuer or url.") { ErrorCode = ErrorCodes.Field.OneOf });
                return;
            }

            var (field, value) = request.Issuer is not null ? ("issuer", request.Issuer) : ("url", request.Url);
            if (EndpointRules.Check(value, allowInsecureEndpoints) is { } code)
            {
                context.AddFailure(new ValidationFailure(field, "Must be an absolute https URL.") { ErrorCode = code });
            }
        });
    }
}
