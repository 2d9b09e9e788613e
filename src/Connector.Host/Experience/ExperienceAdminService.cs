using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization.Metadata;
using Connector.Host.AdminApi.Input;
using Connector.Host.Audit;
using Connector.Host.Configuration;
using Connector.Host.Connectors;
using Connector.Host.Persistence;
using Connector.Host.Problems;
using Microsoft.Extensions.Options;

namespace Connector.Host.Experience;

/// <summary>Checks and saves the sign-in experience, audited with the operator as actor; the admin API and the console both call this.</summary>
internal sealed class ExperienceAdminService(
    ExperienceStore store,
    ExperienceReader reader,
    ConnectorStore connectors,
    IOptions<ConnectorsOptions> options,
    TimeProvider time)
{
    public const string UpdatedAction = "sign_in_experience.updated";

    private static readonly JsonTypeInfo<SignInExperience> ExperienceType =
        (JsonTypeInfo<SignInExperience>)ExperienceStore.Json.GetTypeInfo(typeof(SignInExperience));

    public Task<SignInExperience> GetAsync(CancellationToken ct) => store.GetAsync(ct);

    /// <summary>The experience as the admin API writes it (<c>GET /api/sign-in-experience</c>): what a form shows.</summary>
    public static JsonObject Document(SignInExperience experience) => JsonSerializer.SerializeToNode(experience, ExperienceType)!.AsObject();

    /// <summary>Replaces the experience with <paramref name="document"/> (a member left out takes its default), or answers every problem of its shape and its rules at once.</summary>
    public async Task<ExperienceOutcome> ReplaceAsync(JsonObject document, string actor, CancellationToken ct)
    {
        var errors = new FieldErrors();
        var experience = Read(document, errors);
        return await SaveAsync(experience, actor, errors, ct) is { } problems
            ? new ExperienceOutcome.Invalid(problems)
            : new ExperienceOutcome.Saved(experience);
    }

    /// <summary>
    /// Saves <paramref name="experience"/> whole, or answers every problem found — with those already in
    /// <paramref name="errors"/> (the document's shape), so a caller reports them all at once.
    /// </summary>
    public async Task<FieldErrors?> SaveAsync(SignInExperience experience, string actor, FieldErrors errors, CancellationToken ct)
    {
        errors.AddRange((await ValidatorAsync(ct)).Validate(experience));
        if (!errors.IsEmpty)
        {
            return errors;
        }

        var audit = new AuditEntry(Timestamps.Now(time), actor, UpdatedAction, "sign-in-experience", AuditOutcomes.Success,
            new JsonObject { ["connectors"] = new JsonArray([.. experience.Connectors.Select(id => JsonValue.Create(id))]) });
        await store.SaveAsync(experience, audit, ct);
        reader.Forget();
        return null;
    }

    /// <summary>
    /// The experience <paramref name="document"/> describes, for a look at it before it is saved (the console's preview):
    /// what it may not hold — a member of the wrong shape or against the rules — is left at its default. Never saved.
    /// </summary>
    public async Task<SignInExperience> PreviewAsync(JsonObject document, CancellationToken ct)
    {
        var draft = Read(document, new FieldErrors());
        var invalid = (await ValidatorAsync(ct)).Validate(draft).Errors.Select(failure => failure.PropertyName).ToHashSet(StringComparer.Ordinal);
        var branding = new Branding();
        return new SignInExperience
        {
            Connectors = [.. draft.Connectors.Where((_, i) => !invalid.Contains($"connectors.{i}"))],
            Branding = new Branding
            {
                DisplayName = invalid.Contains("branding.displayName") ? branding.DisplayName : draft.Branding.DisplayName,
                LogoUrl = invalid.Contains("branding.logoUrl") ? branding.LogoUrl : draft.Branding.LogoUrl,
                LogoDarkUrl = invalid.Contains("branding.logoDarkUrl") ? branding.LogoDarkUrl : draft.Branding.LogoDarkUrl,
                PrimaryColor = invalid.Contains("branding.primaryColor") ? branding.PrimaryColor : draft.Branding.PrimaryColor,
                ColorScheme = invalid.Contains("branding.colorScheme") ? branding.ColorScheme : draft.Branding.ColorScheme,
            },
            Languages = invalid.Any(path => path.StartsWith("languages.", StringComparison.Ordinal)) ? new Languages() : draft.Languages,
            TermsUrl = invalid.Contains("termsUrl") ? null : draft.TermsUrl,
            PrivacyUrl = invalid.Contains("privacyUrl") ? null : draft.PrivacyUrl,
        };
    }

    /// <summary>The experience a document describes, as far as its shape allows; a problem of shape is added to <paramref name="errors"/>.</summary>
    private static SignInExperience Read(JsonObject document, FieldErrors errors) =>
        JsonShape.Check(document, ExperienceType, "", errors).Deserialize(ExperienceType) ?? new SignInExperience();

    private async Task<ExperienceValidator> ValidatorAsync(CancellationToken ct)
    {
        var known = (await connectors.ListAsync(ct)).Select(row => row.Id).ToHashSet(StringComparer.Ordinal);
        return new ExperienceValidator(known, options.Value.AllowInsecureEndpoints);
    }
}
