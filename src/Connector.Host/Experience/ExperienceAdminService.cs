using System.Text.Json.Nodes;
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

    public Task<SignInExperience> GetAsync(CancellationToken ct) => store.GetAsync(ct);

    /// <summary>
    /// Saves <paramref name="experience"/> whole, or answers every problem found — with those already in
    /// <paramref name="errors"/> (the document's shape), so a caller reports them all at once.
    /// </summary>
    public async Task<FieldErrors?> SaveAsync(SignInExperience experience, string actor, FieldErrors errors, CancellationToken ct)
    {
        var known = (await connectors.ListAsync(ct)).Select(row => row.Id).ToHashSet(StringComparer.Ordinal);
        errors.AddRange(new ExperienceValidator(known, options.Value.AllowInsecureEndpoints).Validate(experience));
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
}
