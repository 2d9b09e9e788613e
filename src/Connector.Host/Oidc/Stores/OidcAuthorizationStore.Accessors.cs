using System.Collections.Immutable;
using System.Text.Json;

namespace Connector.Host.Oidc.Stores;

/// <summary>The trivial getters and setters of the authorization store.</summary>
internal sealed partial class OidcAuthorizationStore
{
    public ValueTask<string?> GetApplicationIdAsync(OidcAuthorization authorization, CancellationToken cancellationToken) =>
        new(authorization.ApplicationId?.ToString());

    public ValueTask<DateTimeOffset?> GetCreationDateAsync(OidcAuthorization authorization, CancellationToken cancellationToken) =>
        new(StoreJson.ToOffset(authorization.CreationDate));

    public ValueTask<string?> GetIdAsync(OidcAuthorization authorization, CancellationToken cancellationToken) => new(authorization.Id.ToString());

    public ValueTask<ImmutableDictionary<string, JsonElement>> GetPropertiesAsync(OidcAuthorization authorization, CancellationToken cancellationToken) =>
        new(StoreJson.ReadProperties(authorization.Properties));

    public ValueTask<ImmutableArray<string>> GetScopesAsync(OidcAuthorization authorization, CancellationToken cancellationToken) =>
        new(StoreJson.ReadArray(authorization.Scopes));

    public ValueTask<string?> GetStatusAsync(OidcAuthorization authorization, CancellationToken cancellationToken) => new(authorization.Status);

    public ValueTask<string?> GetSubjectAsync(OidcAuthorization authorization, CancellationToken cancellationToken) => new(authorization.Subject);

    public ValueTask<string?> GetTypeAsync(OidcAuthorization authorization, CancellationToken cancellationToken) => new(authorization.Type);

    public ValueTask SetApplicationIdAsync(OidcAuthorization authorization, string? identifier, CancellationToken cancellationToken) =>
        Set(() => authorization.ApplicationId = StoreJson.ParseId(identifier));

    public ValueTask SetCreationDateAsync(OidcAuthorization authorization, DateTimeOffset? date, CancellationToken cancellationToken) =>
        Set(() => authorization.CreationDate = StoreJson.ToUtc(date));

    public ValueTask SetPropertiesAsync(OidcAuthorization authorization, ImmutableDictionary<string, JsonElement> properties, CancellationToken cancellationToken) =>
        Set(() => authorization.Properties = StoreJson.WriteProperties(properties));

    public ValueTask SetScopesAsync(OidcAuthorization authorization, ImmutableArray<string> scopes, CancellationToken cancellationToken) =>
        Set(() => authorization.Scopes = StoreJson.WriteArray(scopes));

    public ValueTask SetStatusAsync(OidcAuthorization authorization, string? status, CancellationToken cancellationToken) =>
        Set(() => authorization.Status = status);

    public ValueTask SetSubjectAsync(OidcAuthorization authorization, string? subject, CancellationToken cancellationToken) =>
        Set(() => authorization.Subject = subject);

    public ValueTask SetTypeAsync(OidcAuthorization authorization, string? type, CancellationToken cancellationToken) =>
        Set(() => authorization.Type = type);

    private static ValueTask Set(Action change)
    {
        change();
        return ValueTask.CompletedTask;
    }
}
