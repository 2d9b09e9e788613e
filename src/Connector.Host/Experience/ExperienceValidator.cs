using Connector.Host.Pages;
using Connector.Host.Problems;
using Connector.OAuth2.Configuration;
using FluentValidation;
using FluentValidation.Results;

namespace Connector.Host.Experience;

/// <summary>Rules for a sign-in experience; <c>knownConnectors</c> are the ids that exist when it is saved.</summary>
internal sealed partial class ExperienceValidator : AbstractValidator<SignInExperience>
{
    private const int MaxDisplayName = 200;

    public ExperienceValidator(IReadOnlySet<string> knownConnectors, bool allowInsecureEndpoints)
    {
        RuleFor(x => x.Connectors).Custom((ids, context) =>
        {
            for (var i = 0; i < ids.Count; i++)
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

        RuleFor(x => x.Branding.DisplayName).MaximumLength(MaxDisplayName).OverridePropertyName("branding.displayName")
            .WithErrorCode(ErrorCodes.Field.TooLong).WithMessage($"At most {MaxDisplayName} characters.");
        RuleFor(x => x.Branding.PrimaryColor).Must(color => color is null || HexColor().IsMatch(color)).OverridePropertyName("branding.primaryColor")
            .WithErrorCode(ErrorCodes.Field.InvalidParameter).WithMessage("A colour as #rrggbb.");
        RuleFor(x => x.Branding.ColorScheme).Must(scheme => ColorSchemes.All.Contains(scheme)).OverridePropertyName("branding.colorScheme")
            .WithErrorCode(ErrorCodes.Field.OneOf).WithMessage($"Must be one of {string.Join(", ", ColorSchemes.All)}.");
        RuleFor(x => x.Branding.LogoUrl).Custom((url, context) => CheckUrl("branding.logoUrl", url, allowInsecureEndpoints, context, servedLogos: true));
        RuleFor(x => x.Branding.LogoDarkUrl).Custom((url, context) => CheckUrl("branding.logoDarkUrl", url, allowInsecureEndpoints, context, servedLogos: true));
        RuleFor(x => x.TermsUrl).Custom((url, context) => CheckUrl("termsUrl", url, allowInsecureEndpoints, context, servedLogos: false));
        RuleFor(x => x.PrivacyUrl).Custom((url, context) => CheckUrl("privacyUrl", url, allowInsecureEndpoints, context, servedLogos: false));

        RuleFor(x => x.Languages.Enabled).Custom((languages, context) =>
        {
            if (languages.Count == 0)
            {
                context.AddFailure(new ValidationFailure("languages.enabled", "At least one language.") { ErrorCode = ErrorCodes.Field.Required });
            }

            for (var i = 0; i < languages.Count; i++)
            {
                if (!PageLanguages.Supported.Contains(languages[i]))
                {
                    context.AddFailure(new ValidationFailure($"languages.enabled.{i}", $"Must be one of {string.Join(", ", PageLanguages.Supported)}.") { ErrorCode = ErrorCodes.Field.OneOf });
                }
            }
        });
        RuleFor(x => x.Languages.Default).Must((experience, language) => experience.Languages.Enabled.Contains(language))
            .OverridePropertyName("languages.default").WithErrorCode(ErrorCodes.Field.OneOf).WithMessage("Must be one of the enabled languages.");
    }

    private static void CheckUrl(string field, string? url, bool allowInsecure, ValidationContext<SignInExperience> context, bool servedLogos)
    {
        if (url is null || (servedLogos && url.StartsWith("/assets/logos/", StringComparison.Ordinal) && !url.Contains("..", StringComparison.Ordinal)))
        {
            return;
        }

        if (EndpointRules.Check(url, allowInsecure) is { } code)
        {
            context.AddFailure(new ValidationFailure(field, "Must be an absolute https URL.") { ErrorCode = code });
        }
    }

    [System.Text.RegularExpressions.GeneratedRegex("^#[0-9a-fA-F]{6}$")]
    private static partial System.Text.RegularExpressions.Regex HexColor();
}
