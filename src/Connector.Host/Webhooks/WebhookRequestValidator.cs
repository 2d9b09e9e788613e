using Connector.Host.Events;
using Connector.Host.Problems;
using Connector.OAuth2.Configuration;
using FluentValidation;
using FluentValidation.Results;

namespace Connector.Host.Webhooks;

/// <summary>
/// Rules for a webhook: an absolute https URL without credentials or fragment (http only on loopback, and only with
/// <c>Connectors:AllowInsecureEndpoints</c>: the rules of a provider endpoint, <c>EndpointRules</c>), and at least one
/// known event type, none twice.
/// </summary>
internal sealed class WebhookRequestValidator : AbstractValidator<WebhookRequest>
{
    public const int MaxUrlLength = 2000;

    public WebhookRequestValidator(bool allowInsecureEndpoints)
    {
        RuleFor(x => x.Url).Custom((url, context) =>
        {
            if (url?.Length > MaxUrlLength)
            {
                context.AddFailure(new ValidationFailure("url", $"At most {MaxUrlLength} characters.") { ErrorCode = ErrorCodes.Field.TooLong });
            }
            else if (EndpointRules.Check(url, allowInsecureEndpoints) is { } code)
            {
                context.AddFailure(new ValidationFailure("url", Message(code)) { ErrorCode = code });
            }
        });

        RuleFor(x => x.Events)
            .NotEmpty().WithErrorCode(ErrorCodes.Field.Required).WithMessage("At least one event type is required.")
            .OverridePropertyName("events");

        RuleFor(x => x.Events).Custom((events, context) =>
        {
            for (var i = 0; events is not null && i < events.Count; i++)
            {
                if (!DomainEventTypes.All.Contains(events[i], StringComparer.Ordinal))
                {
                    context.AddFailure(new ValidationFailure($"events.{i}", $"Must be one of {string.Join(", ", DomainEventTypes.All)}.")
                    {
                        ErrorCode = ErrorCodes.Field.OneOf,
                    });
                }
                else if (events.Take(i).Contains(events[i], StringComparer.Ordinal))
                {
                    context.AddFailure(new ValidationFailure($"events.{i}", "Listed twice.") { ErrorCode = ErrorCodes.Field.Duplicate });
                }
            }
        });
    }

    private static string Message(string code) => code switch
    {
        ErrorCodes.Field.Required => "Required.",
        ErrorCodes.Field.InsecureUrl => "Must use https (http only to a loopback host, with Connectors:AllowInsecureEndpoints).",
        _ => "Must be an absolute http(s) URL without credentials or fragment.",
    };
}
