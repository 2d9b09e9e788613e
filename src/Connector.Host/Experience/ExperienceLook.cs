using Connector.Host.Pages;

namespace Connector.Host.Experience;

/// <summary>A sign-in experience as the page kit's look: the saved one for every page, an unsaved one for the console's preview.</summary>
internal static class ExperienceLook
{
    public static PageLook Of(SignInExperience experience) => new()
    {
        DisplayName = experience.Branding.DisplayName,
        LogoUrl = experience.Branding.LogoUrl,
        LogoDarkUrl = experience.Branding.LogoDarkUrl,
        PrimaryColor = experience.Branding.PrimaryColor,
        ColorScheme = experience.Branding.ColorScheme,
        Languages = experience.Languages.Enabled,
        DefaultLanguage = experience.Languages.Default,
        TermsUrl = experience.TermsUrl,
        PrivacyUrl = experience.PrivacyUrl,
    };
}
